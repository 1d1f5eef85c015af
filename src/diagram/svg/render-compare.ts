/**
 * What a compare map draws on top of the map (src/diagram/compare): each
 * element's change as an outline, a tag and a line in its hover; unchanged
 * elements faded, removed ones faded and dashed; the old emotion curve; the
 * change legend. Colour is never the only signal: every change has its tag
 * word, removed elements and old flow are dashed, the old curve is dashed.
 */
import type { ChangeMark, ChangeState, CompareOverlay } from '../compare/compare-types.js';
import type { Box, DiagramLayout, TextLine } from '../diagram-types.js';
import { measureText } from '../text-measure.js';
import { type AttributeValue, chip, element, num, path, textLine, title } from './svg-markup.js';

export interface Decoration {
    /** On the element's group: `data-change` and the fading. */
    attributes: Record<string, AttributeValue>;
    /** Appended to the aria label: ", new since HEAD". */
    aria: string;
    /** Appended to the hover: the changes, one line each. */
    hover: string;
    /** Drawn last in the group: outline and tag. */
    mark: string;
}

const NONE: Decoration = { attributes: {}, aria: '', hover: '', mark: '' };

/** How much of an element shows: unchanged ones step back, ghosts further still. */
const OPACITY: Record<ChangeState, number | undefined> = { added: undefined, changed: undefined, removed: 0.55, unchanged: 0.4 };
/**
 * Faded through fill and stroke opacity, which children inherit, rather than
 * group opacity: no offscreen layer per card, and resvg 2.6 panics on a
 * group layer it cannot bound.
 */
function faded(opacity: number | undefined): Record<string, AttributeValue> {
    return opacity === undefined ? {} : { 'fill-opacity': opacity, 'stroke-opacity': opacity };
}

const WORDS: Record<ChangeState, string> = { added: 'new', changed: 'changed', removed: 'removed', unchanged: 'unchanged' };

/** The decoration of the element with this id on a compare map; nothing on a plain map. */
export function decoration(compare: CompareOverlay | undefined, id: string, box: Box | undefined): Decoration {
    const mark = compare?.marks[id];
    if (!compare || !mark) return NONE;
    return {
        attributes: { 'data-change': mark.state, ...faded(OPACITY[mark.state]) },
        aria: `, ${WORDS[mark.state]} since ${compare.base}`,
        hover: hoverOf(mark, compare.base),
        // The outline and tag stay at full strength on a faded ghost: they are what says it is gone.
        mark: box && mark.state !== 'unchanged' ? element('g', { 'fill-opacity': 1, 'stroke-opacity': 1 }, outline(box, mark.state) + (mark.tag ? chip(mark.tag) : '')) : '',
    };
}

function hoverOf(mark: ChangeMark, base: string): string {
    if (mark.notes.length === 0) return mark.state === 'unchanged' ? '' : `\n${WORDS[mark.state][0].toUpperCase()}${WORDS[mark.state].slice(1)} since ${base}`;
    return `\nSince ${base}:\n${mark.notes.map((note) => `\u2022 ${note}`).join('\n')}`;
}

function outline(box: Box, state: ChangeState): string {
    return element('rect', {
        x: box.x - 2,
        y: box.y - 2,
        width: box.width + 4,
        height: box.height + 4,
        rx: 7,
        class: `jm-change-${state}`,
        'stroke-width': 2.5,
        'stroke-dasharray': state === 'removed' ? '6 4' : undefined,
    });
}

/** A line through each line of a removed element's text (a metric has no card to dash): gone, without relying on colour. */
export function struckThrough(compare: CompareOverlay | undefined, id: string, lines: readonly TextLine[]): string {
    if (compare?.marks[id]?.state !== 'removed') return '';
    const d = lines.map((line) => {
        const y = line.y - Math.round(line.size * 0.3);
        return `M${num(line.x)},${num(y)} H${num(line.x + measureText(line.text, line.size, line.weight))}`;
    }).join(' ');
    return d === '' ? '' : element('path', { d, class: 'jm-change-removed', fill: 'none', 'stroke-width': 1.5 });
}

/** A flow step only the base version had, to or from a removed touchpoint. */
export function flowDecoration(compare: CompareOverlay | undefined, id: string): Record<string, AttributeValue> {
    return compare?.ghostFlows.includes(id) ? { 'data-change': 'removed', ...faded(OPACITY.removed), 'stroke-dasharray': '5 4' } : {};
}

/** The base version's emotion curve: dashed, faint, drawn under the new one. */
export function oldCurve(compare: CompareOverlay | undefined): string {
    if (!compare || compare.oldCurve.length === 0) return '';
    const points = compare.oldCurve;
    const line = points.length > 1 ? element('path', { d: path(points), class: 'jm-curve', 'stroke-width': 2, 'stroke-dasharray': '6 4', 'stroke-linejoin': 'round' }) : '';
    const dots = points.map((p) => element('circle', { cx: p.x, cy: p.y, r: 3.5, class: 'jm-curve', fill: 'none', 'stroke-width': 1.5 })).join('');
    return element('g', { id: 'experience-before', ...faded(0.5), 'aria-label': `Emotion curve in ${compare.base}` }, title(`Emotion curve in ${compare.base} (dashed)`) + line + dots);
}

/** The change legend under the legend: counts per kind of change, and the changes with no place on the map. */
export function changeLegend(layout: DiagramLayout): string {
    const compare = layout.compare;
    if (!compare) return '';
    const { legend } = compare;
    const items = legend.items
        .map((item) => {
            const sample = item.chip
                ? chip(item.chip)
                : element('rect', { ...item.sample, rx: 4, class: 'jm-card', ...faded(OPACITY.unchanged), 'stroke-width': 1 });
            return sample + textLine(item.label);
        })
        .join('');
    const summary = legend.items.map((item) => item.label.text).join(', ');
    return element(
        'g',
        { id: 'change-legend', role: 'group', 'aria-label': `${legend.title.text}: ${summary}` },
        textLine(legend.title) + items + legend.offMap.map(textLine).join(''),
    );
}

/** One sentence for screen readers, after the map's own description. */
export function changeDescription(layout: DiagramLayout): string {
    const compare = layout.compare;
    if (!compare) return '';
    return ` ${compare.legend.title.text}: ${compare.legend.items.map((item) => item.label.text).join(', ')}.`;
}
