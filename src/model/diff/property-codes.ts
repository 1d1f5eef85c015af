/**
 * Which code a property change gets: the generic `journey.diff.changed`, or a
 * specific one where the change means something a reviewer should see
 * (an emotion falling, an owner gone, a target made easier, an initiative
 * finished or dropped, a review date moved).
 */
import type { Initiative, Metric } from '../types.js';
import type { DiffElementKind } from './changes.js';
import { EMOTION_DROP_WARNING, type DiffCode } from './diff-codes.js';
import type { PropertyValue } from './element-properties.js';

export function propertyChangeCode(
    kind: DiffElementKind,
    keyword: string,
    before: PropertyValue,
    after: PropertyValue,
    old: unknown,
    element: unknown,
): DiffCode {
    if (keyword === 'emotion' && typeof before === 'string' && typeof after === 'string' && Number(before) - Number(after) >= EMOTION_DROP_WARNING) {
        return 'journey.diff.emotion-dropped';
    }
    if (keyword === 'owner' && before !== undefined && after === undefined) {
        return 'journey.diff.owner-removed';
    }
    if (kind === 'metric' && keyword === 'target' && targetLowered(old as Metric, element as Metric)) {
        return 'journey.diff.metric-target-lowered';
    }
    if (kind === 'initiative' && keyword === 'status') {
        const status = (element as Initiative).status;
        if (status === 'done') return 'journey.diff.initiative-done';
        if (status === 'dropped') return 'journey.diff.initiative-dropped';
    }
    if (kind === 'journey' && keyword === 'reviewed') {
        return 'journey.diff.review-date-moved';
    }
    return 'journey.diff.changed';
}

/** Easier to meet: a `>=` target lowered, a `<=` target raised (same comparator and unit of measure). */
function targetLowered(old: Metric, metric: Metric): boolean {
    const was = old.target;
    const now = metric.target;
    if (!was || !now || was.comparator !== now.comparator || was.percent !== now.percent) return false;
    return was.comparator === '>=' ? now.value < was.value : now.value > was.value;
}
