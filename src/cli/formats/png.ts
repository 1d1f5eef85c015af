/**
 * SVG → PNG through resvg (a native module, kept out of the bundle). No font
 * is embedded: resvg reads the system's fonts, with a default family that the
 * system really has, so that text never silently disappears.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

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

/** The SVG's width in its own units. */
export function svgWidth(svg: string): number {
    return new Resvg(svg, { font: { loadSystemFonts: false } }).width;
}

/** Renders the SVG at `zoom` output pixels per SVG unit. */
export function svgToPng(svg: string, zoom: number): PngResult {
    const family = installedSansFamily();
    const font = { loadSystemFonts: true, ...(family && { defaultFontFamily: family, sansSerifFamily: family }) };
    const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font });
    return {
        png: resvg.render().asPng(),
        ...(!family && { warning: 'no common sans-serif font found on this system: text in the PNG may be missing (install e.g. fonts-dejavu)' }),
    };
}
