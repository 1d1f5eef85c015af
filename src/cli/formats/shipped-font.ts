/**
 * The font the map is drawn in: Liberation Sans, shipped in media/fonts (SIL
 * OFL), whose advance widths the layout measures with (src/diagram/font-metrics.ts).
 * Found next to the bundle (out/ → media/fonts) or the source (src/cli/formats).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHIPPED_FAMILY = 'Liberation Sans';
const FACES = [
    { file: 'LiberationSans-Regular.ttf', weight: 'normal' },
    { file: 'LiberationSans-Bold.ttf', weight: 'bold' },
] as const;
const FOLDERS = ['../media/fonts', '../../../media/fonts'];

/** The shipped font files, when they are next to this code; none otherwise (a copy of the bundle alone). */
export function shippedFontFiles(): string[] {
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const folder of FOLDERS) {
        const files = FACES.map((face) => path.resolve(here, folder, face.file));
        if (files.every((file) => existsSync(file))) {
            return files;
        }
    }
    return [];
}

/**
 * The shipped faces as CSS @font-face rules with the font data inline, for an
 * SVG or HTML file that must look the same on a machine without the font;
 * undefined when the files are not there.
 */
export function embeddedFontCss(): string | undefined {
    const files = shippedFontFiles();
    if (files.length === 0) {
        return undefined;
    }
    return FACES.map((face, i) =>
        `@font-face{font-family:'${SHIPPED_FAMILY}';font-weight:${face.weight};src:url(data:font/ttf;base64,${readFileSync(files[i]).toString('base64')}) format('truetype')}`,
    ).join('');
}

/** The SVG with the shipped font inside it, right after its opening tag (the map's own text then draws in it anywhere). */
export function embedFont(svg: string): string | undefined {
    const css = embeddedFontCss();
    const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
    return css && `${svg.slice(0, open)}<defs><style>${css}</style></defs>${svg.slice(open)}`;
}
