/**
 * Deterministic text measurement, so that the same journey gives the same
 * card sizes on every machine (no canvas, no installed fonts). The widths are
 * the advance widths of Helvetica / Arial / Liberation Sans (metric-compatible),
 * in thousandths of an em, which is the font stack the SVG asks for.
 */

export type FontWeight = 'normal' | 'bold';

/** The font stack the renderer uses; the tables below describe it. */
export const FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** The smallest text the map ever draws, in px at 100 %. */
export const MIN_FONT_SIZE = 11;

// Advance widths for U+0020…U+007E.
const REGULAR = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
];

const BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Characters outside ASCII that the map itself writes. */
const EXTRA: Record<string, [number, number]> = {
    '\u00a0': [278, 278],
    '\u2013': [556, 556], // –
    '\u2014': [1000, 1000], // —
    '\u2018': [222, 278],
    '\u2019': [222, 278],
    '\u201c': [333, 500],
    '\u201d': [333, 500],
    '\u2022': [350, 350], // •
    '\u00b7': [278, 278], // ·
    '\u2026': [1000, 1000], // …
    '\u2192': [1000, 1000], // →
    '\u2212': [584, 584], // −
    '\u2264': [549, 549], // ≤
    '\u2265': [549, 549], // ≥
};

function charWidth(codePoint: number, weight: FontWeight): number {
    if (codePoint >= 0x20 && codePoint <= 0x7e) {
        return (weight === 'bold' ? BOLD : REGULAR)[codePoint - 0x20];
    }
    const extra = EXTRA[String.fromCodePoint(codePoint)];
    if (extra) {
        return weight === 'bold' ? extra[1] : extra[0];
    }
    if (isWide(codePoint)) {
        return 1000;
    }
    if (codePoint < 0x20 || (codePoint >= 0x300 && codePoint < 0x370) || codePoint === 0x200d || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) {
        return 0; // controls, combining marks, joiners and variation selectors take no room
    }
    // Accented Latin, Greek, Cyrillic…: about as wide as an average lowercase letter, rounded up.
    return weight === 'bold' ? 640 : 600;
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
        (cp >= 0x1f300 && cp <= 0x1faff) ||
        (cp >= 0x2600 && cp <= 0x27bf) ||
        (cp >= 0x20000 && cp <= 0x3fffd)
    );
}

/** The width of `text` in px at `size` px. */
export function measureText(text: string, size: number, weight: FontWeight = 'normal'): number {
    let thousandths = 0;
    for (const char of text) {
        thousandths += charWidth(char.codePointAt(0)!, weight);
    }
    return (thousandths * size) / 1000;
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
        width += (charWidth(chars[count].codePointAt(0)!, weight) * size) / 1000;
        if (width > maxWidth && count > 0) {
            break;
        }
        count++;
    }
    return [chars.slice(0, count).join(''), chars.slice(count).join('')];
}
