/**
 * PNG text is drawn in the font the layout measures with: the shipped
 * Liberation Sans (media/fonts). A line of card text is as wide in the
 * picture as text-measure.ts says — the wrapping on the map is exact — on a
 * machine with no Arial or Helvetica, where resvg would otherwise pick
 * whatever it finds (a serif font, once). Characters no font has take the
 * room the layout gave them instead of being drawn over their neighbours.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { fontOptions, forResvg } from '../../src/cli/formats/png.js';
import { shippedFontFiles } from '../../src/cli/formats/shipped-font.js';
import { FONT_FAMILY, measureText } from '../../src/diagram/text-measure.js';

const SIZE = 40;
/** Only the shipped files: the result must not depend on what this machine has installed. */
const SHIPPED_ONLY = { font: { ...fontOptions().options, loadSystemFonts: false } };

function textSvg(text: string, weight: 'normal' | 'bold'): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="80"><rect width="1600" height="80" fill="#fff"/><text x="10" y="55" font-family="${FONT_FAMILY.replace(/'/g, '&#39;')}" font-size="${SIZE}" font-weight="${weight}">${text}</text></svg>`;
}

/** The x of the leftmost and rightmost dark pixel of the rendered text. */
function inkExtent(svg: string): { left: number; right: number } {
    const image = new Resvg(svg, SHIPPED_ONLY).render();
    // `pixels` is a getter that copies the whole image out of resvg's native memory:
    // read it once (reading it per pixel allocated gigabytes and killed the test worker).
    const { width, height, pixels } = { width: image.width, height: image.height, pixels: image.pixels };
    const columns: number[] = [];
    for (let x = 0; x < width; x++) {
        for (let y = 0; y < height; y++) {
            if (pixels[(y * width + x) * 4] < 128) {
                columns.push(x);
                break;
            }
        }
    }
    return { left: columns[0], right: columns.at(-1)! };
}

describe('the font of PNG pictures', () => {
    it('ships Liberation Sans regular and bold, with its licence', () => {
        expect(shippedFontFiles().map((file) => file.split(/[\\/]/).pop())).toEqual(['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf']);
        expect(existsSync('media/fonts/OFL.txt')).toBe(true);
        expect(fontOptions().options).toMatchObject({ defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' });
    });

    it.each([
        ['Customer does step 2 of phase 1 (email)', 'normal'],
        ['Kickoff call with the customer success manager', 'bold'],
        ['Zürich Éléphant — “Онбординг” ≤ 14 days', 'normal'],
    ] as const)('draws "%s" (%s) as wide as the layout measures it', (text, weight) => {
        const { left, right } = inkExtent(textSvg(text, weight));
        const measured = measureText(text, SIZE, weight);
        // Ink starts a little after the pen and ends a little before the advance: a few pixels at 40 px.
        expect(left).toBeGreaterThanOrEqual(10);
        expect(left).toBeLessThan(10 + 6);
        expect(Math.abs(right - (10 + measured))).toBeLessThan(6);
    });

    it.each([
        ['a family emoji (joined by zero-width joiners)', 'X👨\u200d👩\u200d👧\u200d👦X', 'X\u{1F468}\u{1F469}\u{1F467}\u{1F466}X'],
        ['a thumbs-up with a skin tone', 'X👍🏽X', 'X\u{1F44D}X'],
        ['a keycap', 'X1\ufe0f\u20e3X', 'X1X'],
    ])('gives each box of %s its own room, inside what the layout measured', (_, text, separate) => {
        const drawn = inkExtent(forResvg(textSvg(text, 'normal')));
        const boxes = inkExtent(textSvg(separate, 'normal'));
        expect(Math.abs(drawn.right - boxes.right)).toBeLessThan(3);
        expect(drawn.right).toBeLessThanOrEqual(10 + measureText(text, SIZE));
    });
});
