/**
 * The touchpoint lane from the stages ELK laid out one by one: the stages
 * side by side in document order, top-aligned (or moved a few pixels up or
 * down, so that a step into the next stage runs straight instead of with a
 * kink), with a gap between neighbours wide enough for the flow that crosses
 * it; each step across stages joined from its legs (inside the stages) and
 * its runs across the gaps into one orthogonal route.
 */
import type { Box, Point } from '../diagram-types.js';
import { type DiagramGraph, type GraphEdge, legId, portId, STAGE_MIN_HEIGHT, STAGE_MIN_WIDTH, touchpointNodeId } from './diagram-graph.js';
import type { ElkEdge, ElkNode } from '../elk/elk-graph-types.js';

/** The narrowest gap between two stages. */
const MIN_GAP = 44;
/** Between a gap's side and the nearest vertical run of the flow. */
const GAP_MARGIN = 14;
/** The most the tops of two stages differ to straighten steps between them; more would show as a ragged top. */
const MAX_STRAIGHTENING = 16;
/** A route that strays less than this from a straight line has a kink, not a bend: it is drawn straight. */
const MAX_KINK = 3;
/** A straightened route meets its card at least this far from the card's top and bottom. */
const KINK_MARGIN = 6;
/** Closer than this, two coordinates of a route are one (sums of ELK's fractions differ in the last bits). */
const SAME = 0.01;
/** Between two vertical runs in a gap, and between the stage divider (the gap's middle) and the runs beside it. */
const RUN_SPACING = 8;

export interface FlowLane {
    /** Each stage's box, in document order; (0, 0) is the lane's top left. */
    stages: Box[];
    /** Each card's box, by ELK node id. */
    cards: Map<string, Box>;
    /** Each flow edge's route from its `from` card to its `to` card, by edge id, in document order. */
    routes: Map<string, Point[]>;
    width: number;
    height: number;
}

/** A step across the gap after a stage: from the stage's east port to the next stage's west port. */
interface Crossing {
    edge: string;
    fromY: number;
    toY: number;
}

export function placeColumns(laidOut: ElkNode, diagram: DiagramGraph): FlowLane {
    const nodes = laidOut.children ?? [];
    const ports = nodes.map((node) => new Map((node.ports ?? []).map((port) => [port.id, port.y ?? 0])));
    const crossings = crossingsOfGaps(nodes.length, diagram.edges, ports);
    const tops = straighteningTops(crossings);
    const moved = straightenedLegs(nodes, diagram.edges, crossings, tops);
    const gaps = crossings.map((gap, k) => runsAcross(gap.map((c) => ({ ...c, fromY: c.fromY + tops[k], toY: c.toY + tops[k + 1] }))));

    const stages: Box[] = [];
    let x = 0;
    nodes.forEach((node, i) => {
        stages.push({ x, y: tops[i], width: Math.max(node.width ?? 0, STAGE_MIN_WIDTH), height: Math.max(node.height ?? 0, STAGE_MIN_HEIGHT) });
        x += stages[i].width + (gaps[i]?.width ?? 0);
    });

    const cards = new Map<string, Box>();
    const legs = new Map<string, Point[]>();
    nodes.forEach((node, i) => {
        const at = stages[i];
        for (const child of node.children ?? []) {
            cards.set(child.id, { x: at.x + child.x!, y: at.y + child.y!, width: child.width ?? 0, height: child.height ?? 0 });
        }
        for (const edge of node.edges ?? []) {
            legs.set(edge.id, pointsOf(edge, at, moved.get(edge.id)));
        }
    });

    const routes = new Map<string, Point[]>();
    for (const [id, edge] of diagram.edges) {
        const points = edge.firstStage === edge.lastStage ? legs.get(id) : joinLegs(id, edge, legs, stages, gaps);
        if (points) {
            const target = cards.get(touchpointNodeId(edge.reversed ? edge.from : edge.to));
            const route = withoutKink(withoutRedundantPoints(snapped(points)), target);
            routes.set(id, edge.reversed ? route.reverse() : route);
        }
    }
    const last = stages.at(-1);
    return {
        stages,
        cards,
        routes,
        width: last ? last.x + last.width : STAGE_MIN_WIDTH,
        height: Math.max(STAGE_MIN_HEIGHT, ...stages.map((stage) => stage.y + stage.height)),
    };
}

interface Gap {
    width: number;
    /** Where each crossing's vertical run lies, from the gap's left side; none when it runs straight. */
    runs: Map<string, number>;
    crossings: Map<string, Crossing>;
}

/** For each gap (the one after stage k at index k), the steps across it, in document order. */
function crossingsOfGaps(stageCount: number, edges: Map<string, GraphEdge>, ports: Map<string, number>[]): Crossing[][] {
    const gaps: Crossing[][] = Array.from({ length: Math.max(0, stageCount - 1) }, () => []);
    for (const [id, edge] of edges) {
        for (let k = edge.firstStage; k < edge.lastStage; k++) {
            gaps[k].push({ edge: id, fromY: ports[k].get(portId(id, k, 'east')) ?? 0, toY: ports[k + 1].get(portId(id, k + 1, 'west')) ?? 0 });
        }
    }
    return gaps;
}

/**
 * How far down each stage starts: on the common top line, unless moving it
 * up or down makes one step into it from the stage before run straight (of
 * several, the one that leaves it nearest the line) and keeps every stage's top within
 * MAX_STRAIGHTENING of every other's. Then all move down together so that
 * the highest starts at 0.
 */
function straighteningTops(gaps: Crossing[][]): number[] {
    const tops = [0];
    let [highest, lowest] = [0, 0];
    gaps.forEach((crossings, k) => {
        const straight = crossings
            .map((c) => tops[k] + c.fromY - c.toY)
            .filter((top) => Math.max(lowest, top) - Math.min(highest, top) <= MAX_STRAIGHTENING);
        const top = straight.length === 0 ? 0 : straight.reduce((best, candidate) => (Math.abs(candidate) < Math.abs(best) ? candidate : best));
        tops.push(top);
        [highest, lowest] = [Math.min(highest, top), Math.max(lowest, top)];
    });
    return tops.map((top) => top - highest);
}

/**
 * Where the vertical runs of a gap's crossings go: runs going down ordered so
 * that a lower start runs further left, runs going up so that a higher start
 * runs further left — which keeps them from crossing each other wherever
 * their spans allow. None runs on the stage divider drawn down the gap's
 * middle, where it would read as part of the divider: half of them run left
 * of it, half right.
 */
function runsAcross(crossings: Crossing[]): Gap {
    const down = crossings.filter((c) => c.toY > c.fromY + SAME).sort((a, b) => b.fromY - a.fromY);
    const up = crossings.filter((c) => c.toY < c.fromY - SAME).sort((a, b) => a.fromY - b.fromY);
    const bending = [...down, ...up];
    const leftOfDivider = Math.ceil(bending.length / 2);
    const width = Math.max(MIN_GAP, 2 * (GAP_MARGIN + leftOfDivider * RUN_SPACING));
    const offset = (j: number) => (j < leftOfDivider ? j - leftOfDivider : j - leftOfDivider + 1) * RUN_SPACING;
    return {
        width,
        crossings: new Map(crossings.map((c) => [c.edge, c])),
        runs: new Map(bending.map((c, j) => [c.edge, width / 2 + offset(j)])),
    };
}

/** A step across stages: its leg out of the first stage, across each gap (and through each stage between), into the last. */
function joinLegs(id: string, edge: GraphEdge, legs: Map<string, Point[]>, stages: Box[], gaps: Gap[]): Point[] | undefined {
    const points: Point[] = [...(legs.get(legId(id, edge.firstStage, 'out')) ?? [])];
    for (let k = edge.firstStage; k < edge.lastStage; k++) {
        const gap = gaps[k];
        const crossing = gap.crossings.get(id)!;
        const run = gap.runs.get(id);
        const left = stages[k].x + stages[k].width;
        if (run !== undefined) {
            points.push({ x: left + run, y: crossing.fromY }, { x: left + run, y: crossing.toY });
        }
        points.push(...(legs.get(legId(id, k + 1, 'in')) ?? []));
        if (k + 1 < edge.lastStage) {
            points.push(...(legs.get(legId(id, k + 1, 'out')) ?? []));
        }
    }
    return points.length >= 2 ? points : undefined;
}

/** The edge's points on the map; a straight leg moved to height `y` (in its stage) when given. */
function pointsOf(edge: ElkEdge, at: Point, y?: number): Point[] {
    const section = edge.sections?.[0];
    if (!section) {
        return [];
    }
    return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: at.x + p.x, y: at.y + (y ?? p.y) }));
}

/**
 * A step across a gap that would change height there by less than MAX_KINK
 * (the tops of the stages could not line both of its ends up: two steps into
 * one card, say) runs straight instead: its straight leg into the card it
 * enters — or else out of the card it leaves — moves the pixel or two along
 * the card's side. Answers the new height of each leg moved, by leg id.
 */
function straightenedLegs(nodes: ElkNode[], edges: Map<string, GraphEdge>, gaps: Crossing[][], tops: number[]): Map<string, number> {
    const moved = new Map<string, number>();
    gaps.forEach((crossings, k) => {
        for (const crossing of crossings) {
            const bend = crossing.toY + tops[k + 1] - (crossing.fromY + tops[k]);
            if (Math.abs(bend) <= SAME || Math.abs(bend) >= MAX_KINK) continue;
            const edge = edges.get(crossing.edge)!;
            const [source, target] = edge.reversed ? [edge.to, edge.from] : [edge.from, edge.to];
            const [into, outOf] = [legId(crossing.edge, k + 1, 'in'), legId(crossing.edge, k, 'out')];
            if (edge.lastStage === k + 1 && straightOnto(nodes[k + 1], into, touchpointNodeId(target), crossing.toY - bend)) {
                crossing.toY -= bend;
                moved.set(into, crossing.toY);
            } else if (edge.firstStage === k && straightOnto(nodes[k], outOf, touchpointNodeId(source), crossing.fromY + bend)) {
                crossing.fromY += bend;
                moved.set(outOf, crossing.fromY);
            }
        }
    });
    return moved;
}

/** Whether the leg runs straight between the stage's side and the card, and height `y` is on the card's side, clear of its corners. */
function straightOnto(stage: ElkNode, leg: string, card: string, y: number): boolean {
    const section = stage.edges?.find((edge) => edge.id === leg)?.sections?.[0];
    const box = stage.children?.find((child) => child.id === card);
    if (!section || !box || (section.bendPoints ?? []).length > 0) return false;
    return y >= (box.y ?? 0) + KINK_MARGIN && y <= (box.y ?? 0) + (box.height ?? 0) - KINK_MARGIN;
}

/**
 * The route straight, when it only strays by a pixel or two from its start's
 * height (ports of neighbouring cards a little apart, and no stage lowering
 * could line them up): it then meets its target card a pixel or two off the
 * port, still on the card's side.
 */
function withoutKink(route: Point[], target: Box | undefined): Point[] {
    const [first, last] = [route[0], route.at(-1)!];
    const heights = route.map((p) => p.y);
    const straight = route.length > 2 && Math.max(...heights) - Math.min(...heights) < MAX_KINK;
    const onTarget = target !== undefined && first.y >= target.y + KINK_MARGIN && first.y <= target.y + target.height - KINK_MARGIN;
    return straight && onTarget ? [first, { x: last.x, y: first.y }] : route;
}

/** Each point's coordinates made equal to its predecessor's where they differ by less than SAME. */
function snapped(points: Point[]): Point[] {
    const result: Point[] = [];
    for (const p of points) {
        const prev = result.at(-1);
        result.push(prev ? { x: Math.abs(p.x - prev.x) < SAME ? prev.x : p.x, y: Math.abs(p.y - prev.y) < SAME ? prev.y : p.y } : p);
    }
    return result;
}

/** Drops repeated points and points on the straight line between their neighbours. */
export function withoutRedundantPoints(points: Point[]): Point[] {
    const distinct = points.filter((p, i) => i === 0 || p.x !== points[i - 1].x || p.y !== points[i - 1].y);
    return distinct.filter((p, i) => {
        const prev = distinct[i - 1];
        const next = distinct[i + 1];
        return !prev || !next || !((prev.x === p.x && p.x === next.x) || (prev.y === p.y && p.y === next.y));
    });
}
