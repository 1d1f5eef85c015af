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
    findProjectFilesAbove,
    projectRootOf,
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
 * The .journey files of the projects the files belong to: each file's project
 * root is the nearest folder above it holding a project file (journeys.json).
 * A file with no project file above it brings no other file.
 */
export async function journeyFilesOfProjects(files: readonly string[]): Promise<string[]> {
    const projectFiles = await findProjectFilesAbove(files);
    const roots = new Set(files.map((file) => projectRootOf(file, projectFiles)).filter((root) => root !== undefined));
    return roots.size === 0 ? [] : collectJourneyFiles([...roots]);
}

/** The folder a file is resolved with when no --workspace is given: its project's root, else its own folder. */
export async function contextFolderOf(file: string): Promise<string> {
    return projectRootOf(file, await findProjectFilesAbove([file])) ?? path.dirname(path.resolve(file));
}

/**
 * The .journey files the given files are resolved with: those under
 * --workspace DIR when given, else those of the files' projects.
 */
export function contextFilesOf(files: readonly string[], workspaceRoot: string | undefined): Promise<string[]> {
    return workspaceRoot === undefined ? journeyFilesOfProjects(files) : journeyFilesOfWorkspace(workspaceRoot);
}

/**
 * The workspace of a command that takes one file: the file together with every
 * .journey file of its project, or under its folder when no project file is
 * above it, or under `workspaceRoot` when given.
 */
export async function loadWorkspaceOf(file: string, workspaceRoot: string | undefined, options: LoadOptions = {}): Promise<LoadedWorkspace & { file: string }> {
    const [absolute] = await collectJourneyFiles([file]);
    const project = workspaceRoot === undefined ? await journeyFilesOfProjects([absolute]) : [];
    const files = workspaceRoot !== undefined
        ? await journeyFilesOfWorkspace(workspaceRoot)
        : project.length > 0 ? project : await collectJourneyFiles([path.dirname(absolute)]);
    return { ...(await loadWorkspace([absolute, ...files], options)), file: absolute };
}
