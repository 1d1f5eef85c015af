/**
 * The placed layers side by side and the flow routed through them,
 * orthogonally: an edge runs straight through the layers it spans (its
 * dummies hold its place there), and where it has to change height it does so
 * in the gap between two layers, on a vertical run of its own. The runs of a
 * gap are ordered to cross each other as little as they can and spaced as ELK
 * spaces them; a gap widens for more runs.
 */
import type { Point } from '../diagram-types.js';
import type { Chain, LayeredGraph } from './layered-graph.js';
import { type Attachments, SPACING } from './layer-placement.js';

/** As ELK's `spacing.nodeNodeBetweenLayers`, `edgeNodeBetweenLayers`, `edgeEdgeBetweenLayers`. */
const BETWEEN_LAYERS = { nodeNode: 44, edgeNode: 14, edgeEdge: 8 };
/** Closer than this, two heights are one. */
const SAME = 0.01;
/** A change of height smaller than this would show as a kink: the edge meets its card a little off its spread point instead. */
const MAX_KINK = 3;
/** …but never closer than this to the card's top or bottom corner. */
const KINK_MARGIN = 6;

export interface RoutedLayers {
    /** Left side of each item (for a card: its x). */
    x: number[];
    /** Each chain's points, from its first layer to its last. */
    routes: Point[][];
    /** The height of each chain's ends: where its west and east port sit. */
    ends: { first: number; last: number }[];
    width: number;
}

interface Run {
    chain: number;
    from: number;
    to: number;
}

export function routeLayers(graph: LayeredGraph, attachments: Attachments, padding: { left: number; right: number }): RoutedLayers {
    straightenKinks(graph, attachments);
    const exitY = (chain: Chain, c: number, k: number) => graph.items[chain.items[k]].y + attachments.east[chain.items[k]].get(c)!;
    const entryY = (chain: Chain, c: number, k: number) => graph.items[chain.items[k]].y + attachments.west[chain.items[k]].get(c)!;
    const gaps: Run[][] = graph.layers.map(() => []);
    graph.chains.forEach((chain, c) => {
        for (let k = 0; k + 1 < chain.items.length; k++) {
            const [from, to] = [exitY(chain, c, k), entryY(chain, c, k + 1)];
            if (Math.abs(from - to) > SAME) gaps[graph.items[chain.items[k]].layer].push({ chain: c, from, to });
        }
    });
    const slots = gaps.map(slotsOf);

    const layerWidth = graph.layers.map((layer) => Math.max(0, ...layer.map((item) => graph.items[item].width)));
    const layerX: number[] = [];
    let x = padding.left;
    graph.layers.forEach((_, l) => {
        layerX.push(x);
        const runs = Math.max(-1, ...slots[l].values()) + 1;
        x += layerWidth[l] + Math.max(BETWEEN_LAYERS.nodeNode, 2 * BETWEEN_LAYERS.edgeNode + Math.max(0, runs - 1) * BETWEEN_LAYERS.edgeEdge);
    });
    const width = graph.layers.length > 0 ? layerX.at(-1)! + layerWidth.at(-1)! + padding.right : 0;
    const left = graph.items.map((item) => layerX[item.layer] + (item.card ? (layerWidth[item.layer] - item.width) / 2 : 0));
    const right = graph.items.map((item, i) => (item.card ? left[i] + item.width : layerX[item.layer] + layerWidth[item.layer]));

    const routes = graph.chains.map((chain, c) => {
        const last = chain.items.length - 1;
        const points: Point[] = [chain.fromPort ? { x: 0, y: entryY(chain, c, 0) } : { x: right[chain.items[0]], y: exitY(chain, c, 0) }];
        for (let k = 0; k < last; k++) {
            const layer = graph.items[chain.items[k]].layer;
            const slot = slots[layer].get(c);
            if (slot !== undefined) {
                const runX = layerX[layer] + layerWidth[layer] + BETWEEN_LAYERS.edgeNode + slot * BETWEEN_LAYERS.edgeEdge;
                points.push({ x: runX, y: exitY(chain, c, k) }, { x: runX, y: entryY(chain, c, k + 1) });
            }
        }
        points.push(chain.toPort ? { x: width, y: exitY(chain, c, last) } : { x: left[chain.items[last]], y: entryY(chain, c, last) });
        return points;
    });
    const ends = graph.chains.map((chain, c) => ({ first: entryY(chain, c, 0), last: exitY(chain, c, chain.items.length - 1) }));
    return { x: left, routes, ends, width };
}

/**
 * Where an edge would change height by less than MAX_KINK, it runs straight
 * instead: a run of it further on moves to its height, or it meets the card
 * it enters (or leaves) a little off its spread point, when that stays on the
 * card's side.
 */
function straightenKinks(graph: LayeredGraph, attachments: Attachments): void {
    graph.chains.forEach((chain, c) => {
        for (let k = 0; k + 1 < chain.items.length; k++) {
            const [a, b] = [chain.items[k], chain.items[k + 1]];
            const [itemA, itemB] = [graph.items[a], graph.items[b]];
            const from = itemA.y + attachments.east[a].get(c)!;
            const to = itemB.y + attachments.west[b].get(c)!;
            const kink = Math.abs(from - to);
            if (kink <= SAME || kink >= MAX_KINK) continue;
            const onSide = (y: number, top: number, height: number) => y >= top + KINK_MARGIN && y <= top + height - KINK_MARGIN;
            if (!itemB.card) {
                itemB.y = from;
            } else if (onSide(from, itemB.y, itemB.height)) {
                attachments.west[b].set(c, from - itemB.y);
            } else if (itemA.card && onSide(to, itemA.y, itemA.height)) {
                attachments.east[a].set(c, to - itemA.y);
            }
        }
    });
}

/** The slot (0 nearest the gap's left side) of each chain's vertical run in one gap. */
function slotsOf(runs: Run[]): Map<number, number> {
    const ordered: Run[] = [];
    // Going down, a lower start runs further left; going up, a higher start: then most runs do not cross.
    const start = [...runs].sort((a, b) => direction(b) - direction(a) || (direction(a) > 0 ? b.from - a.from : a.from - b.from));
    for (const run of start) {
        let best = 0;
        let fewest = Infinity;
        for (let at = 0; at <= ordered.length; at++) {
            const count = ordered.reduce((sum, other, i) => sum + (i < at ? crossings(other, run) : crossings(run, other)), 0);
            if (count < fewest) [best, fewest] = [at, count];
        }
        ordered.splice(best, 0, run);
    }
    const slots = new Map<number, number>();
    ordered.forEach((run, i) => {
        const blocking = ordered.slice(0, i).filter((other) => overlap(other, run)).map((other) => slots.get(other.chain)!);
        slots.set(run.chain, blocking.length > 0 ? Math.max(...blocking) + 1 : 0);
    });
    return slots;
}

const direction = (run: Run) => Math.sign(run.to - run.from);
const low = (run: Run) => Math.min(run.from, run.to);
const high = (run: Run) => Math.max(run.from, run.to);
const within = (y: number, run: Run) => y > low(run) + SAME && y < high(run) - SAME;

/** Crossings when `left` runs left of `right`: left's way on to the right side, and right's way in from the left side. */
function crossings(left: Run, right: Run): number {
    return (within(left.to, right) ? 1 : 0) + (within(right.from, left) ? 1 : 0);
}

/** Two runs closer than ELK's edge spacing cannot share a slot. */
function overlap(a: Run, b: Run): boolean {
    return low(a) < high(b) + SPACING.edgeEdge && low(b) < high(a) + SPACING.edgeEdge;
}
