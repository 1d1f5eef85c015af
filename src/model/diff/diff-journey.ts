/**
 * The changes inside one journey between two versions: its elements matched
 * by kind and name (renames and moves found), every property compared, and
 * the consequences a reviewer cares about. Ordered as the map reads: the
 * journey's own properties, then stage by stage, then the journey-level
 * metrics, initiatives and reviews.
 */
import type { Journey, PainPoint } from '../types.js';
import type { DiffElementKind, ModelChange, StageEmotion } from './changes.js';
import { change, describeElement, describeValueChange, elementOf, type ChangePlace } from './change-builder.js';
import { journeyConsequences } from './consequences.js';
import type { DiffCode } from './diff-codes.js';
import {
    CHANGE_PROPERTIES, comparable, INITIATIVE_PROPERTIES, JOURNEY_PROPERTIES, METRIC_PROPERTIES, PAINPOINT_PROPERTIES,
    REVIEW_PROPERTIES, STAGE_PROPERTIES, TOUCHPOINT_PROPERTIES, displayValue, type PropertyReader, type PropertyValue, type Renames,
} from './element-properties.js';
import { matchElements, type Matching } from './match-elements.js';
import { propertyChangeCode } from './property-codes.js';

/** Where in the map a change sits, for ordering: the stage's position, then the section within it. */
interface Ranked {
    change: ModelChange;
    stage: number;
    section: number;
    element: number;
}

const JOURNEY_HEADER = -1;
/** After every stage: journey-level metrics, initiatives, reviews. */
const JOURNEY_FOOTER = Number.MAX_SAFE_INTEGER;

export interface JourneyChanges {
    changes: ModelChange[];
    stageEmotions: StageEmotion[];
}

export function diffJourney(before: Journey, after: Journey, workspaceRenames: Renames): JourneyChanges {
    const renames = new Map<string, ReadonlyMap<string, string>>(workspaceRenames);
    const journey = after.name;
    const ranked: Ranked[] = [];
    const stageRank = stageRanker(before, after);
    const add = (change: ModelChange, stage: number, section: number, element: number) => ranked.push({ change, stage, section, element });
    const removal = removalWarnings(before);

    for (const record of propertyChanges('journey', before, after, JOURNEY_PROPERTIES, renames, { journey })) {
        add(record, JOURNEY_HEADER, 0, 0);
    }
    if (before.name !== after.name) {
        add(renameChange('journey', before, after, { journey }), JOURNEY_HEADER, 0, -1);
    }

    const stages = matchElements(before.stages, after.stages, STAGE_PROPERTIES, renames);
    renames.set('stage', renameMap(stages));
    addMatching('stage', stages, STAGE_PROPERTIES, (stage) => stage.name, 0);

    const touchpoints = matchElements(before.touchpoints, after.touchpoints, TOUCHPOINT_PROPERTIES, renames);
    renames.set('touchpoint', renameMap(touchpoints));
    addMatching('touchpoint', touchpoints, TOUCHPOINT_PROPERTIES, (touchpoint) => touchpoint.stage, 1);

    const painPoints = matchElements(before.painPoints, after.painPoints, PAINPOINT_PROPERTIES, renames);
    renames.set('painpoint', renameMap(painPoints));
    addMatching('painpoint', painPoints, PAINPOINT_PROPERTIES, (painPoint) => painPoint.stage, 2);

    const metrics = matchElements(before.metrics, after.metrics, METRIC_PROPERTIES, renames);
    addMatching('metric', metrics, METRIC_PROPERTIES, (metric) => metric.stage, 3);

    const initiatives = matchElements(before.initiatives, after.initiatives, INITIATIVE_PROPERTIES, renames);
    addMatching('initiative', initiatives, INITIATIVE_PROPERTIES, () => undefined, 5);

    const reviews = matchElements(before.reviews, after.reviews, REVIEW_PROPERTIES, renames);
    addMatching('review', reviews, REVIEW_PROPERTIES, () => undefined, 6);
    reviews.pairs.forEach(([old, review], index) => {
        const changes = matchElements(old.changes, review.changes, CHANGE_PROPERTIES, renames);
        for (const record of matchingChanges('change', changes, CHANGE_PROPERTIES, renames, () => ({ journey }), removal)) {
            add(record.change, JOURNEY_FOOTER, 6, index + record.offset);
        }
    });

    const consequences = journeyConsequences(after, { stages, metrics, painPoints, initiatives });
    for (const record of consequences.changes) {
        const rank = record.stage === undefined ? JOURNEY_FOOTER : stageRank(record.stage, false);
        add(record, rank, record.stage === undefined ? 5 : 4, 0);
    }

    ranked.sort((a, b) => a.stage - b.stage || a.section - b.section || a.element - b.element);
    return { changes: ranked.map((entry) => entry.change), stageEmotions: consequences.stageEmotions };

    function addMatching<T extends { name: string; title: string }>(
        kind: DiffElementKind,
        matching: Matching<T>,
        properties: readonly PropertyReader<T>[],
        stageOf: (element: T) => string | undefined,
        section: number,
    ): void {
        const place = (element: T, isOld: boolean): ChangePlace => ({ journey, stage: kind === 'stage' ? undefined : stageName(element, isOld) });
        const stageName = (element: T, isOld: boolean) => {
            const stage = stageOf(element);
            return stage === undefined ? undefined : isOld ? renames.get('stage')?.get(stage) ?? stage : stage;
        };
        for (const record of matchingChanges(kind, matching, properties, renames, place, removal)) {
            const stage = kind === 'stage' ? record.element.name : record.change.stage;
            const rank = stage === undefined ? JOURNEY_FOOTER : stageRank(stage, record.removed);
            add(record.change, rank, kind === 'stage' ? 0 : section, record.offset);
        }
        if (kind === 'touchpoint' || kind === 'painpoint' || kind === 'metric') {
            matching.pairs.forEach(([old, element], index) => {
                const from = stageName(old, true);
                const to = stageName(element, false);
                if (from !== to) {
                    const record = change('journey.diff.moved', { journey, stage: to }, elementOf(kind, element),
                        `${describeElement(elementOf(kind, element))} moved from ${from ? `stage ${from}` : 'the journey'} to ${to ? `stage ${to}` : 'the journey'}`,
                        { before: from ?? '(journey)', after: to ?? '(journey)' });
                    add(record, to === undefined ? JOURNEY_FOOTER : stageRank(to, false), section, index);
                }
            });
        }
    }
}

interface MatchedChange {
    change: ModelChange;
    element: { name: string };
    /** The element's position: new index for kept and added, after them for removed. */
    offset: number;
    removed: boolean;
}

/** Added, removed, renamed and property changes of one kind's matching. */
function matchingChanges<T extends { name: string; title: string }>(
    kind: DiffElementKind,
    matching: Matching<T>,
    properties: readonly PropertyReader<T>[],
    renames: Renames,
    place: (element: T, isOld: boolean) => ChangePlace,
    removal: RemovalWarnings,
): MatchedChange[] {
    const records: MatchedChange[] = [];
    matching.pairs.forEach(([old, element], index) => {
        if (old.name !== element.name) {
            records.push({ change: renameChange(kind, old, element, place(element, false)), element, offset: index, removed: false });
        }
        for (const record of propertyChanges(kind, old, element, properties, renames, place(element, false))) {
            records.push({ change: record, element, offset: index, removed: false });
        }
    });
    matching.added.forEach((element) => {
        const label = describeElement(elementOf(kind, element));
        records.push({ change: change('journey.diff.added', place(element, false), elementOf(kind, element), `${label} added`), element, offset: indexIn(matching, element), removed: false });
    });
    matching.removed.forEach((old, index) => {
        records.push({ change: removalChange(kind, old, place(old, true), removal), element: old, offset: 1e6 + index, removed: true });
    });
    return records;
}

function indexIn<T>(matching: Matching<T>, element: T): number {
    const inOrder = [...matching.pairs.map(([, now]) => now), ...matching.added];
    return inOrder.indexOf(element);
}

function renameChange(kind: DiffElementKind, old: { name: string; title: string }, element: { name: string; title: string }, place: ChangePlace): ModelChange {
    return change('journey.diff.renamed', place, elementOf(kind, element),
        `${describeElement(elementOf(kind, old))} renamed to ${element.name}`, { before: old.name, after: element.name });
}

/** The warning a removal deserves where the removed element still mattered, by kind. */
type RemovalWarnings = (kind: DiffElementKind, name: string) => { code: DiffCode; reason: string } | undefined;

function removalChange(kind: DiffElementKind, old: { name: string; title: string }, place: ChangePlace, removal: RemovalWarnings): ModelChange {
    const label = describeElement(elementOf(kind, old));
    const warning = removal(kind, old.name);
    return change(warning?.code ?? 'journey.diff.removed', place, elementOf(kind, old), `${label} removed${warning?.reason ?? ''}`);
}

/**
 * A pain point removed while high or critical and unaddressed hides a problem
 * instead of fixing it; a touchpoint removed that others named in `next`
 * re-routes the customer's path.
 */
function removalWarnings(before: Journey): RemovalWarnings {
    const painPoints = new Map<string, PainPoint>(before.painPoints.map((painPoint) => [painPoint.name, painPoint]));
    const incoming = new Map<string, string[]>();
    for (const touchpoint of before.touchpoints) {
        for (const target of touchpoint.next) {
            if (target !== touchpoint.name) incoming.set(target, [...(incoming.get(target) ?? []), touchpoint.name]);
        }
    }
    return (kind, name) => {
        const painPoint = kind === 'painpoint' ? painPoints.get(name) : undefined;
        if (painPoint?.unaddressed) {
            return { code: 'journey.diff.unaddressed-painpoint-removed', reason: ` while no initiative addressed it (severity ${painPoint.severity})` };
        }
        const sources = kind === 'touchpoint' ? incoming.get(name) : undefined;
        if (sources) {
            return { code: 'journey.diff.flow-target-removed', reason: `; ${sources.join(', ')} flowed to it` };
        }
        return undefined;
    };
}

/** Every property that differs, each with its code (a specific one where a reviewer should look). */
export function propertyChanges<T extends { name: string; title: string }>(
    kind: DiffElementKind,
    old: T,
    element: T,
    properties: readonly PropertyReader<T>[],
    renames: Renames,
    place: ChangePlace,
): ModelChange[] {
    const records: ModelChange[] = [];
    for (const property of properties) {
        const before = property.read(old, renames);
        const after = property.read(element);
        if (comparable(before) === comparable(after)) continue;
        const code = propertyChangeCode(kind, property.keyword, before, after, old, element);
        const label = describeElement(elementOf(kind, element));
        records.push(change(code, place, elementOf(kind, element), `${label}: ${describeValueChange(property.keyword, before, after)}`,
            { property: property.keyword, ...values(before, after) }));
    }
    return records;
}

function values(before: PropertyValue, after: PropertyValue): { before?: string; after?: string } {
    return { before: displayValue(before), after: displayValue(after) };
}

function renameMap<T extends { name: string }>(matching: Matching<T>): ReadonlyMap<string, string> {
    return new Map(matching.pairs.filter(([old, element]) => old.name !== element.name).map(([old, element]) => [old.name, element.name]));
}

/** Stages rank in the new version's order; a stage only the old version has comes after them, in its old order. */
function stageRanker(before: Journey, after: Journey): (stage: string, removed: boolean) => number {
    const newIndex = new Map(after.stages.map((stage, index) => [stage.name, index]));
    const oldIndex = new Map(before.stages.map((stage, index) => [stage.name, index]));
    return (stage, removed) => {
        if (!removed && newIndex.has(stage)) return newIndex.get(stage)!;
        return after.stages.length + (oldIndex.get(stage) ?? 0);
    };
}
