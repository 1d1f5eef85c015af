/**
 * The leak test: the canary fixture rendered and exported for customers in
 * every format, for every segment and with every theme finds no canary in the
 * output bytes (a PNG is checked on the SVG it is drawn from). The commands
 * run in-process (the same code as the CLI's bundle) so that the PNG's SVG
 * can be caught; one run of the bundled CLI checks the real binary too.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type Command, type Output, parseCommandArgs } from '../../src/cli/command.js';
import { diffCommand } from '../../src/cli/commands/diff.js';
import { exportCommand } from '../../src/cli/commands/export.js';
import { reviewCommand } from '../../src/cli/commands/review.js';
import { renderCommand } from '../../src/cli/commands/render.js';
import { THEMES } from '../../src/protocol/theme.js';
import { CANARY_MAP, CANARY_FOLDER, CANARY_TODAY, leaks, valuesOf, VISIBLE } from '../helpers/canaries.js';
import { journey } from '../helpers/cli.js';

const drawnPngs = vi.hoisted(() => [] as string[]);
vi.mock('../../src/cli/formats/png.js', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/cli/formats/png.js')>();
    return {
        ...original,
        svgToPng: (svg: string, zoom: number) => {
            drawnPngs.push(svg);
            return original.svgToPng(svg, zoom);
        },
    };
});

const SEGMENTS = [undefined, 'ent', 'mid', 'canarySecretSegment'];
const CUSTOMER = ['--audience', 'customer', '--today', CANARY_TODAY];

/** Runs a command in-process; its stdout as text (a PNG's bytes as latin1). */
async function run(command: Command, argv: string[]): Promise<string> {
    const chunks: Buffer[] = [];
    const errors: string[] = [];
    const output: Output = {
        stdout: (chunk) => chunks.push(Buffer.from(chunk)),
        stderr: (line) => errors.push(line),
        stdoutIsTerminal: false,
    };
    const code = await command.run(parseCommandArgs(command, argv), output);
    expect({ code, errors }).toEqual({ code: 0, errors: [] });
    return Buffer.concat(chunks).toString(argv.includes('png') ? 'latin1' : 'utf8');
}

const segmentArgs = (segment: string | undefined) => (segment === undefined ? [] : ['--segment', segment]);

describe.each(SEGMENTS)('customer output for segment %s', (segment) => {
    it.each(THEMES)('render --format svg and html (theme %s) hold no canary', async (theme) => {
        for (const format of ['svg', 'html']) {
            const output = await run(renderCommand, [CANARY_MAP, '--format', format, '--theme', theme, ...segmentArgs(segment), ...CUSTOMER]);
            expect(leaks(output), `${format} ${theme}`).toEqual([]);
            expect(output).toContain('VISIBLE journey title');
        }
    });

    it('render --format png is drawn from an SVG with no canary', async () => {
        drawnPngs.length = 0;
        const png = await run(renderCommand, [CANARY_MAP, '--format', 'png', ...segmentArgs(segment), ...CUSTOMER]);
        expect(png.startsWith('\x89PNG')).toBe(true);
        expect(drawnPngs).toHaveLength(1);
        expect(leaks(drawnPngs[0])).toEqual([]);
        expect(drawnPngs[0]).toContain('VISIBLE touchpoint kickoff');
    });

    it.each(['mermaid', 'markdown'])('export --format %s holds no canary', async (format) => {
        const output = await run(exportCommand, [CANARY_MAP, '--format', format, ...segmentArgs(segment), ...CUSTOMER]);
        expect(leaks(output)).toEqual([]);
        expect(output).toContain('VISIBLE touchpoint kickoff');
    });

    it('export --format json holds no canary and no source location', async () => {
        const output = await run(exportCommand, [CANARY_MAP, '--format', 'json', ...segmentArgs(segment), ...CUSTOMER]);
        expect(leaks(valuesOf(JSON.parse(output)))).toEqual([]);
        expect(output).not.toMatch(/"source"|"uri"|"path"|canary/i);
        for (const visible of VISIBLE) expect(output).toContain(visible);
    });
});

describe('the canaries are found where they belong', () => {
    it('the internal audience shows them (the fixture and the check work)', async () => {
        const svg = await run(renderCommand, [CANARY_MAP, '--today', CANARY_TODAY]);
        // The header's review date is the latest review's (2029-11-23), later than `reviewed 2026-03-17`.
        expect(leaks(svg)).toEqual(expect.arrayContaining(['CANARY', '98765', '2029-11-23', 'DROPPED']));
    });
});

describe('the bundled CLI', () => {
    it('renders and exports the customer view with no canary, and refuses an internal journey', () => {
        const svg = journey(['render', CANARY_MAP, ...CUSTOMER]);
        expect(svg.status).toBe(0);
        expect(leaks(svg.stdout)).toEqual([]);
        const json = journey(['export', CANARY_MAP, '--format', 'json', ...CUSTOMER]);
        expect(leaks(valuesOf(JSON.parse(json.stdout)))).toEqual([]);
        const secret = journey(['render', `${CANARY_FOLDER}/internal-journey.journey`, ...CUSTOMER]);
        expect(secret.status).toBe(2);
        expect(secret.stderr).toBe(
            "journey render: journey 'canarySecretJourney' is internal: it has no customer view (remove `internal` from it to share it, or use the internal audience)\n",
        );
        expect(secret.stdout).toBe('');
    });
});

describe('journey diff and journey review for customers', () => {
    /** The fixture, and a copy where every canary and one visible title changed. */
    function twoVersions(): { before: string; after: string } {
        const root = mkdtempSync(path.join(tmpdir(), 'journey-leak-'));
        const before = path.join(root, 'before');
        const after = path.join(root, 'after');
        cpSync(CANARY_FOLDER, before, { recursive: true });
        cpSync(CANARY_FOLDER, after, { recursive: true });
        for (const file of readdirSync(after)) {
            const text = readFileSync(path.join(after, file), 'utf8')
                .replace(/"CANARY([^"]*)"/g, '"CANARY$1 edited"')
                .replace(/98765/g, '98766').replace(/2031-07-19/g, '2031-07-18').replace('status dropped', 'status done').replace(/severity critical/, 'severity low')
                .replace('"VISIBLE touchpoint welcome"', '"VISIBLE touchpoint welcome, renamed"');
            writeFileSync(path.join(after, file), text);
        }
        return { before, after };
    }

    it.each(['text', 'markdown', 'json'])('diff --format %s shows the visible change and no canary', async (format) => {
        const { before, after } = twoVersions();
        const chunks: string[] = [];
        const output: Output = { stdout: (chunk) => chunks.push(String(chunk)), stderr: (line) => chunks.push(line), stdoutIsTerminal: false };
        const code = await diffCommand.run(parseCommandArgs(diffCommand, [before, after, '--format', format, ...CUSTOMER]), output);
        expect(code).toBe(3);
        const text = chunks.join('');
        expect(leaks(text)).toEqual([]);
        expect(text).toContain('VISIBLE touchpoint welcome, renamed');
    });

    it('review shows the visible change and no canary, nor the problems of the new version', async () => {
        const { before, after } = twoVersions();
        const comment = await run(reviewCommand, [before, after, ...CUSTOMER]);
        expect(leaks(comment)).toEqual([]);
        expect(comment).toContain('VISIBLE touchpoint welcome, renamed');
        const internal = await run(reviewCommand, [before, after, '--today', CANARY_TODAY]);
        expect(leaks(internal)).toEqual(expect.arrayContaining(['CANARY']));
    });
});
