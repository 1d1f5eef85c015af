// The workspace the end-to-end tests open: a fresh copy of the multi-file
// example (teams and segments in shared/, maps in journeys/), so that nothing a
// test types or renames lands in the real files. One example only: every
// folder of examples/ is a workspace of its own, and their teams would clash.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function prepareWorkspace(root, target) {
    cpSync(path.join(root, 'examples', 'workspace'), target, { recursive: true });
    mkdirSync(path.join(target, '.vscode'), { recursive: true });
    writeFileSync(path.join(target, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }, null, 2));
    // A git repository with one commit, so that "Compare with HEAD" has a base to read.
    const git = (...args) => execFileSync('git', args, { cwd: target, env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.invalid', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.invalid' } });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'the maps as they were');
    return target;
}
