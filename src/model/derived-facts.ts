/**
 * The facts the model derives from what a journey declares. Each is a small
 * pure function, so that the model builder and the views compute them the same way.
 */
import { daysBetween } from './dates.js';
import type { Comparator, FlowEdge, InitiativeStatus, Metric, Quantity, Severity, Touchpoint } from './types.js';

/** A map not reviewed for more than this many days is stale (LANGUAGE.md). */
export const STALE_AFTER_DAYS = 90;

/**
 * The flow between touchpoints: the explicit `next` edges when any touchpoint
 * has one, otherwise each touchpoint to the following one in document order.
 */
export function deriveFlow(touchpoints: readonly Touchpoint[]): { flow: FlowEdge[]; flowIsExplicit: boolean } {
    const explicit = touchpoints.flatMap((touchpoint) => touchpoint.next.map((to) => ({ from: touchpoint.name, to })));
    if (explicit.length > 0) {
        return { flow: explicit, flowIsExplicit: true };
    }
    const inOrder = touchpoints.slice(1).map((touchpoint, index) => ({ from: touchpoints[index].name, to: touchpoint.name }));
    return { flow: inOrder, flowIsExplicit: false };
}

/** Sum of the touchpoints' emotions; a touchpoint without emotion counts 0. */
export function netEmotion(touchpoints: readonly Pick<Touchpoint, 'emotion'>[]): number {
    return touchpoints.reduce((sum, touchpoint) => sum + (touchpoint.emotion ?? 0), 0);
}

/** A high or critical pain point that no initiative addresses. */
export function isUnaddressed(severity: Severity | undefined, addressedBy: readonly string[]): boolean {
    return (severity === 'high' || severity === 'critical') && addressedBy.length === 0;
}

export function metricStatus(
    target: (Quantity & { comparator: Comparator }) | undefined,
    actual: Quantity | undefined,
): Metric['status'] {
    if (!target) {
        return 'no-target';
    }
    if (!actual) {
        return 'no-actual';
    }
    const met = target.comparator === '>=' ? actual.value >= target.value : actual.value <= target.value;
    return met ? 'met' : 'missed';
}

/** Due before today and neither done nor dropped. */
export function isPastDue(due: string | undefined, status: InitiativeStatus | undefined, today: string): boolean {
    if (!due || status === 'done' || status === 'dropped') {
        return false;
    }
    return (daysBetween(due, today) ?? 0) > 0;
}

/** How many days ago the journey was last reviewed (0 for a date in the future), and whether that makes it stale (older than `staleAfterDays`). */
export function reviewAge(reviewed: string | undefined, today: string, staleAfterDays = STALE_AFTER_DAYS): { reviewAgeDays?: number; stale: boolean } {
    const days = reviewed === undefined ? undefined : daysBetween(reviewed, today);
    if (days === undefined) {
        return { stale: true };
    }
    const reviewAgeDays = Math.max(0, days);
    return { reviewAgeDays, stale: reviewAgeDays > staleAfterDays };
}

/** When a journey was last reviewed, and by which review (absent when its `reviewed` date is the latest). */
export interface LastReview {
    date: string;
    review?: string;
}

/**
 * A recorded tune-up is a review: the journey was last reviewed on the latest
 * of its `reviewed` date and its reviews' dates (`reviewed` wins a tie, since
 * that is the date people update). Dates must be valid ISO dates.
 */
export function lastReview(reviewed: string | undefined, reviews: readonly { name: string; date?: string }[]): LastReview | undefined {
    let latest: LastReview | undefined = reviewed === undefined ? undefined : { date: reviewed };
    for (const review of reviews) {
        if (review.date !== undefined && (latest === undefined || review.date > latest.date)) latest = { date: review.date, review: review.name };
    }
    return latest;
}
