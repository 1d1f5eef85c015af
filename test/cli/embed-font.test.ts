/**
 * `journey render --embed-font` puts the map's own font into an SVG or HTML
 * file, so that it is drawn in the font the layout measured with on a machine
 * that has neither it nor Helvetica or Arial; a PNG is always drawn in it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const SAAS = 'examples/b2b-saas/saas.journey';
const dir = mkdtempSync(path.join(tmpdir(), 'embed-font-'));

/** Renders to a file (the font makes the output larger than a pipe's buffer here) and reads it. */
function render(args: string[], file: string): { status: number | null; stderr: string; text: string } {
    const result = journey(['render', SAAS, ...args, '-o', path.join(dir, file)]);
    return { status: result.status, stderr: result.stderr, text: result.status === 0 ? readFileSync(path.join(dir, file), 'utf8') : '' };
}

/** The font files inside the output, by weight, decoded. */
function embeddedFaces(text: string): Map<string, Buffer> {
    const faces = new Map<string, Buffer>();
    for (const [, family, weight, data] of text.matchAll(/@font-face\{font-family:'([^']+)';font-weight:(\w+);src:url\(data:font\/ttf;base64,([^)]+)\)/g)) {
        expect(family).toBe('Liberation Sans');
        faces.set(weight, Buffer.from(data, 'base64'));
    }
    return faces;
}

describe('journey render --embed-font', () => {
    it('puts both faces of the shipped font into the SVG, under the family the map asks for first', () => {
        const plain = journey(['render', SAAS]);
        const result = render(['--embed-font'], 'map.svg');
        expect(result.status, result.stderr).toBe(0);
        const faces = embeddedFaces(result.text);
        expect(faces.get('normal')?.equals(readFileSync('media/fonts/LiberationSans-Regular.ttf'))).toBe(true);
        expect(faces.get('bold')?.equals(readFileSync('media/fonts/LiberationSans-Bold.ttf'))).toBe(true);
        expect(/<svg[^>]* font-family="&#39;Liberation Sans&#39;,/.test(result.text)).toBe(true);
        // The map itself is unchanged: only the font is added.
        expect(result.text.replace(/<defs><style>@font-face[^<]*<\/style><\/defs>/, '')).toBe(plain.stdout);
        expect(plain.stdout).not.toContain('@font-face');
    });

    it('lets the HTML page use the embedded font and nothing remote', () => {
        const result = render(['--embed-font'], 'map.html');
        expect(result.status, result.stderr).toBe(0);
        expect(embeddedFaces(result.text).size).toBe(2);
        const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(result.text)![1];
        expect(csp).toContain("font-src data:;");
        expect(csp).not.toMatch(/https?:/);
    });

    it('is refused for a PNG, which is always drawn in the font', () => {
        const result = journey(['render', SAAS, '--embed-font', '--format', 'png', '-o', '/dev/null']);
        expect(result.status).toBe(2);
        expect(result.stderr.trim().split('\n')).toEqual(['journey render: --embed-font puts the font into an SVG or HTML file; a PNG is always drawn in it (leave out --embed-font)']);
    });
});
