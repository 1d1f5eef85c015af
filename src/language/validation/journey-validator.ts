import {
    type AstNode,
    type AstNodeDescription,
    GrammarUtils,
    type IndexManager,
    type LangiumDocuments,
    MultiMap,
    type Reference,
    UriUtils,
    type ValidationAcceptor,
    type ValidationCheck,
    type ValidationChecks,
} from 'langium';
import type { Range } from 'vscode-languageserver';
import {
    type Document,
    type Initiative,
    isSegment,
    type Journey,
    type JourneyLanguageAstType,
    type Metric,
    type PainPoint,
    type Review,
    type Segment,
    type Stage,
    type Touchpoint,
} from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import type { Clock } from '../clock.js';
import { DiagnosticCode } from './diagnostic-codes.js';
import { capitalizedKindLabel, joinedList, quotedList, times } from './diagnostic-wording.js';
import { emotionOf, nameOf } from '../element-info.js';
import { kindLabel } from '../element-kinds.js';
import { impossibleDateReason } from '../iso-date.js';
import { isPastDue, isUnaddressed, metricStatus, netEmotion, reviewAge, STALE_AFTER_DAYS } from '../../model/derived-facts.js';
import { isValidIsoDate } from '../../model/dates.js';
import { findClosedLoops } from './closed-loops.js';

/**
 * The properties that take one value, by AST type: [property in the AST, keyword in the text].
 * The grammar collects every property into a list so that any order parses;
 * the validator reports the second and later occurrences.
 */
const SINGLE_VALUED_PROPERTIES: Record<string, ReadonlyArray<readonly [property: string, keyword: string]>> = {
    Team: [['descriptions', 'description']],
    Segment: [['descriptions', 'description']],
    Journey: [['descriptions', 'description'], ['owners', 'owner'], ['reviewed', 'reviewed']],
    Stage: [['descriptions', 'description']],
    Touchpoint: [['descriptions', 'description'], ['channels', 'channel'], ['owners', 'owner'], ['emotions', 'emotion'], ['internal', 'internal']],
    PainPoint: [['descriptions', 'description'], ['severities', 'severity'], ['internal', 'internal']],
    Metric: [['descriptions', 'description'], ['targets', 'target'], ['actuals', 'actual'], ['units', 'unit']],
    Initiative: [
        ['descriptions', 'description'], ['owners', 'owner'], ['impacts', 'impact'], ['efforts', 'effort'],
        ['due', 'due'], ['statuses', 'status'], ['internal', 'internal'],
    ],
    Review: [['descriptions', 'description'], ['dates', 'on']],
    Change: [['descriptions', 'description']],
};

/** The top-level declarations whose names are workspace-global. */
const WORKSPACE_GLOBAL_TYPES = ['Team', 'Segment', 'Journey'] as const;

type NamedNode = AstNode & { name: string };
type SegmentUser = Touchpoint | PainPoint | Initiative;

export function registerValidationChecks(services: JourneyServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.JourneyValidator;
    const checks: ValidationChecks<JourneyLanguageAstType> = {
        AstNode: validator.checkSingleValuedProperties,
        Document: [validator.checkWorkspaceDuplicates, validator.checkUnusedSegments],
        Journey: [validator.checkJourneyDuplicates, validator.checkClosedLoops, validator.checkUnaddressedPainPoints, validator.checkReviewed].map(whenNamed),
        Stage: [validator.checkEmptyStage, validator.checkNegativeStage].map(whenNamed),
        Touchpoint: [validator.checkEmotionRange, validator.checkSelfNext, validator.checkDuplicateSegments].map(whenNamed),
        PainPoint: [validator.checkMissingSeverity, validator.checkDuplicateSegments].map(whenNamed),
        Initiative: [validator.checkInitiativeOwner, validator.checkDueDate, validator.checkDuplicateSegments].map(whenNamed),
        Metric: whenNamed(validator.checkMetricTarget),
        Review: whenNamed(validator.checkReviewDate),
    };
    registry.register(checks, validator);
}

/**
 * A declaration still being typed has no name yet: the syntax error says what
 * is missing, and no rule speaks about an element it cannot name.
 */
function whenNamed<T extends NamedNode>(check: ValidationCheck<T>): ValidationCheck<T> {
    return function (this: JourneyValidator, node, accept, cancelToken) {
        return node.name ? check.call(this, node, accept, cancelToken) : undefined;
    };
}

/**
 * The rules of LANGUAGE.md beyond syntax. Each diagnostic carries a stable code.
 * Validation runs on every keystroke: rules that look at a whole journey (names,
 * flow, addressed pain points) walk it once from the Journey check, never once
 * per element.
 */
export class JourneyValidator {
    protected readonly clock: Clock;
    protected readonly indexManager: IndexManager;
    protected readonly documents: LangiumDocuments;

    constructor(services: JourneyServices) {
        this.clock = services.clock;
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    // ── Any declaration ─────────────────────────────────────────────────────

    checkSingleValuedProperties(node: AstNode, accept: ValidationAcceptor): void {
        if (!nameOf(node)) return;
        for (const [property, keyword] of SINGLE_VALUED_PROPERTIES[node.$type] ?? []) {
            const values = (node as unknown as Record<string, unknown[] | undefined>)[property];
            if (!values || values.length < 2) continue;
            const what = keyword === 'internal' ? 'a flag: once is enough' : 'one value: keep one and remove the others';
            const message = `\`${keyword}\` is given ${times(values.length)} in ${kindLabel(node.$type)} '${nameOf(node)}'; it takes ${what}`;
            for (let index = 1; index < values.length; index++) {
                accept('error', message, {
                    node,
                    property,
                    index,
                    range: propertyRange(node, property, keyword, index),
                    code: DiagnosticCode.DuplicateProperty,
                    data: { property: keyword },
                });
            }
        }
    }

    // ── Workspace-wide names (one pass per document) ────────────────────────

    checkWorkspaceDuplicates(document: Document, accept: ValidationAcceptor): void {
        const declarations = new MultiMap<string, AstNodeDescription>();
        for (const type of WORKSPACE_GLOBAL_TYPES) {
            this.indexManager.allElements(type).forEach((description) => declarations.add(`${type}:${description.name}`, description));
        }
        const documentUri = document.$document?.uri.toString() ?? '';
        for (const element of document.elements) {
            if (!element.name) continue;
            const others = declarations.get(`${element.$type}:${element.name}`).filter((description) => description.node !== element);
            if (others.length === 0) continue;
            const places = others.map((description) => placeOf(description, documentUri));
            const kind = kindLabel(element.$type);
            accept('error', `${capitalizedKindLabel(element.$type)} '${element.name}' is declared ${times(others.length + 1)} in the workspace (also at ${joinedList(places)}); a ${kind} name must be unique across all .journey files`, {
                node: element,
                property: 'name',
                code: DiagnosticCode.DuplicateName,
                data: { name: element.name, kind: element.$type },
            });
        }
    }

    checkUnusedSegments(document: Document, accept: ValidationAcceptor): void {
        const segments = document.elements.filter(isSegment).filter((segment) => segment.name);
        if (segments.length === 0) return;
        const used = this.segmentsInUse(new Set(segments.map((segment) => segment.name)));
        for (const segment of segments) {
            if (used.has(segment)) continue;
            accept('warning', `Segment '${segment.name}' is not used: no touchpoint, pain point or initiative of any journey names it in \`for\`; use it in a \`for\` list or remove it`, {
                node: segment,
                property: 'name',
                code: DiagnosticCode.UnusedSegment,
                data: { name: segment.name },
            });
        }
    }

    /** The segments among `names` that some `for` list of the workspace resolves to. */
    protected segmentsInUse(names: ReadonlySet<string>): Set<Segment> {
        const used = new Set<Segment>();
        for (const document of this.documents.all) {
            for (const reference of document.references) {
                if (!names.has(reference.$refText) || !('ref' in reference)) continue;
                const target = reference.ref;
                if (isSegment(target)) used.add(target);
            }
        }
        return used;
    }

    // ── A whole journey (one pass per journey) ──────────────────────────────

    checkJourneyDuplicates(journey: Journey, accept: ValidationAcceptor): void {
        const byName = new MultiMap<string, NamedNode>();
        for (const element of elementsOf(journey)) {
            if (element.name) byName.add(element.name, element);
        }
        for (const [name, elements] of byName.entriesGroupedByKey()) {
            if (elements.length < 2) continue;
            const types = [...new Set(elements.map((element) => element.$type))];
            const message = types.length === 1
                ? `${capitalizedKindLabel(types[0])} '${name}' is declared ${times(elements.length)} in journey '${journey.name}'; names inside a journey must be unique`
                : `The name '${name}' is declared ${times(elements.length)} in journey '${journey.name}' (${types.map(kindLabel).join(', ')}); names inside a journey must be unique`;
            for (const element of elements) {
                accept('error', message, {
                    node: element,
                    property: 'name',
                    code: DiagnosticCode.DuplicateName,
                    data: { name, kind: element.$type },
                });
            }
        }
    }

    checkClosedLoops(journey: Journey, accept: ValidationAcceptor): void {
        const touchpoints = journey.stages.flatMap((stage) => stage.touchpoints);
        if (!touchpoints.some((touchpoint) => touchpoint.next.length > 0)) return; // document order: no loops
        const position = new Map<Touchpoint, number>(touchpoints.map((touchpoint, index) => [touchpoint, index]));
        const successors = touchpoints.map((touchpoint) => {
            const indices: number[] = [];
            for (const reference of touchpoint.next) {
                const index = position.get(reference.ref as Touchpoint);
                if (index !== undefined) indices.push(index);
            }
            return indices;
        });
        for (const loop of findClosedLoops(successors)) {
            const members = loop.map((index) => touchpoints[index]);
            const [first] = members;
            accept('warning', `Touchpoints ${quotedList(members.map((touchpoint) => touchpoint.name))} form a \`next\` loop that no path leaves: add a \`next\` from one of them to a touchpoint outside the loop`, {
                node: first,
                property: 'name',
                code: DiagnosticCode.ClosedLoop,
                data: { touchpoints: members.map((touchpoint) => touchpoint.name) },
            });
        }
    }

    checkUnaddressedPainPoints(journey: Journey, accept: ValidationAcceptor): void {
        const addressed = new Set(journey.initiatives.flatMap((initiative) => initiative.addresses.map((reference) => reference.ref)));
        for (const painPoint of journey.stages.flatMap((stage) => stage.painpoints)) {
            const severity = painPoint.severities[0];
            if (!painPoint.name || !isUnaddressed(severity, addressed.has(painPoint) ? [painPoint.name] : [])) continue;
            accept('warning', `Pain point '${painPoint.name}' is ${severity} severity and no initiative addresses it: add an initiative with \`addresses ${painPoint.name}\``, {
                node: painPoint,
                property: 'severities',
                index: 0,
                code: DiagnosticCode.UnaddressedPainPoint,
                data: { name: painPoint.name },
            });
        }
    }

    checkReviewed(journey: Journey, accept: ValidationAcceptor): void {
        this.checkDates(journey, 'reviewed', journey.reviewed, accept);
        const reviewed = journey.reviewed[0];
        if (reviewed === undefined) {
            accept('warning', `Journey '${journey.name}' has never been reviewed: after its next tune-up, add \`reviewed\` with the date (YYYY-MM-DD)`, {
                node: journey,
                property: 'name',
                code: DiagnosticCode.NeverReviewed,
            });
            return;
        }
        if (!isValidIsoDate(reviewed)) return;
        const { reviewAgeDays, stale } = reviewAge(reviewed, this.clock.today());
        if (!stale) return;
        accept('warning', `Journey '${journey.name}' was last reviewed on ${reviewed}, ${reviewAgeDays} days ago: a map not reviewed for ${STALE_AFTER_DAYS} days is stale; hold a tune-up and update \`reviewed\``, {
            node: journey,
            property: 'reviewed',
            index: 0,
            code: DiagnosticCode.StaleReview,
        });
    }

    // ── Stages and their elements ───────────────────────────────────────────

    checkEmptyStage(stage: Stage, accept: ValidationAcceptor): void {
        if (stage.touchpoints.length > 0) return;
        accept('warning', `Stage '${stage.name}' has no touchpoints: add the moments of contact of this stage, or remove it`, {
            node: stage,
            property: 'name',
            code: DiagnosticCode.EmptyStage,
        });
    }

    checkNegativeStage(stage: Stage, accept: ValidationAcceptor): void {
        const sum = netEmotion(stage.touchpoints.map((touchpoint) => ({ emotion: emotionOf(touchpoint) })));
        if (sum >= 0) return;
        accept('info', `Stage '${stage.name}' feels worse than good: its touchpoints' emotions add up to ${sum}, a churn risk`, {
            node: stage,
            property: 'name',
            code: DiagnosticCode.NegativeStage,
        });
    }

    checkEmotionRange(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        touchpoint.emotions.forEach((emotion, index) => {
            if (Number.isInteger(emotion) && emotion >= -2 && emotion <= 2) return;
            const problem = Number.isInteger(emotion) ? 'is out of range' : 'is not a whole number';
            accept('error', `Emotion ${emotion} ${problem}: expected a whole number from -2 to +2`, {
                node: touchpoint,
                property: 'emotions',
                index,
                code: DiagnosticCode.EmotionOutOfRange,
            });
        });
    }

    checkSelfNext(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        touchpoint.next.forEach((reference, index) => {
            if (reference.$refText !== touchpoint.name) return;
            accept('error', `Touchpoint '${touchpoint.name}' names itself in \`next\`: \`next\` names the touchpoints that follow this one`, {
                node: touchpoint,
                property: 'next',
                index,
                code: DiagnosticCode.SelfNext,
            });
        });
    }

    checkDuplicateSegments(element: SegmentUser, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        element.segments.forEach((reference: Reference<Segment>, index) => {
            const name = reference.$refText;
            if (!seen.has(name)) {
                seen.add(name);
                return;
            }
            accept('warning', `Segment '${name}' is named more than once in the \`for\` list of ${kindLabel(element.$type)} '${element.name}'; once is enough`, {
                node: element,
                property: 'segments',
                index,
                code: DiagnosticCode.DuplicateSegmentInList,
                data: { name },
            });
        });
    }

    checkMissingSeverity(painPoint: PainPoint, accept: ValidationAcceptor): void {
        if (painPoint.severities.length > 0) return;
        accept('warning', `Pain point '${painPoint.name}' has no \`severity\`: add \`severity\` low, medium, high or critical`, {
            node: painPoint,
            property: 'name',
            code: DiagnosticCode.MissingSeverity,
        });
    }

    checkMetricTarget(metric: Metric, accept: ValidationAcceptor): void {
        const [target] = metric.targets;
        const [actual] = metric.actuals;
        if (!target || !actual || target.value === undefined || actual.value === undefined) return;
        const atMost = target.comparator === '<=';
        if (metricStatus({ ...target, comparator: target.comparator ?? '>=' }, actual) !== 'missed') return;
        const unit = metric.units[0] ? ` ${metric.units[0]}` : '';
        const show = (quantity: { value: number; percent: boolean }) => `${quantity.value}${quantity.percent ? '%' : ''}${unit}`;
        accept('info', `Metric '${metric.name}' misses its target: actual ${show(actual)} is ${atMost ? 'above' : 'below'} the target of ${atMost ? 'at most' : 'at least'} ${show(target)}`, {
            node: metric,
            property: 'actuals',
            index: 0,
            code: DiagnosticCode.MetricOffTarget,
        });
    }

    // ── Initiatives and reviews ─────────────────────────────────────────────

    checkInitiativeOwner(initiative: Initiative, accept: ValidationAcceptor): void {
        if (initiative.owners.length > 0) return;
        accept('warning', `Initiative '${initiative.name}' has no \`owner\`: add \`owner\` with the team that drives it`, {
            node: initiative,
            property: 'name',
            code: DiagnosticCode.InitiativeWithoutOwner,
        });
    }

    checkDueDate(initiative: Initiative, accept: ValidationAcceptor): void {
        this.checkDates(initiative, 'due', initiative.due, accept);
        const due = initiative.due[0];
        const status = initiative.statuses[0] ?? 'planned';
        if (!due || !isValidIsoDate(due) || !isPastDue(due, status, this.clock.today())) return;
        accept('warning', `Initiative '${initiative.name}' was due on ${due} and is still ${status}: set \`status done\` or \`dropped\`, or move \`due\` to a new date`, {
            node: initiative,
            property: 'due',
            index: 0,
            code: DiagnosticCode.PastDueInitiative,
        });
    }

    checkReviewDate(review: Review, accept: ValidationAcceptor): void {
        this.checkDates(review, 'dates', review.dates, accept);
        if (review.dates.length > 0) return;
        accept('error', `Review '${review.name}' has no date: add \`on YYYY-MM-DD\` after its title`, {
            node: review,
            property: 'name',
            code: DiagnosticCode.MissingReviewDate,
        });
    }

    protected checkDates(node: AstNode, property: string, dates: readonly string[], accept: ValidationAcceptor): void {
        dates.forEach((date, index) => {
            const reason = impossibleDateReason(date);
            if (!reason) return;
            accept('error', `Date ${date} does not exist: ${reason}`, {
                node,
                property,
                index,
                code: DiagnosticCode.InvalidDate,
            });
        });
    }
}

/** Every named element of a journey: the names that share the journey's scope. */
function* elementsOf(journey: Journey): Generator<NamedNode> {
    yield* journey.metrics;
    for (const stage of journey.stages) {
        yield stage;
        yield* stage.metrics;
        yield* stage.touchpoints;
        yield* stage.painpoints;
    }
    yield* journey.initiatives;
    for (const review of journey.reviews) {
        yield review;
        yield* review.changes;
    }
}

/** From the property's keyword to the end of its value, e.g. `owner support`. */
function propertyRange(node: AstNode, property: string, keyword: string, index: number): Range | undefined {
    const value = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
    const keywordNode = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword, index);
    if (value && keywordNode && keywordNode.offset <= value.offset) {
        return { start: keywordNode.range.start, end: value.range.end };
    }
    return value?.range;
}

/** "line 7" in the same file, "teams.journey line 3" in another. */
function placeOf(description: AstNodeDescription, documentUri: string): string {
    const line = `line ${(description.nameSegment?.range.start.line ?? 0) + 1}`;
    return description.documentUri.toString() === documentUri ? line : `${UriUtils.basename(description.documentUri)} ${line}`;
}
