/**
 * Views of a journey: the elements one segment sees, and what customers may
 * see (customer-view.ts). A view is a new journey with the hidden elements
 * removed, every reference to them dropped, and the derived facts that depend
 * on what is shown (flow, net emotion per stage) computed again (keep-only.ts).
 *
 * In the segment view, `unaddressed` and `pastDue` are facts about the real
 * world and stay as they are: a pain point addressed by an initiative that the
 * view hides is still addressed. The customer view has neither.
 */
import { customerView } from './customer-view.js';
import { keepOnly } from './keep-only.js';
import { isForSegment } from './segments.js';
import type { Journey, JourneyView, Stage, Touchpoint } from './types.js';

/** The journey as one audience sees it, for one segment or all. */
export function journeyView(journey: Journey, view: JourneyView): Journey {
    const bySegment = view.segment === undefined ? journey : segmentView(journey, view.segment);
    return view.audience === 'customer' ? customerView(bySegment) : bySegment;
}

/**
 * Only the elements for the segment: with no `for`, or whose `for` (their own,
 * else their stage's, else their journey's: segments.ts) names it; each
 * touchpoint with the emotion it has for the segment.
 */
export function segmentView(journey: Journey, segment: string): Journey {
    const forSegment = (element: { segments: string[]; stage?: string }) => isForSegment(journey, element, segment);
    const always = () => true;
    const stage = (element: Stage) => isForSegment(journey, { segments: element.segments }, segment);
    const felt = { ...journey, touchpoints: journey.touchpoints.map((touchpoint) => feltBy(touchpoint, segment)) };
    const shown = keepOnly(felt, { stage, metric: always, touchpoint: forSegment, painPoint: forSegment, initiative: forSegment });
    return { ...shown, view: { ...journey.view, segment } };
}

/** The touchpoint as the segment's customers feel it: its `emotion for` that segment, else its emotion. */
function feltBy(touchpoint: Touchpoint, segment: string): Touchpoint {
    const own = touchpoint.segmentEmotions;
    return own && Object.hasOwn(own, segment) ? { ...touchpoint, emotion: own[segment] } : touchpoint;
}

/**
 * The journey as an output that is kept and compared shows it (SVG, PNG, HTML,
 * Markdown): the review date without its age, which would change the output
 * every day. `stale` stays: it changes once, when it becomes true.
 */
export function undatedView(journey: Journey): Journey {
    return { ...journey, reviewAgeDays: undefined };
}

/**
 * The part of a journey in some of its stages (a page of a long map): their
 * touchpoints, pain points and metrics, the journey's own metrics, the
 * initiatives that address a kept pain point (those that address none go with
 * the first stage), and the flow between what is kept.
 */
export function stagesView(journey: Journey, stageNames: readonly string[]): Journey {
    return stageGroupViews(journey, [stageNames])[0];
}

/**
 * `stagesView` of each group of stages (the rows of a wrapped map), made in
 * one pass over the journey: a map of 500 rows made each row's view from the
 * whole journey, 500 times.
 */
export function stageGroupViews(journey: Journey, groups: readonly (readonly string[])[]): Journey[] {
    const groupOf = new Map(groups.flatMap((names, g) => names.map((name) => [name, g] as const)));
    const byGroup = <T>(items: readonly T[], groupsOfItem: (item: T) => Iterable<number>): T[][] => {
        const grouped = groups.map((): T[] => []);
        for (const item of items) for (const g of groupsOfItem(item)) grouped[g].push(item);
        return grouped;
    };
    const inGroup = (stage: string | undefined) => {
        const g = stage === undefined ? undefined : groupOf.get(stage);
        return g === undefined ? [] : [g];
    };
    // By name: two touchpoints (or pain points) of one name in two groups are both shown, as each group's own view did.
    const groupsByName = (elements: readonly { name: string; stage: string }[]) => {
        const named = new Map<string, Set<number>>();
        for (const element of elements) for (const g of inGroup(element.stage)) named.set(element.name, (named.get(element.name) ?? new Set()).add(g));
        return (name: string) => named.get(name) ?? new Set<number>();
    };
    const touchpointGroups = groupsByName(journey.touchpoints);
    const painPointGroups = groupsByName(journey.painPoints);
    const firstStageGroups = inGroup(journey.stages[0]?.name);

    const stages = byGroup(journey.stages, (stage) => inGroup(stage.name));
    const touchpoints = byGroup(journey.touchpoints, (touchpoint) => inGroup(touchpoint.stage));
    const painPoints = byGroup(journey.painPoints, (painPoint) => inGroup(painPoint.stage));
    const metrics = byGroup(journey.metrics, (metric) => (metric.stage === undefined ? groups.map((_, g) => g) : inGroup(metric.stage)));
    const initiatives = byGroup(journey.initiatives, (initiative) =>
        initiative.addresses.length === 0 ? firstStageGroups : new Set(initiative.addresses.flatMap((name) => [...painPointGroups(name)])),
    );
    const flow = byGroup(journey.flow, (edge) => [...touchpointGroups(edge.from)].filter((g) => touchpointGroups(edge.to).has(g)));
    return groups.map((_, g) => ({
        ...journey,
        stages: stages[g],
        touchpoints: touchpoints[g].map((touchpoint) => ({ ...touchpoint, next: touchpoint.next.filter((name) => touchpointGroups(name).has(g)) })),
        painPoints: painPoints[g],
        metrics: metrics[g],
        initiatives: initiatives[g],
        flow: flow[g],
    }));
}
