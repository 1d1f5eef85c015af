/**
 * A stage's ELK graph as a layered graph: its cards (and the hidden nodes a
 * step across stages runs through) in layers from left to right, each flow
 * edge a chain of items with one item in every layer it spans — its cards at
 * its ends, a dummy (a piece of straight line) in each layer between. A leg
 * from the stage's west port starts in the first layer, a leg to its east
 * port ends in the last: the ports sit on the stage's sides, at the height of
 * the chain's end.
 *
 * Layers by longest path from the sources, then shortened and balanced (see
 * `layering`). A cycle left in
 * the stage (the graph builder already turns steps back against the document)
 * is broken where a depth-first walk in document order closes it.
 */
import type { ElkNode } from '../elk/elk-graph-types.js';

export interface Item {
    /** The ELK node id of a card or hidden node; a dummy has none. */
    node?: string;
    /** A node of the stage (card or hidden node); a dummy is a piece of an edge. */
    card: boolean;
    width: number;
    height: number;
    layer: number;
    /** Document order: what breaks ties, so that the cards keep the order they were written in. */
    rank: number;
    /** Top, set by the placement. */
    y: number;
}

export interface Chain {
    /** The ELK edge id. */
    edge: string;
    /** Item indexes, one per layer, from the chain's first layer to its last. */
    items: number[];
    /** The west port the chain starts at (its first item is in the first layer). */
    fromPort?: string;
    /** The east port the chain ends at (its last item is in the last layer). */
    toPort?: string;
    /** Laid out against the edge's direction (it closed a cycle): its section is drawn from the last item to the first. */
    reversed: boolean;
}

export interface LayeredGraph {
    items: Item[];
    chains: Chain[];
    /** Item indexes by layer, top to bottom once ordered. */
    layers: number[][];
}

interface Link {
    edge: string;
    from?: number;
    to?: number;
    fromPort?: string;
    toPort?: string;
    reversed: boolean;
}

/** The stage as a layered graph; undefined for a shape the map never makes (it then goes to ELK as it is). */
export function layeredGraph(stage: ElkNode): LayeredGraph | undefined {
    const nodes = stage.children ?? [];
    const links = linksOf(stage);
    if (!links) return undefined;
    const layerOf = layering(nodes.length, links);
    const items: Item[] = nodes.map((node, i) => ({ node: node.id, card: true, width: node.width ?? 0, height: node.height ?? 0, layer: layerOf[i], rank: i, y: 0 }));
    const last = Math.max(0, ...layerOf);
    const dummy = (layer: number, rank: number) => items.push({ card: false, width: 0, height: 0, layer, rank, y: 0 }) - 1;
    const chains = links.map((link): Chain => {
        const first = link.from !== undefined ? layerOf[link.from] : 0;
        const final = link.to !== undefined ? layerOf[link.to] : last;
        const rank = link.to ?? link.from ?? 0;
        const chain: number[] = [];
        if (link.from !== undefined) chain.push(link.from);
        for (let layer = link.from !== undefined ? first + 1 : first; layer < final || (link.to === undefined && layer === final); layer++) {
            chain.push(dummy(layer, rank + 0.5));
        }
        if (link.to !== undefined) chain.push(link.to);
        return { edge: link.edge, items: chain, fromPort: link.fromPort, toPort: link.toPort, reversed: link.reversed };
    });
    const layers: number[][] = Array.from({ length: last + 1 }, () => []);
    items.forEach((item, i) => layers[item.layer].push(i));
    return { items, chains, layers };
}

/** The stage's edges between its nodes and its ports; undefined when one runs port to port or from a node to itself. */
function linksOf(stage: ElkNode): Link[] | undefined {
    const index = new Map((stage.children ?? []).map((node, i) => [node.id, i]));
    const sides = new Map((stage.ports ?? []).map((port) => [port.id, port.layoutOptions?.['elk.port.side']]));
    const links: Link[] = [];
    for (const edge of stage.edges ?? []) {
        const [source, target] = [edge.sources[0], edge.targets[0]];
        const from = index.get(source);
        const to = index.get(target);
        const fromPort = from === undefined && sides.get(source) === 'WEST' ? source : undefined;
        const toPort = to === undefined && sides.get(target) === 'EAST' ? target : undefined;
        const known = (from !== undefined || fromPort) && (to !== undefined || toPort);
        if (!known || (from === undefined && to === undefined) || from === to) return undefined;
        links.push({ edge: edge.id, from, to, fromPort, toPort, reversed: false });
    }
    breakCycles(index.size, links);
    return links;
}

/** Turns round each edge that closes a cycle in a depth-first walk in document order. */
function breakCycles(count: number, links: Link[]): void {
    const out: number[][] = Array.from({ length: count }, () => []);
    links.forEach((link, i) => link.from !== undefined && link.to !== undefined && out[link.from].push(i));
    const state = new Uint8Array(count); // 0 unseen, 1 on the walk, 2 done
    for (let start = 0; start < count; start++) {
        if (state[start]) continue;
        const stack: [number, number][] = [[start, 0]];
        state[start] = 1;
        while (stack.length > 0) {
            const top = stack.at(-1)!;
            const [node, next] = top;
            if (next >= out[node].length) {
                state[node] = 2;
                stack.pop();
                continue;
            }
            top[1]++;
            const link = links[out[node][next]];
            const to = link.to!;
            if (state[to] === 1) {
                [link.from, link.to, link.reversed] = [link.to, link.from, true];
            } else if (state[to] === 0) {
                state[to] = 1;
                stack.push([to, 0]);
            }
        }
    }
}

/**
 * Each node's layer: longest path from the sources; then, from the last node
 * back, a node with more edges out than in moves right to just before its
 * nearest successor (a card that hands over to a later one stands right
 * before it), and one with as many in as out to the layer with the fewest
 * nodes that it can stand in — which shortens edges as ELK's network simplex
 * layering does and balances the layers as it does.
 */
function layering(count: number, links: Link[]): number[] {
    const out: number[][] = Array.from({ length: count }, () => []);
    const into: number[][] = Array.from({ length: count }, () => []);
    const [portsIn, portsOut] = [new Array<number>(count).fill(0), new Array<number>(count).fill(0)];
    for (const { from, to } of links) {
        if (from !== undefined && to !== undefined) {
            out[from].push(to);
            into[to].push(from);
        } else if (to !== undefined) {
            portsIn[to]++;
        } else if (from !== undefined) {
            portsOut[from]++;
        }
    }
    const order = topologicalOrder(count, out, into.map((list) => list.length));
    const layer = new Array<number>(count).fill(0);
    for (const node of order) {
        for (const to of out[node]) layer[to] = Math.max(layer[to], layer[node] + 1);
    }
    const last = Math.max(0, ...layer);
    const sizes = new Array<number>(last + 1).fill(0);
    layer.forEach((l) => sizes[l]++);
    for (const node of [...order].reverse()) {
        const [ins, outs] = [into[node].length + portsIn[node], out[node].length + portsOut[node]];
        if (outs === 0 || ins > outs) continue;
        const earliest = portsIn[node] > 0 ? 0 : Math.max(0, ...into[node].map((from) => layer[from] + 1));
        const latest = Math.min(portsOut[node] > 0 ? last : Infinity, ...out[node].map((to) => layer[to] - 1));
        if (!Number.isFinite(latest) || latest <= layer[node]) continue;
        const load = (l: number) => sizes[l] + (l === layer[node] ? 0 : 1);
        let best = outs > ins ? latest : layer[node];
        for (let l = earliest; outs === ins && l <= latest; l++) if (load(l) < load(best)) best = l;
        sizes[layer[node]]--;
        sizes[best]++;
        layer[node] = best;
    }
    const lowest = Math.min(0, ...layer);
    return layer.map((l) => l - lowest);
}

function topologicalOrder(count: number, out: number[][], incoming: number[]): number[] {
    const remaining = [...incoming];
    const ready = [...Array(count).keys()].filter((node) => remaining[node] === 0);
    const order: number[] = [];
    while (ready.length > 0) {
        const node = ready.shift()!;
        order.push(node);
        for (const to of out[node]) {
            if (--remaining[to] === 0) ready.push(to);
        }
    }
    return order;
}
