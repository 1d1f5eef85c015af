/**
 * What changed in a map's text since its last review: inside a git
 * repository, the .journey files as they were in the last commit on or before
 * that day, compared with the working tree by `journey diff`'s engine.
 * Outside a repository (or with no commit that old) there is nothing to
 * compare, and the agenda says so instead of guessing.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diffWorkspaces } from '../../model/diff/diff-workspace.js';
import type { ModelChange } from '../../model/diff/changes.js';
import type { WorkspaceModel } from '../../model/types.js';
import { journeyFilesAtRevision } from '../diff/git-revision.js';
import { loadSide } from '../diff/load-side.js';

function git(args: readonly string[], cwd: string): Promise<string | undefined> {
    return new Promise((resolve) => {
        execFile('git', [...args], { cwd, encoding: 'utf8' }, (error, stdout) => resolve(error ? undefined : stdout.trim()));
    });
}

export interface TextChangesSince {
    /** The commit the map was compared with. */
    commit: string;
    changes: ModelChange[];
}

/**
 * The changes between the files at the last commit on or before `since` (an
 * ISO date, to the end of that day) and the current model; undefined outside
 * git or when the repository has no commit that old.
 */
export async function textChangesSince(files: readonly string[], current: WorkspaceModel, since: string, today: string): Promise<TextChangesSince | undefined> {
    if (files.length === 0) return undefined;
    const root = await git(['rev-parse', '--show-toplevel'], path.dirname(files[0]));
    if (root === undefined) return undefined;
    const commit = await git(['rev-list', '-1', `--before=${since} 23:59:59`, 'HEAD'], root);
    if (!commit) return undefined;
    const real = await Promise.all(files.map((file) => fs.realpath(file)));
    const inRepository = real.map((file) => path.relative(root, file).split(path.sep).join('/')).filter((relative) => !relative.startsWith('..'));
    if (inRepository.length === 0) return undefined;
    const before = await loadSide(commit, await journeyFilesAtRevision(root, commit, inRepository), today, 'syntax');
    return { commit, changes: diffWorkspaces(before.model, current).changes };
}
