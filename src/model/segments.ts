/**
 * Which segments an element is for. A `for` on a journey or a stage is
 * inherited: an element without a `for` of its own is for its stage's
 * segments, or else for its journey's; empty means every segment. The model
 * keeps each `for` as written (the map's chips, the diff and the hover say
 * what the author wrote); the views and the rules ask here.
 */
import type { Journey, Stage } from './types.js';

/** An element of a journey that may be limited to segments; `stage` absent for initiatives and journey-level elements. */
interface ScopedElement {
    segments: readonly string[];
    stage?: string;
}

/** The segments an element (or a stage) is for: its own `for`, else its stage's, else its journey's; empty: every segment. */
export function effectiveSegments(journey: Journey, element: ScopedElement): readonly string[] {
    if (element.segments.length > 0) return element.segments;
    const stage = element.stage === undefined ? undefined : stagesByName(journey).get(element.stage);
    if (stage && stage.segments.length > 0) return stage.segments;
    return journey.forSegments;
}

/** A journey's stages by name, made once per list of stages: every element of a big map asks. */
const stageMaps = new WeakMap<readonly Stage[], ReadonlyMap<string, Stage>>();

function stagesByName(journey: Journey): ReadonlyMap<string, Stage> {
    let byName = stageMaps.get(journey.stages);
    if (!byName) {
        // The first stage of a name, as a search from the start finds it.
        byName = new Map([...journey.stages].reverse().map((stage) => [stage.name, stage]));
        stageMaps.set(journey.stages, byName);
    }
    return byName;
}

/** Whether the element is seen in the segment's view. */
export function isForSegment(journey: Journey, element: ScopedElement, segment: string): boolean {
    const segments = effectiveSegments(journey, element);
    return segments.length === 0 || segments.includes(segment);
}

/** Whether the journey has a view for the segment: a journey `for` some segments has none for the others. */
export function journeyHasSegment(journey: Journey, segment: string): boolean {
    return journey.forSegments.length === 0 || journey.forSegments.includes(segment);
}
