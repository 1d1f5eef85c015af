/**
 * `journey status` as text, for a terminal or a CI log, that reads in a
 * 110-column terminal: the headers take two lines, so that a column is as
 * wide as its figures rather than its name; each journey's title has a line
 * of its own, with its owner and figures under it (the Markdown and JSON
 * formats have one row per journey). Titles are the user's text: control
 * characters (a terminal escape sequence in a title) are shown as `?`, never
 * sent to the terminal.
 */
import { evidenceShare, initiativeCounts, painPointCounts, signed } from '../../model/tune-up/health-document.js';
import type { JourneyHealth } from '../../model/tune-up/health.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function terminalSafe(text: string): string {
    return text.replace(CONTROL, '?');
}

/** The widest line of the table (at most), as long as the owner fits its column. */
export const STATUS_LINE_WIDTH = 110;
const GAP = '  ';
/** An owner longer than this is cut with "…": the figures keep their place. */
const MAX_OWNER = 20;

/** Each figure column: its two header lines and its cell. */
const FIGURES: { head: [string, string]; cell: (row: JourneyHealth) => string }[] = [
    { head: ['last', 'review'], cell: (row) => (row.lastReviewed === undefined ? 'never' : `${row.reviewAgeDays} days`) },
    { head: ['touch-', 'points'], cell: (row) => String(row.touchpoints) },
    { head: ['net', 'emotion'], cell: (row) => signed(row.netEmotion) },
    { head: ['pain points', 'c/h/m/l'], cell: painPointCounts },
    { head: ['unad-', 'dressed'], cell: (row) => String(row.unaddressed) },
    { head: ['initiatives', 'p/a/d/x'], cell: initiativeCounts },
    { head: ['past', 'due'], cell: (row) => String(row.pastDue) },
    { head: ['metrics', 'met/missed'], cell: (row) => `${row.metrics.met}/${row.metrics.missed}` },
    { head: ['evi-', 'dence'], cell: evidenceShare },
];

const length = (text: string) => [...text].length;
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - length(text)));

function cut(text: string, width: number): string {
    return length(text) <= width ? text : `${[...text].slice(0, width - 1).join('')}\u2026`;
}

/** The journey's own line: its title, and STALE when it is. */
function titleLine(row: JourneyHealth): string {
    const stale = row.lastReviewed === undefined ? '  STALE: never reviewed' : row.stale ? `  STALE: last reviewed ${row.lastReviewed}` : '';
    return `${terminalSafe(row.title)}${stale}`;
}

/**
 * Two header lines, then per journey its title on a line of its own and its
 * owner with the figures under it. Under the table, what the letters stand for.
 */
export function healthToText(rows: readonly JourneyHealth[]): string {
    const owners = rows.map((row) => `  ${cut(terminalSafe(row.owner?.title ?? 'no owner'), MAX_OWNER)}`);
    const cells = rows.map((row) => FIGURES.map((figure) => figure.cell(row)));
    const firstWidth = Math.max('journey / owner'.length, ...owners.map(length));
    const widths = FIGURES.map((figure, column) => Math.max(...figure.head.map(length), ...cells.map((line) => length(line[column]))));
    const line = (first: string, figures: readonly string[]) =>
        [pad(first, firstWidth), ...figures.map((cell, column) => pad(cell, widths[column]))].join(GAP).trimEnd();
    const lines = [
        line('', FIGURES.map((figure) => figure.head[0])),
        line('journey / owner', FIGURES.map((figure) => figure.head[1])),
    ];
    rows.forEach((row, index) => lines.push(titleLine(row), line(owners[index], cells[index])));
    lines.push(
        '',
        'pain points: critical/high/medium/low; unaddressed: high or critical without an initiative;',
        'initiatives: planned/active/done/dropped; last review: days ago, STALE after 90 (or never)',
    );
    return `${lines.join('\n')}\n`;
}
