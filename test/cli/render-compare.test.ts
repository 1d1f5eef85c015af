import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, journeyBytes } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';

const EXAMPLE = readFileSync(path.join(REPO_ROOT, 'examples', 'b2b-saas', 'saas.journey'), 'utf8');
const EDITED = EXAMPLE.replace('channel call  owner cs  emotion +2  for enterprise', 'channel call  owner cs  emotion 0  for enterprise');

function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
}

const markOf = (svg: string, id: string) => new RegExp(`<g id="${id}"[^>]*data-change="([a-z]+)"`).exec(svg)?.[1];

describe('journey render --compare', () => {
    let root: string;
    let repo: string;
    beforeAll(() => {
        expect(EDITED).not.toBe(EXAMPLE);
        root = mkdtempSync(path.join(tmpdir(), 'journey-compare-'));
        repo = path.join(root, 'repo');
        mkdirSync(path.join(repo, 'maps'), { recursive: true });
        writeFileSync(path.join(repo, 'maps', 'saas.journey'), EXAMPLE);
        git(repo, 'init', '-q', '-b', 'main');
        git(repo, 'add', '.');
        git(repo, 'commit', '-q', '-m', 'first');
        writeFileSync(path.join(repo, 'maps', 'saas.journey'), EDITED);
        writeFileSync(path.join(root, 'old.journey'), EXAMPLE);
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('against a git revision: the edited card marked, the working tree and index untouched', () => {
        const status = git(repo, 'status', '--porcelain');
        const result = journey(['render', 'maps/saas.journey', '--compare', 'HEAD'], { cwd: repo });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(markOf(result.stdout, 'touchpoint-kickoff')).toBe('changed');
        expect(markOf(result.stdout, 'touchpoint-sso')).toBe('unchanged');
        expect(result.stdout).toContain('Changes since HEAD');
        expect(git(repo, 'status', '--porcelain')).toBe(status);
    });

    it('against an old file, as PNG and as HTML', () => {
        const file = path.join(repo, 'maps', 'saas.journey');
        const svg = journey(['render', file, '--compare', path.join(root, 'old.journey')]);
        expect(svg.status).toBe(0);
        expect(markOf(svg.stdout, 'touchpoint-kickoff')).toBe('changed');
        const png = journeyBytes(['render', file, '--compare', path.join(root, 'old.journey'), '--format', 'png', '--theme', 'dark']);
        expect(png.status).toBe(0);
        expect(png.stdout.subarray(1, 4).toString()).toBe('PNG');
        const html = journey(['render', file, '--compare', path.join(root, 'old.journey'), '--format', 'html']);
        expect(html.status).toBe(0);
        expect(html.stdout).toContain('data-change="changed"');
    });

    it('a journey new since the revision: every card NEW', () => {
        writeFileSync(path.join(repo, 'maps', 'extra.journey'), 'journey extra "Extra" {\n  stage one "One" {\n    touchpoint a "A"\n  }\n}\n');
        const result = journey(['render', 'maps/extra.journey', '--compare', 'HEAD'], { cwd: repo });
        rmSync(path.join(repo, 'maps', 'extra.journey'));
        expect(result.status).toBe(0);
        expect(markOf(result.stdout, 'touchpoint-a')).toBe('added');
        expect(markOf(result.stdout, 'stage-one')).toBe('added');
    });

    it('says in one line why it cannot compare', () => {
        const unknown = journey(['render', 'maps/saas.journey', '--compare', 'no-such-branch'], { cwd: repo });
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toBe('journey: --compare no-such-branch: no such file, and git knows no commit, branch or tag by that name\n');
        const outside = path.join(root, 'outside');
        mkdirSync(outside, { recursive: true });
        writeFileSync(path.join(outside, 'saas.journey'), EDITED);
        const noRepo = journey(['render', 'saas.journey', '--compare', 'HEAD'], { cwd: outside });
        expect(noRepo.status).toBe(2);
        expect(noRepo.stderr).toMatch(/^journey: --compare HEAD: no such file, and .*outside is not inside a git repository \(give an old \.journey file, or a revision inside a repository\)\n$/);
        writeFileSync(path.join(root, 'broken.journey'), 'journey saas "x" {\n  stage {\n}\n');
        const broken = journey(['render', path.join(repo, 'maps', 'saas.journey'), '--compare', path.join(root, 'broken.journey')]);
        expect(broken.status).toBe(2);
        expect(broken.stderr).toMatch(/^journey: --compare .*broken\.journey: .*broken\.journey:2: .*\(the base version must parse; compare with another revision or file\)\n$/);
    });
});
