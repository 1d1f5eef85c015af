/**
 * Finds the `next` loops that no path leaves: sets of two or more touchpoints
 * that all reach one another (a strongly connected component of the flow
 * graph) with no edge from inside the set to a touchpoint outside it.
 * Tarjan's algorithm, iterative so that a 5,000-touchpoint chain cannot
 * overflow the stack; linear in touchpoints plus `next` edges.
 */
export function findClosedLoops(successors: readonly (readonly number[])[]): number[][] {
    const components = stronglyConnectedComponents(successors);
    const componentOf = new Array<number>(successors.length);
    components.forEach((members, component) => members.forEach((node) => (componentOf[node] = component)));
    return components
        .filter((members) => members.length > 1)
        .filter((members) => members.every((node) => successors[node].every((next) => componentOf[next] === componentOf[node])))
        .map((members) => [...members].sort((a, b) => a - b));
}

function stronglyConnectedComponents(successors: readonly (readonly number[])[]): number[][] {
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
