import { type AstNode, type AstNodeLocator, AstUtils, type LangiumDocuments, type Reference, type References } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import {
    type Change, type Initiative, type Journey, type Metric, type PainPoint, type Review, type Segment, type Stage,
    type Target, type Team, type Touchpoint, isJourney,
} from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { displayTitle, emotionOf, formatEmotion, lastReviewOf, segmentEmotionsOf, stageNetEmotion } from '../element-info.js';
import { kindLabel } from '../element-kinds.js';
import { escapeMarkdown } from '../markdown.js';
import { customerVisibility } from '../customer-visibility.js';

/** How many names a hover lists before it says "and N more". */
const MAX_LISTED = 8;

type Fact = [label: string, value: string];

/**
 * Markdown hover for declarations and references: the element's kind, title
 * and description, then its key facts. Every piece of user text is escaped.
 */
export class JourneyHoverProvider extends AstNodeHoverProvider {
    protected readonly referenceFinder: References;
    protected readonly documents: LangiumDocuments;
    protected readonly astNodeLocator: AstNodeLocator;

    constructor(services: JourneyServices) {
        super(services);
        this.referenceFinder = services.references.References;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.astNodeLocator = services.workspace.AstNodeLocator;
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        const kindFacts = this.factsOf(node);
        if (!kindFacts) {
            return undefined;
        }
        const facts: Fact[] = node.$type === 'Segment' ? kindFacts : [...kindFacts, ['customers', customerVisibility(node)]];
        const name = (node as { name?: string }).name ?? '';
        const title = (node as { title?: string }).title;
        const heading = `**${kindLabel(node.$type)}** \`${name}\`${title ? ` — ${escapeMarkdown(title)}` : ''}`;
        const description = (node as { descriptions?: string[] }).descriptions?.[0];
        return [
            heading,
            ...(description ? [escapeMarkdown(description)] : []),
            ...(facts.length > 0 ? [facts.map(([label, value]) => `- ${label}: ${value}`).join('\n')] : []),
        ].join('\n\n');
    }

    protected factsOf(node: AstNode): Fact[] | undefined {
        switch (node.$type) {
            case 'Team': return this.teamFacts(node as Team);
            case 'Segment': return this.segmentFacts(node as Segment);
            case 'Journey': return journeyFacts(node as Journey);
            case 'Stage': return stageFacts(node as Stage);
            case 'Touchpoint': return touchpointFacts(node as Touchpoint);
            case 'PainPoint': return painPointFacts(node as PainPoint);
            case 'Metric': return metricFacts(node as Metric);
            case 'Initiative': return initiativeFacts(node as Initiative);
            case 'Review': return reviewFacts(node as Review);
            case 'Change': return changeFacts(node as Change);
            default: return undefined;
        }
    }

    /** A team's owned elements, across the workspace. */
    protected teamFacts(team: Team): Fact[] {
        const owners = this.referrers(team);
        if (owners.length === 0) {
            return [['owns', 'nothing yet']];
        }
        return byKind(owners).map(([type, nodes]) => [`owns ${plural(nodes.length, kindLabel(type))}`, listOf(nodes)]);
    }

    /** How many elements of the workspace a segment applies to. */
    protected segmentFacts(segment: Segment): Fact[] {
        const users = this.referrers(segment);
        const journeys = new Set(users.map((node) => AstUtils.getContainerOfType(node, isJourney)).filter((journey) => journey));
        if (users.length === 0) {
            return [['used by', 'no element (it is unused)']];
        }
        const kinds = byKind(users).map(([type, nodes]) => plural(nodes.length, kindLabel(type))).join(', ');
        return [['used by', `${plural(users.length, 'element')} (${kinds}) in ${plural(journeys.size, 'journey')}`]];
    }

    /** The distinct elements whose references name the node, anywhere in the workspace. */
    protected referrers(target: AstNode): AstNode[] {
        const found = new Set<AstNode>();
        for (const reference of this.referenceFinder.findReferences(target, { includeDeclaration: false })) {
            const document = this.documents.getDocument(reference.sourceUri);
            const node = document && this.astNodeLocator.getAstNode(document.parseResult.value, reference.sourcePath);
            if (node) {
                found.add(node);
            }
        }
        return [...found];
    }
}

function journeyFacts(journey: Journey): Fact[] {
    const touchpoints = journey.stages.flatMap((stage) => stage.touchpoints);
    const painPoints = journey.stages.flatMap((stage) => stage.painpoints);
    return [
        ...optional('owner', refList(journey.owners)),
        ['last reviewed', lastReviewedText(journey)],
        ['segments', refList(journey.segments) ?? 'all'],
        ['contains', [
            plural(journey.stages.length, 'stage'), plural(touchpoints.length, 'touchpoint'),
            plural(painPoints.length, 'pain point'), plural(journey.initiatives.length, 'initiative'),
        ].join(', ')],
    ];
}

/** "2026-10-20 (review q3)", "2026-06-01", or "never": a recorded review counts. */
function lastReviewedText(journey: Journey): string {
    const last = lastReviewOf(journey);
    if (last === undefined) return 'never';
    return last.review === undefined ? last.date : `${last.date} (review ${last.review})`;
}

function stageFacts(stage: Stage): Fact[] {
    return [
        ['segments', segmentsOf(stage)],
        ...stage.goals.map((goal): Fact => ['goal', escapeMarkdown(goal)]),
        ['touchpoints', stage.touchpoints.length > 0 ? listOf(stage.touchpoints) : 'none'],
        ['pain points', stage.painpoints.length > 0 ? listOf(stage.painpoints) : 'none'],
        ['net emotion', formatEmotion(stageNetEmotion(stage))],
    ];
}

function touchpointFacts(touchpoint: Touchpoint): Fact[] {
    const emotion = emotionOf(touchpoint);
    return [
        ['stage', nodeRef(touchpoint.$container)],
        ...optional('channel', touchpoint.channels[0] && channelText(touchpoint.channels[0])),
        ...optional('owner', refList(touchpoint.owners)),
        ...optional('accountable', refList(touchpoint.accountables)),
        ...optional('emotion', emotion === undefined ? undefined : formatEmotion(emotion)),
        ...Object.entries(segmentEmotionsOf(touchpoint)).map(([segment, value]): Fact => [`emotion for ${segment}`, formatEmotion(value)]),
        ['segments', segmentsOf(touchpoint)],
        ...optional('next', refList(touchpoint.next)),
    ];
}

/** A channel's name as code (`email`), a display name as text ("Shared Slack"). */
function channelText(channel: string): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(channel) ? `\`${channel}\`` : escapeMarkdown(channel);
}

function painPointFacts(painPoint: PainPoint): Fact[] {
    const journey = AstUtils.getContainerOfType(painPoint, isJourney);
    const initiatives = journey?.initiatives.filter((initiative) => initiative.addresses.some((ref) => ref.ref === painPoint)) ?? [];
    return [
        ['stage', nodeRef(painPoint.$container)],
        ['severity', painPoint.severities[0] ?? 'not set'],
        ...optional('touchpoints', refList(painPoint.at)),
        ['addressed by', initiatives.length > 0
            ? initiatives.map((initiative) => `${nodeRef(initiative)}${initiative.statuses[0] ? ` (${initiative.statuses[0]})` : ''}`).join(', ')
            : 'no initiative'],
        ['segments', segmentsOf(painPoint)],
        ...painPoint.evidence.map((evidence): Fact => ['evidence', escapeMarkdown(evidence)]),
    ];
}

function metricFacts(metric: Metric): Fact[] {
    const unit = metric.units[0] ? ` ${escapeMarkdown(metric.units[0])}` : '';
    const actual = metric.actuals[0];
    const value = (quantity: { value: number; percent: boolean }) => `${quantity.value}${quantity.percent ? '%' : ''}${unit}`;
    const history = [...metric.history].filter((past) => past.date).sort((a, b) => b.date.localeCompare(a.date));
    return [
        ...optional('target', metric.targets[0] && `${formatTarget(metric.targets[0])}${unit}`),
        ...optional('actual', actual && value(actual)),
        ...history.map((past): Fact => ['was', `${value(past)} on ${past.date}`]),
    ];
}

function initiativeFacts(initiative: Initiative): Fact[] {
    return [
        ['owner', refList(initiative.owners) ?? 'nobody'],
        ...optional('addresses', refList(initiative.addresses)),
        ...optional('impact', initiative.impacts[0]),
        ...optional('effort', initiative.efforts[0]),
        ...optional('due', initiative.due[0]),
        ['status', initiative.statuses[0] ?? 'not set'],
        ['segments', segmentsOf(initiative)],
    ];
}

function reviewFacts(review: Review): Fact[] {
    return [
        ...optional('on', review.dates[0]),
        ['changes', review.changes.length > 0 ? listOf(review.changes) : 'none'],
    ];
}

function changeFacts(change: Change): Fact[] {
    // An effect still being typed (`improves` with no stage yet) has no reference.
    return change.effects.filter((effect) => effect.stage !== undefined).map((effect): Fact => [
        effect.direction,
        `${effect.stage.ref ? nodeRef(effect.stage.ref) : unresolved(effect.stage)}${effect.note ? ` — ${escapeMarkdown(effect.note)}` : ''}`,
    ]);
}

function optional(label: string, value: string | undefined | false | 0): Fact[] {
    return value ? [[label, value]] : [];
}

/** "Customer Success (`cs`)", or "`cs`" where the title is missing. */
function nodeRef(node: AstNode): string {
    const name = (node as { name?: string }).name ?? '';
    const title = displayTitle(node);
    return title !== name ? `${escapeMarkdown(title)} (\`${name}\`)` : `\`${name}\``;
}

function unresolved(reference: Reference): string {
    return `\`${reference.$refText}\` (unresolved)`;
}

/** Its own `for`, else what it inherits from its stage or journey (named), else all. */
function segmentsOf(element: Stage | Touchpoint | PainPoint | Initiative): string {
    const own = refList(element.segments);
    if (own) return own;
    const stage = element.$type === 'Touchpoint' || element.$type === 'PainPoint' ? element.$container : undefined;
    const journey = stage ? stage.$container : (element as Stage | Initiative).$container;
    for (const container of [stage, journey]) {
        const inherited = container && refList(container.segments);
        if (inherited) return `${inherited} (from ${kindLabel(container.$type)} ${nodeRef(container)})`;
    }
    return 'all';
}

function refList(references: readonly Reference[]): string | undefined {
    return references.length > 0
        ? references.map((reference) => (reference.ref ? nodeRef(reference.ref) : unresolved(reference))).join(', ')
        : undefined;
}

function listOf(nodes: readonly AstNode[]): string {
    const shown = nodes.slice(0, MAX_LISTED).map(nodeRef).join(', ');
    return nodes.length > MAX_LISTED ? `${shown} and ${nodes.length - MAX_LISTED} more` : shown;
}

/** Nodes grouped by type, in the order of first appearance. */
function byKind(nodes: readonly AstNode[]): Array<[string, AstNode[]]> {
    const groups = new Map<string, AstNode[]>();
    for (const node of nodes) {
        groups.set(node.$type, [...(groups.get(node.$type) ?? []), node]);
    }
    return [...groups];
}

function plural(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatTarget(target: Target): string {
    return `${target.comparator ?? '>='} ${target.value}${target.percent ? '%' : ''}`;
}
