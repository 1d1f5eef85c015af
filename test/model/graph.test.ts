import { describe, expect, it } from 'vitest';
import { componentOfEachNode, edgesOnCycles, stronglyConnectedComponents } from '../../src/model/graph.js';

const sorted = (components: number[][]) => components.map((members) => [...members].sort((a, b) => a - b));

describe('strongly connected components', () => {
    it('gives every node of an acyclic graph its own component, each before the components that reach it', () => {
        expect(stronglyConnectedComponents([[1], [2], []])).toEqual([[2], [1], [0]]);
    });

    it('groups the nodes that reach one another', () => {
        // 0 → 1 → 2 → 0, 2 → 3 → 4 → 3, 5 alone
        const components = sorted(stronglyConnectedComponents([[1], [2], [0, 3], [4], [3], []]));
        expect(components).toEqual([[3, 4], [0, 1, 2], [5]]);
    });

    it('counts a node with an edge to itself as a component of one', () => {
        expect(stronglyConnectedComponents([[0]])).toEqual([[0]]);
    });

    it('knows the component of each node', () => {
        const components = stronglyConnectedComponents([[1], [0], []]);
        const componentOf = componentOfEachNode(3, components);
        expect(componentOf[0]).toBe(componentOf[1]);
        expect(componentOf[2]).not.toBe(componentOf[0]);
    });

    it('walks a 100,000-node chain and a 100,000-node cycle without overflowing the stack', () => {
        const count = 100_000;
        const chain = Array.from({ length: count }, (_, i) => (i + 1 < count ? [i + 1] : []));
        expect(stronglyConnectedComponents(chain)).toHaveLength(count);
        const cycle = Array.from({ length: count }, (_, i) => [(i + 1) % count]);
        const [only, ...none] = stronglyConnectedComponents(cycle);
        expect(only).toHaveLength(count);
        expect(none).toEqual([]);
    });
});

describe('edges on cycles', () => {
    it('marks the edges with both ends in one component', () => {
        // 0 → 1 → 0 is a loop; 1 → 2 leaves it; 2 → 2 is a loop of one.
        expect(edgesOnCycles(3, [[0, 1], [1, 0], [1, 2], [2, 2]])).toEqual([true, true, false, true]);
    });

    it('marks no edge of a long chain, and every edge of a long cycle', () => {
        const count = 50_000;
        const chain = Array.from({ length: count - 1 }, (_, i) => [i, i + 1] as const);
        expect(edgesOnCycles(count, chain).some(Boolean)).toBe(false);
        expect(edgesOnCycles(count, [...chain, [count - 1, 0]]).every(Boolean)).toBe(true);
    });
});
