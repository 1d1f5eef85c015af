/**
 * Which edges of a directed graph lie on a cycle (both ends in one strongly
 * connected component). Iterative, so that a 5,000-node flow does not
 * overflow the stack.
 */
export function edgesOnCycles(nodeCount: number, edges: readonly (readonly [number, number])[]): boolean[] {
    const component = stronglyConnectedComponents(nodeCount, edges);
    return edges.map(([from, to]) => component[from] === component[to]);
}

/** Kosaraju: the component index of every node. */
function stronglyConnectedComponents(nodeCount: number, edges: readonly (readonly [number, number])[]): number[] {
    const forward: number[][] = Array.from({ length: nodeCount }, () => []);
    const backward: number[][] = Array.from({ length: nodeCount }, () => []);
    for (const [from, to] of edges) {
        forward[from].push(to);
        backward[to].push(from);
    }
    // First pass: nodes in order of finishing a depth-first search.
    const finished: number[] = [];
    const visited = new Array<boolean>(nodeCount).fill(false);
    for (let start = 0; start < nodeCount; start++) {
        if (visited[start]) {
            continue;
        }
        visited[start] = true;
        const stack: [number, number][] = [[start, 0]];
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const next = forward[top[0]][top[1]++];
            if (next === undefined) {
                finished.push(top[0]);
                stack.pop();
            } else if (!visited[next]) {
                visited[next] = true;
                stack.push([next, 0]);
            }
        }
    }
    // Second pass, on the reversed graph, in reverse finishing order.
    const component = new Array<number>(nodeCount).fill(-1);
    let count = 0;
    for (let i = finished.length - 1; i >= 0; i--) {
        const root = finished[i];
        if (component[root] !== -1) {
            continue;
        }
        const stack = [root];
        component[root] = count;
        while (stack.length > 0) {
            for (const previous of backward[stack.pop()!]) {
                if (component[previous] === -1) {
                    component[previous] = count;
                    stack.push(previous);
                }
            }
        }
        count++;
    }
    return component;
}
