/**
 * A journey with only some of its elements: every reference to a removed one
 * dropped, and the facts that depend on what is shown (flow, net emotion per
 * stage) computed again. The segment view and the customer view are both
 * made with it.
 */
import { netEmotion } from './derived-facts.js';
import type { Initiative, Journey, Metric, PainPoint, Stage, Touchpoint } from './types.js';
import { nextInFlow, viewFlow } from './view-flow.js';

/** Which elements stay, kind by kind. */
export interface Shown {
    stage: (stage: Stage) => boolean;
    touchpoint: (touchpoint: Touchpoint) => boolean;
    painPoint: (painPoint: PainPoint) => boolean;
    metric: (metric: Metric) => boolean;
    initiative: (initiative: Initiative) => boolean;
}

export function keepOnly(journey: Journey, show: Shown): Journey {
    const stages = journey.stages.filter(show.stage);
    const stageNames = new Set(stages.map((stage) => stage.name));
    const inShownStage = (element: { stage?: string }) => element.stage === undefined || stageNames.has(element.stage);
    const touchpoints = journey.touchpoints.filter((touchpoint) => inShownStage(touchpoint) && show.touchpoint(touchpoint));
    const painPoints = journey.painPoints.filter((painPoint) => inShownStage(painPoint) && show.painPoint(painPoint));
    const metrics = journey.metrics.filter((metric) => inShownStage(metric) && show.metric(metric));
    const initiatives = journey.initiatives.filter(show.initiative);
    const shown = {
        touchpoints: new Set(touchpoints.map((touchpoint) => touchpoint.name)),
        painPoints: new Set(painPoints.map((painPoint) => painPoint.name)),
        metrics: new Set(metrics.map((metric) => metric.name)),
        initiatives: new Set(initiatives.map((initiative) => initiative.name)),
    };
    const flow = viewFlow(journey, touchpoints, shown.touchpoints);
    const keptTouchpoints = touchpoints.map((touchpoint) => ({
        ...touchpoint,
        next: journey.flowIsExplicit ? nextInFlow(flow.flow, touchpoint.name) : touchpoint.next.filter((name) => shown.touchpoints.has(name)),
    }));
    return {
        ...journey,
        stages: stages.map((stage) => {
            const ownTouchpoints = keptTouchpoints.filter((touchpoint) => touchpoint.stage === stage.name);
            return {
                ...stage,
                touchpoints: ownTouchpoints.map((touchpoint) => touchpoint.name),
                painPoints: stage.painPoints.filter((name) => shown.painPoints.has(name)),
                metrics: stage.metrics.filter((name) => shown.metrics.has(name)),
                netEmotion: netEmotion(ownTouchpoints),
            };
        }),
        touchpoints: keptTouchpoints,
        painPoints: painPoints.map((painPoint) => ({
            ...painPoint,
            at: painPoint.at.filter((name) => shown.touchpoints.has(name)),
            addressedBy: painPoint.addressedBy.filter((name) => shown.initiatives.has(name)),
        })),
        metrics,
        initiatives: initiatives.map((initiative) => ({
            ...initiative,
            addresses: initiative.addresses.filter((name) => shown.painPoints.has(name)),
        })),
        ...flow,
    };
}

