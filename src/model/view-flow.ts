/**
 * The flow of a view that leaves some touchpoints out. An explicit flow keeps
 * the edges between shown touchpoints and bridges over hidden ones (A → hidden
 * B → C becomes A → C), so that a segment or customer view never breaks the
 * customer's path; the document-order flow runs through the shown touchpoints,
 * one after the other.
 */
import { deriveFlow } from './derived-facts.js';
import type { FlowEdge, Journey, Touchpoint } from './types.js';

export function viewFlow(journey: Journey, touchpoints: readonly Touchpoint[], shown: ReadonlySet<string>): { flow: FlowEdge[]; flowIsExplicit: boolean } {
    if (!journey.flowIsExplicit) {
        return deriveFlow(touchpoints);
    }
    const successors = successorsOf(journey.flow);
    const direct = journey.flow.filter((edge) => shown.has(edge.from) && shown.has(edge.to));
    const directSuccessors = successorsOf(direct);
    // A bridge only where the view would otherwise lose the step: not when the shown flow already leads there.
    const drawn = new Set(direct.map(edgeKey));
    const flow = journey.flow.flatMap((edge) => {
        if (!shown.has(edge.from)) {
            return [];
        }
        if (shown.has(edge.to)) {
            return [edge];
        }
        const bridges = shownReachedFrom(edge.to, successors, shown)
            .filter((to) => to !== edge.from && !drawn.has(edgeKey({ from: edge.from, to })) && !reachable(edge.from, to, directSuccessors))
            .map((to) => ({ from: edge.from, to }));
        bridges.forEach((bridge) => drawn.add(edgeKey(bridge)));
        return bridges;
    });
    return { flow, flowIsExplicit: true };
}

/** Each touchpoint's successors in a flow, in the flow's order: what `next` says in a view. */
export function nextInFlow(flow: readonly FlowEdge[], touchpoint: string): string[] {
    return flow.filter((edge) => edge.from === touchpoint).map((edge) => edge.to);
}

function edgeKey(edge: FlowEdge): string {
    return `${edge.from}\u0000${edge.to}`;
}

function successorsOf(flow: readonly FlowEdge[]): Map<string, string[]> {
    const successors = new Map<string, string[]>();
    for (const edge of flow) {
        successors.set(edge.from, [...(successors.get(edge.from) ?? []), edge.to]);
    }
    return successors;
}

function reachable(from: string, to: string, successors: ReadonlyMap<string, string[]>): boolean {
    const visited = new Set<string>();
    const pending = [from];
    while (pending.length > 0) {
        const name = pending.pop()!;
        if (name === to) {
            return true;
        }
        if (!visited.has(name)) {
            visited.add(name);
            pending.push(...(successors.get(name) ?? []));
        }
    }
    return false;
}

/** `start` when shown, else the shown touchpoints the flow reaches from it through hidden ones only. */
function shownReachedFrom(start: string, successors: ReadonlyMap<string, string[]>, shown: ReadonlySet<string>): string[] {
    const reached: string[] = [];
    const visited = new Set<string>();
    const pending = [start];
    while (pending.length > 0) {
        const name = pending.shift()!;
        if (visited.has(name)) {
            continue;
        }
        visited.add(name);
        if (shown.has(name)) {
            reached.push(name);
        } else {
            pending.push(...(successors.get(name) ?? []));
        }
    }
    return reached;
}
