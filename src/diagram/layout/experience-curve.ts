/**
 * The experience lane's curve: each touchpoint's emotion as a dot under its
 * card, joined into lines that a customer could walk. With several segments,
 * one solid line runs through the touchpoints every customer passes (the main
 * path), and each segment's own way leaves it as a dashed line through that
 * segment's touchpoints — never one line through touchpoints of different
 * segments, as if one customer passed them all.
 */
import { round } from '../card-content.js';
import type { CurveLine, EmotionPoint, ExperienceCurve, Point, TouchpointCard } from '../diagram-types.js';
import { withCurveLabels } from './curve-labels.js';

export const EXPERIENCE_HEIGHT = 150;

/** Which segments each touchpoint is for (empty: every segment), and the segments in their order. */
export interface CurvePaths {
    segmentsOf: ReadonlyMap<string, readonly string[]>;
    segments: readonly string[];
}

/** One point under each card (cards stacked in one column share its width); lines as above (one line when `paths` is absent). */
export function experienceCurve(touchpoints: TouchpointCard[], top: number, left: number, rightEdge: number, paths?: CurvePaths): ExperienceCurve {
    const topY = top + 28;
    const bottomY = top + EXPERIENCE_HEIGHT - 28;
    const zeroY = (topY + bottomY) / 2;
    const step = (bottomY - topY) / 4;
    const columns = new Map<number, TouchpointCard[]>();
    for (const card of touchpoints) {
        columns.set(card.x, [...(columns.get(card.x) ?? []), card]);
    }
    const points: EmotionPoint[] = [];
    for (const [x, stacked] of columns) {
        const plotted = stacked.filter((card) => card.emotion !== undefined).sort((a, b) => a.y - b.y);
        plotted.forEach((card, k) => {
            points.push({
                touchpoint: card.name,
                emotion: card.emotion!,
                x: round(x + (card.width * (k + 1)) / (plotted.length + 1)),
                y: round(zeroY - card.emotion! * step),
            });
        });
    }
    points.sort((a, b) => a.x - b.x);
    const lines = curveLines(points, paths);
    return { points: withCurveLabels(points, lines), lines, zeroY: round(zeroY), topY: round(topY), bottomY: round(bottomY), left, right: rightEdge };
}

/** The main path solid; each segment's own way dashed, only where it leaves the main path. */
function curveLines(points: EmotionPoint[], paths: CurvePaths | undefined): CurveLine[] {
    const segmentsOf = (point: EmotionPoint) => paths?.segmentsOf.get(point.touchpoint) ?? [];
    if (!paths || points.every((point) => segmentsOf(point).length === 0)) {
        return points.length > 1 ? [{ dashed: false, points: points.map(at) }] : [];
    }
    const lines: CurveLine[] = [];
    const main = points.filter((point) => segmentsOf(point).length === 0);
    if (main.length > 1) {
        lines.push({ dashed: false, points: main.map(at) });
    }
    const own = (point: EmotionPoint) => segmentsOf(point).length > 0;
    for (const segment of paths.segments) {
        const way = points.filter((point) => !own(point) || segmentsOf(point).includes(segment));
        // The steps of this segment's way that the main path does not take: either end is the segment's own touchpoint.
        const steps = way.slice(1).map((q, i) => [way[i], q] as const).filter(([p, q]) => own(p) || own(q));
        let run: EmotionPoint[] = [];
        for (const [p, q] of steps) {
            if (run.at(-1) !== p) {
                pushRun(lines, segment, run);
                run = [p];
            }
            run.push(q);
        }
        pushRun(lines, segment, run);
    }
    return lines;
}

function pushRun(lines: CurveLine[], segment: string, run: EmotionPoint[]): void {
    if (run.length > 1) {
        lines.push({ segment, dashed: true, points: run.map(at) });
    }
}

const at = (point: Point): Point => ({ x: point.x, y: point.y });
