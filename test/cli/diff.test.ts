import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-23'];
const SAAS = readFileSync('examples/b2b-saas/saas.journey', 'utf8');

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'journey-diff-'));
    roots.push(root);
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
    }
    return root;
}

function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
}

const EDITED = SAAS.replace('touchpoint kickoff "Kickoff call" {', 'touchpoint kickoff "Kickoff workshop" {');

describe('journey diff OLD NEW', () => {
    it('prints the changes under their journey and stage, and exits 3', () => {
        const root = folder({ 'old.journey': SAAS, 'new.journey': EDITED });
        const result = journey(['diff', 'old.journey', 'new.journey', ...TODAY], { cwd: root });
        expect(result.stdout).toBe([
            'journey saas "B2B SaaS customer journey"',
            '  stage onboarding "Onboarding"',
            '    ~ touchpoint kickoff "Kickoff workshop": title "Kickoff call" → "Kickoff workshop"',
            '',
            '1 change in 1 journey (old.journey → new.journey)',
            '',
        ].join('\n'));
        expect(result.status).toBe(3);
    });

    it('exits 0 with "No semantic changes" when only formatting and comments differ', () => {
        const reformatted = `// reformatted\n${SAAS.replace(/\n {2}/g, '\n    ').replace(/ {2}/g, ' ')}`;
        const root = folder({ 'old.journey': SAAS, 'new.journey': reformatted });
        const result = journey(['diff', 'old.journey', 'new.journey', ...TODAY], { cwd: root });
        expect(result.stdout).toBe('No semantic changes (old.journey → new.journey).\n');
        expect(result.status).toBe(0);
    });

    it('--fail-on warning exits 4 only when a warning is found', () => {
        const dropped = SAAS.replace(/emotion \+2/, 'emotion -1');
        const root = folder({ 'old.journey': SAAS, 'title.journey': EDITED, 'dropped.journey': dropped });
        expect(journey(['diff', 'old.journey', 'title.journey', '--fail-on', 'warning', ...TODAY], { cwd: root }).status).toBe(3);
        const result = journey(['diff', 'old.journey', 'dropped.journey', '--fail-on', 'warning', ...TODAY], { cwd: root });
        expect(result.stdout).toMatch(/! touchpoint \w+ "[^"]+": emotion \+2 → -1 {2}\[journey\.diff\.emotion-dropped\]/);
        expect(result.status).toBe(4);
        expect(journey(['diff', 'old.journey', 'title.journey', '--fail-on', 'info', ...TODAY], { cwd: root }).status).toBe(4);
    });

    it('compares two folders as two workspaces', () => {
        const before = { 'shared/teams.journey': 'team cs "Customer Success"', 'maps/j.journey': 'journey j { owner cs  stage s { touchpoint a } }' };
        const root = folder({
            ...Object.fromEntries(Object.entries(before).map(([name, text]) => [`v1/${name}`, text])),
            'v2/shared/teams.journey': 'team cs "Customer Success"\nteam support "Support"',
            'v2/maps/j.journey': 'journey j { owner support  stage s { touchpoint a  touchpoint b } }',
        });
        const result = journey(['diff', 'v1', 'v2', '--format', 'json', ...TODAY], { cwd: root });
        const document = JSON.parse(result.stdout) as { changes: { code: string; message: string }[] };
        expect(document).toMatchObject({ format: 'journey-maps/diff', version: 1, base: 'v1', head: 'v2', summary: { changes: 3, warnings: 0 } });
        expect(document.changes.map((change) => `${change.code} ${change.message}`)).toEqual([
            'journey.diff.added team support "Support" added',
            'journey.diff.changed journey j: owner cs → support',
            'journey.diff.added touchpoint b added',
        ]);
        expect(result.status).toBe(3);
        const text = journey(['diff', 'v1', 'v2', ...TODAY], { cwd: root }).stdout;
        expect(text).toMatch(/^teams and segments\n {2}\+ team support "Support" added\njourney j\n/);
        expect(text).toMatch(/\n3 changes: 2 in 1 journey, 1 to teams and segments \(v1 → v2\)\n$/);
    });

    it('reports a side with syntax errors with its errors, exit 1, and compares nothing', () => {
        const root = folder({ 'old.journey': SAAS, 'new.journey': SAAS.replace('stage onboarding "Onboarding" {', 'stage onboarding "Onboarding" {{') });
        const result = journey(['diff', 'old.journey', 'new.journey', ...TODAY], { cwd: root });
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^new\.journey has syntax errors; nothing was compared:\n {2}new\.journey:\d+:\d+: error journey\.syntax-error: /);
        expect(result.status).toBe(1);
    });

    it('refuses a binary side as syntax errors (exit 1) and a file over 10 MB (exit 2), in one line', () => {
        const root = folder({ 'old.journey': SAAS, 'binary.journey': '\u0000\u0001PNG\u0000'.repeat(100) });
        const binary = journey(['diff', 'old.journey', 'binary.journey', ...TODAY], { cwd: root });
        expect(binary.stderr).toMatch(/^binary\.journey has syntax errors; nothing was compared:\n {2}binary\.journey:1:1: error journey\.syntax-error: .*binary/);
        expect(binary.status).toBe(1);
        writeFileSync(path.join(root, 'huge.journey'), `// ${'x'.repeat(11 * 1024 * 1024)}\n`);
        const huge = journey(['diff', 'old.journey', 'huge.journey', ...TODAY], { cwd: root });
        expect(huge.stderr).toMatch(/^journey: .*huge\.journey: 11 MB is too large to compare \(at most 10 MB\)\n$/);
        expect(huge.status).toBe(2);
    });

    it('is deterministic and its output formats agree', () => {
        const root = folder({ 'old.journey': SAAS, 'new.journey': SAAS.replace(/emotion \+2/g, 'emotion +1').replace('status active', 'status done') });
        const run = (format: string) => journey(['diff', 'old.journey', 'new.journey', '--format', format, ...TODAY], { cwd: root }).stdout;
        for (const format of ['text', 'markdown', 'json']) {
            expect(run(format)).toBe(run(format));
        }
        const changes = (JSON.parse(run('json')) as { changes: { message: string }[] }).changes;
        const text = run('text');
        const markdown = run('markdown');
        for (const change of changes) {
            expect(text).toContain(change.message);
        }
        expect(markdown.match(/^\| .* \| `[a-z-]+` \|$/gm)).toHaveLength(changes.length);
    });

    it('writes no colour codes when NO_COLOR is set or stdout is not a terminal', () => {
        const root = folder({ 'old.journey': SAAS, 'new.journey': EDITED });
        expect(journey(['diff', 'old.journey', 'new.journey', ...TODAY], { cwd: root }).stdout).not.toContain('\u001b[');
    });

    it('answers bad input with one line and exit 2', () => {
        const root = folder({ 'a.journey': SAAS, 'dir/b.journey': SAAS });
        const cases: [string[], RegExp][] = [
            [['diff', 'a.journey'], /^journey diff: expected OLD and NEW \(two files or two folders\), or --base REV/],
            [['diff', 'a.journey', 'missing.journey'], /^journey: missing\.journey: no such file or folder$/],
            [['diff', 'a.journey', 'dir'], /^journey: a\.journey is a file and dir a folder: compare two files or two folders$/],
            [['diff', '--head', 'HEAD', 'a.journey', 'a.journey'], /^journey diff: --head goes with --base/],
            [['diff', '--base', 'HEAD'], /not inside a git repository/],
            [['diff', 'a.journey', 'a.journey', '--format', 'yaml'], /^journey diff: --format must be one of text, markdown, json, not "yaml"$/],
        ];
        for (const [args, message] of cases) {
            const result = journey(args, { cwd: root });
            expect(result.stderr.trim(), args.join(' ')).toMatch(message);
            expect(result.stderr.trim().split('\n')).toHaveLength(1);
            expect(result.status).toBe(2);
        }
    });
});

describe('journey diff --base REV (git)', () => {
    let repo: string;
    beforeAll(() => {
        repo = folder({ 'maps/saas.journey': SAAS, 'notes.txt': 'not a map' });
        git(repo, 'init', '-q', '-b', 'main');
        git(repo, 'add', '.');
        git(repo, 'commit', '-q', '-m', 'first');
        git(repo, 'tag', 'v1');
        writeFileSync(path.join(repo, 'maps/saas.journey'), EDITED);
        git(repo, 'commit', '-q', '-am', 'kickoff renamed');
        git(repo, 'checkout', '-q', '-b', 'feature');
        writeFileSync(path.join(repo, 'maps/saas.journey'), EDITED.replace('status active', 'status done'));
    });

    it('compares the working tree with a revision, without touching the index or the working tree', () => {
        const status = git(repo, 'status', '--porcelain');
        const result = journey(['diff', '--base', 'v1', ...TODAY], { cwd: repo });
        expect(result.stdout).toContain('~ touchpoint kickoff "Kickoff workshop": title "Kickoff call" → "Kickoff workshop"');
        expect(result.stdout).toMatch(/initiative \w+ "[^"]+": status active → done/);
        expect(result.stdout).toMatch(/\(v1 → the working tree\)\n$/);
        expect(git(repo, 'status', '--porcelain')).toBe(status);
        expect(result.status).toBe(3);
    });

    it('compares two revisions with --head, and only under the given paths', () => {
        const result = journey(['diff', '--base', 'v1', '--head', 'main', 'maps', ...TODAY], { cwd: repo });
        expect(result.stdout).toContain('Kickoff workshop');
        expect(result.stdout).not.toContain('status active → done');
        expect(result.status).toBe(3);
        expect(journey(['diff', '--base', 'main', '--head', 'main', ...TODAY], { cwd: repo }).status).toBe(0);
    });

    it('sees a file renamed in git as no change', () => {
        const moved = folder({});
        execFileSync('git', ['clone', '-q', repo, moved]);
        renameSync(path.join(moved, 'maps/saas.journey'), path.join(moved, 'maps/renamed.journey'));
        const result = journey(['diff', '--base', 'HEAD', ...TODAY], { cwd: moved });
        expect(result.stdout).toBe('No semantic changes (HEAD → the working tree).\n');
        expect(result.status).toBe(0);
    });

    it('says which revision git does not know, and refuses paths outside the repository', () => {
        const unknown = journey(['diff', '--base', 'no-such-branch'], { cwd: repo });
        expect(unknown.stderr).toBe('journey: unknown revision "no-such-branch" (git knows no commit, branch or tag by that name)\n');
        expect(unknown.status).toBe(2);
        const outside = journey(['diff', '--base', 'v1', tmpdir()], { cwd: repo });
        expect(outside.stderr).toMatch(/^journey: .*: outside the git repository at /);
        expect(outside.status).toBe(2);
    });

    it('works as git\'s diff driver (diff.journey.command), exit 0', () => {
        writeFileSync(path.join(repo, '.gitattributes'), '*.journey diff=journey\n');
        const cli = path.resolve('out/cli.cjs');
        const output = execFileSync('git', ['-c', `diff.journey.command=node ${cli} diff --git-driver --today 2026-11-23`, 'diff', 'v1', '--', 'maps'], { cwd: repo, encoding: 'utf8' });
        expect(output).toContain('~ touchpoint kickoff "Kickoff workshop": title "Kickoff call" → "Kickoff workshop"');
        expect(output).toContain('(a/maps/saas.journey → b/maps/saas.journey)');
    });
});

describe('docs/diff.md', () => {
    it('documents every change code with its level', async () => {
        const { DIFF_CODES } = await import('../../src/model/diff/diff-codes.js');
        const docs = readFileSync('docs/diff.md', 'utf8');
        for (const [code, { level }] of Object.entries(DIFF_CODES)) {
            expect(docs, code).toMatch(new RegExp(`^\\| \`${code.replace(/\./g, '\\.')}\` \\| ${level} \\| .+ \\|$`, 'm'));
        }
        const documented = docs.match(/^\| `journey\.diff\.[a-z-]+`/gm)!.map((row) => row.slice(3, -1));
        expect(documented.sort()).toEqual(Object.keys(DIFF_CODES).sort());
    });
});

describe('README', () => {
    it('shows what journey diff really prints for its example change', () => {
        const readme = readFileSync('README.md', 'utf8');
        const example = /```console\n\$ journey diff --base main\n([\s\S]*?)```/.exec(readme)![1];
        const result = journey(['diff', 'examples/support-heavy/support.journey', 'test/fixtures/diff/support-edited.journey', ...TODAY]);
        const labels = '(examples/support-heavy/support.journey → test/fixtures/diff/support-edited.journey)';
        expect(result.stdout.replace(labels, '(main → the working tree)')).toBe(example);
    });
});
