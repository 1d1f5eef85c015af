// The README's pictures are made by scripts/screenshots.mjs from the examples:
// each is referenced, and the rendered map is the size the map is drawn at
// now (a changed layout without the pictures made again fails here).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const readme = readFileSync('README.md', 'utf8');
const pngSize = (file: string) => {
    const png = readFileSync(file);
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

describe('the README pictures', () => {
    it.each(['map-wrapped.png', 'preview-panel.png', 'preview-one-row.png'])('shows docs/images/%s, which the screenshot script writes', (name) => {
        expect(readme).toContain(`(docs/images/${name})`);
        expect(readFileSync('scripts/screenshots.mjs', 'utf8')).toContain(name);
        expect(pngSize(`docs/images/${name}`).width).toBeGreaterThan(0);
    });

    it('shows the wrapped map at the size `journey render --max-width 1920` draws it today', () => {
        const rendered = journey(['render', 'examples/b2b-saas/saas.journey', '--max-width', '1920']);
        expect(rendered.status, rendered.stderr).toBe(0);
        const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(rendered.stdout)!;
        expect(pngSize('docs/images/map-wrapped.png'), 'run node scripts/screenshots.mjs again').toEqual({ width: Number(width), height: Number(height) });
    });
});
