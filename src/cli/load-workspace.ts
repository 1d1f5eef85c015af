/**
 * The workspace a command works on, loaded by the language side's loader
 * (src/language/workspace-loader.ts). What is the CLI's own: a file or folder
 * that cannot be found or read is a usage problem (one line, exit 2), and
 * `--workspace DIR` names the folder a file is resolved against.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
    findJourneyFiles,
    type LoadedWorkspace,
    loadJourneyFiles,
    type LoadOptions,
    WorkspaceFileError,
} from '../language/workspace-loader.js';
import { UsageError } from './usage-error.js';

/** The .journey files named by `paths` (folders searched recursively), sorted and without duplicates. */
export function collectJourneyFiles(paths: readonly string[]): Promise<string[]> {
    return asUsageError(() => findJourneyFiles(paths));
}

/** Parses, links and validates the files together, and builds the model. */
export function loadWorkspace(files: readonly string[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    return asUsageError(() => loadJourneyFiles(files, options));
}

async function asUsageError<T>(load: () => Promise<T>): Promise<T> {
    try {
        return await load();
    } catch (error) {
        throw error instanceof WorkspaceFileError ? new UsageError(error.message) : error;
    }
}

/** The .journey files under the folder named by --workspace (none when it is not given). */
export async function journeyFilesOfWorkspace(root: string | undefined): Promise<string[]> {
    if (root === undefined) return [];
    const stat = await fs.stat(root).catch(() => undefined);
    if (!stat?.isDirectory()) {
        throw new UsageError(`--workspace ${root}: ${stat ? 'not a folder' : 'no such folder'}`);
    }
    return collectJourneyFiles([root]);
}

/**
 * The workspace of a command that takes one file: the file together with every
 * .journey file under its folder, or under `workspaceRoot` when given.
 */
export async function loadWorkspaceOf(file: string, workspaceRoot: string | undefined, options: LoadOptions = {}): Promise<LoadedWorkspace & { file: string }> {
    const [absolute] = await collectJourneyFiles([file]);
    const files = workspaceRoot === undefined ? await collectJourneyFiles([path.dirname(absolute)]) : await journeyFilesOfWorkspace(workspaceRoot);
    return { ...(await loadWorkspace([absolute, ...files], options)), file: absolute };
}
