/**
 * Our own layout of one stage: the steps of ELK's layered algorithm, in small
 * (layers, order, placement, orthogonal routing; see the files beside this
 * one), answering in ELK's own format so that the rest of the map cannot tell
 * which laid a stage out. A stage is a handful of cards and its flow: ELK
 * spends ~25 ms of CPU on each (its fixed cost, and a JIT that never warms up
 * over one `journey render`), this takes well under a millisecond and runs on
 * the caller's thread without ELK's memory. Stages it does not take — a shape
 * the map never makes, or more than MAX_ITEMS items, where ELK's crossing
 * minimisation is worth its time — still go to ELK.
 */
import type { ElkNode } from '../elk/elk-graph-types.js';
import { layeredGraph } from './layered-graph.js';
import { neighboursOf, orderLayers } from './layer-order.js';
import { placeLayers } from './layer-placement.js';
import { routeLayers } from './layer-routing.js';

/** Cards and runs of edges; above this, the quadratic steps (crossing counts, runs in a gap) would start to show. */
const MAX_ITEMS = 400;

/** The stage laid out (positions of its cards, ports and edge sections, its size), or undefined when ELK should do it. */
export function placeStage(stage: ElkNode): ElkNode | undefined {
    const graph = layeredGraph(stage);
    if (!graph || graph.items.length > MAX_ITEMS) return undefined;
    if (graph.items.length === 0) return { ...stage, x: 0, y: 0, width: 0, height: 0 };
    const padding = paddingOf(stage);
    const neighbours = neighboursOf(graph);
    orderLayers(graph, neighbours);
    const attachments = placeLayers(graph);
    const top = Math.min(...graph.items.map((item) => item.y));
    for (const item of graph.items) item.y += padding.top - top;
    const routed = routeLayers(graph, attachments, padding);

    const ports = new Map<string, number>();
    graph.chains.forEach((chain, c) => {
        if (chain.fromPort) ports.set(chain.fromPort, routed.ends[c].first);
        if (chain.toPort) ports.set(chain.toPort, routed.ends[c].last);
    });
    const sections = new Map(graph.chains.map((chain, c) => [chain.edge, chain.reversed ? [...routed.routes[c]].reverse() : routed.routes[c]]));
    const bottom = Math.max(...graph.items.map((item) => item.y + item.height));
    return {
        ...stage,
        x: 0,
        y: 0,
        width: routed.width,
        height: bottom + padding.bottom,
        children: (stage.children ?? []).map((node, i) => ({ ...node, x: routed.x[i], y: graph.items[i].y })),
        ports: (stage.ports ?? []).map((port) => ({ ...port, x: port.layoutOptions?.['elk.port.side'] === 'WEST' ? 0 : routed.width, y: ports.get(port.id) ?? 0 })),
        edges: (stage.edges ?? []).map((edge) => {
            const points = sections.get(edge.id)!;
            return { ...edge, sections: [{ startPoint: points[0], endPoint: points.at(-1)!, bendPoints: points.slice(1, -1) }] };
        }),
    };
}

type Padding = { top: number; left: number; bottom: number; right: number };
/** Every stage of a map has the same padding option: read once. */
const paddings = new Map<string, Padding>();

/** The stage's `elk.padding` ([top=16,left=20,bottom=16,right=20]); ELK's default of 12 on a side it does not name. */
function paddingOf(stage: ElkNode): Padding {
    const option = stage.layoutOptions?.['elk.padding'] ?? '';
    let padding = paddings.get(option);
    if (!padding) {
        const side = (name: string) => Number(new RegExp(`${name}=([\\d.]+)`).exec(option)?.[1] ?? 12);
        padding = { top: side('top'), left: side('left'), bottom: side('bottom'), right: side('right') };
        paddings.set(option, padding);
    }
    return padding;
}
