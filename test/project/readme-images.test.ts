// The README's pictures are made by scripts/screenshots.mjs from the examples:
// each is referenced, and the rendered map is the size the map is drawn at
// now (a changed layout without the pictures made again fails here).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARE_EXAMPLE, editedSupportMap } from '../../scripts/readme-compare.mjs';
import { journey } from '../helpers/cli.js';

const readme = readFileSync('README.md', 'utf8');
const pngSize = (file: string) => {
    const png = readFileSync(file);
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

describe('the README pictures', () => {
    it.each(['map-wrapped.png', 'compare-map.png', 'preview-panel.png', 'preview-one-row.png'])('shows docs/images/%s, which the screenshot script writes', (name) => {
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

    it('shows the compare map at the size `journey render --compare` draws the README\'s edit today', () => {
        const edited = mkdtempSync(path.join(tmpdir(), 'readme-compare-'));
        cpSync(path.dirname(COMPARE_EXAMPLE), edited, { recursive: true });
        const file = path.join(edited, path.basename(COMPARE_EXAMPLE));
        writeFileSync(file, editedSupportMap(readFileSync(file, 'utf8')));
        const rendered = journey(['render', file, '--compare', COMPARE_EXAMPLE]);
        expect(rendered.status, rendered.stderr).toBe(0);
        expect(rendered.stdout).toContain('data-change="added"');
        expect(rendered.stdout).toContain('data-change="removed"');
        const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(rendered.stdout)!;
        expect(pngSize('docs/images/compare-map.png'), 'run node scripts/screenshots.mjs again').toEqual({ width: Number(width), height: Number(height) });
    });
});
