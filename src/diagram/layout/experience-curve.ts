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

/** Which segments each touchpoint is for (empty: every segment), its emotions of some segments, and the segments in their order. */
export interface CurvePaths {
    segmentsOf: ReadonlyMap<string, readonly string[]>;
    emotionsOf: ReadonlyMap<string, Readonly<Record<string, number>>>;
    segments: readonly string[];
    /** A segment's display title, for the hover of its own points. */
    titleOf: (segment: string) => string;
}

/** One point under each card (cards stacked in one column share its width), one more per other emotion of some segments; lines as above (one line when `paths` is absent). */
export function experienceCurve(touchpoints: TouchpointCard[], top: number, left: number, rightEdge: number, paths?: CurvePaths): ExperienceCurve {
    const topY = top + 28;
    const bottomY = top + EXPERIENCE_HEIGHT - 28;
    const zeroY = (topY + bottomY) / 2;
    const step = (bottomY - topY) / 4;
    const columns = new Map<number, TouchpointCard[]>();
    for (const card of touchpoints) {
        columns.set(card.x, [...(columns.get(card.x) ?? []), card]);
    }
    const ownEmotions = (card: TouchpointCard) => Object.entries(paths?.emotionsOf.get(card.name) ?? {}).filter(([, emotion]) => emotion !== card.emotion);
    const points: EmotionPoint[] = [];
    for (const [x, stacked] of columns) {
        const plotted = stacked.filter((card) => card.emotion !== undefined || ownEmotions(card).length > 0).sort((a, b) => a.y - b.y);
        plotted.forEach((card, k) => {
            const pointAt = (emotion: number) => ({
                touchpoint: card.name,
                emotion,
                x: round(x + (card.width * (k + 1)) / (plotted.length + 1)),
                y: round(zeroY - emotion * step),
            });
            if (card.emotion !== undefined) points.push(pointAt(card.emotion));
            for (const [emotion, segments] of groupBy(ownEmotions(card))) {
                points.push({ ...pointAt(emotion), feltBy: segments });
            }
        });
    }
    points.sort((a, b) => a.x - b.x);
    const lines = curveLines(points, paths);
    const titled = points.map((point) => (point.feltBy && paths ? { ...point, feltBy: point.feltBy.map(paths.titleOf) } : point));
    return { points: withCurveLabels(titled, lines), lines, zeroY: round(zeroY), topY: round(topY), bottomY: round(bottomY), left, right: rightEdge };
}

/** Segments by the emotion they share: [['regulated', -2], ['agency', -2]] → -2: ['regulated', 'agency']. */
function groupBy(entries: readonly (readonly [string, number])[]): Map<number, string[]> {
    const groups = new Map<number, string[]>();
    for (const [segment, emotion] of entries) {
        groups.set(emotion, [...(groups.get(emotion) ?? []), segment]);
    }
    return groups;
}

/** The main path solid; each segment's own way dashed, only where it leaves the main path or feels it differently. */
function curveLines(points: EmotionPoint[], paths: CurvePaths | undefined): CurveLine[] {
    const segmentsOf = (point: EmotionPoint) => paths?.segmentsOf.get(point.touchpoint) ?? [];
    const everyone = points.filter((point) => point.feltBy === undefined);
    if (!paths || points.every((point) => point.feltBy === undefined && segmentsOf(point).length === 0)) {
        return everyone.length > 1 ? [{ dashed: false, points: everyone.map(at) }] : [];
    }
    const lines: CurveLine[] = [];
    const main = everyone.filter((point) => segmentsOf(point).length === 0);
    if (main.length > 1) {
        lines.push({ dashed: false, points: main.map(at) });
    }
    const offMain = (point: EmotionPoint) => segmentsOf(point).length > 0 || point.feltBy !== undefined;
    for (const segment of paths.segments) {
        const way = wayOf(points, segment, segmentsOf);
        // The steps of this segment's way that the main path does not take: either end is the segment's own.
        const steps = way.slice(1).map((q, i) => [way[i], q] as const).filter(([p, q]) => offMain(p) || offMain(q));
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

/** The points a segment's customers pass, left to right: at each touchpoint they pass, their own emotion's point, else everyone's. */
function wayOf(points: readonly EmotionPoint[], segment: string, segmentsOf: (point: EmotionPoint) => readonly string[]): EmotionPoint[] {
    const own = new Set(points.filter((point) => point.feltBy?.includes(segment)).map((point) => point.touchpoint));
    return points.filter((point) => {
        const segments = segmentsOf(point);
        if (segments.length > 0 && !segments.includes(segment)) return false;
        return point.feltBy === undefined ? !own.has(point.touchpoint) : point.feltBy.includes(segment);
    });
}

function pushRun(lines: CurveLine[], segment: string, run: EmotionPoint[]): void {
    if (run.length > 1) {
        lines.push({ segment, dashed: true, points: run.map(at) });
    }
}

const at = (point: Point): Point => ({ x: point.x, y: point.y });
