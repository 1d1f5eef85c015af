/**
 * The order of the items in each layer, top to bottom: document order first
 * (a run of an edge where the card it leads to was written), then barycenter
 * sweeps down and up the layers, kept only when they make fewer crossings —
 * so that a stage whose flow does not cross keeps the order it was written in
 * (as ELK's `considerModelOrder` keeps it).
 */
import type { LayeredGraph } from './layered-graph.js';

const SWEEPS = 4;

export interface Neighbours {
    /** Items in the layer before that an item is joined to, by item index. */
    before: number[][];
    /** Items in the layer after. */
    after: number[][];
}

export function neighboursOf(graph: LayeredGraph): Neighbours {
    const before: number[][] = graph.items.map(() => []);
    const after: number[][] = graph.items.map(() => []);
    for (const chain of graph.chains) {
        for (let i = 1; i < chain.items.length; i++) {
            after[chain.items[i - 1]].push(chain.items[i]);
            before[chain.items[i]].push(chain.items[i - 1]);
        }
    }
    return { before, after };
}

/** Orders `graph.layers` in place. */
export function orderLayers(graph: LayeredGraph, neighbours: Neighbours): void {
    const { items, layers } = graph;
    const position = new Float64Array(items.length);
    const record = (layer: number[]) => layer.forEach((item, i) => (position[item] = i));
    for (const layer of layers) {
        layer.sort((a, b) => items[a].rank - items[b].rank);
        record(layer);
    }
    let best = layers.map((layer) => [...layer]);
    let fewest = crossings(layers, neighbours.after, position);
    for (let sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
        for (let l = 1; l < layers.length; l++) {
            sortByBarycenter(layers[l], neighbours.before, position, (item) => position[item]);
            record(layers[l]);
        }
        for (let l = layers.length - 2; l >= 0; l--) {
            sortByBarycenter(layers[l], neighbours.after, position, (item) => position[item]);
            record(layers[l]);
        }
        const count = crossings(layers, neighbours.after, position);
        if (count < fewest) {
            fewest = count;
            best = layers.map((layer) => [...layer]);
        }
    }
    best.forEach((layer, l) => {
        layers[l] = layer;
        record(layer);
    });
}

/** Sorts a layer by the mean position of each item's neighbours; an item without any keeps its place; ties by `tie`. */
function sortByBarycenter(layer: number[], neighbours: number[][], position: Float64Array, tie: (item: number) => number): void {
    const key = new Map(
        layer.map((item) => {
            const others = neighbours[item];
            const mean = others.length > 0 ? others.reduce((sum, other) => sum + position[other], 0) / others.length : position[item];
            return [item, mean];
        }),
    );
    layer.sort((a, b) => key.get(a)! - key.get(b)! || tie(a) - tie(b));
}

/** How many pairs of edges cross between neighbouring layers (edges sharing an end never do). */
function crossings(layers: number[][], after: number[][], position: Float64Array): number {
    let count = 0;
    for (let l = 0; l + 1 < layers.length; l++) {
        const edges: [number, number][] = [];
        for (const item of layers[l]) for (const next of after[item]) edges.push([position[item], position[next]]);
        for (let i = 0; i < edges.length; i++) {
            for (let j = i + 1; j < edges.length; j++) {
                const [a, b] = [edges[i], edges[j]];
                if ((a[0] - b[0]) * (a[1] - b[1]) < 0) count++;
            }
        }
    }
    return count;
}
