import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey, journeyBytes } from '../helpers/cli.js';

const SAAS = 'test/fixtures/saas/saas.journey';
const HOSTILE = 'test/fixtures/hostile/hostile.journey';
const BROKEN = 'test/fixtures/broken/broken.journey';

function scratch(): string {
    return mkdtempSync(path.join(tmpdir(), 'journey-render-'));
}

describe('journey render', () => {
    it('writes a self-contained SVG, the same bytes on every run', () => {
        const folder = scratch();
        const first = journey(['render', SAAS, '-o', path.join(folder, 'a.svg')]);
        const second = journey(['render', SAAS, '-o', path.join(folder, 'b.svg')]);
        expect(first.status, first.stderr).toBe(0);
        expect(second.status).toBe(0);
        const svg = readFileSync(path.join(folder, 'a.svg'), 'utf8');
        expect(svg).toMatch(/^<svg[^>]+role="img"/);
        expect(svg).not.toMatch(/<script|href="http|url\(http|@import/);
        expect(readFileSync(path.join(folder, 'b.svg'), 'utf8')).toBe(svg);
        expect(readdirSync(folder).sort()).toEqual(['a.svg', 'b.svg']);
    });

    it('writes a PNG when asked, picking the format from -o', () => {
        const folder = scratch();
        const result = journey(['render', SAAS, '-o', path.join(folder, 'map.png')]);
        expect(result.status, result.stderr).toBe(0);
        const png = readFileSync(path.join(folder, 'map.png'));
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
    });

    it('sends a PNG to stdout when it is not a terminal', () => {
        const result = journeyBytes(['render', SAAS, '--format', 'png', '--theme', 'dark']);
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout.subarray(1, 4).toString('latin1')).toBe('PNG');
    });

    it('writes one HTML page with zoom and pan, a strict CSP and nothing remote', () => {
        const result = journey(['render', SAAS, '--format', 'html']);
        expect(result.status, result.stderr).toBe(0);
        const html = result.stdout;
        expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'sha256-[^']+'/);
        expect(html).toContain('<svg');
        expect(html).toMatch(/id="zoom-in"/);
        expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
        // The CSP hash is the hash of the page's one script.
        const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
        const hash = /script-src 'sha256-([^']+)'/.exec(html)![1];
        expect(createHash('sha256').update(script).digest('base64')).toBe(hash);
        expect(html.match(/<script/g)).toHaveLength(1);
    });

    it('escapes hostile titles in SVG and HTML', () => {
        for (const format of ['svg', 'html']) {
            const result = journey(['render', HOSTILE, '--format', format]);
            expect(result.status, result.stderr).toBe(0);
            const markup = result.stdout.replace(/<script>[\s\S]*?<\/script>/, '');
            expect(markup).not.toMatch(/<script|<img|<iframe|<b>|onerror=alert\(\d\)>/i);
            expect(markup).toContain('&lt;script&gt;');
        }
    });

    it('draws only what the segment and audience see', () => {
        const customer = journey(['render', SAAS, '--audience', 'customer', '--segment', 'midmarket']).stdout;
        const everything = journey(['render', SAAS]).stdout;
        expect(everything).toContain('Sales-to-CS handoff loses context');
        expect(customer).not.toContain('Sales-to-CS handoff loses context');
        expect(customer).not.toContain('Kickoff call');
        expect(customer).toContain('Self-serve setup guide');
    });
});

describe('journey render writes whole files or nothing', () => {
    it('refuses a file with errors (exit 1) and leaves an existing output untouched', () => {
        const folder = scratch();
        const target = path.join(folder, 'map.svg');
        writeFileSync(target, 'the previous map');
        const result = journey(['render', BROKEN, '-o', target]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/broken\.journey:7:28: error journey\.emotion-out-of-range/);
        expect(readFileSync(target, 'utf8')).toBe('the previous map');
        expect(readdirSync(folder)).toEqual(['map.svg']);
    });

    it('leaves no partial or temporary file when the output cannot be written (exit 2)', () => {
        const folder = scratch();
        mkdirSync(path.join(folder, 'taken.svg'));
        const intoFolder = journey(['render', SAAS, '-o', path.join(folder, 'taken.svg')]);
        expect(intoFolder.status).toBe(2);
        expect(intoFolder.stderr.trim().split('\n')).toHaveLength(1);
        expect(intoFolder.stderr).toMatch(/taken\.svg: cannot write/);
        expect(readdirSync(folder)).toEqual(['taken.svg']);
        const missingFolder = journey(['render', SAAS, '-o', path.join(folder, 'no', 'such', 'map.svg')]);
        expect(missingFolder.status).toBe(2);
        expect(readdirSync(folder)).toEqual(['taken.svg']);
    });

    it('exits 2 for an unknown segment or theme, and never touches the input', () => {
        const before = readFileSync(SAAS, 'utf8');
        expect(journey(['render', SAAS, '--segment', 'smb']).status).toBe(2);
        expect(journey(['render', SAAS, '--theme', 'sepia']).stderr).toMatch(/--theme must be one of light, dark, high-contrast/);
        expect(readFileSync(SAAS, 'utf8')).toBe(before);
    });
});
