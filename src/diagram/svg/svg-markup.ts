/**
 * The markup every part of the map is written with: elements whose attribute
 * values and text always pass through `escapeXml`, numbers printed the same
 * everywhere, polylines and chips.
 */
import { round } from '../card-content.js';
import type { Chip, Point, TextLine } from '../diagram-types.js';
import { FONT_FAMILY, MIN_FONT_SIZE } from '../text-measure.js';
import { escapeXml } from './escape.js';

export type AttributeValue = string | number | undefined;

/** Numbers print the same everywhere: rounded to hundredths, no "-0". */
export function num(value: number): string {
    return String(round(value));
}

// A plain loop: a map of 5,000 touchpoints writes ~400,000 attributes per keystroke in the preview.
export function attrs(values: Record<string, AttributeValue>): string {
    let markup = '';
    for (const key in values) {
        const value = values[key];
        if (value !== undefined) markup += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
    }
    return markup;
}

export function element(name: string, values: Record<string, AttributeValue>, children?: string): string {
    return children === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${children}</${name}>`;
}

export function title(text: string): string {
    return `<title>${escapeXml(text)}</title>`;
}

export function textLine(line: TextLine): string {
    return element(
        'text',
        {
            x: line.x,
            y: line.y,
            class: `jm-t-${line.tone}`,
            'font-size': Math.max(line.size, MIN_FONT_SIZE),
            'font-weight': line.weight === 'bold' ? 'bold' : undefined,
        },
        escapeXml(line.text),
    );
}

export function path(points: Point[]): string {
    let data = '';
    for (let i = 0; i < points.length; i++) data += `${i === 0 ? 'M' : ' L'}${num(points[i].x)},${num(points[i].y)}`;
    return data;
}

export function chip(c: Chip): string {
    return (
        element('rect', { x: c.x, y: c.y, width: c.width, height: c.height, rx: 8, class: `jm-chip-${chipClass(c.tone)}`, 'stroke-width': 0.8 }) +
        element('text', { x: c.textX, y: c.textY, class: `jm-chip-${chipClass(c.tone)}-text`, 'font-size': 11, 'font-weight': 'bold' }, escapeXml(c.text))
    );
}

function chipClass(tone: Chip['tone']): string {
    return tone.startsWith('severity-') ? tone.slice('severity-'.length) : tone;
}

/** The opening `<svg>` tag every picture of ours starts with: theme class, size, accessible name from its title and description. */
export function svgOpenTag(theme: string, width: number, height: number, data: Record<string, AttributeValue>): string {
    return `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
        class: `jm jm-theme-${theme}`,
        width,
        height,
        viewBox: `0 0 ${num(width)} ${num(height)}`,
        role: 'img',
        'aria-labelledby': 'jm-title jm-desc',
        'font-family': FONT_FAMILY,
        ...data,
    })}>`;
}
