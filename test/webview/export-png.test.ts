/**
 * A PNG exported from the preview is drawn in the map's own font: an SVG drawn
 * as an image sees none of the page's fonts, so the faces the page loads from
 * the extension's media go into the picture — and only from there (the CSP
 * lets the page fetch its own resources, nothing else).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewHtml } from '../../src/extension/preview-html.js';
import { FONT_FACES, withMapFont } from '../../src/webview/export-png.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>Kickoff</text></svg>';
const STYLE_SHEET = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css';

describe('the font of a PNG exported from the preview', () => {
    it('names the faces media/preview.css loads', () => {
        const css = readFileSync('media/preview.css', 'utf8');
        const declared = [...css.matchAll(/@font-face \{[^}]*font-weight: (\w+);[^}]*url\('([^']+)'\)/g)].map(([, weight, file]) => ({ file, weight }));
        expect(declared).toEqual(FONT_FACES.map(({ file, weight }) => ({ file, weight })));
    });

    it('puts both faces into the SVG, read from beside the page\'s style sheet', async () => {
        const asked: string[] = [];
        const load = (url: string) => {
            asked.push(url);
            const bytes = readFileSync(`media/${url.slice(url.indexOf('/media/') + '/media/'.length)}`);
            return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        };
        const svg = await withMapFont(SVG, STYLE_SHEET, load);
        expect(asked).toEqual(FONT_FACES.map((face) => `https://file+.vscode-resource.vscode-cdn.net/ext/media/${face.file}`));
        const faces = [...svg.matchAll(/font-weight:(\w+);src:url\(data:font\/ttf;base64,([^)]+)\)/g)];
        expect(faces.map(([, weight]) => weight)).toEqual(['normal', 'bold']);
        expect(Buffer.from(faces[0][2], 'base64').equals(readFileSync('media/fonts/LiberationSans-Regular.ttf'))).toBe(true);
        expect(Buffer.from(faces[1][2], 'base64').equals(readFileSync('media/fonts/LiberationSans-Bold.ttf'))).toBe(true);
        expect(svg.replace(/<defs><style>[^<]*<\/style><\/defs>/, '')).toBe(SVG);
    });

    it('exports in the system\'s fonts rather than not at all when the font cannot be read', async () => {
        expect(await withMapFont(SVG, STYLE_SHEET, () => Promise.reject(new Error('blocked')))).toBe(SVG);
        expect(await withMapFont(SVG, undefined)).toBe(SVG);
    });

    it('may fetch the webview\'s own resources and nothing else', () => {
        const csp = /content="([^"]+)"/.exec(previewHtml({ cspSource: 'vscode-resource:', scriptUri: 'preview.js', styleUri: 'preview.css' }, 'n'))![1].split('; ');
        expect(csp).toContain('connect-src vscode-resource:');
        expect(csp).toContain('font-src vscode-resource:');
        expect(csp[0]).toBe("default-src 'none'");
    });
});
