/**
 * AST → model: turns the parsed and linked documents of a workspace into the
 * plain data of types.ts. The Langium AST is only the input; nothing of it
 * reaches the output. Documents with errors are welcome: a nameless element
 * is skipped, an unresolved reference or an invalid value is left out.
 */
import { type AstNode, AstUtils, type CstNode, GrammarAST, isCompositeCstNode, type Reference } from 'langium';
import type * as ast from './generated/ast.js';
import { isValidIsoDate } from '../model/dates.js';
import { groupBy } from '../model/group-by.js';
import { emotionOf, segmentEmotionsOf } from './element-info.js';
import { deriveFlow, isPastDue, isUnaddressed, lastReview, metricStatus, netEmotion, reviewAge, STALE_AFTER_DAYS } from '../model/derived-facts.js';
import type {
    Change,
    Initiative,
    Journey,
    Metric,
    PainPoint,
    Review,
    Segment,
    SourceLocation,
    Stage,
    Team,
    Touchpoint,
    WorkspaceModel,
} from '../model/types.js';

/** One parsed document of the workspace. */
export interface ModelSource {
    uri: string;
    root: ast.Document;
}

export interface BuildOptions {
    /** ISO date that stale reviews and past-due initiatives are measured against. */
    today: string;
    /** The staleness window of the project a document belongs to (its project file's `staleAfterDays`); 90 days when absent. */
    staleAfterDays?: (uri: string) => number;
}

export function buildWorkspaceModel(sources: readonly ModelSource[], options: BuildOptions): WorkspaceModel {
    const elements = sources.flatMap((source) => source.root.elements.map((element) => ({ element, uri: source.uri })));
    const teams = elements.flatMap(({ element, uri }) =>
        element.$type === 'Team' && element.name ? [namedFields(element, uri, 'team')] : [],
    ) as Team[];
    const segments = elements.flatMap(({ element, uri }) =>
        element.$type === 'Segment' && element.name ? [namedFields(element, uri, 'segment')] : [],
    ) as Segment[];
    const workspace = { teams, segments, today: options.today, staleAfterDays: options.staleAfterDays ?? (() => STALE_AFTER_DAYS) };
    const journeys = elements.flatMap(({ element, uri }) =>
        element.$type === 'Journey' && element.name ? [buildJourney(element, uri, workspace)] : [],
    );
    return { journeys, teams, segments };
}

interface WorkspaceContext {
    teams: Team[];
    segments: Segment[];
    today: string;
    staleAfterDays: (uri: string) => number;
}

type NamedNode = AstNode & { name: string; title?: string; descriptions?: string[]; internal?: string[] };

function namedFields<K extends string>(node: NamedNode, uri: string, kind: K) {
    const description = node.descriptions?.[0];
    return {
        kind,
        name: node.name,
        title: node.title || node.name,
        ...(description !== undefined && { description }),
        ...optionalSource(node, uri),
        internal: (node.internal?.length ?? 0) > 0,
    };
}

function sharedField(node: { shared: string[] }): { shared: boolean } {
    return { shared: node.shared.length > 0 };
}

function optionalSource(node: AstNode, uri: string): { source?: SourceLocation } {
    const nameNode = nameNodeOf(node);
    if (!nameNode) {
        return {};
    }
    const { start, end } = nameNode.range;
    return { source: { uri, start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } };
}

/**
 * The CST node of a declaration's name: among its own nodes (inside the
 * unassigned rule calls, such as TopLevel, that wrap it), right after its
 * keyword. GrammarUtils.findNodeForProperty visits every node of the
 * declaration, and the preview builds the model on every keystroke.
 */
function nameNodeOf(node: AstNode): CstNode | undefined {
    let level = node.$cstNode;
    while (level && isCompositeCstNode(level)) {
        let inner: CstNode | undefined;
        for (const child of level.content) {
            const assignment = AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment);
            if (assignment?.feature === 'name') return child;
            if (!assignment && child.astNode === node && isCompositeCstNode(child)) inner ??= child;
        }
        level = inner;
    }
    return undefined;
}

function hasName<T extends { name?: string }>(node: T): boolean {
    return typeof node.name === 'string' && node.name.length > 0;
}

/** The names of the resolved references that are among `allowed` (when given); the rest are left out. */
function resolvedNames(references: readonly Reference<NamedNode>[], allowed?: ReadonlySet<string>): string[] {
    return references.flatMap((reference) => {
        const name = reference.ref?.name;
        return name && (!allowed || allowed.has(name)) ? [name] : [];
    });
}

/** The first value of a single-valued property (a second one is a validation error, not our business). */
function first<T>(values: readonly T[] | undefined): T | undefined {
    return values?.[0];
}

function validDate(values: readonly string[]): string | undefined {
    const date = first(values);
    return date !== undefined && isValidIsoDate(date) ? date : undefined;
}

function buildJourney(node: ast.Journey, uri: string, workspace: WorkspaceContext): Journey {
    const stageNodes = node.stages.filter(hasName);
    const touchpointNodes = stageNodes.flatMap((stage) => stage.touchpoints.filter(hasName));
    const painPointNodes = stageNodes.flatMap((stage) => stage.painpoints.filter(hasName));
    const initiativeNodes = node.initiatives.filter(hasName);
    const names = {
        teams: new Set(workspace.teams.map((team) => team.name)),
        segments: new Set(workspace.segments.map((segment) => segment.name)),
        stages: new Set(stageNodes.map((stage) => stage.name)),
        touchpoints: new Set(touchpointNodes.map((touchpoint) => touchpoint.name)),
        painPoints: new Set(painPointNodes.map((painPoint) => painPoint.name)),
    };

    const touchpoints = touchpointNodes.map((touchpoint) => buildTouchpoint(touchpoint, uri, names));
    const initiatives = initiativeNodes.map((initiative) => buildInitiative(initiative, uri, names, workspace.today));
    const addressedBy = groupBy(initiatives, (initiative) => initiative.addresses);
    const painPoints = painPointNodes.map((painPoint) => buildPainPoint(painPoint, uri, names, addressedBy.get(painPoint.name) ?? []));
    const touchpointsByStage = groupBy(touchpoints, (touchpoint) => [touchpoint.stage]);
    const stages = stageNodes.map((stage) => buildStage(stage, uri, names, touchpointsByStage.get(stage.name) ?? []));
    const metrics = [
        ...node.metrics.filter(hasName).map((metric) => buildMetric(metric, uri)),
        ...stageNodes.flatMap((stage) => stage.metrics.filter(hasName).map((metric) => buildMetric(metric, uri, stage.name))),
    ];
    const reviewed = validDate(node.reviewed);
    const owner = first(resolvedNames(node.owners, names.teams));
    const reviews = node.reviews.filter(hasName).map((review) => buildReview(review, uri, names.stages));
    const last = lastReview(reviewed, reviews);

    return {
        ...namedFields(node, uri, 'journey'),
        ...(owner !== undefined && { owner }),
        ...(reviewed !== undefined && { reviewed }),
        ...(last !== undefined && { lastReviewed: last.date }),
        ...reviewAge(last?.date, workspace.today, workspace.staleAfterDays(uri)),
        staleAfterDays: workspace.staleAfterDays(uri),
        forSegments: resolvedNames(node.segments, names.segments),
        stages,
        touchpoints,
        painPoints,
        metrics,
        initiatives,
        reviews,
        ...deriveFlow(touchpoints),
        teams: workspace.teams,
        segments: workspace.segments,
        view: { audience: 'internal' },
    };
}

interface JourneyNames {
    teams: ReadonlySet<string>;
    segments: ReadonlySet<string>;
    stages: ReadonlySet<string>;
    touchpoints: ReadonlySet<string>;
    painPoints: ReadonlySet<string>;
}

function scopedFields(node: { segments: Reference<ast.Segment>[] }, names: JourneyNames) {
    return { segments: resolvedNames(node.segments, names.segments) };
}

/** `own`: the touchpoints declared in stages of this name. */
function buildStage(node: ast.Stage, uri: string, names: JourneyNames, own: readonly Touchpoint[]): Stage {
    return {
        ...namedFields(node, uri, 'stage'),
        ...scopedFields(node, names),
        goals: [...node.goals],
        touchpoints: own.map((touchpoint) => touchpoint.name),
        painPoints: node.painpoints.filter(hasName).map((painPoint) => painPoint.name),
        metrics: node.metrics.filter(hasName).map((metric) => metric.name),
        netEmotion: netEmotion(own),
    };
}

function buildTouchpoint(node: ast.Touchpoint, uri: string, names: JourneyNames): Touchpoint {
    const channel = first(node.channels);
    const owner = first(resolvedNames(node.owners, names.teams));
    const accountable = first(resolvedNames(node.accountables, names.teams));
    const emotion = emotionOf(node);
    const segmentEmotions = Object.fromEntries(Object.entries(segmentEmotionsOf(node)).filter(([segment]) => names.segments.has(segment)));
    return {
        ...namedFields(node, uri, 'touchpoint'),
        ...scopedFields(node, names),
        stage: node.$container.name,
        ...(channel !== undefined && { channel }),
        ...(owner !== undefined && { owner }),
        ...(accountable !== undefined && { accountable }),
        ...(emotion !== undefined && { emotion }),
        ...(Object.keys(segmentEmotions).length > 0 && { segmentEmotions }),
        next: resolvedNames(node.next, names.touchpoints),
    };
}

/** `initiatives`: the initiatives that address this pain point. */
function buildPainPoint(node: ast.PainPoint, uri: string, names: JourneyNames, initiatives: readonly Initiative[]): PainPoint {
    const severity = first<PainPoint['severity']>(node.severities);
    const addressedBy = initiatives.map((initiative) => initiative.name);
    return {
        ...namedFields(node, uri, 'painpoint'),
        ...scopedFields(node, names),
        ...sharedField(node),
        stage: node.$container.name,
        at: resolvedNames(node.at, names.touchpoints),
        ...(severity !== undefined && { severity }),
        evidence: [...node.evidence],
        addressedBy,
        unaddressed: isUnaddressed(severity, addressedBy),
    };
}

function buildMetric(node: ast.Metric, uri: string, stage?: string): Metric {
    const targetNode = first(node.targets);
    const actualNode = first(node.actuals);
    // A number the parser left out as a mistake (`target >= oops`) is no target: the syntax error says so.
    const target = targetNode && isNumber(targetNode.value) ? {
        comparator: targetNode.comparator ?? '>=',
        value: targetNode.value,
        percent: targetNode.percent,
    } : undefined;
    const actual = actualNode && isNumber(actualNode.value) ? { value: actualNode.value, percent: actualNode.percent } : undefined;
    const unit = first(node.units);
    const history = node.history
        .filter((past) => isValidIsoDate(past.date) && isNumber(past.value))
        .map((past) => ({ value: past.value, percent: past.percent, date: past.date }))
        .sort((a, b) => a.date.localeCompare(b.date));
    return {
        ...namedFields(node, uri, 'metric'),
        ...sharedField(node),
        ...(stage !== undefined && { stage }),
        ...(target && { target }),
        ...(actual && { actual }),
        history,
        ...(unit !== undefined && { unit }),
        status: metricStatus(target, actual),
    };
}

function buildInitiative(node: ast.Initiative, uri: string, names: JourneyNames, today: string): Initiative {
    const owner = first(resolvedNames(node.owners, names.teams));
    const impact = first<Initiative['impact']>(node.impacts);
    const effort = first<Initiative['effort']>(node.efforts);
    const due = validDate(node.due);
    const status = first<Initiative['status']>(node.statuses);
    return {
        ...namedFields(node, uri, 'initiative'),
        ...scopedFields(node, names),
        ...sharedField(node),
        ...(owner !== undefined && { owner }),
        addresses: resolvedNames(node.addresses, names.painPoints),
        ...(impact !== undefined && { impact }),
        ...(effort !== undefined && { effort }),
        ...(due !== undefined && { due }),
        ...(status !== undefined && { status }),
        pastDue: isPastDue(due, status, today),
    };
}

function buildReview(node: ast.Review, uri: string, stages: ReadonlySet<string>): Review {
    const date = validDate(node.dates);
    return {
        ...namedFields(node, uri, 'review'),
        ...(date !== undefined && { date }),
        changes: node.changes.filter(hasName).map((change) => buildChange(change, uri, stages)),
    };
}

function buildChange(node: ast.Change, uri: string, stages: ReadonlySet<string>): Change {
    return {
        ...namedFields(node, uri, 'change'),
        effects: node.effects.flatMap((effect) => {
            // A mistake such as `improvn "…"` (the stage missing after a misspelt keyword) leaves an effect without its reference.
            const stage = effect.stage?.ref?.name;
            if (!stage || !stages.has(stage) || !effect.direction) {
                return [];
            }
            return [{ direction: effect.direction, stage, ...(effect.note !== undefined && { note: effect.note }) }];
        }),
    };
}

function isNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}
