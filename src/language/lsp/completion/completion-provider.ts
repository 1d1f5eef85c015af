import {
    type AstNode, type AstNodeDescription, type AstNodeLocator, AstUtils, GrammarAST, type IndexManager, type LangiumDocuments,
    type ReferenceInfo, type Stream, URI,
} from 'langium';
import {
    type CompletionAcceptor,
    type CompletionBacktrackingInformation,
    type CompletionContext,
    type CompletionValueItem,
    DefaultCompletionProvider,
    type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completionPrefix, endOfLine, lexingStart } from './completion-prefix.js';
import { isTouchpoint, type Journey, type Stage } from '../../generated/ast.js';
import type { JourneyServices } from '../../journey-module.js';
import type { Clock } from '../../clock.js';
import { declaredWhere, EMOTION_SCALE } from '../../element-info.js';
import type { ProjectRegistry } from '../../projects/project-registry.js';
import { kindLabel } from '../../element-kinds.js';
import { enumerationOfRule, keywordsTaking, LIST_FEATURES, propertiesOf } from '../../element-properties.js';
import { snippetFor } from './snippets.js';
import { escapeMarkdown } from '../../markdown.js';

/**
 * The list the grammar collects a single-valued block property of this rule
 * into, by its keyword: once the list is not empty, the keyword is no longer
 * offered in that block. (A header property such as a review's `on` is not
 * a block's: the grammar itself offers it once.)
 */
function singleValuedFeature(ruleName: string, keyword: string): string | undefined {
    return propertiesOf(ruleName).find((property) => property.keyword === keyword && property.cardinality === 'one' && !property.inHeader)?.feature;
}

/**
 * An enumeration of the language (a datatype rule made of keywords), named as
 * in LANGUAGE.md by the keywords that take it: 'severity', 'impact / effort'.
 */
function enumerationName(ruleName: string): string | undefined {
    const value = enumerationOfRule(ruleName);
    return value && keywordsTaking(value).join(' / ');
}

/**
 * Completion that knows where the cursor is: the keywords valid there minus
 * the single-valued properties already set in the block, references filtered
 * by kind with their title and where they are declared, the enumerations and
 * channels, and snippets for whole elements.
 */
export class JourneyCompletionProvider extends DefaultCompletionProvider {
    protected readonly clock: Clock;
    protected readonly indexManager: IndexManager;
    protected readonly documents: LangiumDocuments;
    protected readonly astNodeLocator: AstNodeLocator;
    protected readonly projects: ProjectRegistry;

    constructor(services: JourneyServices) {
        super(services);
        this.clock = services.clock;
        this.projects = services.projects.ProjectRegistry;
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.astNodeLocator = services.workspace.AstNodeLocator;
    }

    /** Parses only what decides the next features: see completion-prefix.ts. */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const document = this.documents.getDocument(URI.parse(textDocument.uri));
        const parsedText = document?.parseResult.value.$cstNode?.root.fullText;
        if (!document || document.textDocument !== textDocument || parsedText !== textDocument.getText()) {
            return super.findFeaturesAt(textDocument, offset);
        }
        const prefix = completionPrefix(document, offset);
        return super.findFeaturesAt(TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, prefix), prefix.length);
    }

    /** Lexes only the lines around the cursor: see completion-prefix.ts. */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const end = endOfLine(text, offset);
        for (let window = 512; ; window *= 8) {
            const start = lexingStart(text, offset, window);
            const found = super.backtrackToAnyToken(text.slice(start, end), offset - start);
            if (found.previousTokenStart !== undefined || start === 0) {
                return {
                    nextTokenStart: found.nextTokenStart + start,
                    nextTokenEnd: found.nextTokenEnd + start,
                    previousTokenStart: found.previousTokenStart === undefined ? undefined : found.previousTokenStart + start,
                    previousTokenEnd: found.previousTokenEnd === undefined ? undefined : found.previousTokenEnd + start,
                };
            }
        }
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): void | Promise<void> {
        if (GrammarAST.isRuleCall(next.feature)) {
            this.completionForValue(context, next.feature, acceptor);
            return;
        }
        return super.completionFor(context, this.inItsOwnElement(context, next), acceptor);
    }

    /**
     * The text before the cursor may parse into an element that the document's
     * recovered tree does not have there (`next ` typed in a touchpoint of a
     * stage whose parse was broken by an earlier mistake: the tree has a stage).
     * Langium would ask the scope for the reference on that other node, which
     * throws; a reference whose node does not hold it is completed as on a new
     * element of the rule that holds it.
     */
    private inItsOwnElement(context: CompletionContext, next: NextFeature): NextFeature {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (!GrammarAST.isCrossReference(next.feature) || next.type || !context.node || !assignment || !rule) return next;
        const holds = (type: string) => {
            try {
                this.astReflection.getReferenceType({ container: { $type: type }, property: assignment.feature, reference: { $refText: '' } as never });
                return true;
            } catch {
                return false;
            }
        };
        return holds(context.node.$type) || !holds(rule.name) ? next : { ...next, type: rule.name };
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return super.filterKeyword(context, keyword) && !this.isSingleValuedPropertySet(context, keyword);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const enumeration = rule ? enumerationName(rule.name) : undefined;
        if (enumeration) {
            acceptor(context, { label: keyword.value, kind: CompletionItemKind.EnumMember, detail: enumeration, sortText: '0' });
            return;
        }
        acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: 'Keyword', sortText: '1' });
        const snippet = rule && rule.name !== 'Document' && this.snippetFor(keyword.value, context);
        if (snippet) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.Snippet,
                detail: `new ${kindLabel(rule.name)}`,
                labelDetails: { description: 'snippet' },
                insertText: snippet,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '2',
            });
        }
    }

    /** Values of terminal rules that completion can know: channels, emotions and today's date. */
    protected completionForValue(context: CompletionContext, ruleCall: GrammarAST.RuleCall, acceptor: CompletionAcceptor): void {
        const assignment = AstUtils.getContainerOfType(ruleCall, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(ruleCall, GrammarAST.isParserRule);
        switch (`${rule?.name}.${assignment?.feature}`) {
            case 'Touchpoint.channels':
                for (const channel of this.channelsAt(context)) {
                    acceptor(context, { label: channel, kind: CompletionItemKind.EnumMember, detail: 'channel', sortText: '0' });
                }
                break;
            case 'Emotion.value':
                EMOTION_SCALE.forEach(([value, feeling], index) => {
                    acceptor(context, {
                        label: value, kind: CompletionItemKind.Value, detail: 'emotion',
                        labelDetails: { description: feeling }, sortText: `0${index}`,
                    });
                });
                break;
            case 'Journey.reviewed':
            case 'Review.dates':
            case 'PastValue.date':
                acceptor(context, { label: this.clock.today(), kind: CompletionItemKind.Value, detail: 'today', sortText: '0' });
                break;
        }
    }

    /** Whether the keyword starts a single-valued property that its block already has. */
    protected isSingleValuedPropertySet(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const property = rule ? singleValuedFeature(rule.name, keyword.value) : undefined;
        if (!rule || !property) {
            return false;
        }
        const block = enclosingOfType(context.node, rule.name) as unknown as Record<string, unknown> | undefined;
        const values = block?.[property];
        return Array.isArray(values) && values.length > 0;
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const taken = namesAlreadyListed(refInfo, context.offset);
        return super.getReferenceCandidates(refInfo, context).filter((candidate) => !taken.has(candidate.name));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription): CompletionValueItem {
        // Built here rather than by the default, which looks up a doc comment per item: too slow for long lists.
        const item: CompletionValueItem = { nodeDescription: description, kind: this.nodeKindProvider.getCompletionItemKind(description), sortText: '0' };
        const node = this.loadNode(description);
        if (!node) {
            return { ...item, detail: kindLabel(description.type) };
        }
        const title = (node as { title?: string }).title;
        const where = declaredWhere(node);
        const text = (node as { descriptions?: string[] }).descriptions?.[0];
        return {
            ...item,
            detail: `${kindLabel(description.type)} ${title ? `“${title}”` : description.name} (${where})`,
            labelDetails: { detail: title ? `  ${title}` : undefined, description: where },
            documentation: text ? { kind: 'markdown', value: escapeMarkdown(text) } : undefined,
        };
    }

    /** The node behind a description: present for loaded documents, found by its path otherwise. */
    protected loadNode(description: AstNodeDescription): AstNode | undefined {
        if (description.node) {
            return description.node;
        }
        const document = this.documents.getDocument(description.documentUri);
        return document ? this.astNodeLocator.getAstNode(document.parseResult.value, description.path) : undefined;
    }

    /** The channel vocabulary of the document's project (its project file's `channels`). */
    protected channelsAt(context: CompletionContext): readonly string[] {
        return this.projects.projectOf(context.document.uri.toString()).settings.channels;
    }

    /** A snippet for a whole element started by this keyword, with tab stops and valid defaults. */
    protected snippetFor(keyword: string, context: CompletionContext): string | undefined {
        const uri = context.document.uri.toString();
        return snippetFor(keyword, {
            today: this.clock.today(),
            channels: this.channelsAt(context),
            journey: enclosingOfType(context.node, 'Journey') as Journey | undefined,
            stage: enclosingOfType(context.node, 'Stage') as Stage | undefined,
            teams: () => this.indexManager.allElements('Team')
                .filter((team) => this.projects.sameProject(team.documentUri.toString(), uri))
                .map((team) => team.name).distinct().toArray(),
        });
    }
}

/** The nearest node of the given type, from the node at the cursor outwards. */
function enclosingOfType(node: AstNode | undefined, type: string): AstNode | undefined {
    for (let current = node; current; current = current.$container) {
        if (current.$type === type) {
            return current;
        }
    }
    return undefined;
}

/**
 * Names a reference list already holds (other than the one being typed), and
 * for `next` the touchpoint itself: completion does not offer them again.
 */
function namesAlreadyListed(refInfo: ReferenceInfo, offset: number): Set<string> {
    const taken = new Set<string>();
    if (!LIST_FEATURES.has(refInfo.property)) {
        return taken;
    }
    const list = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
    if (Array.isArray(list)) {
        for (const reference of list as Array<{ $refText?: string; $refNode?: { offset: number; end: number } }>) {
            const beingTyped = reference.$refNode && reference.$refNode.offset <= offset && offset <= reference.$refNode.end;
            if (reference.$refText && !beingTyped) {
                taken.add(reference.$refText);
            }
        }
    }
    if (refInfo.property === 'next' && isTouchpoint(refInfo.container)) {
        taken.add(refInfo.container.name);
    }
    return taken;
}
