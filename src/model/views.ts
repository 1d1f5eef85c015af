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
    const kept = new Set(stageNames);
    const touchpoints = journey.touchpoints.filter((touchpoint) => kept.has(touchpoint.stage));
    const shown = new Set(touchpoints.map((touchpoint) => touchpoint.name));
    const painPoints = journey.painPoints.filter((painPoint) => kept.has(painPoint.stage));
    const shownPain = new Set(painPoints.map((painPoint) => painPoint.name));
    const withFirstStage = journey.stages.length > 0 && kept.has(journey.stages[0].name);
    return {
        ...journey,
        stages: journey.stages.filter((stage) => kept.has(stage.name)),
        touchpoints: touchpoints.map((touchpoint) => ({ ...touchpoint, next: touchpoint.next.filter((name) => shown.has(name)) })),
        painPoints,
        metrics: journey.metrics.filter((metric) => metric.stage === undefined || kept.has(metric.stage)),
        initiatives: journey.initiatives.filter((initiative) =>
            initiative.addresses.length === 0 ? withFirstStage : initiative.addresses.some((name) => shownPain.has(name)),
        ),
        flow: journey.flow.filter((edge) => shown.has(edge.from) && shown.has(edge.to)),
    };
}
