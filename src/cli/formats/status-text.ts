/**
 * `journey status` as text: one aligned row per journey, for a terminal or a
 * CI log. Titles are the user's text: control characters (a terminal escape
 * sequence in a title) are shown as `?`, never sent to the terminal.
 */
import { evidenceShare, initiativeCounts, painPointCounts, signed } from '../../model/tune-up/health-document.js';
import type { JourneyHealth } from '../../model/tune-up/health.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function terminalSafe(text: string): string {
    return text.replace(CONTROL, '?');
}

/** Shorter than the Markdown table's headers: a terminal line is narrow. */
const HEADERS = [
    'journey', 'owner', 'last review', 'touchpoints', 'emotion', 'pain c/h/m/l', 'unaddressed',
    'initiatives p/a/d/x', 'past due', 'metrics met/missed', 'evidence',
];

function cells(row: JourneyHealth): string[] {
    const review = row.lastReviewed === undefined ? 'never (stale)' : `${row.lastReviewed} (${row.reviewAgeDays} days)${row.stale ? ' STALE' : ''}`;
    return [
        terminalSafe(row.title),
        terminalSafe(row.owner?.title ?? 'none'),
        review,
        String(row.touchpoints),
        signed(row.netEmotion),
        painPointCounts(row),
        String(row.unaddressed),
        initiativeCounts(row),
        String(row.pastDue),
        `${row.metrics.met}/${row.metrics.missed}`,
        evidenceShare(row),
    ];
}

/** A header line and one line per journey, columns two spaces apart. */
export function healthToText(rows: readonly JourneyHealth[]): string {
    const table = [HEADERS, ...rows.map(cells)];
    const widths = table[0].map((_, column) => Math.max(...table.map((line) => [...line[column]].length)));
    const lines = table.map((line) => line.map((cell, column) => (column === line.length - 1 ? cell : cell + ' '.repeat(widths[column] - [...cell].length))).join('  '));
    return `${lines.join('\n')}\n`;
}
