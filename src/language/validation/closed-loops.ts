import { componentOfEachNode, stronglyConnectedComponents, type Successors } from '../../model/graph.js';

/**
 * Finds the `next` loops that no path leaves: sets of two or more touchpoints
 * that all reach one another (a strongly connected component of the flow
 * graph) with no edge from inside the set to a touchpoint outside it.
 * Linear in touchpoints plus `next` edges.
 */
export function findClosedLoops(successors: Successors): number[][] {
    const components = stronglyConnectedComponents(successors);
    const componentOf = componentOfEachNode(successors.length, components);
    return components
        .filter((members) => members.length > 1)
        .filter((members) => members.every((node) => successors[node].every((next) => componentOf[next] === componentOf[node])))
        .map((members) => [...members].sort((a, b) => a - b));
}
