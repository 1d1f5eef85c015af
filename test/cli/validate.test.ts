import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-23'];

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'journey-cli-'));
    roots.push(root);
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
    }
    return root;
}

describe('journey validate', () => {
    it('resolves files of a folder together and exits 0 without errors', () => {
        const result = journey(['validate', 'test/fixtures/saas', ...TODAY]);
        // The example's metrics miss their targets: information, not errors.
        expect(result.stdout).not.toMatch(/: (error|warning) /);
        expect(result.stdout).toMatch(/^test\/fixtures\/saas\/saas\.journey:7:\d+: info journey\.metric-off-target: /m);
        expect(result.stderr).toMatch(/2 files: 3 info/);
        expect(result.status).toBe(0);
    });

    it('prints path:line:column: severity code: message (1-based) and exits 1 on errors', () => {
        const result = journey(['validate', 'test/fixtures/broken/broken.journey', ...TODAY]);
        expect(result.status).toBe(1);
        expect(result.stdout).toMatch(/^test\/fixtures\/broken\/broken\.journey:7:28: error journey\.emotion-out-of-range: Emotion 7 is out of range/m);
        for (const line of result.stdout.trim().split('\n')) {
            expect(line).toMatch(/^test\/fixtures\/broken\/broken\.journey:\d+:\d+: (error|warning|info|hint) journey\.[a-z-]+: .+$/);
        }
    });

    it('gives JSON with the file count and each diagnostic with its range', () => {
        const result = journey(['validate', 'test/fixtures/broken', 'test/fixtures/hostile', '--format', 'json', ...TODAY]);
        expect(result.status).toBe(1);
        const report = JSON.parse(result.stdout) as { files: number; diagnostics: { code: string }[] };
        expect(report.files).toBe(2);
        expect(report.diagnostics).toContainEqual({
            file: 'test/fixtures/broken/broken.journey',
            line: 7, column: 28, endLine: 7, endColumn: 29,
            severity: 'error', code: 'journey.emotion-out-of-range',
            // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
            message: expect.stringMatching(/^Emotion 7 is out of range/),
        });
        expect(report.diagnostics.map((d) => d.code)).toContain('journey.unresolved-reference');
    });

    it('--min-severity and --quiet leave lower levels out of the report, say how many, and keep the exit code', () => {
        const warningsOnly = journey(['validate', 'test/fixtures/saas', '--min-severity', 'warning', ...TODAY]);
        expect(warningsOnly.stdout).toBe('');
        expect(warningsOnly.stderr).toMatch(/2 files: no problems \(3 info not shown, below warning\)/);
        expect(warningsOnly.status).toBe(0);
        const quiet = journey(['validate', 'test/fixtures/broken/broken.journey', '--quiet', ...TODAY]);
        expect(quiet.status).toBe(1);
        expect(quiet.stdout.trim().split('\n').every((line) => / error journey\./.test(line))).toBe(true);
        const both = journey(['validate', 'test/fixtures/saas', '--quiet', '--min-severity', 'info', ...TODAY]);
        expect([both.status, both.stderr.trim()]).toEqual([2, 'journey validate: --quiet reports errors only; it cannot be combined with --min-severity info']);
    });

    it('reports each rule at the level its project file gives it', () => {
        const gloomy = 'team cs "CS"\njourney j { owner cs reviewed 2026-01-05 stage s { touchpoint t { owner cs emotion -2 } } }';
        const root = workspace({ 'journeys.json': '{ "rules": { "journey.stale-review": "error", "journey.negative-stage": "off" } }', 'j.journey': gloomy });
        const result = journey(['validate', path.join(root, 'j.journey'), ...TODAY]);
        expect(result.stdout).toMatch(/j\.journey:2:\d+: error journey\.stale-review: /);
        expect(result.stdout).not.toMatch(/negative-stage/);
        expect(result.status).toBe(1);
    });

    it('resolves a team declared in a nested folder, and reports when it is missing', () => {
        const map = 'journey j { owner cs reviewed 2026-11-01 stage s { touchpoint t { owner cs } } }';
        const root = workspace({ 'maps/j.journey': map, 'shared/deep/teams.journey': 'team cs "Customer Success"' });
        expect(journey(['validate', root, ...TODAY]).status).toBe(0);
        const alone = journey(['validate', path.join(root, 'maps'), ...TODAY]);
        expect(alone.status).toBe(1);
        expect(alone.stdout).toMatch(/j\.journey:1:19: error/);
    });

    it('checks only the given file against the workspace named by --workspace, and hints at it when names are missing', () => {
        const map = 'journey j { owner cs reviewed 2026-11-01 stage s { touchpoint t { owner cs } } }';
        const root = workspace({
            'maps/j.journey': map,
            'maps/other.journey': 'journey k { stage s { touchpoint u { emotion 9 } } }',
            'shared/teams.journey': 'team cs "Customer Success"',
        });
        const file = path.join(root, 'maps', 'j.journey');

        const alone = journey(['validate', file, ...TODAY]);
        expect(alone.status).toBe(1);
        expect(alone.stdout).toMatch(/j\.journey:1:19: error journey\.unresolved-reference: No team named 'cs'/);
        expect(alone.stderr).toMatch(/^hint: only the given paths were read; .* --workspace DIR$/m);

        const inWorkspace = journey(['validate', file, '--workspace', root, ...TODAY]);
        expect(inWorkspace.stdout).toBe('');
        expect(inWorkspace.stderr.trim()).toBe('1 file: no problems');
        expect(inWorkspace.status).toBe(0);

        // The other map's error is not reported: only the given paths are checked.
        const json: unknown = JSON.parse(journey(['validate', file, '--workspace', root, '--format', 'json', ...TODAY]).stdout);
        expect(json).toEqual({ files: 1, diagnostics: [] });
        expect(journey(['validate', path.join(root, 'maps'), '--workspace', root, ...TODAY]).stdout).toMatch(/other\.journey:1:\d+: error journey\.emotion-out-of-range/);
        // No paths: the whole workspace, not the current folder.
        const whole = journey(['validate', '--workspace', root, ...TODAY], { cwd: tmpdir() });
        expect(whole.stderr).toMatch(/^3 files: 1 error\b/m);
    });

    it('validates the current folder when no path is given', () => {
        const root = workspace({ 'a.journey': 'journey j { stage s { touchpoint t { emotion 9 } } }' });
        const result = journey(['validate', ...TODAY], { cwd: root });
        expect(result.status).toBe(1);
        expect(result.stdout).toMatch(/^a\.journey:1:/);
    });

    it('exits 2 with one line for a missing path, an unknown flag, a bad format or no files', () => {
        const cases = [
            [['validate', 'no/such/file.journey'], /no\/such\/file\.journey: no such file or folder/],
            [['validate', '--strict'], /unknown option --strict/],
            [['validate', '--format', 'xml'], /--format must be one of text, json/],
            [['validate', workspace({ 'readme.md': '#' })], /no \.journey files/],
            [['validate', 'test/fixtures/saas', '--workspace', 'no/such/folder'], /--workspace no\/such\/folder: no such folder/],
            [['validate', '--workspace', 'test/fixtures/saas/saas.journey'], /--workspace test\/fixtures\/saas\/saas\.journey: not a folder/],
            [['frobnicate'], /unknown command "frobnicate"/],
        ] as const;
        for (const [args, message] of cases) {
            const result = journey([...args]);
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stderr.trim().split('\n')).toHaveLength(1);
            expect(result.stderr).toMatch(message);
        }
    });
});

describe('journey --help', () => {
    it('lists the commands, and every command explains itself', () => {
        const overview = journey(['--help']);
        expect(overview.status).toBe(0);
        const commands = [...overview.stdout.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((match) => match[1]);
        expect(commands).toEqual(expect.arrayContaining(['validate', 'export']));
        for (const command of commands) {
            const help = journey([command, '--help']);
            expect(help.status, command).toBe(0);
            expect(help.stdout).toContain(`journey ${command}`);
            expect(help.stdout).toContain('--help');
            expect(help.stdout).not.toContain('--today');
        }
    });
});
