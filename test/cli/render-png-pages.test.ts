/** PNG never shrinks text below a legible size: --width/--scale/--fit, rows for wide maps, pages for tall ones, a refusal when nothing fits. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const WIDE = 'test/fixtures/wide/wide.journey';
const SAAS = 'test/fixtures/saas/saas.journey';

function pngSize(file: string): { width: number; height: number } {
    const png = readFileSync(file);
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('journey render --format png at a legible size', () => {
    it('wraps a 20-stage map for a 1,920-px-wide image into rows: one file, 1,920 px wide', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-pages-'));
        const result = journey(['render', WIDE, '--width', '1920', '-o', path.join(folder, 'wide.png')]);
        expect(result.status, result.stderr).toBe(0);
        expect(readdirSync(folder)).toEqual(['wide.png']);
        const size = pngSize(path.join(folder, 'wide.png'));
        expect(size.width).toBe(1920);
        expect(size.height).toBeGreaterThan(1920);
    });

    it('--fit slide: slides of whole rows, each at most 1920 × 1080', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-pages-'));
        const result = journey(['render', WIDE, '--fit', 'slide', '-o', path.join(folder, 'slide.png')]);
        expect(result.status, result.stderr).toBe(0);
        const files = readdirSync(folder).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        expect(files.length).toBeGreaterThan(1);
        expect(files).toEqual(files.map((_, i) => `slide-${i + 1}.png`));
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toContain(`wrote ${files.length} pages`);
        for (const file of files) {
            const size = pngSize(path.join(folder, file));
            expect(size.width).toBeLessThanOrEqual(1920);
            expect(size.height).toBeLessThanOrEqual(1080);
        }
    });

    it('--max-width wraps the SVG too', () => {
        const pr = journey(['render', WIDE, '--max-width', '1500']);
        expect(pr.status, pr.stderr).toBe(0);
        const width = Number(/<svg[^>]* width="(\d+)"/.exec(pr.stdout)![1]);
        expect(width).toBeLessThanOrEqual(1500);
        expect(pr.stdout).toContain('id="experience-2"');
    });

    it('draws a map that fits exactly --width wide, one file', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-pages-'));
        const result = journey(['render', SAAS, '--width', '3000', '-o', path.join(folder, 'map.png')]);
        expect(result.status, result.stderr).toBe(0);
        expect(readdirSync(folder)).toEqual(['map.png']);
        expect(pngSize(path.join(folder, 'map.png')).width).toBe(3000);
    });

    it('--scale sets pixels per map pixel', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-pages-'));
        journey(['render', SAAS, '--scale', '1', '-o', path.join(folder, 'one.png')]);
        journey(['render', SAAS, '--scale', '2', '-o', path.join(folder, 'two.png')]);
        const [one, two] = [pngSize(path.join(folder, 'one.png')), pngSize(path.join(folder, 'two.png'))];
        expect(Math.abs(two.width - 2 * one.width)).toBeLessThanOrEqual(1);
    });

    it.each([
        [['--scale', '0.5'], /--scale 0\.5 card text would be 5\.5 px, below the legible 11 px/],
        [['--width', '300'], /alone is \d+ px wide, so no page 300 px wide holds it at a legible size: use --width \d+ or more/],
        [['--width', 'wide'], /--width must be a positive number, not "wide"/],
        [['--width', '1920', '--scale', '2'], /give one of --width, --scale, not both/],
        [['--fit', 'poster'], /--fit must be one of slide, page, pr, not "poster"/],
        [['--fit', 'slide', '--view', 'priorities'], /the priorities view is drawn in one piece \(size a PNG with --width\)/],
    ])('refuses %j with one line, exit 2 and no file', (options, message) => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-pages-'));
        const result = journey(['render', WIDE, ...options, '-o', path.join(folder, 'map.png')]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(readdirSync(folder)).toEqual([]);
    });

    it('asks for -o when the pages would go to stdout, and sizes only PNGs', () => {
        const pages = journey(['render', WIDE, '--format', 'png', '--fit', 'slide']);
        expect(pages.status).toBe(2);
        expect(pages.stderr).toMatch(/needs \d+ pages to stay legible: name a file with -o/);
        const svg = journey(['render', SAAS, '--width', '1920']);
        expect(svg.status).toBe(2);
        expect(svg.stderr).toMatch(/--width and --scale size a PNG/);
        expect(existsSync('map-1.png')).toBe(false);
    });
});
