/**
 * Views of a journey: the elements one segment sees, and what customers may
 * see. A view is a new journey with the hidden elements removed, every
 * reference to them dropped, and the derived facts that depend on what is
 * shown (flow, net emotion per stage) computed again.
 *
 * `unaddressed` and `pastDue` are facts about the real world and stay as they
 * are: a pain point addressed by an initiative that the view hides is still
 * addressed.
 */
import { deriveFlow, netEmotion } from './derived-facts.js';
import type { Journey, JourneyView } from './types.js';

interface Filterable {
    segments: string[];
    internal: boolean;
}

/** The journey as one audience sees it, for one segment or all. */
export function journeyView(journey: Journey, view: JourneyView): Journey {
    const bySegment = view.segment === undefined ? journey : segmentView(journey, view.segment);
    return view.audience === 'customer' ? customerView(bySegment) : bySegment;
}

/** Only the elements with no `for`, or whose `for` names the segment. */
export function segmentView(journey: Journey, segment: string): Journey {
    const visible = (element: Filterable) => element.segments.length === 0 || element.segments.includes(segment);
    return { ...keepOnly(journey, visible), view: { ...journey.view, segment } };
}

/** Everything but `internal` elements and evidence. */
export function customerView(journey: Journey): Journey {
    const filtered = keepOnly(journey, (element) => !element.internal);
    return {
        ...filtered,
        painPoints: filtered.painPoints.map((painPoint) => ({ ...painPoint, evidence: [] })),
        view: { ...journey.view, audience: 'customer' },
    };
}

function keepOnly(journey: Journey, visible: (element: Filterable) => boolean): Journey {
    const touchpoints = journey.touchpoints.filter(visible);
    const painPoints = journey.painPoints.filter(visible);
    const initiatives = journey.initiatives.filter(visible);
    const shown = {
        touchpoints: new Set(touchpoints.map((touchpoint) => touchpoint.name)),
        painPoints: new Set(painPoints.map((painPoint) => painPoint.name)),
        initiatives: new Set(initiatives.map((initiative) => initiative.name)),
    };
    const keptTouchpoints = touchpoints.map((touchpoint) => ({
        ...touchpoint,
        next: touchpoint.next.filter((name) => shown.touchpoints.has(name)),
    }));
    return {
        ...journey,
        stages: journey.stages.map((stage) => {
            const ownTouchpoints = keptTouchpoints.filter((touchpoint) => touchpoint.stage === stage.name);
            return {
                ...stage,
                touchpoints: ownTouchpoints.map((touchpoint) => touchpoint.name),
                painPoints: stage.painPoints.filter((name) => shown.painPoints.has(name)),
                netEmotion: netEmotion(ownTouchpoints),
            };
        }),
        touchpoints: keptTouchpoints,
        painPoints: painPoints.map((painPoint) => ({
            ...painPoint,
            at: painPoint.at.filter((name) => shown.touchpoints.has(name)),
            addressedBy: painPoint.addressedBy.filter((name) => shown.initiatives.has(name)),
        })),
        initiatives: initiatives.map((initiative) => ({
            ...initiative,
            addresses: initiative.addresses.filter((name) => shown.painPoints.has(name)),
        })),
        ...viewFlow(journey, keptTouchpoints, shown.touchpoints),
    };
}

/**
 * An explicit flow keeps the edges between shown touchpoints; the document-order
 * flow runs through the shown touchpoints, one after the other.
 */
function viewFlow(journey: Journey, touchpoints: Journey['touchpoints'], shown: ReadonlySet<string>) {
    if (!journey.flowIsExplicit) {
        return deriveFlow(touchpoints);
    }
    const flow = journey.flow.filter((edge) => shown.has(edge.from) && shown.has(edge.to));
    return { flow, flowIsExplicit: true };
}
