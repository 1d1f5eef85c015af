import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-23'];
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function file(text: string): string {
    const root = mkdtempSync(path.join(tmpdir(), 'journey-status-'));
    roots.push(root);
    writeFileSync(path.join(root, 'map.journey'), text);
    return root;
}

interface StatusJson { version: number; today: string; journeys: { name: string; file: string; stale: boolean; pastDue: number; unaddressed: number }[] }

describe('journey status', () => {
    it.each([
        ['b2b-saas', ['saas']],
        ['support-heavy', ['support']],
        ['workspace', ['implementation', 'selfServe']],
    ])('has one row per journey of examples/%s', (example, names) => {
        const json = journey(['status', `examples/${example}`, ...TODAY, '--format', 'json']);
        expect(json.status).toBe(0);
        const parsed = JSON.parse(json.stdout) as StatusJson;
        expect(parsed.journeys.map((row) => row.name).sort()).toEqual([...names].sort());
        for (const row of parsed.journeys) expect(row.file).toMatch(new RegExp(`^examples/${example}/.*\\.journey$`));
        const text = journey(['status', `examples/${example}`, ...TODAY]);
        // Two header lines, two lines per journey (title; owner and figures), a blank line and the key.
        expect(text.stdout.split('\n\n')[0].split('\n')).toHaveLength(2 + 2 * names.length);
    });

    it('prints the support example\'s figures aligned under two header lines, the title on a line of its own', () => {
        const result = journey(['status', 'examples/support-heavy', ...TODAY]);
        const [groups, header, title, row] = result.stdout.trimEnd().split('\n');
        expect(groups.trim().split(/\s{2,}/)).toEqual(['last', 'touch-', 'net', 'pain points', 'unad-', 'initiatives', 'past', 'metrics', 'evi-']);
        expect(header.split(/\s{2,}/)).toEqual(['journey / owner', 'review', 'points', 'emotion', 'c/h/m/l', 'dressed', 'p/a/d/x', 'due', 'met/missed', 'dence']);
        expect(title).toBe('Getting help');
        expect(row.trim().split(/\s{2,}/)).toEqual(['Support Operations', '34 days', '17', '+4', '1/3/2/1', '0', '2/2/1/1', '1', '2/5', '100%']);
        for (const [head, value] of [['review', '34 days'], ['emotion', '+4'], ['p/a/d/x', '2/2/1/1'], ['met/missed', '2/5'], ['dence', '100%']]) {
            expect(header.indexOf(head), head).toBe(row.indexOf(value));
        }
        expect(result.stderr.trim()).toBe('1 journey in 1 file');
    });

    it('fits a 110-column terminal: a stale map says so on its title line, a long owner is cut, long titles keep their own line', () => {
        const long = 'Enterprise onboarding for regulated customers in the public sector, phase two';
        const owner = 'Customer Success Operations and Enablement';
        const text = `team cs "${owner}"\njourney j "${long}" { owner cs  reviewed 2026-01-05  stage s { touchpoint t "T" { emotion -2 } } }`;
        const result = journey(['status', file(text), ...TODAY]);
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines[2]).toBe(`${long}  STALE: last reviewed 2026-01-05`);
        expect(lines[3]).toMatch(/^ {2}Customer Success Op\u2026 {2}322 days {2}1 /);
        for (const line of lines.filter((candidate) => candidate !== lines[2])) expect(line.length).toBeLessThanOrEqual(110);
    });

    it('--fail-on exits 4 and names each journey and condition on stderr; 0 when none applies', () => {
        // Reviewed 2026-10-20: 90 days on 2027-01-18 is not stale yet, 91 days is.
        const day90 = journey(['status', 'examples/support-heavy', '--today', '2027-01-18', '--fail-on', 'stale', '--format', 'json']);
        expect(day90.status).toBe(0);
        expect(JSON.parse(day90.stdout)).toMatchObject({ journeys: [{ stale: false }] });
        const late = journey(['status', 'examples/support-heavy', '--today', '2027-01-19', '--fail-on', 'stale,past-due']);
        expect(late.status).toBe(4);
        expect(late.stderr.trim().split('\n').slice(1)).toEqual([
            'journey status: support (examples/support-heavy/support.journey) is stale: not reviewed for more than 90 days (or never)',
            'journey status: support (examples/support-heavy/support.journey) is past-due: an initiative past its due date',
        ]);
        const unaddressed = journey(['status', file('journey j { reviewed 2026-11-01 stage s { touchpoint t painpoint p { severity critical } } }'), ...TODAY, '--fail-on', 'unaddressed']);
        expect(unaddressed.status).toBe(4);
        expect(unaddressed.stderr).toMatch(/is unaddressed: a high or critical pain point without an initiative/);
        expect(journey(['status', 'examples/b2b-saas', ...TODAY, '--fail-on', 'stale,past-due,unaddressed']).status).toBe(0);
    });

    it('rejects an unknown --fail-on condition with exit 2', () => {
        const result = journey(['status', 'examples/b2b-saas', '--fail-on', 'late']);
        expect([result.status, result.stderr.trim()]).toEqual([2, 'journey status: --fail-on takes stale, past-due, unaddressed (comma-separated), not "late"']);
    });

    it('writes a Markdown table with hostile titles escaped, and never a control character to the terminal', () => {
        const markdown = journey(['status', 'test/fixtures/hostile', ...TODAY, '--format', 'markdown']);
        expect(markdown.status).toBe(0);
        expect(markdown.stdout).not.toMatch(/<script|<img/i);
        expect(markdown.stdout.split('\n').filter((line) => line.startsWith('| &lt;script'))).toHaveLength(1);
        const text = journey(['status', file('journey j "Title \u001b[31mred\u001b[0m" { stage s { touchpoint t } }'), ...TODAY]);
        expect(text.stdout).not.toContain('\u001b');
        expect(text.stdout).toContain('Title ?[31mred?[0m');
    });

    it('refuses input with errors (exit 1)', () => {
        expect(journey(['status', 'test/fixtures/broken', ...TODAY]).status).toBe(1);
    });
});

describe('README', () => {
    it('shows what journey status prints for the support example', () => {
        const readme = readFileSync('README.md', 'utf8');
        const example = /```console\n\$ journey status examples\/support-heavy\n([\s\S]*?)```/.exec(readme)![1];
        expect(journey(['status', 'examples/support-heavy', ...TODAY]).stdout).toBe(example);
    });
});
