import { type AstNode, MultiMap, type Reference, type ValidationAcceptor } from 'langium';
import type { Initiative, Journey, PainPoint, Segment, Stage, Touchpoint } from '../generated/ast.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { capitalizedKindLabel, quotedList, times } from './diagnostic-wording.js';
import { kindLabel } from '../element-kinds.js';
import { findClosedLoops } from './closed-loops.js';

type NamedNode = AstNode & { name: string };
type SegmentUser = Journey | Stage | Touchpoint | PainPoint | Initiative;

/**
 * The rules over names and references inside a journey: names unique in the
 * journey, the `next` flow (no touchpoint follows itself, no loop that no path
 * leaves), `for` lists without repeats and within the segments of the
 * element's stage or journey. Rules over a whole journey walk it
 * once from the Journey check, never once per element.
 */
export class ReferenceValidator {
    readonly checkJourneyDuplicates = (journey: Journey, accept: ValidationAcceptor): void => {
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
    };

    readonly checkClosedLoops = (journey: Journey, accept: ValidationAcceptor): void => {
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
    };

    readonly checkSelfNext = (touchpoint: Touchpoint, accept: ValidationAcceptor): void => {
        touchpoint.next.forEach((reference, index) => {
            if (reference.$refText !== touchpoint.name) return;
            accept('error', `Touchpoint '${touchpoint.name}' names itself in \`next\`: \`next\` names the touchpoints that follow this one`, {
                node: touchpoint,
                property: 'next',
                index,
                code: DiagnosticCode.SelfNext,
            });
        });
    };

    readonly checkDuplicateSegments = (element: SegmentUser, accept: ValidationAcceptor): void => {
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
    };

    /** An element's `for` stays within its container's: its stage's, or where the stage has none, its journey's. */
    readonly checkSegmentsWithinContainer = (element: Exclude<SegmentUser, Journey>, accept: ValidationAcceptor): void => {
        const container = segmentContainerOf(element);
        // A stage still being typed has no name yet: its syntax error comes first (found by the fuzzer: "its stage 'undefined'").
        if (!container?.name) return;
        const allowed = new Set(container.segments.map((reference) => reference.$refText));
        element.segments.forEach((reference: Reference<Segment>, index) => {
            const name = reference.$refText;
            if (!name || allowed.has(name) || !reference.ref) return;
            const where = `its ${kindLabel(container.$type)} '${container.name}'`;
            accept('warning', `${capitalizedKindLabel(element.$type)} '${element.name}' is for segment '${name}', but ${where} is only for ${quotedList([...allowed])}: remove '${name}' from this \`for\`, or add it to the ${kindLabel(container.$type)}'s`, {
                node: element,
                property: 'segments',
                index,
                code: DiagnosticCode.SegmentOutsideContainer,
                data: { name },
            });
        });
    };
}

/** The nearest stage or journey around an element that has a `for` of its own. */
export function segmentContainerOf(element: Exclude<SegmentUser, Journey>): Stage | Journey | undefined {
    const stage = element.$type === 'Touchpoint' || element.$type === 'PainPoint' ? element.$container : undefined;
    if (stage && stage.segments.length > 0) return stage;
    const journey = element.$type === 'Stage' || element.$type === 'Initiative' ? element.$container : stage?.$container;
    return journey && journey.segments.length > 0 ? journey : undefined;
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
