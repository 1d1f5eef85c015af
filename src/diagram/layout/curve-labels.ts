/**
 * Where each emotion value ("+2", "−1") is written beside its point on the
 * curve: the first of a few spots around the dot that no part of the line
 * crosses, so that the line never strikes through a number.
 */
import { round } from '../card-content.js';
import type { Box, CurveLine, EmotionPoint, Point } from '../diagram-types.js';
import { signed } from '../format.js';
import { measureText } from '../text-measure.js';

export const CURVE_LABEL_SIZE = 11;
/** Parts of the line further than this to the left or right of a dot cannot reach its label. */
const REACH = 60;

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

/** The parts of the lines, each with its horizontal extent, sorted by left end. */
function partsOf(lines: readonly CurveLine[]): { p: Point; q: Point; left: number; right: number }[] {
    return lines
        .flatMap((line) => line.points.slice(1).map((q, k) => ({ p: line.points[k], q })))
        .map((part) => ({ ...part, left: Math.min(part.p.x, part.q.x), right: Math.max(part.p.x, part.q.x) }))
        .sort((a, b) => a.left - b.left);
}

/** The points with a label spot each, clear of every line drawn through the curve. */
export function withCurveLabels(points: EmotionPoint[], lines: readonly CurveLine[]): EmotionPoint[] {
    const parts = partsOf(lines);
    const widest = parts.reduce((most, part) => Math.max(most, part.right - part.left), 0);
    return points.map((point) => {
        // Only parts starting within reach (or long enough to reach from further left) can cross the label.
        const from = firstStartingAfter(parts, point.x - REACH - widest);
        const near: { p: Point; q: Point }[] = [];
        for (let i = from; i < parts.length && parts[i].left <= point.x + REACH; i++) {
            if (parts[i].right >= point.x - REACH) {
                near.push(parts[i]);
            }
        }
        const options = candidates(point);
        const free = options.find((at) => near.every(({ p, q }) => !segmentCrossesBox(p, q, curveLabelBox(point, at)))) ?? options[0];
        return { ...point, label: { x: round(free.x), y: round(free.y) } };
    });
}

function firstStartingAfter(parts: readonly { left: number }[], x: number): number {
    let [low, high] = [0, parts.length];
    while (low < high) {
        const middle = (low + high) >> 1;
        if (parts[middle].left < x) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}
