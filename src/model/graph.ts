/**
 * Directed graphs over node indices 0…n-1, given as each node's successors:
 * the flow of a journey (touchpoints and their `next` steps) as the validator
 * and the map see it. Every walk is iterative, so that a 5,000-touchpoint
 * chain cannot overflow the stack; all are linear in nodes plus edges.
 */

/** A node's successors, by node index. */
export type Successors = readonly (readonly number[])[];

/**
 * The strongly connected components (sets of nodes that all reach one
 * another), each a list of its nodes, in the order Tarjan's algorithm
 * completes them: a component comes before every component that reaches it.
 */
export function stronglyConnectedComponents(successors: Successors): number[][] {
    const count = successors.length;
    const index = new Array<number>(count).fill(-1);
    const lowLink = new Array<number>(count).fill(0);
    const onStack = new Array<boolean>(count).fill(false);
    const stack: number[] = [];
    const components: number[][] = [];
    let nextIndex = 0;

    for (let root = 0; root < count; root++) {
        if (index[root] !== -1) continue;
        // Each frame is a node and the position of the next successor to visit.
        const frames: Array<[node: number, edge: number]> = [[root, 0]];
        index[root] = lowLink[root] = nextIndex++;
        stack.push(root);
        onStack[root] = true;
        while (frames.length > 0) {
            const frame = frames[frames.length - 1];
            const [node, edge] = frame;
            if (edge < successors[node].length) {
                frame[1]++;
                const next = successors[node][edge];
                if (index[next] === -1) {
                    index[next] = lowLink[next] = nextIndex++;
                    stack.push(next);
                    onStack[next] = true;
                    frames.push([next, 0]);
                } else if (onStack[next]) {
                    lowLink[node] = Math.min(lowLink[node], index[next]);
                }
                continue;
            }
            frames.pop();
            if (frames.length > 0) {
                const parent = frames[frames.length - 1][0];
                lowLink[parent] = Math.min(lowLink[parent], lowLink[node]);
            }
            if (lowLink[node] === index[node]) {
                const component: number[] = [];
                let member: number;
                do {
                    member = stack.pop()!;
                    onStack[member] = false;
                    component.push(member);
                } while (member !== node);
                components.push(component);
            }
        }
    }
    return components;
}

/** The index of every node's component in `components`. */
export function componentOfEachNode(nodeCount: number, components: readonly (readonly number[])[]): number[] {
    const componentOf = new Array<number>(nodeCount);
    components.forEach((members, component) => members.forEach((node) => (componentOf[node] = component)));
    return componentOf;
}

/** Which edges lie on a cycle: both ends in one strongly connected component. */
export function edgesOnCycles(nodeCount: number, edges: readonly (readonly [from: number, to: number])[]): boolean[] {
    const successors: number[][] = Array.from({ length: nodeCount }, () => []);
    for (const [from, to] of edges) successors[from].push(to);
    const componentOf = componentOfEachNode(nodeCount, stronglyConnectedComponents(successors));
    return edges.map(([from, to]) => componentOf[from] === componentOf[to]);
}
