/**
 * SVG → PNG through resvg (a native module, kept out of the bundle). Text is
 * drawn in the Liberation Sans we ship (media/fonts, SIL OFL): the font whose
 * widths the layout measures with (text-measure.ts, metric-compatible with
 * Arial and Helvetica), so that wrapped text fits its card on any machine.
 * The system's fonts stay loaded for the scripts it does not cover; without
 * the shipped files (a copy of the bundle alone) a sans-serif family the
 * system really has is the default, so that text never silently disappears.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { SHIPPED_FAMILY, shippedFontFiles } from './shipped-font.js';

/** Common sans-serif families, by a file name that shows the family is installed. */
const FAMILIES: readonly [family: string, file: RegExp][] = [
    ['Liberation Sans', /^LiberationSans-Regular\.ttf$/i],
    ['DejaVu Sans', /^DejaVuSans\.ttf$/i],
    ['Arial', /^Arial\.ttf$/i],
    ['Helvetica', /^Helvetica\.ttc$/i],
    ['Segoe UI', /^segoeui\.ttf$/i],
    ['Noto Sans', /^NotoSans-Regular\.ttf$/i],
];

const FONT_FOLDERS = [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(homedir(), '.fonts'),
    path.join(homedir(), '.local/share/fonts'),
    '/System/Library/Fonts',
    '/Library/Fonts',
    'C:\\Windows\\Fonts',
];

function fontFiles(folder: string, depth = 4): string[] {
    if (depth === 0 || !existsSync(folder)) {
        return [];
    }
    try {
        return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
            entry.isDirectory() ? fontFiles(path.join(folder, entry.name), depth - 1) : [entry.name],
        );
    } catch {
        return [];
    }
}

/** The first of our candidate families installed on this system, if any. */
export function installedSansFamily(): string | undefined {
    const files = FONT_FOLDERS.flatMap((folder) => fontFiles(folder));
    return FAMILIES.find(([, pattern]) => files.some((file) => pattern.test(file)))?.[0];
}

export interface PngResult {
    png: Uint8Array;
    /** Set when no known font was found: the text of the picture may be missing. */
    warning?: string;
}

/** How resvg finds fonts: the shipped family first, the system's for the rest. */
export function fontOptions(): { options: NonNullable<ResvgRenderOptions['font']>; found: boolean } {
    const shipped = shippedFontFiles();
    const family = shipped.length > 0 ? SHIPPED_FAMILY : installedSansFamily();
    return { options: { loadSystemFonts: true, fontFiles: shipped, ...(family && { defaultFontFamily: family, sansSerifFamily: family }) }, found: family !== undefined };
}

/** The SVG's width in its own units. */
export function svgWidth(svg: string): number {
    return new Resvg(svg, { font: { loadSystemFonts: false } }).width;
}

/**
 * Zero-width joiners, variation selectors, skin-tone modifiers, the keycap
 * mark and emoji tags: resvg draws no colour emoji, and when a sequence joined
 * by them (👨‍👩‍👧‍👦, 👍🏽) has no glyph it stacks the empty boxes and draws the next
 * letters over them. Without them each emoji is one box in its own room, which
 * the layout measured (a full em each).
 */
const EMOJI_SEQUENCE_MARKS = /\u200d|\ufe0e|\ufe0f|\u20e3|[\u{1f3fb}-\u{1f3ff}]|[\u{e0020}-\u{e007f}]/gu;

/** The SVG as resvg can draw it without overlapping text. */
export function forResvg(svg: string): string {
    return svg.replace(EMOJI_SEQUENCE_MARKS, '');
}

/** Renders the SVG at `zoom` output pixels per SVG unit. */
export function svgToPng(svg: string, zoom: number): PngResult {
    const font = fontOptions();
    const resvg = new Resvg(forResvg(svg), { fitTo: { mode: 'zoom', value: zoom }, font: font.options });
    return {
        png: resvg.render().asPng(),
        ...(!font.found && { warning: 'no common sans-serif font found on this system: text in the PNG may be missing (install e.g. fonts-dejavu)' }),
    };
}
