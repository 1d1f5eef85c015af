import {
    type AstNode, type AstNodeDescription, type AstNodeLocator, AstUtils, GrammarAST, type IndexManager, type LangiumDocuments,
    type ReferenceInfo, type Stream,
} from 'langium';
import {
    type CompletionAcceptor,
    type CompletionContext,
    type CompletionValueItem,
    DefaultCompletionProvider,
    type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isTouchpoint, type Journey, type Stage } from './generated/ast.js';
import type { JourneyServices } from './journey-module.js';
import type { Clock } from './clock.js';
import { declaredWhere, kindLabel } from './journey-element-info.js';
import { escapeMarkdown } from './markdown.js';

/** The channels completion offers after `channel` (any identifier is accepted). */
export const CHANNELS = [
    'web', 'email', 'call', 'meeting', 'chat', 'in_app', 'product', 'docs',
    'support', 'community', 'event', 'social', 'sms', 'other',
] as const;

/**
 * For each rule, the keywords of its single-valued properties and the list the
 * grammar collects the values into: once the list is not empty, the keyword is
 * no longer offered in that block.
 */
const SINGLE_VALUED: Record<string, Record<string, string>> = {
    Team: { description: 'descriptions' },
    Segment: { description: 'descriptions' },
    Journey: { description: 'descriptions', owner: 'owners', reviewed: 'reviewed' },
    Stage: { description: 'descriptions' },
    Touchpoint: { description: 'descriptions', channel: 'channels', owner: 'owners', emotion: 'emotions', internal: 'internal' },
    PainPoint: { description: 'descriptions', severity: 'severities', internal: 'internal' },
    Metric: { description: 'descriptions', target: 'targets', actual: 'actuals', unit: 'units' },
    Initiative: {
        description: 'descriptions', owner: 'owners', impact: 'impacts', effort: 'efforts',
        due: 'due', status: 'statuses', internal: 'internal',
    },
    Review: { description: 'descriptions' },
    Change: { description: 'descriptions' },
};

/** The enumerations of the language (datatype rules made of keywords), named as in LANGUAGE.md. */
const ENUMERATIONS: Record<string, string> = {
    Severity: 'severity',
    Level: 'impact / effort',
    Status: 'status',
};

const EMOTIONS: Array<[string, string]> = [
    ['+2', 'delighted'], ['+1', 'pleased'], ['0', 'neutral'], ['-1', 'frustrated'], ['-2', 'angry'],
];

/** Reference lists that may not name an element twice. */
const LIST_PROPERTIES = new Set(['next', 'segments', 'at', 'addresses']);

/** The most choices a snippet offers for one tab stop; beyond that a choice list is noise. */
const MAX_CHOICES = 20;

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

    constructor(services: JourneyServices) {
        super(services);
        this.clock = services.clock;
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.astNodeLocator = services.workspace.AstNodeLocator;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): void | Promise<void> {
        if (GrammarAST.isRuleCall(next.feature)) {
            this.completionForValue(context, next.feature, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return super.filterKeyword(context, keyword) && !this.isSingleValuedPropertySet(context, keyword);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const enumeration = rule ? ENUMERATIONS[rule.name] : undefined;
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
        switch (assignment?.feature) {
            case 'channels':
                for (const channel of CHANNELS) {
                    acceptor(context, { label: channel, kind: CompletionItemKind.EnumMember, detail: 'channel', sortText: '0' });
                }
                break;
            case 'emotions':
                EMOTIONS.forEach(([value, feeling], index) => {
                    acceptor(context, {
                        label: value, kind: CompletionItemKind.Value, detail: 'emotion',
                        labelDetails: { description: feeling }, sortText: `0${index}`,
                    });
                });
                break;
            case 'reviewed':
            case 'dates':
                acceptor(context, { label: this.clock.today(), kind: CompletionItemKind.Value, detail: 'today', sortText: '0' });
                break;
        }
    }

    /** Whether the keyword starts a single-valued property that its block already has. */
    protected isSingleValuedPropertySet(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const property = rule ? SINGLE_VALUED[rule.name]?.[keyword.value] : undefined;
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

    protected override createReferenceCompletionItem(
        description: AstNodeDescription,
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
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
            documentation: text ? { kind: 'markdown', value: escapeMarkdown(text) } : item.documentation,
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

    /** A snippet for a whole element started by this keyword, with tab stops and valid defaults. */
    protected snippetFor(keyword: string, context: CompletionContext): string | undefined {
        const today = this.clock.today();
        const journey = enclosingOfType(context.node, 'Journey') as Journey | undefined;
        const stage = enclosingOfType(context.node, 'Stage') as Stage | undefined;
        const snippet = new SnippetBuilder();
        switch (keyword) {
            case 'journey':
                return snippet.lines(
                    `journey ${snippet.placeholder('newJourney')} "${snippet.placeholder('Title')}" {`,
                    ...this.ownerLine(snippet).map((line) => `  ${line}`),
                    `  reviewed ${snippet.placeholder(today)}`,
                    '',
                    `  stage ${snippet.placeholder('awareness')} "${snippet.placeholder('Awareness')}" {`,
                    `    goal "${snippet.placeholder('What the customer wants here')}"`,
                    `    touchpoint ${snippet.placeholder('firstContact')} "${snippet.placeholder('Title')}" { channel ${snippet.choice(CHANNELS)}  emotion ${snippet.choice(EMOTIONS.map(([value]) => value), '0')} }`,
                    '  }',
                    '}',
                );
            case 'stage':
                return snippet.lines(
                    `stage ${snippet.placeholder('newStage')} "${snippet.placeholder('Title')}" {`,
                    `  goal "${snippet.placeholder('What the customer wants here')}"`,
                    `  ${snippet.end()}`,
                    '}',
                );
            case 'touchpoint':
                return `touchpoint ${snippet.placeholder('newTouchpoint')} "${snippet.placeholder('Title')}" { ` +
                    [`channel ${snippet.choice(CHANNELS)}`, ...this.ownerLine(snippet), `emotion ${snippet.choice(EMOTIONS.map(([value]) => value), '0')}`].join('  ') +
                    ' }';
            case 'painpoint': {
                const touchpoints = stage?.touchpoints.map((touchpoint) => touchpoint.name) ?? [];
                return snippet.lines(
                    `painpoint ${snippet.placeholder('newPainPoint')} "${snippet.placeholder('What goes wrong')}" {`,
                    ...(touchpoints.length > 0 ? [`  at ${snippet.choice(touchpoints)}`] : []),
                    `  severity ${snippet.choice(['medium', 'low', 'high', 'critical'])}`,
                    `  evidence "${snippet.placeholder('What shows it: tickets, usage, churn')}"`,
                    '}',
                );
            }
            case 'initiative': {
                const painPoints = journey?.stages.flatMap((s) => s.painpoints.map((painPoint) => painPoint.name)) ?? [];
                return snippet.lines(
                    `initiative ${snippet.placeholder('newInitiative')} "${snippet.placeholder('Title')}" {`,
                    ...this.ownerLine(snippet).map((line) => `  ${line}`),
                    ...(painPoints.length > 0 ? [`  addresses ${snippet.choice(painPoints)}`] : []),
                    `  impact ${snippet.choice(['medium', 'low', 'high'])}  effort ${snippet.choice(['medium', 'low', 'high'])}`,
                    `  due ${snippet.placeholder(addDays(today, 90))}`,
                    `  status ${snippet.choice(['planned', 'active', 'done', 'dropped'])}`,
                    '}',
                );
            }
            case 'review': {
                const stages = journey?.stages.map((s) => s.name) ?? [];
                return snippet.lines(
                    `review ${snippet.placeholder('newReview')} "${snippet.placeholder('Title')}" on ${snippet.placeholder(today)} {`,
                    `  change ${snippet.placeholder('newChange')} "${snippet.placeholder('What changed')}" {`,
                    ...(stages.length > 0
                        ? [`    ${snippet.choice(['improves', 'worsens'])} ${snippet.choice(stages)} "${snippet.placeholder('How it moved the stage')}"`]
                        : []),
                    '  }',
                    '}',
                );
            }
            case 'metric':
                return `metric ${snippet.placeholder('newMetric')} "${snippet.placeholder('Title')}" { target ${snippet.choice(['>=', '<='])} ${snippet.placeholder('40')}  actual ${snippet.placeholder('0')} }`;
            default:
                return undefined;
        }
    }

    /** `owner <team>` with the workspace's teams as choices, or nothing when there is no team to name. */
    protected ownerLine(snippet: SnippetBuilder): string[] {
        const teams = this.indexManager.allElements('Team').map((team) => team.name).distinct().toArray();
        return teams.length > 0 ? [`owner ${snippet.choice(teams)}`] : [];
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
    if (!LIST_PROPERTIES.has(refInfo.property)) {
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

/** Builds snippet text with numbered tab stops, in the order they are written. */
class SnippetBuilder {
    private stop = 0;

    placeholder(text: string): string {
        return `\${${++this.stop}:${escapeSnippet(text)}}`;
    }

    /** A choice of values; the first (or the given default) is what stays when the person just tabs on. */
    choice(values: readonly string[], preferred?: string): string {
        const ordered = preferred ? [preferred, ...values.filter((value) => value !== preferred)] : [...values];
        const shown = ordered.slice(0, MAX_CHOICES).map((value) => value.replace(/[$}\\,|]/g, '\\$&'));
        return `\${${++this.stop}|${shown.join(',')}|}`;
    }

    end(): string {
        return '$0';
    }

    lines(...lines: string[]): string {
        return lines.join('\n');
    }
}

function escapeSnippet(text: string): string {
    return text.replace(/[$}\\]/g, '\\$&');
}

/** The ISO date `days` after an ISO date. */
function addDays(isoDate: string, days: number): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
}
