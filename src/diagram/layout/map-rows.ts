/**
 * A long map wrapped into rows of stages, for a target width (a slide, a
 * page, a pull request, the side panel): each row is the touchpoint lane of
 * some consecutive stages, and the flow continues from the end of one row to
 * the start of the next — out of the row's last stage to the right, down its
 * margin, back along the gap under the row, and into the next row's first
 * stage from the left.
 */
import type { Point } from '../diagram-types.js';
import type { DiagramGraph } from './diagram-graph.js';
import { type FlowLane, withoutRedundantPoints } from './stage-columns.js';

/** Between a row and the nearest run of the flow that leaves it, and between the runs. */
const RUN_MARGIN = 14;
const RUN_SPACING = 8;
/** Between two rows with no flow between them. */
const ROW_GAP = 28;

/** The stages (indexes) of each row, and how many flow edges cross each break between rows. */
export interface MapRows {
    rows: number[][];
    /** For the break after row r: the number of flow edges that continue into the next row. */
    crossings: number[];
}

/** Room beside a row for `count` runs of the flow. */
export function runRoom(count: number): number {
    return count === 0 ? 0 : RUN_MARGIN + count * RUN_SPACING;
}

/** The vertical room between rows, for `count` runs of the flow. */
export function rowGap(count: number): number {
    return Math.max(ROW_GAP, 2 * RUN_MARGIN + count * RUN_SPACING);
}

/** How many flow edges cross the boundary after each stage. */
function crossingsAfterStages(lane: FlowLane, diagram: DiagramGraph): number[] {
    const counts = lane.stages.map(() => 0);
    for (const edge of diagram.edges.values()) {
        for (let k = edge.firstStage; k < edge.lastStage; k++) {
            counts[k]++;
        }
    }
    return counts;
}

/**
 * Stages into rows, greedily: as many as fit `maxWidth` (the whole map's
 * width: `frame` is what it needs besides the stage columns and the runs of
 * the flow); at least one stage a row. One row when there is no limit.
 */
export function rowsOf(lane: FlowLane, diagram: DiagramGraph, maxWidth: number | undefined, frame: number): MapRows {
    const all = lane.stages.map((_, i) => i);
    if (maxWidth === undefined || lane.width + frame <= maxWidth || all.length <= 1) {
        return { rows: [all], crossings: [] };
    }
    const after = crossingsAfterStages(lane, diagram);
    const leftRoom = runRoom(Math.max(0, ...after.slice(0, -1)));
    const rows: number[][] = [];
    let row: number[] = [];
    for (const i of all) {
        const first = lane.stages[row[0] ?? i];
        const width = lane.stages[i].x + lane.stages[i].width - first.x;
        const fits = frame + leftRoom + width + runRoom(i + 1 < all.length ? after[i] : 0) <= maxWidth;
        if (row.length > 0 && !fits) {
            rows.push(row);
            row = [];
        }
        row.push(i);
    }
    rows.push(row);
    return { rows, crossings: rows.slice(0, -1).map((r) => after[r.at(-1)!]) };
}

/**
 * Each row's part of the lane, moved to start at x = 0: its stages, cards and
 * the routes of the flow within it. One pass over the cards and the flow for
 * all rows (one pass per row made a map of 500 rows quadratic).
 */
export function rowLanes(lane: FlowLane, diagram: DiagramGraph, rows: number[][]): FlowLane[] {
    const spans = rows.map((stages) => {
        const [first, last] = [lane.stages[stages[0]], lane.stages[stages.at(-1)!]];
        return { left: first.x, right: last.x + last.width };
    });
    const rowOfStage = new Map(rows.flatMap((stages, r) => stages.map((i) => [i, r] as const)));
    const shift = (p: Point, r: number): Point => ({ x: p.x - spans[r].left, y: p.y });
    const routes = rows.map(() => new Map<string, Point[]>());
    for (const [id, edge] of diagram.edges) {
        const route = lane.routes.get(id);
        const r = rowOfStage.get(edge.firstStage);
        if (route && r !== undefined && rowOfStage.get(edge.lastStage) === r) routes[r].set(id, route.map((p) => shift(p, r)));
    }
    const cards = rows.map((): FlowLane['cards'] => new Map());
    for (const [id, box] of lane.cards) {
        const r = lastStartingBy(spans, box.x);
        if (r >= 0 && box.x + box.width <= spans[r].right) cards[r].set(id, { ...box, x: box.x - spans[r].left });
    }
    return rows.map((stages, r) => ({
        stages: stages.map((i) => ({ ...lane.stages[i], x: lane.stages[i].x - spans[r].left })),
        cards: cards[r],
        routes: routes[r],
        width: spans[r].right - spans[r].left,
        height: Math.max(...stages.map((i) => lane.stages[i].y + lane.stages[i].height)),
    }));
}

/** The last of the spans (ordered left to right) that starts at or before x; -1 when none does. */
function lastStartingBy(spans: readonly { left: number }[], x: number): number {
    let [low, high] = [0, spans.length];
    while (low < high) {
        const middle = (low + high) >> 1;
        if (spans[middle].left <= x) low = middle + 1;
        else high = middle;
    }
    return low - 1;
}

/** Where a row was placed on the map: to move the lane's points there, and to run the flow around it. */
export interface PlacedRow {
    /** The lane's x = 0 and y = 0 on the map. */
    origin: Point;
    /** In lane coordinates: where the row's stages start and end. */
    laneLeft: number;
    laneRight: number;
    /** On the map: the right end of the row's columns, and the bottom of its lowest lane. */
    right: number;
    bottom: number;
}

/**
 * The routes of the flow edges that cross from one row into another: each
 * row's part of the route moved into place, joined by runs around the rows.
 * `columnsLeft` is where every row's first stage starts on the map.
 */
export function routesAcrossRows(lane: FlowLane, diagram: DiagramGraph, rows: number[][], placed: PlacedRow[], columnsLeft: number): Map<string, Point[]> {
    const rowOf = new Map(rows.flatMap((stages, r) => stages.map((i) => [i, r] as const)));
    const across = [...diagram.edges].filter(([, edge]) => rowOf.get(edge.firstStage) !== rowOf.get(edge.lastStage));
    // Each edge's parts, in the direction it was laid out (left to right).
    const parts = new Map(
        across.flatMap(([id, edge]) => {
            const route = lane.routes.get(id);
            if (!route) {
                return [];
            }
            const forward = edge.reversed ? [...route].reverse() : route;
            const first = rowOf.get(edge.firstStage)!;
            const last = rowOf.get(edge.lastStage)!;
            const pieces: { row: number; points: Point[] }[] = [];
            for (let r = first; r <= last; r++) {
                const at = placed[r];
                const piece = clipToColumns(forward, at.laneLeft, at.laneRight).map((p) => ({ x: p.x - at.laneLeft + at.origin.x, y: p.y + at.origin.y }));
                pieces.push({ row: r, points: piece });
            }
            return [[id, pieces] as const];
        }),
    );
    // At each break, the runs nest: the edge leaving lowest runs innermost on the right, highest in the gap, outermost on the left.
    const leavingAt = rows.map((): { id: string; y: number }[] => []);
    for (const [id, pieces] of parts) {
        for (let j = 0; j + 1 < pieces.length; j++) leavingAt[pieces[j].row].push({ id, y: pieces[j].points.at(-1)!.y });
    }
    const runs = new Map<string, number>();
    leavingAt.forEach((leaving, r) => leaving.sort((a, b) => b.y - a.y).forEach(({ id }, k) => runs.set(`${id}@${r}`, k)));
    const routes = new Map<string, Point[]>();
    for (const [id, pieces] of parts) {
        const points: Point[] = [];
        pieces.forEach((piece, j) => {
            if (j > 0) {
                const r = pieces[j - 1].row;
                const k = runs.get(`${id}@${r}`)!;
                const count = leavingAt[r].length;
                const exit = points.at(-1)!;
                const entry = piece.points[0];
                const right = placed[r].right + RUN_MARGIN + k * RUN_SPACING;
                const gapY = placed[r].bottom + RUN_MARGIN + k * RUN_SPACING;
                const left = columnsLeft - RUN_MARGIN - (count - 1 - k) * RUN_SPACING;
                points.push({ x: right, y: exit.y }, { x: right, y: gapY }, { x: left, y: gapY }, { x: left, y: entry.y });
            }
            points.push(...piece.points);
        });
        const route = withoutRedundantPoints(points.map((p) => ({ x: round2(p.x), y: round2(p.y) })));
        routes.set(id, diagram.edges.get(id)!.reversed ? route.reverse() : route);
    }
    return routes;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * The part of an orthogonal route between two verticals, with the points
 * where it enters and leaves: a route crosses from stage to stage left to
 * right, so the part is one piece.
 */
function clipToColumns(route: Point[], left: number, right: number): Point[] {
    const inside = (p: Point) => p.x >= left - 0.01 && p.x <= right + 0.01;
    const result: Point[] = [];
    route.forEach((p, i) => {
        if (inside(p)) {
            result.push(p);
        }
        const q = route[i + 1];
        if (!q) {
            return;
        }
        // A horizontal step over a side of the range (or over the whole range): the points where it crosses.
        const sides = [left, right].filter((x) => (p.x - x) * (q.x - x) < 0 && !(inside(p) && Math.abs(p.x - x) < 0.01));
        const ordered = q.x >= p.x ? sides : sides.reverse();
        result.push(...ordered.map((x) => ({ x, y: p.y })));
    });
    return withoutRedundantPoints(result);
}
