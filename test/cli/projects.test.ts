// Projects from the command line: the project of each file is found by
// walking up to the nearest journeys.json, and `journey validate` with no
// paths checks every project under the current folder.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-23'];
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'journey-projects-'));
    roots.push(root);
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
    }
    return root;
}

const map = (name: string, owner: string) => `journey ${name} "${name}" {\n  owner ${owner}\n  reviewed 2026-11-01\n  stage s {\n    touchpoint t "T" { owner ${owner} }\n  }\n}\n`;

describe('projects in the CLI', () => {
    it('validate examples: every example is its own project, no errors', () => {
        const result = journey(['validate', 'examples', ...TODAY]);
        expect(result.stdout).not.toMatch(/: error /);
        expect(result.stderr).toMatch(/^project b2b-saas \(examples\/b2b-saas\): 1 file: /m);
        expect(result.stderr).toMatch(/^project workspace \(examples\/workspace\): 4 files: /m);
        expect(result.status).toBe(0);
    });

    it('finds the project of given files by walking up: the shared teams resolve without --workspace', () => {
        const result = journey(['validate', 'examples/workspace/journeys/self-serve.journey', 'examples/workspace/journeys/implementation.journey', ...TODAY]);
        expect(result.stdout).not.toMatch(/: error /);
        expect(result.stdout).not.toMatch(/shared\/teams\.journey/);
        expect(result.stderr).toMatch(/^2 files: /m);
        expect(result.status).toBe(0);
    });

    it('render and export find the project of their file too', () => {
        const result = journey(['export', 'examples/workspace/journeys/self-serve.journey', '--format', 'json', ...TODAY]);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('"growth"');
    });

    it('validate with no paths checks every project under the current folder and says which project each problem is in', () => {
        const root = folder({
            'emea/journeys.json': '{ "name": "emea" }',
            'emea/teams.journey': 'team cs "CS"\n',
            'emea/map.journey': map('onboarding', 'cs'),
            'apac/journeys.json': '{ "name": "apac" }',
            'apac/teams.journey': 'team cs "CS"\n',
            'apac/map.journey': map('onboarding', 'sales'),
        });
        const result = journey(['validate', ...TODAY], { cwd: root });
        expect(result.stdout).toMatch(/^apac\/map\.journey:2:9: error journey\.unresolved-reference: No team named 'sales'/m);
        expect(result.stdout).not.toMatch(/duplicate-name/);
        expect(result.stderr).toContain('project apac (apac): 2 files: 2 errors');
        expect(result.stderr).toContain('project emea (emea): 2 files: no problems');
        expect(result.status).toBe(1);
        const json = JSON.parse(journey(['validate', '--format', 'json', ...TODAY], { cwd: root }).stdout) as { diagnostics: { file: string; project: string }[] };
        expect(new Set(json.diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.project}`))).toEqual(new Set(['apac/map.journey apac']));
    });

    it('a name of another project is unresolved, and the message says where it is declared', () => {
        const root = folder({
            'emea/journeys.json': '{}',
            'emea/teams.journey': 'team cs "CS"\n',
            'apac/journeys.json': '{}',
            'apac/map.journey': map('onboarding', 'cs'),
        });
        const result = journey(['validate', '.', ...TODAY], { cwd: root });
        expect(result.stdout).toContain("apac/map.journey:2:9: error journey.unresolved-reference: No team named 'cs' in project 'apac': 'cs' is declared in project 'emea', and projects do not share names; declare it in this project too (`team cs`)");
    });

    it('reports a bad project file in one line each, and the defaults apply', () => {
        const root = folder({
            'journeys.json': '{\n  "staleAfterDays": "monthly"\n}\n',
            'teams.journey': 'team cs "CS"\n',
            'map.journey': map('onboarding', 'cs').replace('2026-11-01', '2026-10-01'),
        });
        const result = journey(['validate', ...TODAY], { cwd: root });
        expect(result.stdout).toBe('journeys.json:2:3: warning journey.project-file: "staleAfterDays" must be a whole number of days, 1 or more; the default, 90, applies\n');
        expect(result.status).toBe(0);
        writeFileSync(path.join(root, 'journeys.json'), '{ "staleAfterDays": 30 }');
        expect(journey(['validate', ...TODAY], { cwd: root }).stdout).toMatch(/^map\.journey:3:\d+: warning journey\.stale-review: .*not reviewed for 30 days is stale/m);
    });

    it('--workspace stays an override: the files under DIR are read with the given ones', () => {
        const root = folder({ 'shared/teams.journey': 'team cs "CS"\n', 'maps/map.journey': map('onboarding', 'cs') });
        expect(journey(['validate', 'maps/map.journey', ...TODAY], { cwd: root }).status).toBe(1);
        expect(journey(['validate', 'maps/map.journey', '--workspace', '.', ...TODAY], { cwd: root }).status).toBe(0);
    });

    it('status and the agenda judge staleness by each project’s own window', () => {
        // Reviewed 2026-10-01: 53 days before TODAY — stale under a 30-day window, fresh under the default 90.
        const reviewed = (name: string) => map(name, 'cs').replace('2026-11-01', '2026-10-01');
        const root = folder({
            'monthly/journeys.json': '{ "name": "monthly", "staleAfterDays": 30 }',
            'monthly/teams.journey': 'team cs "CS"\n',
            'monthly/onboarding.journey': reviewed('onboarding'),
            'quarterly/journeys.json': '{ "name": "quarterly" }',
            'quarterly/teams.journey': 'team cs "CS"\n',
            'quarterly/onboarding.journey': reviewed('onboarding'),
        });
        const status = journey(['status', root, ...TODAY, '--fail-on', 'stale']);
        expect(status.stderr).toContain('monthly/onboarding.journey) is stale: not reviewed for more than 30 days (or never)');
        expect(status.stderr).not.toContain('quarterly/onboarding.journey) is stale');
        expect(status.status).toBe(4);
        const agenda = journey(['agenda', path.join(root, 'monthly/onboarding.journey'), ...TODAY]);
        expect(agenda.stdout).toContain('53 days ago \\(stale after 30\\)'); // Markdown, escaped
        expect(journey(['agenda', path.join(root, 'quarterly/onboarding.journey'), ...TODAY]).stdout).not.toContain('stale');
    });

    it('status, agenda and render --compare of a file find its project too: the shared teams resolve without --workspace', () => {
        const file = 'examples/workspace/journeys/self-serve.journey';
        expect(journey(['status', file, ...TODAY]).status).toBe(0);
        const agenda = journey(['agenda', file, ...TODAY]);
        expect(agenda.status).toBe(0);
        expect(agenda.stdout).toContain('# Tune-up agenda: Self-serve');
        const root = folder({ 'old-self-serve.journey': readFileSync(file, 'utf8').replace('Sign-up', 'Signing up') });
        const compared = journey(['render', file, '--compare', path.join(root, 'old-self-serve.journey'), '-o', path.join(root, 'compare.svg'), ...TODAY]);
        expect([compared.status, compared.stderr]).toEqual([0, '']);
    });
});
