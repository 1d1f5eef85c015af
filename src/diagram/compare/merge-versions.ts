/**
 * The two versions of a journey as the one journey the compare map draws: the
 * new version, with the stages, touchpoints, pain points, initiatives and metrics the
 * old version had and the new one lost put back where they were (as ghosts,
 * in their old stage, after the element they followed). Laying out this
 * journey gives ghosts a place of their own — ELK keeps them clear of the live
 * cards — and keeps the cards around a removed one where they were.
 */
import { markOf } from '../../model/diff/diff-codes.js';
import type { ModelChange } from '../../model/diff/changes.js';
import type { FlowEdge, Initiative, Journey, Metric, PainPoint, Stage, Touchpoint } from '../../model/types.js';
import { type DeclaredKind, elementId, isDeclaredKind } from '../../protocol/element-id.js';
import type { ChangeState } from './compare-types.js';

export interface ElementChange {
    state: ChangeState;
    /** Set when the only changes are a rename or a move: the tag says which. */
    how: Set<'renamed' | 'moved' | 'other'>;
    /** One line per change, in the words of `journey diff`. */
    notes: string[];
    /** For a touchpoint or pain point moved to another stage: the stage it left (its name on the compare map). */
    movedFrom?: string;
}

export interface MergedVersions {
    journey: Journey;
    /** By element id (src/protocol/element-id.ts); elements without an entry are unchanged. */
    changes: Map<string, ElementChange>;
    /** Flow steps of the old version that lead to or from a ghost, as `from->to`. */
    ghostFlows: Set<string>;
    /** Each touchpoint's emotion in the old version, by its name on the compare map. */
    oldEmotions: Map<string, number>;
    /** The changes that have no element on the map (teams, segments, reviews, the journey's own properties). */
    offMap: ModelChange[];
}

type Renames = Map<string, Map<string, string>>;

export function mergeVersions(before: Journey | undefined, after: Journey, changes: readonly ModelChange[]): MergedVersions {
    if (!before) {
        return everythingAdded(after, changes);
    }
    const renames = renamesOf(changes);
    const newName = (kind: DeclaredKind, name: string) => renames.get(kind)?.get(name) ?? name;
    const elementChanges = new Map<string, ElementChange>();
    const offMap: ModelChange[] = [];
    for (const record of changes) {
        const kind = record.element.kind;
        if (!isDeclaredKind(kind)) {
            offMap.push(record);
            continue;
        }
        noteChange(elementChanges, elementId(kind, record.element.name), record);
        if (record.code === 'journey.diff.moved' && record.before !== undefined && record.before !== '(journey)') {
            elementChanges.get(elementId(kind, record.element.name))!.movedFrom = renames.get('stage')?.get(record.before) ?? record.before;
        }
    }
    const removed = (kind: DeclaredKind) =>
        new Set(changes.filter((c) => c.element.kind === kind && markOf(c.code) === 'removed').map((c) => c.element.name));
    const ghosts = {
        stage: removed('stage'), touchpoint: removed('touchpoint'), painpoint: removed('painpoint'), initiative: removed('initiative'), metric: removed('metric'),
    };

    const stageNames = withGhosts(after.stages.map((s) => s.name), before.stages.map((s) => s.name), ghosts.stage, (n) => newName('stage', n));
    const touchpointNames = withGhosts(after.touchpoints.map((t) => t.name), before.touchpoints.map((t) => t.name), ghosts.touchpoint, (n) => newName('touchpoint', n));
    const live = new Set(touchpointNames);
    const mapTouchpoints = (names: readonly string[]) => names.map((n) => newName('touchpoint', n)).filter((n) => live.has(n));

    const oldStage = new Map(before.stages.map((stage) => [newName('stage', stage.name), stage]));
    const liveStage = byName(after.stages);
    const stageOf = (name: string): Stage => {
        const now = liveStage.get(name);
        const was = oldStage.get(name);
        const base = now ?? was!;
        return {
            ...base,
            touchpoints: withGhosts(base === now ? now.touchpoints : [], was?.touchpoints ?? [], ghosts.touchpoint, (n) => newName('touchpoint', n)),
            painPoints: withGhosts(base === now ? now.painPoints : [], was?.painPoints ?? [], ghosts.painpoint, (n) => newName('painpoint', n)),
            metrics: withGhosts(base === now ? now.metrics : [], was?.metrics ?? [], ghosts.metric, (n) => newName('metric', n)),
        };
    };
    const [oldTouchpoint, liveTouchpoint] = [byName(before.touchpoints), byName(after.touchpoints)];
    const touchpoints = touchpointNames.map((name): Touchpoint => {
        const ghost = ghosts.touchpoint.has(name) ? oldTouchpoint.get(name) : undefined;
        return ghost ? { ...ghost, stage: newName('stage', ghost.stage), emotion: undefined, next: mapTouchpoints(ghost.next) } : liveTouchpoint.get(name)!;
    });
    const painPointNames = withGhosts(after.painPoints.map((p) => p.name), before.painPoints.map((p) => p.name), ghosts.painpoint, (n) => newName('painpoint', n));
    const [oldPain, livePainPoint] = [byName(before.painPoints), byName(after.painPoints)];
    const painPoints = painPointNames.map((name): PainPoint => {
        const ghost = ghosts.painpoint.has(name) ? oldPain.get(name) : undefined;
        return ghost
            ? { ...ghost, stage: newName('stage', ghost.stage), at: mapTouchpoints(ghost.at), addressedBy: [], unaddressed: false }
            : livePainPoint.get(name)!;
    });
    const livePain = new Set(painPointNames);
    const initiativeNames = withGhosts(after.initiatives.map((i) => i.name), before.initiatives.map((i) => i.name), ghosts.initiative, (n) => newName('initiative', n));
    const [oldInitiative, liveInitiative] = [byName(before.initiatives), byName(after.initiatives)];
    const initiatives = initiativeNames.map((name): Initiative => {
        const ghost = ghosts.initiative.has(name) ? oldInitiative.get(name) : undefined;
        return ghost
            ? { ...ghost, addresses: ghost.addresses.map((n) => newName('painpoint', n)).filter((n) => livePain.has(n)), pastDue: false }
            : liveInitiative.get(name)!;
    });

    const metricNames = withGhosts(after.metrics.map((m) => m.name), before.metrics.map((m) => m.name), ghosts.metric, (n) => newName('metric', n));
    const [oldMetric, liveMetric] = [byName(before.metrics), byName(after.metrics)];
    const metrics = metricNames.map((name): Metric => {
        const ghost = ghosts.metric.has(name) ? oldMetric.get(name) : undefined;
        return ghost ? { ...ghost, stage: ghost.stage === undefined ? undefined : newName('stage', ghost.stage) } : liveMetric.get(name)!;
    });

    const ghostFlows = new Set<string>();
    const flow: FlowEdge[] = [...after.flow];
    const known = new Set(flow.map((edge) => `${edge.from}->${edge.to}`));
    for (const edge of before.flow) {
        if (!ghosts.touchpoint.has(edge.from) && !ghosts.touchpoint.has(edge.to)) continue;
        const [from, to] = [newName('touchpoint', edge.from), newName('touchpoint', edge.to)];
        const key = `${from}->${to}`;
        if (live.has(from) && live.has(to) && !known.has(key)) {
            known.add(key);
            ghostFlows.add(key);
            flow.push({ ...edge, from, to });
        }
    }

    const oldEmotions = new Map<string, number>();
    for (const touchpoint of before.touchpoints) {
        const name = newName('touchpoint', touchpoint.name);
        if (touchpoint.emotion !== undefined && live.has(name)) {
            oldEmotions.set(name, touchpoint.emotion);
        }
    }
    return {
        journey: { ...after, stages: stageNames.map(stageOf), touchpoints, painPoints, initiatives, metrics, flow },
        changes: elementChanges,
        ghostFlows,
        oldEmotions,
        offMap,
    };
}

/** A journey the old version did not have: every element on the map is new. */
function everythingAdded(after: Journey, changes: readonly ModelChange[]): MergedVersions {
    const added = (): ElementChange => ({ state: 'added', how: new Set(), notes: [] });
    const ids = [
        ...after.stages.map((s) => elementId('stage', s.name)),
        ...after.touchpoints.map((t) => elementId('touchpoint', t.name)),
        ...after.painPoints.map((p) => elementId('painpoint', p.name)),
        ...after.initiatives.map((i) => elementId('initiative', i.name)),
        ...after.metrics.map((m) => elementId('metric', m.name)),
    ];
    return {
        journey: after,
        changes: new Map(ids.map((id) => [id, added()])),
        ghostFlows: new Set(),
        oldEmotions: new Map(),
        offMap: changes.filter((c) => !isDeclaredKind(c.element.kind)),
    };
}

function noteChange(changes: Map<string, ElementChange>, id: string, record: ModelChange): void {
    const entry = changes.get(id) ?? { state: 'unchanged', how: new Set(), notes: [] };
    changes.set(id, entry);
    const mark = markOf(record.code);
    if (mark === 'added' || mark === 'removed') {
        entry.state = mark;
    } else if (mark === 'changed') {
        if (entry.state === 'unchanged') entry.state = 'changed';
        entry.how.add(record.code === 'journey.diff.renamed' ? 'renamed' : record.code === 'journey.diff.moved' ? 'moved' : 'other');
    }
    entry.notes.push(record.message);
}

function byName<T extends { name: string }>(elements: readonly T[]): Map<string, T> {
    return new Map(elements.map((element) => [element.name, element]));
}

/** Old name → new name of every renamed element, by kind. */
function renamesOf(changes: readonly ModelChange[]): Renames {
    const renames: Renames = new Map();
    for (const record of changes) {
        if (record.code === 'journey.diff.renamed' && record.before !== undefined && record.after !== undefined) {
            const kind = record.element.kind;
            renames.set(kind, (renames.get(kind) ?? new Map<string, string>()).set(record.before, record.after));
        }
    }
    return renames;
}

/**
 * The new version's names with the removed ones put back: each ghost right
 * after the element it followed in the old version (by its new name), or
 * first when nothing came before it.
 */
export function withGhosts(live: readonly string[], old: readonly string[], ghosts: ReadonlySet<string>, newName: (old: string) => string): string[] {
    const result = [...live];
    let anchor = -1;
    for (const name of old) {
        if (ghosts.has(name)) {
            if (!result.includes(name)) {
                result.splice(anchor + 1, 0, name);
                anchor += 1;
            }
        } else {
            const at = result.indexOf(newName(name));
            if (at >= 0) anchor = at;
        }
    }
    return result;
}
