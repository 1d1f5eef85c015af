/**
 * The health of a portfolio of journeys laid out as a report: one table row
 * per journey, for `journey status --format markdown` (a CI job summary, an
 * issue opened when a map goes stale).
 */
import type { JourneyHealth } from './health.js';
import type { Block, Inline, Span } from './report-blocks.js';

export const HEALTH_COLUMNS = [
    'Journey', 'Owner', 'Last review', 'Touchpoints', 'Net emotion', 'Pain points c/h/m/l', 'Unaddressed',
    'Initiatives planned/active/done/dropped', 'Past due', 'Metrics met/missed', 'Evidence',
] as const;

export function healthBlocks(rows: readonly JourneyHealth[], today: string): Block[] {
    return [
        { kind: 'heading', level: 2, text: [`Journey maps on ${today}`] },
        { kind: 'table', header: [...HEALTH_COLUMNS], rows: rows.map(healthRow) },
    ];
}

function healthRow(row: JourneyHealth): Inline[] {
    const alert = (count: number): Inline => [count > 0 ? { text: `⚠️ ${count}`, tone: 'danger', strong: true } : '0'];
    return [
        [row.title],
        [row.owner?.title ?? { text: 'none', tone: 'muted' }],
        [reviewCell(row)],
        [String(row.touchpoints)],
        [signed(row.netEmotion)],
        [painPointCounts(row)],
        alert(row.unaddressed),
        [initiativeCounts(row)],
        alert(row.pastDue),
        [`${row.metrics.met}/${row.metrics.missed}`],
        [evidenceShare(row)],
    ];
}

function reviewCell(row: JourneyHealth): Span {
    if (row.lastReviewed === undefined) return { text: '⚠️ never (stale)', tone: 'danger', strong: true };
    const text = `${row.lastReviewed} (${row.reviewAgeDays} days)`;
    return row.stale ? { text: `⚠️ ${text}, stale`, tone: 'danger', strong: true } : text;
}

export function signed(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}

export function painPointCounts(row: JourneyHealth): string {
    const { critical, high, medium, low, unrated } = row.painPoints;
    return `${critical}/${high}/${medium}/${low}${unrated > 0 ? ` (+${unrated} unrated)` : ''}`;
}

export function initiativeCounts(row: JourneyHealth): string {
    const { planned, active, done, dropped, none } = row.initiatives;
    return `${planned}/${active}/${done}/${dropped}${none > 0 ? ` (+${none} without status)` : ''}`;
}

/** Share of pain points with evidence, or n/a without pain points. */
export function evidenceShare(row: JourneyHealth): string {
    return row.evidence.share === undefined ? 'n/a' : `${Math.round(row.evidence.share * 100)}%`;
}
