import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-23'];
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'journey-agenda-'));
    roots.push(root);
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
    }
    return root;
}

describe('journey agenda', () => {
    it.each(['b2b-saas', 'support-heavy', 'workspace'])('draws up an agenda for every journey of examples/%s', (example) => {
        const result = journey(['agenda', `examples/${example}`, ...TODAY, '--format', 'json']);
        expect(result.status).toBe(0);
        const { version, agendas } = JSON.parse(result.stdout) as { version: number; agendas: { journey: { name: string }; stages: unknown[] }[] };
        expect(version).toBe(1);
        expect(agendas.length).toBeGreaterThan(0);
        for (const agenda of agendas) expect(agenda.stages.length).toBeGreaterThan(0);
        const markdown = journey(['agenda', `examples/${example}`, ...TODAY]);
        expect(markdown.stdout.match(/^# Tune-up agenda: /gm)).toHaveLength(agendas.length);
        expect(markdown.stdout.match(/^## Decisions needed$/gm)).toHaveLength(agendas.length);
    });

    it('puts the past-due initiative and the high pain point left by a done initiative before the meeting (support example)', () => {
        const result = journey(['agenda', 'examples/support-heavy', ...TODAY]);
        expect(result.status).toBe(0);
        const decisions = result.stdout.slice(result.stdout.indexOf('## Decisions needed'));
        expect(decisions.trim().split('\n').slice(1).filter((line) => line !== '')).toEqual([
            '1. High pain point "Chatbot loops without a way to a human": every initiative on it is done or dropped; confirm it is solved \\(remove it or lower its severity\\) or start a new one',
            '2. "Bug triage SLA between Support and Product" was due 2026-11-13 \\(10 days ago\\) and is active: move the date, finish it or drop it',
        ]);
        expect(result.stdout).toContain('| 1 | Bug triage SLA between Support and Product **★ quick win** | Product | active | **⚠️ 2026-11-13, 10 days past due** | high / low |');
        expect(result.stdout).toContain('- **▼ worsened**: Payout delay incident, 14 September — 41 escalations in one week');
    });

    it('is the same text for the same day', () => {
        const first = journey(['agenda', 'examples/support-heavy', ...TODAY]);
        const second = journey(['agenda', 'examples/support-heavy', ...TODAY]);
        expect(first.stdout).toBe(second.stdout);
        expect(journey(['agenda', 'examples/support-heavy', '--today', '2027-02-01']).stdout).not.toBe(first.stdout);
    });

    it('writes a self-contained HTML page without any script', () => {
        const out = path.join(folder({}), 'agenda.html');
        const result = journey(['agenda', 'examples/support-heavy', ...TODAY, '--format', 'html', '-o', out]);
        expect(result.status).toBe(0);
        const html = readFileSync(out, 'utf8');
        expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">');
        expect(html).toContain('<h1>Tune-up agenda: Getting help</h1>');
        expect(html).not.toMatch(/<script|src=/i);
    });

    it('escapes hostile titles in Markdown and HTML', () => {
        const markdown = journey(['agenda', 'test/fixtures/hostile', ...TODAY]);
        expect(markdown.status).toBe(0);
        expect(markdown.stdout).not.toMatch(/<script|<img|<iframe|\]\(javascript/i);
        expect(markdown.stdout).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
        const html = journey(['agenda', 'test/fixtures/hostile', ...TODAY, '--format', 'html']);
        expect(html.stdout).not.toMatch(/<script|<img|<iframe/i);
        expect(html.stdout).toContain('&lt;/text&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    });

    it('reports usage problems in one line with exit 2', () => {
        const since = journey(['agenda', 'examples/support-heavy', '--since', '2026-02-30']);
        expect([since.status, since.stderr.trim()]).toEqual([2, 'journey agenda: --since must be a date as YYYY-MM-DD, not "2026-02-30"']);
        const unknown = journey(['agenda', 'examples/support-heavy', '--journey', 'nope']);
        expect([unknown.status, unknown.stderr.trim()]).toEqual([2, 'journey: unknown journey "nope" in examples/support-heavy (journeys: support)']);
        const none = journey(['agenda', folder({ 'teams.journey': 'team cs' })]);
        expect(none.status).toBe(2);
        expect(none.stderr).toMatch(/no journey is declared in that file/);
    });

    it('refuses a file with errors (exit 1) and prints them', () => {
        const result = journey(['agenda', 'test/fixtures/broken', ...TODAY]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/broken\.journey:\d+:\d+: error /);
        expect(result.stdout).toBe('');
    });
});

describe('journey agenda in a git repository', () => {
    const map = (emotion: string, extra = '') => `team cs "Customer Success"
journey j "Onboarding map" {
  owner cs
  reviewed 2026-10-01
  stage kickoff "Kickoff" {
    touchpoint call "Kickoff call" { owner cs  emotion ${emotion} }
    ${extra}
  }
}
`;

    function repository(): string {
        const root = folder({ 'maps/onboarding.journey': map('+1') });
        const git = (args: string[], date?: string) => execFileSync('git', args, {
            cwd: root,
            env: { ...process.env, GIT_AUTHOR_DATE: date ?? '', GIT_COMMITTER_DATE: date ?? '', GIT_CONFIG_NOSYSTEM: '1', HOME: root },
        });
        git(['init', '-q']);
        git(['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '.']);
        git(['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'reviewed'], '2026-09-30T12:00:00Z');
        writeFileSync(path.join(root, 'maps/onboarding.journey'), map('-2', 'painpoint slow "Kickoff is late" { at call  severity high }'));
        git(['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-am', 'later'], '2026-11-10T12:00:00Z');
        return root;
    }

    it('lists what changed in the map\'s text since the last commit on or before the review, on its stage', () => {
        const root = repository();
        const result = journey(['agenda', 'maps', ...TODAY], { cwd: root });
        expect(result.status).toBe(0);
        const stage = result.stdout.slice(result.stdout.indexOf('## 1\\. Kickoff'), result.stdout.indexOf('## Initiatives'));
        expect(stage).toMatch(/\*\*edited\*\*: .*Kickoff is late/);
        expect(stage).toContain('- **edited**: touchpoint call "Kickoff call": emotion \\+1 → -2');
        expect(result.stdout).not.toContain('are not listed');
    });

    it('says the text was not compared outside a repository', () => {
        const root = folder({ 'maps/onboarding.journey': map('+1') });
        const result = journey(['agenda', 'maps', ...TODAY], { cwd: root });
        expect(result.stdout).toMatch(/Edits to the map's text since \d{4}-\d\d-\d\d are not listed: journey agenda lists them in a git repository that has the map as it was that day\./);
    });
});
