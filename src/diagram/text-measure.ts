/**
 * Deterministic text measurement, so that the same journey gives the same
 * card sizes on every machine (no canvas, no installed fonts): the advance
 * widths of the font every surface draws with — Liberation Sans, shipped in
 * media/fonts (metric-compatible with Helvetica and Arial) — read from the
 * font files into font-metrics.ts. Characters the font lacks are drawn by
 * whatever font the viewer falls back to; they are measured on the safe
 * side, so that such text wraps early rather than running over its card.
 */
import { BOLD_ADVANCES, NOTDEF_ADVANCE, REGULAR_ADVANCES, UNITS_PER_EM } from './font-metrics.js';

export type FontWeight = 'normal' | 'bold';

/** The font stack the renderer uses: the shipped font first, then the fonts with its metrics. */
export const FONT_FAMILY = "'Liberation Sans', Helvetica, Arial, 'DejaVu Sans', sans-serif";

/** The smallest text the map ever draws, in px at 100 %. */
export const MIN_FONT_SIZE = 11;

/** Advance per code point of the Basic Multilingual Plane, in font units; 0xffff: not in the font. */
function advanceTable(runs: readonly (readonly number[])[]): Uint16Array {
    const table = new Uint16Array(0x10000).fill(MISSING);
    for (const [first, ...widths] of runs) {
        widths.forEach((width, i) => (table[first + i] = width));
    }
    return table;
}

const MISSING = 0xffff;
const REGULAR = advanceTable(REGULAR_ADVANCES);
const BOLD = advanceTable(BOLD_ADVANCES);

/** A character's advance in font units. */
function charWidth(codePoint: number, weight: FontWeight): number {
    const own = codePoint < 0x10000 ? (weight === 'bold' ? BOLD : REGULAR)[codePoint] : MISSING;
    if (own !== MISSING) {
        return own;
    }
    if (takesNoRoom(codePoint)) {
        return 0;
    }
    // Not in our font: a CJK character or an emoji takes a full em in the fonts
    // that have it; anything else (Arabic, Thai, Devanagari…) at most about
    // the empty box drawn when no font has it.
    return isWide(codePoint) ? UNITS_PER_EM : NOTDEF_ADVANCE;
}

/** Controls, combining marks, joiners, variation selectors and emoji tags. */
function takesNoRoom(cp: number): boolean {
    return (
        cp < 0x20 ||
        (cp >= 0x300 && cp < 0x370) ||
        (cp >= 0x200b && cp <= 0x200f) ||
        (cp >= 0xfe00 && cp <= 0xfe0f) ||
        (cp >= 0xe0000 && cp <= 0xe01ef)
    );
}

/** CJK, Hangul, full-width forms and emoji take a full em. */
function isWide(cp: number): boolean {
    return (
        (cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x1f000 && cp <= 0x1faff) ||
        (cp >= 0x2600 && cp <= 0x27bf) ||
        (cp >= 0x20000 && cp <= 0x3fffd)
    );
}

/** The width of `text` in px at `size` px. */
export function measureText(text: string, size: number, weight: FontWeight = 'normal'): number {
    let units = 0;
    for (const char of text) {
        units += charWidth(char.codePointAt(0)!, weight);
    }
    return (units * size) / UNITS_PER_EM;
}

/**
 * Wraps `text` into lines no wider than `maxWidth`, breaking at spaces, and
 * inside a word only when the word alone is too wide. Never returns an empty list.
 */
export function wrapText(text: string, maxWidth: number, size: number, weight: FontWeight = 'normal'): string[] {
    const words = text.trim().split(/\s+/).filter((word) => word.length > 0);
    const lines: string[] = [];
    let current = '';
    for (const word of words) {
        const candidate = current ? `${current} ${word}` : word;
        if (measureText(candidate, size, weight) <= maxWidth) {
            current = candidate;
            continue;
        }
        if (current) {
            lines.push(current);
        }
        current = word;
        while (measureText(current, size, weight) > maxWidth) {
            const [head, tail] = splitWord(current, maxWidth, size, weight);
            lines.push(head);
            current = tail;
        }
    }
    if (current || lines.length === 0) {
        lines.push(current);
    }
    return lines;
}

/**
 * At most `maxLines` of the wrapped `lines`: a longer text ends its last line
 * with an ellipsis (the reader finds the whole text in the hover).
 */
export function clampLines(lines: string[], maxLines: number, maxWidth: number, size: number, weight: FontWeight = 'normal'): string[] {
    if (lines.length <= maxLines) {
        return lines;
    }
    const kept = lines.slice(0, maxLines);
    let last = Array.from(kept[maxLines - 1]);
    while (last.length > 0 && measureText(`${last.join('').trimEnd()}\u2026`, size, weight) > maxWidth) {
        last = last.slice(0, -1);
    }
    kept[maxLines - 1] = `${last.join('').trimEnd()}\u2026`;
    return kept;
}

/** The longest prefix (at least one character) that fits, and the rest. */
function splitWord(word: string, maxWidth: number, size: number, weight: FontWeight): [string, string] {
    const chars = Array.from(word);
    let width = 0;
    let count = 0;
    while (count < chars.length) {
        width += (charWidth(chars[count].codePointAt(0)!, weight) * size) / UNITS_PER_EM;
        if (width > maxWidth && count > 0) {
            break;
        }
        count++;
    }
    return [chars.slice(0, count).join(''), chars.slice(count).join('')];
}
