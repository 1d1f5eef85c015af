/**
 * The priorities matrix → one self-contained SVG string, with the map's
 * palettes, escaping and accessibility: every text and attribute value goes
 * through escapeXml; the SVG has a title and a description; each card is a
 * group with an aria-label and the id of its initiative
 * (`initiative-bugSla`), and each pain point it addresses carries
 * `data-kind="painpoint"` and `data-name`, so that a click reveals the source.
 */
import type { Theme } from '../../protocol/theme.js';
import type { MatrixCell, PainPointLine, PrioritiesLayout, PriorityCard } from '../priorities/priorities-layout.js';
import { chipAt } from '../card-content.js';
import type { ChipTone } from '../diagram-types.js';
import { escapeXml } from './escape.js';
import { paletteCss } from './palette.js';
import { chip, element, textLine, title, svgOpenTag } from './svg-markup.js';
import { elementId } from '../../protocol/element-id.js';

const STRIPE_CLASS: Record<string, string> = { planned: 'jm-neutral', active: 'jm-fill-accent', done: 'jm-pos', dropped: 'jm-neutral', none: 'jm-neutral' };

function renderCell(cell: MatrixCell, index: number): string {
    const background = cell.highlighted
        ? element('rect', { x: cell.x, y: cell.y, width: cell.width, height: cell.height, class: 'jm-fill-ok', 'fill-opacity': 0.12 })
        : element('rect', { x: cell.x, y: cell.y, width: cell.width, height: cell.height, class: index % 2 === 0 ? 'jm-lane-alt' : 'jm-lane' });
    const outline = element('rect', { x: cell.x, y: cell.y, width: cell.width, height: cell.height, class: 'jm-grid', 'stroke-width': cell.highlighted ? 2 : 1 });
    const label = cell.label === ''
        ? ''
        : element('text', { x: cell.x + cell.width - 10, y: cell.y + 16, class: cell.highlighted ? 'jm-pos' : 'jm-t-muted', 'font-size': 11, 'font-weight': 'bold', 'text-anchor': 'end' }, escapeXml(cell.label.toUpperCase()));
    return element('g', { 'data-quadrant': cell.quadrant }, background + outline + label);
}

function renderPainPoint(line: PainPointLine): string {
    return element(
        'g',
        { 'data-kind': 'painpoint', 'data-name': line.name, 'data-severity': line.severity },
        (line.chip ? chip(line.chip) : '') + line.lines.map(textLine).join(''),
    );
}

function renderCard(card: PriorityCard): string {
    const alert = card.dueState === 'past-due';
    const body =
        element('rect', { x: card.x, y: card.y, width: card.width, height: card.height, rx: 6, class: alert ? 'jm-card jm-alert' : 'jm-card', 'stroke-width': alert ? undefined : 1 }) +
        element('rect', { x: card.x, y: card.y + 6, width: 5, height: Math.max(card.height - 12, 4), rx: 2, class: STRIPE_CLASS[card.status ?? 'none'] });
    return element(
        'g',
        {
            id: elementId('initiative', card.name),
            'data-kind': 'initiative',
            'data-name': card.name,
            'data-rank': card.rank,
            'data-quadrant': card.quadrant,
            'data-status': card.status ?? 'none',
            'data-due': card.dueState,
            role: 'group',
            'aria-label': card.summary,
            opacity: card.status === 'dropped' ? 0.6 : undefined,
        },
        title(card.summary) + body + card.content.lines.map(textLine).join('') + card.content.chips.map(chip).join('') + card.painPoints.map(renderPainPoint).join(''),
    );
}

function renderLegend(layout: PrioritiesLayout): string {
    const items: { text: string; tone: ChipTone }[] = [
        { text: 'planned', tone: 'neutral' }, { text: 'active', tone: 'segment' }, { text: 'done', tone: 'ok' }, { text: 'dropped', tone: 'neutral' },
        { text: 'past due', tone: 'danger' }, { text: 'due within 30 days', tone: 'severity-medium' },
        { text: 'low', tone: 'severity-low' }, { text: 'medium', tone: 'severity-medium' }, { text: 'high', tone: 'severity-high' }, { text: 'critical', tone: 'severity-critical' },
    ];
    let x = 24 + 60;
    const y = layout.legendY;
    const parts = [element('text', { x: 24, y: y + 12, class: 'jm-t-muted', 'font-size': 11, 'font-weight': 'bold' }, 'LEGEND')];
    items.forEach((item, index) => {
        if (index === 6) {
            parts.push(element('text', { x: x + 6, y: y + 12, class: 'jm-t-muted', 'font-size': 11 }, escapeXml('pain points:')));
            x += 76;
        }
        const c = chipAt(item.text, item.tone, x, y);
        parts.push(chip(c));
        x += c.width + 6;
    });
    parts.push(element('rect', { x: x + 10, y, width: 16, height: 16, class: 'jm-fill-ok', 'fill-opacity': 0.12 }));
    parts.push(element('rect', { x: x + 10, y, width: 16, height: 16, class: 'jm-grid', 'stroke-width': 2 }));
    parts.push(element('text', { x: x + 32, y: y + 12, class: 'jm-t-muted', 'font-size': 11 }, escapeXml('quick win: low effort, medium or high impact')));
    return element('g', { id: 'legend', 'aria-label': 'Legend' }, parts.join(''));
}

/** Describes the matrix in one or two sentences, for screen readers. */
function description(layout: PrioritiesLayout): string {
    const { counts } = layout;
    const quickWins = counts.quickWins.length > 0 ? ` Open quick wins: ${counts.quickWins.join('; ')}.` : ' No open quick win.';
    const pastDue = counts.pastDue.length > 0 ? ` Past due: ${counts.pastDue.join('; ')}.` : '';
    return `Impact and effort matrix of ${counts.initiatives} ${counts.initiatives === 1 ? 'initiative' : 'initiatives'} of ${layout.journey.title}.${quickWins}${pastDue}`;
}

export function renderPrioritiesSvg(layout: PrioritiesLayout, options: { theme?: Theme } = {}): string {
    const theme = options.theme ?? 'light';
    const { width, height } = layout;
    return [
        svgOpenTag(theme, width, height, { 'data-journey': layout.journey.name, 'data-view': 'priorities' }),
        `<title id="jm-title">${escapeXml(`Priorities: ${layout.journey.title}`)}</title>`,
        `<desc id="jm-desc">${escapeXml(description(layout))}</desc>`,
        `<style>\n${paletteCss(theme)}\n</style>`,
        element('rect', { x: 0, y: 0, width, height, class: 'jm-bg' }),
        element('g', { id: 'header' }, layout.header.map(textLine).join('')),
        element('g', { id: 'axes' },
            layout.columnLabels.map((label) => element('text', { x: label.x, y: label.y, class: 'jm-t-strong', 'font-size': 13, 'font-weight': 'bold', 'text-anchor': 'middle' }, escapeXml(`${label.text} →`))).join('') +
            layout.rowLabels.map((label) => element('text', { x: label.x, y: label.y, class: 'jm-t-strong', 'font-size': 13, 'font-weight': 'bold' }, escapeXml(label.text))).join('')),
        element('g', { id: 'cells' }, layout.cells.map(renderCell).join('')),
        element('g', { id: 'initiatives' }, layout.cards.map(renderCard).join('') + (layout.emptyNote ? textLine(layout.emptyNote) : '')),
        renderLegend(layout),
        '</svg>',
    ].join('\n') + '\n';
}
