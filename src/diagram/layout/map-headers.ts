/**
 * The map's header (journey title, owner, last review, journey metrics) and
 * the stage column headers (title, net emotion, goals, metrics).
 */
import type { Journey, Metric, Stage } from '../../model/types.js';
import { ContentBuilder, chipAt, round } from '../card-content.js';
import type { Box, Chip, DiagramHeader, MetricMark, TextLine } from '../diagram-types.js';
import { metricText, signed } from '../format.js';
import { measureText } from '../text-measure.js';
import type { CardLabels } from './diagram-graph.js';
import { CHANGE_ARROWS, reviewFacts, type StageChangeMark } from './review-marks.js';

const METRIC_FONT = 12;
const METRIC_INDENT = 18;

export function buildHeader(journey: Journey, labels: CardLabels, box: { x: number; y: number; width: number }): DiagramHeader {
    const builder = new ContentBuilder(box.x, box.width, box.y);
    builder.text(journey.title, { size: 22, weight: 'bold', tone: 'strong', lineHeight: 28 });
    builder.space(4);
    // Owner and review age are internal facts: the customer view has neither, and says nothing of their absence.
    const internalFacts = journey.view.audience === 'customer' ? [] : [
        journey.owner ? `owner: ${labels.team(journey.owner)}` : 'no owner',
        ...reviewFacts(journey),
    ];
    const facts = [
        ...internalFacts.filter((fact) => fact !== undefined),
        journey.view.segment ? `segment view: ${labels.segment(journey.view.segment)}` : undefined,
        !journey.view.segment && journey.forSegments.length > 0 ? `only for ${journey.forSegments.map((name) => labels.segment(name)).join(', ')}` : undefined,
        journey.view.audience === 'customer' ? 'customer-facing view' : undefined,
    ].filter((fact): fact is string => fact !== undefined);
    builder.text(facts.join(' \u00b7 '), { size: 13, tone: 'normal', lineHeight: 18 });
    let staleChip: Chip | undefined;
    if (journey.stale) {
        builder.space(4);
        const text = journey.lastReviewed ? `STALE: not reviewed for ${journey.reviewAgeDays ?? 'over 90'} days` : 'STALE: never reviewed';
        staleChip = chipAt(text, 'danger', box.x, builder.cursor);
        builder.space(staleChip.height);
    }
    if (journey.description) {
        builder.space(4);
        builder.text(journey.description, { size: 12, tone: 'muted', lineHeight: 16 });
    }
    const journeyMetrics = journey.metrics.filter((metric) => metric.stage === undefined);
    const metrics: MetricMark[] = [];
    let bottom = builder.cursor;
    if (journeyMetrics.length > 0) {
        bottom = flowMetrics(journeyMetrics, metrics, box.x, bottom + 8, box.width);
    }
    return { x: box.x, y: box.y, width: box.width, height: round(bottom - box.y), lines: builder.lines, staleChip, metrics };
}

/** Lays journey metrics out left to right like words, wrapping rows; returns the bottom. */
function flowMetrics(source: Metric[], into: MetricMark[], left: number, top: number, width: number): number {
    const rowHeight = 18;
    const gap = 24;
    let x = left;
    let y = top;
    for (const metric of source) {
        const text = metricText(metric);
        const itemWidth = METRIC_INDENT + measureText(text, METRIC_FONT);
        if (x > left && x + itemWidth > left + width) {
            x = left;
            y += rowHeight;
        }
        into.push(metricMark(metric, text, x, y));
        x += itemWidth + gap;
    }
    return y + rowHeight;
}

function metricMark(metric: Metric, text: string, x: number, top: number): MetricMark {
    const line: TextLine = { text, x: round(x + METRIC_INDENT), y: round(top + 13), size: METRIC_FONT, weight: 'normal', tone: 'normal' };
    return { name: metric.name, status: metric.status, mark: { x: round(x + 6), y: round(top + 9) }, lines: [line] };
}

export interface StageHeaderContent {
    lines: TextLine[];
    metrics: MetricMark[];
    badge: Chip;
    /** Bottom of the content. */
    bottom: number;
}

/** The column header of a stage, inside `box` (the column, from the lane's top); `changes`: the last review's marks on it. */
export function buildStageHeader(stage: Stage, journey: Journey, box: Box, changes: readonly StageChangeMark[] = []): StageHeaderContent {
    const padding = 12;
    const inner = box.width - 2 * padding;
    const badgeText = `net ${signed(stage.netEmotion)}`;
    const badgeTone = stage.netEmotion > 0 ? 'ok' : stage.netEmotion < 0 ? 'danger' : 'neutral';
    const badgeWidth = Math.ceil(measureText(badgeText, 11, 'bold') + 10);
    const badge = chipAt(badgeText, badgeTone, box.x + box.width - padding - badgeWidth, box.y + padding + 1, badgeWidth);

    const builder = new ContentBuilder(box.x + padding, inner, box.y + padding);
    builder.text(stage.title, { size: 15, weight: 'bold', tone: 'strong', lineHeight: 20 }, badgeWidth + 8);
    // Its cards carry no segment chips of their own: they inherit the stage's `for`, said once here (a segment's view needs no reminder).
    if (stage.segments.length > 0 && journey.view.segment === undefined) {
        const titles = new Map(journey.segments.map((segment) => [segment.name, segment.title]));
        builder.text(`Only for ${stage.segments.map((name) => titles.get(name) ?? name).join(', ')}`, { size: 12, tone: 'muted', lineHeight: 16 });
    }
    for (const goal of stage.goals) {
        builder.space(4);
        builder.text(`Goal: ${goal}`, { size: 12, tone: 'normal', lineHeight: 16 });
    }
    const metrics: MetricMark[] = [];
    const byName = new Map(journey.metrics.map((metric) => [metric.name, metric]));
    for (const name of stage.metrics) {
        const metric = byName.get(name);
        if (!metric) {
            continue;
        }
        builder.space(6);
        const top = builder.cursor;
        const before = builder.lines.length;
        builder.text(metricText(metric), { size: METRIC_FONT, tone: 'normal', lineHeight: 16 }, 0, METRIC_INDENT);
        metrics.push({
            name: metric.name,
            status: metric.status,
            mark: { x: round(box.x + padding + 6), y: round(top + 8) },
            lines: builder.lines.splice(before),
        });
    }
    for (const change of changes) {
        builder.space(6);
        builder.text(`${CHANGE_ARROWS[change.direction]} ${change.title}`, { size: 12, weight: 'bold', tone: change.direction === 'worsens' ? 'danger' : 'strong', lineHeight: 16 });
        if (change.note !== undefined) {
            builder.text(change.note, { size: 11, tone: 'muted', lineHeight: 15 }, 0, 14);
        }
    }
    return { lines: builder.lines, metrics, badge, bottom: Math.max(builder.cursor, badge.y + badge.height) + padding };
}
