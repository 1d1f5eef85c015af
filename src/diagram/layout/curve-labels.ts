/**
 * Where each emotion value ("+2", "−1") is written beside its point on the
 * curve: the first of a few spots around the dot that no part of the line
 * crosses, so that the line never strikes through a number.
 */
import { round } from '../card-content.js';
import type { Box, EmotionPoint, Point } from '../diagram-types.js';
import { signed } from '../format.js';
import { measureText } from '../text-measure.js';

export const CURVE_LABEL_SIZE = 11;
/** Segments this many points away either side are checked: further ones cannot reach the label. */
const NEIGHBOURS = 3;

/** The box of a label written from (x, baseline y). */
export function curveLabelBox(point: EmotionPoint, at: Point): Box {
    const width = measureText(signed(point.emotion), CURVE_LABEL_SIZE);
    return { x: at.x, y: at.y - CURVE_LABEL_SIZE * 0.8, width, height: CURVE_LABEL_SIZE };
}

/** Whether the segment p–q passes through the box (Liang–Barsky clipping). */
export function segmentCrossesBox(p: Point, q: Point, box: Box): boolean {
    const [dx, dy] = [q.x - p.x, q.y - p.y];
    let [low, high] = [0, 1];
    const edges: [number, number][] = [
        [-dx, p.x - box.x],
        [dx, box.x + box.width - p.x],
        [-dy, p.y - box.y],
        [dy, box.y + box.height - p.y],
    ];
    for (const [direction, distance] of edges) {
        if (direction === 0) {
            if (distance < 0) {
                return false;
            }
            continue;
        }
        const t = distance / direction;
        if (direction < 0) {
            low = Math.max(low, t);
        } else {
            high = Math.min(high, t);
        }
        if (low > high) {
            return false;
        }
    }
    return true;
}

function candidates(point: EmotionPoint): Point[] {
    const width = measureText(signed(point.emotion), CURVE_LABEL_SIZE);
    const [right, left, centre] = [point.x + 9, point.x - 9 - width, point.x - width / 2];
    return [
        { x: right, y: point.y - 6 },
        { x: left, y: point.y - 6 },
        { x: centre, y: point.y - 10 },
        { x: right, y: point.y + 15 },
        { x: left, y: point.y + 15 },
        { x: centre, y: point.y + 19 },
    ];
}

/** The points (in curve order) with a label spot each. */
export function withCurveLabels(points: EmotionPoint[]): EmotionPoint[] {
    return points.map((point, i) => {
        const near = points.slice(Math.max(0, i - NEIGHBOURS), i + NEIGHBOURS + 1);
        const segments = near.slice(1).map((q, k) => [near[k], q] as const);
        const options = candidates(point);
        const free = options.find((at) => segments.every(([p, q]) => !segmentCrossesBox(p, q, curveLabelBox(point, at)))) ?? options[0];
        return { ...point, label: { x: round(free.x), y: round(free.y) } };
    });
}
