// Writes src/diagram/font-metrics.ts: the advance width of every character of
// the font the map ships (media/fonts, Liberation Sans), read from the font
// files themselves, so that the layout measures text exactly as the preview,
// the PNG renderer and an embedded-font SVG draw it. Run it after changing the
// font: `node scripts/font-metrics.mjs`. test/diagram/font-metrics.test.ts
// fails while the committed table and the font files disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FONT_FILES = { regular: 'media/fonts/LiberationSans-Regular.ttf', bold: 'media/fonts/LiberationSans-Bold.ttf' };
const TARGET = 'src/diagram/font-metrics.ts';
const PER_LINE = 24;

/** Runs of consecutive code points: [first code point, advance, advance, …]. */
function advanceRuns(font) {
    const codePoints = [...font.characterSet].filter((cp) => cp >= 0x20).sort((a, b) => a - b);
    const runs = [];
    for (const cp of codePoints) {
        const run = runs.at(-1);
        const width = font.glyphForCodePoint(cp).advanceWidth;
        if (run && run[0] + run.length - 1 === cp) {
            run.push(width);
        } else {
            runs.push([cp, width]);
        }
    }
    return runs;
}

function runsSource(runs) {
    return runs
        .map((run) => {
            const numbers = run.map(String);
            const lines = [];
            for (let i = 0; i < numbers.length; i += PER_LINE) lines.push(numbers.slice(i, i + PER_LINE).join(', '));
            return `    [${lines.join(',\n        ')}],`;
        })
        .join('\n');
}

function openFaces() {
    return { regular: fontkit.create(readFileSync(path.join(root, FONT_FILES.regular))), bold: fontkit.create(readFileSync(path.join(root, FONT_FILES.bold))) };
}

/** The sum of the advances of `text`'s characters in the font file, in font units (no kerning, as the layout measures). */
export function fontAdvance(text, weight) {
    const face = openFaces()[weight === 'bold' ? 'bold' : 'regular'];
    return [...text].reduce((sum, char) => sum + face.glyphForCodePoint(char.codePointAt(0)).advanceWidth, 0);
}

/** The source of src/diagram/font-metrics.ts for the font files as they are now. */
export function fontMetricsSource() {
    const { regular, bold } = openFaces();
    if (regular.unitsPerEm !== bold.unitsPerEm) throw new Error('the regular and bold faces have different units per em');
    return `/**
 * The advance widths of the shipped font (${regular.familyName} ${regular.version.replace(/^Version\s*/, '')}, media/fonts),
 * generated from the font files by scripts/font-metrics.mjs: do not edit, run
 * \`node scripts/font-metrics.mjs\` after changing a font file
 * (test/diagram/font-metrics.test.ts compares this table with the files).
 */

export const UNITS_PER_EM = ${regular.unitsPerEm};

/** What a character no font has is drawn as (an empty box): the .notdef glyph's advance. */
export const NOTDEF_ADVANCE = ${Math.max(regular.getGlyph(0).advanceWidth, bold.getGlyph(0).advanceWidth)};

/** Runs of consecutive code points: [first code point, advance of it, of the next, …]. */
export const REGULAR_ADVANCES: readonly (readonly number[])[] = [
${runsSource(advanceRuns(regular))}
];

export const BOLD_ADVANCES: readonly (readonly number[])[] = [
${runsSource(advanceRuns(bold))}
];
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    writeFileSync(path.join(root, TARGET), fontMetricsSource());
    console.log(`wrote ${TARGET}`);
}
