/**
 * Reads .journey files at a git revision with git itself — `ls-tree` and one
 * `cat-file --batch` — so that nothing is checked out and neither the working
 * tree nor the index changes. Every failure becomes one line for the user.
 */
import { execFile, spawn } from 'node:child_process';
import * as path from 'node:path';
import { UsageError } from '../usage-error.js';
import { JOURNEY_EXTENSION } from '../../language/workspace-loader.js';
import type { SourceFile } from './load-side.js';

/** Larger than any map anyone writes by hand: a bigger file is refused instead of parsed for a minute. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

function git(args: readonly string[], cwd: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (error) {
                const code = (error as NodeJS.ErrnoException).code;
                reject(code === 'ENOENT' ? new UsageError('git is not installed (or not on PATH); --base and --head need it') : new GitFailed(stderr.trim() || error.message));
            } else {
                resolve(stdout);
            }
        });
    });
}

class GitFailed extends Error {}

/** The top folder of the repository holding `folder`. */
export async function repositoryRoot(folder: string): Promise<string> {
    try {
        return path.resolve((await git(['rev-parse', '--show-toplevel'], folder)).trim());
    } catch (error) {
        if (error instanceof GitFailed) {
            throw new UsageError(`${folder}: not inside a git repository (--base and --head compare git revisions; to compare two files or folders, give them: journey diff OLD NEW)`);
        }
        throw error;
    }
}

/** The commit a revision names (a branch, tag, commit, HEAD~2…), or a one-line error. */
export async function resolveRevision(root: string, revision: string): Promise<string> {
    if (revision.startsWith('-')) {
        throw new UsageError(`"${revision}" is not a revision`);
    }
    try {
        return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root)).trim();
    } catch (error) {
        if (error instanceof GitFailed) {
            throw new UsageError(`unknown revision "${revision}" (git knows no commit, branch or tag by that name)`);
        }
        throw error;
    }
}

/** The .journey files under `paths` (relative to the repository root) at a commit, with their text. */
export async function journeyFilesAtRevision(root: string, commit: string, paths: readonly string[]): Promise<SourceFile[]> {
    const listing = await git(['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit, '--', ...paths.map(asPathspec)], root);
    const names = listing.split('\0').filter((name) => name.endsWith(JOURNEY_EXTENSION)).sort();
    const blobs = await readBlobs(root, names.map((name) => `${commit}:${name}`));
    return names.map((name, index) => ({ path: path.join(root, name), text: blobs[index] }));
}

/** A folder or file relative to the root; the root itself is every file. */
function asPathspec(relative: string): string {
    return relative === '' ? '.' : relative;
}

/** Reads many blobs with one `git cat-file --batch`, in the order asked. */
function readBlobs(root: string, objects: readonly string[]): Promise<string[]> {
    if (objects.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
        const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code !== 0) {
                reject(new UsageError(`git cat-file failed (exit ${code})`));
                return;
            }
            try {
                resolve(parseBatch(Buffer.concat(chunks), objects));
            } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
            }
        });
        child.stdin.end(objects.map((object) => `${object}\n`).join(''));
    });
}

/** `<oid> blob <size>\n<bytes>\n` per object. */
function parseBatch(output: Buffer, objects: readonly string[]): string[] {
    const texts: string[] = [];
    let offset = 0;
    for (const object of objects) {
        const headerEnd = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, headerEnd).toString('utf8');
        const size = Number(/ blob (\d+)$/.exec(header)?.[1]);
        if (!Number.isFinite(size)) {
            throw new UsageError(`${object.slice(object.indexOf(':') + 1)}: git could not read it at that revision (${header})`);
        }
        if (size > MAX_FILE_BYTES) {
            throw new UsageError(`${object.slice(object.indexOf(':') + 1)}: ${Math.round(size / 1024 / 1024)} MB is too large to compare (at most ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
        }
        texts.push(output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
        offset = headerEnd + 1 + size + 1;
    }
    return texts;
}
