import {
    type AstNode, type AstReflection, AstUtils, CstUtils, DocumentValidator, GrammarUtils, type LangiumDocument, type Reference,
    type ReferenceInfo, type ScopeProvider,
} from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import {
    isDocument, isInitiative, isJourney, isPainPoint, isSegment, isTeam, type Journey, type PainPoint,
} from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import type { Clock } from '../clock.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { displayTitle, nameOf } from '../element-info.js';
import { kindKeyword, kindLabel } from '../element-kinds.js';
import { closestNames, namesInScope } from '../references/closest-names.js';
import { START_REVIEW_KIND, startReviewAction } from './start-review-action.js';
import { addProperty, appendLines, INDENT, insertLinesAfter, replaceNode } from './text-edits.js';

/**
 * Quick fixes for the diagnostics of the language, keyed on their stable
 * codes, and the "Start the next review" action. Every fix is a text edit
 * that adds or replaces tokens and never removes a comment.
 */
export class JourneyCodeActionProvider implements CodeActionProvider {
    protected readonly clock: Clock;
    protected readonly scopeProvider: ScopeProvider;
    protected readonly reflection: AstReflection;

    constructor(protected readonly services: JourneyServices) {
        this.clock = services.clock;
        this.scopeProvider = services.references.ScopeProvider;
        this.reflection = services.shared.AstReflection;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const fixes = params.context.diagnostics.flatMap((diagnostic) => this.safely(() => this.fixesFor(document, diagnostic)));
        const only = params.context.only;
        if (only && !only.some((kind) => START_REVIEW_KIND.startsWith(kind))) return fixes;
        return [...fixes, ...this.safely(() => {
            const context = { documents: this.services.shared.workspace.LangiumDocuments, projects: this.services.projects.ProjectRegistry, today: this.clock.today() };
            const action = startReviewAction(document, params.range, context);
            return action ? [action] : [];
        })];
    }

    /** An action that cannot be computed must not take the others (or the server) down. */
    protected safely(actions: () => CodeAction[]): CodeAction[] {
        try {
            return actions();
        } catch (error) {
            console.error(error);
            return [];
        }
    }

    protected fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        switch (codeOf(diagnostic)) {
            case DiagnosticCode.UnresolvedReference:
            case DocumentValidator.LinkingError: // Langium's own, where no validator has given it our code
                return this.fixUnresolvedReference(document, diagnostic);
            case DiagnosticCode.MissingSeverity: return this.addSeverity(document, diagnostic);
            case DiagnosticCode.UnaddressedPainPoint: return this.addInitiative(document, diagnostic);
            case DiagnosticCode.StaleReview: return this.setReviewedToday(document, diagnostic);
            case DiagnosticCode.NeverReviewed: return this.setReviewedToday(document, diagnostic);
            case DiagnosticCode.PastDueInitiative: return this.markDone(document, diagnostic);
            case DiagnosticCode.UnknownChannel: return this.replaceWithSuggestion(document, diagnostic);
            default: return [];
        }
    }

    // ── Unresolved references ───────────────────────────────────────────────

    /** The closest existing names of the expected kind, and for a team or segment, declaring it. */
    protected fixUnresolvedReference(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = this.referenceAt(document, diagnostic);
        const name = found?.reference.$refText ?? dataOf(diagnostic).name ?? document.textDocument.getText(diagnostic.range);
        const kind = found ? this.reflection.getReferenceType(found) : dataOf(diagnostic).kind;
        if (!name || !kind) {
            return [];
        }
        const renames = found
            ? closestNames(name, this.candidateNames(found)).map((candidate, index) => quickFix(
                `Change to '${candidate.name}'${candidate.title !== candidate.name ? ` (${candidate.title})` : ''}`,
                document, diagnostic, [{ range: diagnostic.range, newText: candidate.name }], index === 0,
            ))
            : [];
        const declaration = kind === 'Team' || kind === 'Segment' ? [this.declare(document, diagnostic, kind, name)] : [];
        return [...renames, ...declaration];
    }

    /** The reference the diagnostic is about, found in the AST from its range. */
    protected referenceAt(document: LangiumDocument, diagnostic: Diagnostic): ReferenceInfo | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const assignment = leaf && GrammarUtils.findAssignment(leaf);
        if (!leaf || !assignment) {
            return undefined;
        }
        const container = leaf.astNode;
        const value = (container as unknown as Record<string, unknown>)[assignment.feature];
        const references = (Array.isArray(value) ? value : [value]) as Reference[];
        const reference = references.find((candidate) => candidate?.$refNode?.offset === leaf.offset);
        return reference ? { reference, container, property: assignment.feature } : undefined;
    }

    protected candidateNames(info: ReferenceInfo): Array<{ name: string; title: string }> {
        return namesInScope(this.scopeProvider, info)
            .map((description) => ({ name: description.name, title: description.node ? displayTitle(description.node) : description.name }));
    }

    /** `team x "X"` after the file's last declaration of that kind (or of teams and segments), or at its end. */
    protected declare(document: LangiumDocument, diagnostic: Diagnostic, kind: 'Team' | 'Segment', name: string): CodeAction {
        const declaration = `${kindKeyword(kind)} ${name} "${stringContent(titleFromName(name))}"`;
        const root = document.parseResult.value;
        const elements = isDocument(root) ? root.elements : [];
        const sameKind = elements.filter(kind === 'Team' ? isTeam : isSegment);
        const shared = elements.filter((element) => isTeam(element) || isSegment(element));
        const anchor = (sameKind.at(-1) ?? shared.at(-1))?.$cstNode;
        const edit = anchor ? insertLinesAfter(document, anchor, [declaration], false) : appendLines(document, [declaration]);
        return quickFix(`Declare ${kindLabel(kind)} '${name}'`, document, diagnostic, [edit], false);
    }

    // ── Pain points ─────────────────────────────────────────────────────────

    protected addSeverity(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const painPoint = this.nodeAt(document, diagnostic, isPainPoint);
        if (!painPoint) {
            return [];
        }
        const edit = addProperty(document, painPoint, 'severity medium', GrammarUtils.findNodesForProperty(painPoint.$cstNode, 'at'));
        return edit ? [quickFix(`Add 'severity medium' to '${painPoint.name}'`, document, diagnostic, [edit], true)] : [];
    }

    /** A planned initiative that addresses the pain point, after the journey's last initiative (or stage). */
    protected addInitiative(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const painPoint = this.nodeAt(document, diagnostic, isPainPoint);
        const journey = painPoint && AstUtils.getContainerOfType(painPoint, isJourney);
        const anchor = journey && (journey.initiatives.at(-1) ?? journey.stages.at(-1))?.$cstNode;
        if (!painPoint || !journey || !anchor) {
            return [];
        }
        const name = uniqueName(journey, `fix${capitalize(painPoint.name)}`);
        const owner = ownerFor(painPoint, journey);
        const lines = [
            `initiative ${name} "${stringContent(`Fix: ${displayTitle(painPoint)}`)}" {`,
            ...(owner ? [`${INDENT}owner ${owner}`] : []),
            `${INDENT}addresses ${painPoint.name}`,
            `${INDENT}status planned`,
            '}',
        ];
        const edit = insertLinesAfter(document, anchor, lines, true);
        return [quickFix(`Add an initiative that addresses '${painPoint.name}'`, document, diagnostic, [edit], true)];
    }

    // ── Journeys and initiatives ────────────────────────────────────────────

    protected setReviewedToday(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const journey = this.nodeAt(document, diagnostic, isJourney);
        if (!journey) {
            return [];
        }
        const today = this.clock.today();
        const date = GrammarUtils.findNodeForProperty(journey.$cstNode, 'reviewed');
        const after = [...GrammarUtils.findNodesForProperty(journey.$cstNode, 'descriptions'), ...GrammarUtils.findNodesForProperty(journey.$cstNode, 'owners')]
            .sort((a, b) => a.offset - b.offset);
        const edit = date ? replaceNode(date, today) : addPropertyAtTop(document, journey, `reviewed ${today}`, after);
        return edit ? [quickFix(`Mark '${journey.name}' as reviewed today (${today})`, document, diagnostic, [edit], true)] : [];
    }

    /** The value the diagnostic suggests (data.replacement) in place of what it underlines. */
    protected replaceWithSuggestion(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const { replacement } = dataOf(diagnostic);
        return replacement !== undefined ? [quickFix(`Change to '${replacement}'`, document, diagnostic, [{ range: diagnostic.range, newText: replacement }], true)] : [];
    }

    protected markDone(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const initiative = this.nodeAt(document, diagnostic, isInitiative);
        if (!initiative) {
            return [];
        }
        const status = GrammarUtils.findNodeForProperty(initiative.$cstNode, 'statuses');
        const edit = status
            ? replaceNode(status, 'done')
            : addProperty(document, initiative, 'status done', GrammarUtils.findNodesForProperty(initiative.$cstNode, 'due'));
        return edit ? [quickFix(`Mark '${initiative.name}' as done`, document, diagnostic, [edit], true)] : [];
    }

    /** The innermost node of the given type at the start of the diagnostic. */
    protected nodeAt<T extends AstNode>(document: LangiumDocument, diagnostic: Diagnostic, is: (node: unknown) => node is T): T | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const node = leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
        // The diagnostic may be from a text before the last keystroke: an element that lost its name is not the one it was about.
        return node && nameOf(node) ? node : undefined;
    }
}

/**
 * A journey-level property goes after the journey's description and owner,
 * or first in the block: that is where people look for it.
 */
function addPropertyAtTop(document: LangiumDocument, journey: Journey, property: string, after: ReturnType<typeof GrammarUtils.findNodesForProperty>): TextEdit | undefined {
    if (after.length > 0) {
        return addProperty(document, journey, property, after);
    }
    const open = GrammarUtils.findNodeForKeyword(journey.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(journey.$cstNode, '}');
    if (!open || !close || open.range.start.line === close.range.start.line) {
        return addProperty(document, journey, property);
    }
    return insertLinesAfter(document, open, [INDENT + property], false);
}

/** The diagnostic code, whether the validator put it on the diagnostic or in its data. */
function codeOf(diagnostic: Diagnostic): string | undefined {
    const code = diagnostic.code ?? dataOf(diagnostic).code;
    return typeof code === 'string' ? code : undefined;
}

interface DiagnosticData {
    code?: string;
    name?: string;
    kind?: string;
    /** What to write instead, for a diagnostic that suggests one value (journey.unknown-channel). */
    replacement?: string;
}

function dataOf(diagnostic: Diagnostic): DiagnosticData {
    const data: unknown = diagnostic.data;
    return typeof data === 'object' && data !== null ? data : {};
}

function quickFix(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred,
        edit: { changes: { [document.textDocument.uri]: edits } },
    };
}

/** "customerSuccess" → "Customer Success"; short names are taken for acronyms: "cs" → "CS". */
export function titleFromName(name: string): string {
    if (/^[a-z]{1,3}$/.test(name)) {
        return name.toUpperCase();
    }
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .split(/[_\s]+/)
        .filter((word) => word.length > 0)
        .map(capitalize)
        .join(' ');
}

function capitalize(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Escapes text for the inside of a double-quoted string of the language. */
function stringContent(text: string): string {
    return text.replace(/[\\"]/g, '\\$&');
}

/** A name not yet used in the journey: `fixX`, `fixX2`, `fixX3`… */
function uniqueName(journey: Journey, base: string): string {
    const taken = new Set(AstUtils.streamAllContents(journey).map((node) => (node as { name?: string }).name).filter((name) => !!name));
    let name = base;
    for (let n = 2; taken.has(name); n++) {
        name = `${base}${n}`;
    }
    return name;
}

/** Who should own the fix: the team owning the broken moment, else the journey's owner. */
function ownerFor(painPoint: PainPoint, journey: Journey): string | undefined {
    const touchpointOwner = painPoint.at.map((at) => at.ref?.owners[0]).find((owner) => owner?.ref);
    const owner = touchpointOwner ?? journey.owners.find((candidate) => candidate.ref);
    return owner?.$refText;
}
