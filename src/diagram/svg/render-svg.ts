/**
 * Laid-out map → one self-contained SVG string: no external fonts, scripts or
 * links; every user string escaped (all text and attribute values pass through
 * `attrs`/`text`, which call `escapeXml`); stable ids derived from the
 * journey's names (src/protocol/element-id.ts: `touchpoint-sso`, `stage-onboarding`) with `data-kind` and
 * `data-name`, so the preview can map marks back to the source. The same
 * layout always gives the same bytes.
 */
import type {
    DiagramLayout,
    ExperienceCurve,
    FlowEdgeRoute,
    InitiativeCard,
    InitiativeReference,
    Lane,
    LegendItem,
    MetricMark,
    PainPointCard,
    Point,
    StageColumn,
    TouchpointCard,
} from '../diagram-types.js';
import { escapeXml } from './escape.js';
import { type AttributeValue, chip, element, num, path, textLine, title, svgOpenTag } from './svg-markup.js';
import { signed } from '../format.js';
import { paletteCss } from './palette.js';
import type { Theme } from '../../protocol/theme.js';
import { connectionId, type DeclaredKind, elementId, type MarkKind } from '../../protocol/element-id.js';
import type { CompareOverlay } from '../compare/compare-types.js';
import { changeDescription, changeLegend, decoration, flowDecoration, oldCurve, struckThrough } from './render-compare.js';

export interface RenderOptions {
    theme?: Theme;
}

/** What names an element for the preview: its id, kind and name. */
function identity(kind: DeclaredKind | MarkKind, name: string): Record<string, AttributeValue> {
    return { id: elementId(kind, name), 'data-kind': kind, 'data-name': name };
}

function lock(at: Point): string {
    return element(
        'g',
        { class: 'jm-lock', transform: `translate(${num(at.x)},${num(at.y)})` },
        title('internal: hidden from customers') +
            element('rect', { x: 1, y: 5, width: 10, height: 7, rx: 1.5, 'stroke-width': 0 }) +
            element('path', { d: 'M3.2,5.5 V3.6 a2.8,2.8 0 0 1 5.6,0 V5.5', fill: 'none', 'stroke-width': 1.6 }),
    );
}

/** A filled circle with ✓ (met), × (missed) or – (unknown). */
function statusGlyph(status: MetricMark['status'], { x, y }: Point): string {
    const tone = status === 'met' ? 'jm-pos' : status === 'missed' ? 'jm-neg' : 'jm-neutral';
    const d =
        status === 'met'
            ? `M${num(x - 3)},${num(y)} L${num(x - 1)},${num(y + 2.5)} L${num(x + 3)},${num(y - 2.5)}`
            : status === 'missed'
              ? `M${num(x - 2.5)},${num(y - 2.5)} L${num(x + 2.5)},${num(y + 2.5)} M${num(x + 2.5)},${num(y - 2.5)} L${num(x - 2.5)},${num(y + 2.5)}`
              : `M${num(x - 2.5)},${num(y)} L${num(x + 2.5)},${num(y)}`;
    return element('circle', { cx: x, cy: y, r: 6, class: tone }) + element('path', { d, class: 'jm-mark-fg', 'stroke-width': 1.6, 'stroke-linecap': 'round' });
}

const STATUS_WORDS: Record<MetricMark['status'], string> = {
    met: 'meets its target',
    missed: 'misses its target',
    'no-target': 'has no target',
    'no-actual': 'has no actual value',
};

function metricMark(mark: MetricMark, compare?: CompareOverlay): string {
    const id = elementId('metric', mark.name);
    const change = decoration(compare, id, compare?.marks[id]?.outline);
    return element(
        'g',
        { ...identity('metric', mark.name), 'data-status': mark.status, ...change.attributes },
        title(`${mark.lines.map((l) => l.text).join(' ')}: ${STATUS_WORDS[mark.status]}${change.aria}${change.hover}`) + statusGlyph(mark.status, mark.mark) + mark.lines.map(textLine).join('') +
            struckThrough(compare, id, mark.lines) + change.mark,
    );
}

function renderHeader(layout: DiagramLayout): string {
    const { header } = layout;
    return element(
        'g',
        { id: 'header', 'data-kind': 'journey', 'data-name': layout.journey.name },
        header.lines.map(textLine).join('') + (header.staleChip ? chip(header.staleChip) : '') + header.metrics.map((mark) => metricMark(mark, layout.compare)).join(''),
    );
}

function renderLane(lane: Lane, index: number, curves: ExperienceCurve[]): string {
    const background = element('rect', { x: lane.x, y: lane.y, width: lane.width, height: lane.height, class: index % 2 === 0 ? 'jm-lane-alt' : 'jm-lane' });
    const curve = curves[lane.row] ?? curves[0];
    const label = element(
        'text',
        { x: lane.x + 10, y: lane.y + 22, class: 'jm-t-muted', 'font-size': 12, 'font-weight': 'bold' },
        escapeXml(lane.label.toUpperCase()),
    );
    let scale = '';
    if (lane.kind === 'experience') {
        const x = lane.x + 110;
        scale = [2, 0, -2]
            .map((value) =>
                element(
                    'text',
                    { x, y: (value === 2 ? curve.topY : value === 0 ? curve.zeroY : curve.bottomY) + 4, class: 'jm-t-muted', 'font-size': 11, 'text-anchor': 'end' },
                    escapeXml(signed(value)),
                ),
            )
            .join('');
    }
    return background + label + scale + element('path', { d: `M${num(lane.x)},${num(lane.y)} H${num(lane.x + lane.width)}`, class: 'jm-grid' });
}

function renderStage(stage: StageColumn, index: number, compare?: CompareOverlay): string {
    const change = decoration(compare, elementId('stage', stage.name), stage.header);
    const ariaLabel = `Stage ${stage.title}, net emotion ${signed(stage.netEmotion)}${change.aria}`;
    return element(
        'g',
        { ...identity('stage', stage.name), ...change.attributes, role: 'group', 'aria-label': ariaLabel },
        title(ariaLabel + change.hover) +
            element('rect', { x: stage.header.x, y: stage.header.y, width: stage.header.width, height: stage.header.height, class: 'jm-head' }) +
            (index > 0 ? element('path', { d: `M${num(stage.x)},${num(stage.y)} V${num(stage.y + stage.height)}`, class: 'jm-grid' }) : '') +
            stage.lines.map(textLine).join('') +
            chip(stage.netEmotionBadge) +
            stage.metrics.map((mark) => metricMark(mark, compare)).join('') +
            change.mark,
    );
}

/**
 * An arrowhead as its own triangle, tip at the end of the line (not an SVG
 * marker: resvg 2.6 panics on markers of paths outside the viewport).
 */
function arrowhead(points: Point[]): string {
    const tip = points.at(-1)!;
    const from = [...points].reverse().find((p) => p.x !== tip.x || p.y !== tip.y);
    if (!from) {
        return '';
    }
    const length = Math.hypot(tip.x - from.x, tip.y - from.y);
    const [ux, uy] = [(tip.x - from.x) / length, (tip.y - from.y) / length];
    const base = { x: tip.x - ux * 8, y: tip.y - uy * 8 };
    const corners = [tip, { x: base.x - uy * 4, y: base.y + ux * 4 }, { x: base.x + uy * 4, y: base.y - ux * 4 }];
    return element('path', { d: `${path(corners)} Z`, class: 'jm-arrowhead' });
}

function renderEdge(edge: FlowEdgeRoute, compare?: CompareOverlay): string {
    const id = connectionId('flow', edge.from, edge.to);
    return element(
        'g',
        { id, 'data-kind': 'flow', 'data-from': edge.from, 'data-to': edge.to, ...flowDecoration(compare, id) },
        element('path', { d: path(edge.points), class: 'jm-edge', 'stroke-width': 1.5 }) + arrowhead(edge.points),
    );
}

function emotionClass(emotion: number | undefined): string {
    if (emotion === undefined || emotion === 0) {
        return 'jm-neutral';
    }
    return emotion > 0 ? 'jm-pos' : 'jm-neg';
}

function cardBody(card: { x: number; y: number; width: number; height: number }, stripeClass: string, alert: boolean): string {
    return (
        element('rect', { x: card.x, y: card.y, width: card.width, height: card.height, rx: 6, class: alert ? 'jm-card jm-alert' : 'jm-card', 'stroke-width': alert ? undefined : 1 }) +
        element('rect', { x: card.x, y: card.y + 6, width: 4, height: Math.max(card.height - 12, 4), rx: 2, class: stripeClass })
    );
}

/** A card that cuts its title short gives the whole of it first in its hover. */
function wholeTitle(card: { fullTitle?: string }): string {
    return card.fullTitle === undefined ? '' : `${card.fullTitle}\n`;
}

function renderTouchpoint(card: TouchpointCard, compare?: CompareOverlay): string {
    const change = decoration(compare, elementId('touchpoint', card.name), card);
    const text = card.lines.map((l) => l.text);
    const feeling = card.emotion === undefined ? 'no emotion recorded' : `emotion ${signed(card.emotion)}`;
    const ariaLabel = `Touchpoint ${text.join(' ')}, ${feeling}${card.internal ? ', internal' : ''}${change.aria}`;
    return element(
        'g',
        { ...identity('touchpoint', card.name), 'data-stage': card.stage, ...change.attributes, role: 'group', 'aria-label': ariaLabel },
        title(wholeTitle(card) + ariaLabel + change.hover) +
            cardBody(card, emotionClass(card.emotion), false) +
            card.lines.map(textLine).join('') +
            card.chips.map(chip).join('') +
            (card.lock ? lock(card.lock) : '') +
            change.mark,
    );
}

function renderExperience(curve: ExperienceCurve, row: number, compare?: CompareOverlay): string {
    const guides = [curve.topY, curve.bottomY]
        .map((y) => element('path', { d: `M${num(curve.left)},${num(y)} H${num(curve.right)}`, class: 'jm-grid', 'stroke-width': 0.6 }))
        .join('');
    const zero = element('path', { d: `M${num(curve.left)},${num(curve.zeroY)} H${num(curve.right)}`, class: 'jm-zero', 'stroke-dasharray': '5 4', 'stroke-width': 1 });
    const line = curve.lines
        .map((way) =>
            element('path', {
                ...(way.segment !== undefined && { 'data-segment': way.segment }),
                d: path(way.points),
                class: 'jm-curve',
                'stroke-width': way.dashed ? 2 : 2.5,
                'stroke-linejoin': 'round',
                ...(way.dashed && { 'stroke-dasharray': '6 4' }),
            }),
        )
        .join('');
    const dots = curve.points
        .map((p) =>
            element(
                'g',
                identity('emotion', p.touchpoint),
                title(`emotion ${signed(p.emotion)}${p.feltBy ? ` for ${p.feltBy.join(', ')}` : ''}`) +
                    element('circle', { cx: p.x, cy: p.y, r: 5.5, class: emotionClass(p.emotion) }) +
                    element('text', { x: p.label?.x ?? p.x + 9, y: p.label?.y ?? p.y - 6, class: 'jm-t-muted', 'font-size': 11 }, escapeXml(signed(p.emotion))),
            ),
        )
        .join('');
    return element('g', { id: row === 0 ? 'experience' : `experience-${row + 1}`, 'aria-label': 'Emotion curve' }, guides + zero + oldCurve(compare) + line + dots);
}

function renderPainPoint(card: PainPointCard, compare?: CompareOverlay): string {
    const change = decoration(compare, elementId('painpoint', card.name), card);
    const severity = card.severity ? `, ${card.severity} severity` : '';
    const ariaLabel = `Pain point ${card.lines.map((l) => l.text).join(' ')}${severity}${card.unaddressed ? ', no initiative addresses it' : ''}${change.aria}`;
    const hover = card.evidence.length > 0 ? `${ariaLabel}\nEvidence:\n${card.evidence.map((e) => `\u2022 ${e}`).join('\n')}` : ariaLabel;
    return element(
        'g',
        { ...identity('painpoint', card.name), 'data-stage': card.stage, ...change.attributes, role: 'group', 'aria-label': ariaLabel },
        title(wholeTitle(card) + hover + change.hover) +
            cardBody(card, card.severity ? `jm-fill-${card.severity}` : 'jm-neutral', card.unaddressed) +
            card.lines.map(textLine).join('') +
            card.chips.map(chip).join('') +
            (card.lock ? lock(card.lock) : '') +
            change.mark,
    );
}

function renderInitiative(card: InitiativeCard, compare?: CompareOverlay): string {
    const change = decoration(compare, elementId('initiative', card.name), card);
    const ariaLabel = `Initiative ${card.lines.map((l) => l.text).join(' ')}${card.pastDue ? ', past due' : ''}${change.aria}`;
    return element(
        'g',
        { ...identity('initiative', card.name), ...change.attributes, role: 'group', 'aria-label': ariaLabel },
        title(wholeTitle(card) + ariaLabel + change.hover) +
            cardBody(card, card.status === 'done' ? 'jm-pos' : 'jm-neutral', card.pastDue) +
            card.lines.map(textLine).join('') +
            card.chips.map(chip).join('') +
            (card.lock ? lock(card.lock) : '') +
            change.mark,
    );
}

/** An initiative's stand-in in another row: dashed, its title and the row of its card; a click reveals the initiative like its card. */
function renderInitiativeReference(card: InitiativeReference): string {
    const ariaLabel = `Initiative ${card.lines.map((l) => l.text).join(' ')}`;
    return element(
        'g',
        { 'data-kind': 'initiative', 'data-name': card.initiative, 'data-card-row': card.cardRow, role: 'group', 'aria-label': ariaLabel },
        title(wholeTitle(card) + ariaLabel) +
            element('rect', { x: card.x, y: card.y, width: card.width, height: card.height, rx: 6, class: 'jm-card', 'stroke-width': 1, 'stroke-dasharray': '4 3' }) +
            card.lines.map(textLine).join(''),
    );
}

function renderLegendItem(item: LegendItem): string {
    const { sample } = item;
    const cy = sample.y + sample.height / 2;
    let mark: string;
    switch (item.kind) {
        case 'flow': {
            const line = [{ x: sample.x, y: cy }, { x: sample.x + sample.width - 2, y: cy }];
            mark = element('path', { d: path(line), class: 'jm-edge', 'stroke-width': 1.5 }) + arrowhead(line);
            break;
        }
        case 'emotion':
            mark =
                element('path', { d: `M${num(sample.x)},${num(cy + 4)} L${num(sample.x + 15)},${num(cy - 4)} L${num(sample.x + 30)},${num(cy + 2)}`, class: 'jm-curve', 'stroke-width': 2 }) +
                element('circle', { cx: sample.x + 15, cy: cy - 4, r: 3.5, class: 'jm-pos' });
            break;
        case 'review-change':
            mark =
                textLine({ text: '\u2191', x: sample.x, y: cy + 4, size: 12, weight: 'bold', tone: 'strong' }) +
                textLine({ text: '\u2193', x: sample.x + 11, y: cy + 4, size: 12, weight: 'bold', tone: 'danger' });
            break;
        case 'segment-way':
            mark = element('path', { d: `M${num(sample.x)},${num(cy + 3)} L${num(sample.x + 30)},${num(cy - 3)}`, class: 'jm-curve', 'stroke-width': 2, 'stroke-dasharray': '5 4' });
            break;
        case 'internal':
            mark = lock({ x: sample.x, y: sample.y + 2 });
            break;
        case 'metric-met':
        case 'metric-missed':
        case 'metric-unknown':
            mark = statusGlyph(item.kind === 'metric-met' ? 'met' : item.kind === 'metric-missed' ? 'missed' : 'no-target', { x: sample.x + 6, y: cy });
            break;
        default:
            mark = item.chip ? chip(item.chip) : '';
    }
    return mark + (item.label.text ? textLine(item.label) : '');
}

function renderLegend(layout: DiagramLayout): string {
    const { legend } = layout;
    return element('g', { id: 'legend', 'aria-label': 'Legend' }, textLine(legend.title) + legend.items.map(renderLegendItem).join(''));
}

/** Describes the map in one sentence, for screen readers. */
function description(layout: DiagramLayout): string {
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    return `Customer journey map with ${count(layout.stages.length, 'stage')} (${layout.stages.map((s) => s.title).join(', ')}), ${count(layout.touchpoints.length, 'touchpoint')}, ${count(layout.painPoints.length, 'pain point')} and ${count(layout.initiatives.length, 'initiative')}.`;
}

/**
 * The markup drawn for a part of the map before, by the part (its object) and
 * its place: a map laid out with a row cache (row-cache.ts) has the same
 * objects for the rows a keystroke did not change. A compare map marks its
 * parts with the comparison: drawn afresh.
 */
const drawnParts = new WeakMap<object, { at: number; markup: string }>();

function drawn(layout: DiagramLayout, part: object, at: number, draw: () => string): string {
    if (layout.compare) return draw();
    const known = drawnParts.get(part);
    if (known?.at === at) return known.markup;
    const markup = draw();
    drawnParts.set(part, { at, markup });
    return markup;
}

export function renderSvg(layout: DiagramLayout, options: RenderOptions = {}): string {
    const theme = options.theme ?? 'light';
    const { width, height } = layout;
    const parts = [
        svgOpenTag(theme, width, height, { 'data-journey': layout.journey.name }),
        `<title id="jm-title">${escapeXml(`Journey map: ${layout.journey.title}`)}</title>`,
        `<desc id="jm-desc">${escapeXml(description(layout) + changeDescription(layout))}</desc>`,
        `<style>\n${paletteCss(theme)}\n</style>`,
        element('rect', { x: 0, y: 0, width, height, class: 'jm-bg' }),
        renderHeader(layout),
        element('g', { id: 'lanes' }, layout.lanes.map((lane, i) => renderLane(lane, i, layout.experience)).join('') + layout.notes.map(textLine).join('')),
        element('g', { id: 'stages' }, layout.stages.map((stage, i) => drawn(layout, stage, i, () => renderStage(stage, i, layout.compare))).join('')),
        layout.experience.map((curve, row) => drawn(layout, curve, row, () => renderExperience(curve, row, row === 0 ? layout.compare : undefined))).join('\n'),
        element('g', { id: 'links' }, layout.links.map((link) => element('path', { id: connectionId('link', link.painPoint, link.initiative), 'data-kind': 'link', d: path(link.points), class: 'jm-link', 'stroke-dasharray': '4 3', 'stroke-width': 1.2 })).join('')),
        element('g', { id: 'flow' }, layout.edges.map((edge) => drawn(layout, edge, 0, () => renderEdge(edge, layout.compare))).join('')),
        element('g', { id: 'touchpoints' }, layout.touchpoints.map((card) => drawn(layout, card, 0, () => renderTouchpoint(card, layout.compare))).join('')),
        element('g', { id: 'painpoints' }, layout.painPoints.map((card) => drawn(layout, card, 0, () => renderPainPoint(card, layout.compare))).join('')),
        element('g', { id: 'initiatives' }, layout.initiatives.map((card) => drawn(layout, card, 0, () => renderInitiative(card, layout.compare))).join('') + layout.initiativeReferences.map(renderInitiativeReference).join('')),
        renderLegend(layout),
        changeLegend(layout),
        layout.evidence ? element('g', { id: 'evidence', 'aria-label': 'Evidence' }, [layout.evidence.title, ...layout.evidence.lines].map(textLine).join('')) : '',
        '</svg>',
    ];
    return parts.filter((part) => part !== '').join('\n') + '\n';
}
