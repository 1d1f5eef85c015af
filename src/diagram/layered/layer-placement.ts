/**
 * The height of every item of the ordered layers. Each edge meets a card on
 * its side at one of evenly spread points (n edges on a side: at 1/(n+1),
 * 2/(n+1)… of its height, in the order of the cards they come from, as ELK
 * spreads them). Sweeps left to right and back move each layer as close as
 * the spacing allows to where its edges would run straight — the median of
 * its neighbours (of two edges to one neighbour, the nearer: a loop back and
 * forth runs straight one way rather than bent both ways) — solved exactly for the order and the spacing of the layer (isotonic
 * regression by pooling adjacent violators). The last sweep goes left to
 * right, so that the flow reads straight from where it comes from.
 */
import type { LayeredGraph } from './layered-graph.js';

/** ELK's spacing as the stages were laid out with: between cards, a card and a run of an edge, two runs. */
export const SPACING = { nodeNode: 24, edgeNode: 12, edgeEdge: 8 };
const SWEEPS = 6;
/** A sweep that moves the items less than this in all has settled. */
const SETTLED = 0.01;
/** An item with no neighbour on the side a sweep looks at barely resists being pushed. */
const LOOSE = 0.05;
/** Runs of edges weigh more than cards: a long edge kept straight reads better than a card a few pixels nearer its neighbour. */
const RUN_WEIGHT = 2;

/** Where each chain meets an item: by item index, the offset from its top of each chain on each side, by chain index. */
export interface Attachments {
    west: Map<number, number>[];
    east: Map<number, number>[];
}

/** An edge on a side of an item: its chain, and the item at its other end there (none for a port leg). */
interface SideEdge {
    chain: number;
    other?: number;
}

/** Sets `y` of every item; returns where the edges meet them. */
export function placeLayers(graph: LayeredGraph): Attachments {
    const { items, layers } = graph;
    const position = new Float64Array(items.length);
    layers.forEach((layer) => layer.forEach((item, i) => (position[item] = i)));
    const sides = sideEdges(graph);
    const attachments: Attachments = {
        west: items.map((item, i) => spread(item.card ? item.height : 0, sides.west[i], position)),
        east: items.map((item, i) => spread(item.card ? item.height : 0, sides.east[i], position)),
    };
    for (const layer of layers) {
        let y = 0;
        layer.forEach((item, i) => {
            items[item].y = y;
            y += gapBelow(graph, layer, i);
        });
    }
    /** The tops at which `item` would meet its neighbours on `side` straight: one per neighbour, of several edges to it the nearest. */
    const wishes = (item: number, side: 'west' | 'east') => {
        const [mine, theirs] = side === 'west' ? [attachments.west, attachments.east] : [attachments.east, attachments.west];
        const byNeighbour = new Map<number, number>();
        for (const { chain, other } of sides[side][item]) {
            if (other === undefined) continue;
            const wish = items[other].y + theirs[other].get(chain)! - mine[item].get(chain)!;
            const kept = byNeighbour.get(other);
            if (kept === undefined || Math.abs(wish - items[item].y) < Math.abs(kept - items[item].y)) byNeighbour.set(other, wish);
        }
        return [...byNeighbour.values()];
    };
    const alignTo = (l: number, side: 'west' | 'east', both: boolean) => {
        const desired = layers[l].map((item) => {
            const wanted = both ? [...wishes(item, 'west'), ...wishes(item, 'east')] : wishes(item, side);
            return wanted.length > 0 ? { y: median(wanted), weight: items[item].card ? 1 : RUN_WEIGHT } : { y: items[item].y, weight: LOOSE };
        });
        return placeInOrder(graph, layers[l], desired);
    };
    // Sweeps that look both ways until nothing moves (most stages settle in two), then the last two.
    for (let sweep = 0, moved = Infinity; sweep < SWEEPS - 1 && moved > SETTLED; sweep++) {
        moved = 0;
        for (let l = layers.length - 2; l >= 0; l--) moved += alignTo(l, 'east', true);
        for (let l = 1; l < layers.length; l++) moved += alignTo(l, 'west', true);
    }
    for (let l = layers.length - 2; l >= 0; l--) alignTo(l, 'east', false);
    for (let l = 1; l < layers.length; l++) alignTo(l, 'west', false);
    return attachments;
}

/** The edges on the west and the east side of each item. */
function sideEdges(graph: LayeredGraph): { west: SideEdge[][]; east: SideEdge[][] } {
    const west: SideEdge[][] = graph.items.map(() => []);
    const east: SideEdge[][] = graph.items.map(() => []);
    graph.chains.forEach(({ items }, chain) => {
        items.forEach((item, k) => {
            west[item].push({ chain, other: items[k - 1] });
            east[item].push({ chain, other: items[k + 1] });
        });
    });
    // A chain's first item has a west edge only when it starts at a port; its last, an east edge only when it ends at one.
    graph.chains.forEach(({ items, fromPort, toPort }, chain) => {
        if (!fromPort) west[items[0]] = west[items[0]].filter((edge) => edge.chain !== chain);
        if (!toPort) east[items.at(-1)!] = east[items.at(-1)!].filter((edge) => edge.chain !== chain);
    });
    return { west, east };
}

/**
 * Points spread evenly down a side of `height`, one per edge, in the order of
 * the items at their other ends (edges to the same item in chain order, on
 * both of its ends, so that they do not cross). A port leg is the only kind of
 * edge on its side: its item is in the first or the last layer.
 */
function spread(height: number, edges: SideEdge[], position: Float64Array): Map<number, number> {
    const at = (edge: SideEdge) => (edge.other === undefined ? 0 : position[edge.other]);
    const sorted = [...edges].sort((a, b) => at(a) - at(b) || a.chain - b.chain);
    return new Map(sorted.map((edge, k) => [edge.chain, (height * (k + 1)) / (sorted.length + 1)]));
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The least distance from the top of the i-th item of a layer to the top of the next. */
function gapBelow(graph: LayeredGraph, layer: number[], i: number): number {
    const [above, below] = [graph.items[layer[i]], graph.items[layer[i + 1]]];
    if (!below) return 0;
    const spacing = above.card && below.card ? SPACING.nodeNode : above.card || below.card ? SPACING.edgeNode : SPACING.edgeEdge;
    return above.height + spacing;
}

/**
 * Puts the layer's items as near their desired tops as their order and
 * spacing allow (least weighted squares): tops less the spacing above them
 * must not decrease, which is isotonic regression. Answers how far the items
 * moved in all.
 */
function placeInOrder(graph: LayeredGraph, layer: number[], desired: { y: number; weight: number }[]): number {
    const offsets: number[] = [];
    let offset = 0;
    layer.forEach((_, i) => {
        offsets.push(offset);
        offset += gapBelow(graph, layer, i);
    });
    const blocks: { sum: number; weight: number; count: number }[] = [];
    desired.forEach(({ y, weight }, i) => {
        blocks.push({ sum: (y - offsets[i]) * weight, weight, count: 1 });
        while (blocks.length > 1 && blocks.at(-2)!.sum / blocks.at(-2)!.weight > blocks.at(-1)!.sum / blocks.at(-1)!.weight) {
            const last = blocks.pop()!;
            const into = blocks.at(-1)!;
            into.sum += last.sum;
            into.weight += last.weight;
            into.count += last.count;
        }
    });
    let [i, moved] = [0, 0];
    for (const block of blocks) {
        const z = block.sum / block.weight;
        for (let k = 0; k < block.count; k++, i++) {
            const item = graph.items[layer[i]];
            moved += Math.abs(z + offsets[i] - item.y);
            item.y = z + offsets[i];
        }
    }
    return moved;
}
