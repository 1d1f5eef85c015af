/**
 * Loads .journey files into one Langium workspace, so that cross-file
 * references (teams and segments in a shared file) resolve as they do in the
 * editor, and turns the result into the model. The CLI, the tests and the
 * benchmark load workspaces through here; what a command makes of a missing
 * file (a message, an exit code) is the CLI's business.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { type BuildOptions, EmptyFileSystem, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver';
import type { WorkspaceModel } from '../model/types.js';
import { buildWorkspaceModel } from './build-model.js';
import { fixedClock, systemClock } from './clock.js';
import type { Document } from './generated/ast.js';
import { createJourneyServices } from './journey-module.js';
import type { Project, ProjectRegistry } from './projects/project-registry.js';
import { PROJECT_FILE_NAME } from './projects/project-settings.js';

export const JOURNEY_EXTENSION = '.journey';

/** A file or folder that does not exist or cannot be read; the message names it, in one line. */
export class WorkspaceFileError extends Error {
    override name = 'WorkspaceFileError';
}

export interface FileDiagnostics {
    /** Absolute path. */
    file: string;
    diagnostics: Diagnostic[];
}

export interface LoadedWorkspace {
    /** Absolute paths of the loaded files, sorted. */
    files: string[];
    diagnostics: FileDiagnostics[];
    model: WorkspaceModel;
    /** The ISO date the workspace was validated against. */
    today: string;
    /** The project files read (those above the loaded files), with their problems. */
    projectFiles: ProjectFileReport[];
    /** The project a loaded file belongs to. */
    projectOf(file: string): LoadedProject;
}

/** A project as the CLI reports it: its name and root folder (absent for files under no project file). */
export interface LoadedProject {
    name: string;
    /** Absolute path of the folder holding the project file. */
    root?: string;
}

export interface ProjectFileReport {
    /** Absolute path of the project file. */
    file: string;
    text: string;
    project: Project;
}

export interface LoadOptions {
    /** ISO date for stale reviews and past-due initiatives; the system date when absent. */
    today?: string;
    /** Which checks run: every rule (default), or only some (`{ categories: ['built-in'] }`: syntax and names). */
    validation?: BuildOptions['validation'];
    /** Project files to use; when absent, those above the files are found and read. */
    projectFiles?: readonly JourneyFileText[];
}

/** A file's text, read already (from disk, or from a git revision). */
export interface JourneyFileText {
    /** Absolute path (where the file is, or would be in the working tree). */
    path: string;
    text: string;
}

/** The text of one document, under the URI it is known by. */
export interface SourceText {
    uri: URI;
    text: string;
}

/** Folders that never hold a user's maps. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'out']);

/**
 * The .journey files named by `paths`: files as given, folders searched
 * recursively (hidden folders, node_modules and out skipped). Sorted and without duplicates.
 */
export async function findJourneyFiles(paths: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        const stat = await fs.stat(absolute).catch(() => undefined);
        if (!stat) {
            throw new WorkspaceFileError(`${given}: no such file or folder`);
        }
        if (stat.isDirectory()) {
            for (const file of await journeyFilesUnder(absolute)) {
                found.add(file);
            }
        } else {
            found.add(absolute);
        }
    }
    return [...found].sort();
}

async function journeyFilesUnder(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    const nested = await Promise.all(
        entries.map(async (entry) => {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) {
                const skip = entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name);
                return skip ? [] : journeyFilesUnder(full);
            }
            return entry.isFile() && entry.name.endsWith(JOURNEY_EXTENSION) ? [full] : [];
        }),
    );
    return nested.flat();
}

/** Reads the files, then parses, links and validates them together, and builds the model. */
export async function loadJourneyFiles(files: readonly string[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const sorted = [...new Set(files.map((file) => path.resolve(file)))].sort();
    const texts: JourneyFileText[] = [];
    for (const file of sorted) {
        texts.push({ path: file, text: await readText(file) });
    }
    return loadJourneyTexts(texts, { ...options, projectFiles: options.projectFiles ?? (await findProjectFilesAbove(sorted)) });
}

/** The folder of the nearest project file above `file` (the project's root), if any. */
export function projectRootOf(file: string, projectFiles: readonly JourneyFileText[]): string | undefined {
    const absolute = path.resolve(file);
    return projectFiles
        .map((projectFile) => path.dirname(projectFile.path))
        .filter((root) => absolute.startsWith(root + path.sep))
        .sort((a, b) => b.length - a.length)[0];
}

/**
 * The project files (journeys.json) in the folders above the files, up to the
 * file system's root: each makes its folder a project root.
 */
export async function findProjectFilesAbove(files: readonly string[]): Promise<JourneyFileText[]> {
    const folders = new Set<string>();
    for (const file of files) {
        for (let folder = path.dirname(path.resolve(file)); !folders.has(folder); folder = path.dirname(folder)) {
            folders.add(folder);
            if (path.dirname(folder) === folder) break;
        }
    }
    const found: JourneyFileText[] = [];
    for (const folder of [...folders].sort()) {
        const file = path.join(folder, PROJECT_FILE_NAME);
        const text = await fs.readFile(file, 'utf8').catch(() => undefined);
        if (text !== undefined) found.push({ path: file, text });
    }
    return found;
}

/** Parses, links and validates the texts together (nothing is read from the file system), and builds the model. */
export async function loadJourneyTexts(files: readonly JourneyFileText[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const clock = options.today ? fixedClock(options.today) : systemClock;
    const { shared, Journey } = createJourneyServices(EmptyFileSystem, { clock });
    const projects = Journey.projects.ProjectRegistry;
    const projectFiles = (options.projectFiles ?? []).map((file) => ({ file: file.path, text: file.text, project: projects.setProjectFile(URI.file(file.path).toString(), file.text) }));
    const sources = files.map((file) => ({ uri: URI.file(file.path), text: file.text }));
    const documents = await buildDocuments(shared, sources, { validation: options.validation ?? true });
    const today = clock.today();
    return {
        files: files.map((file) => file.path),
        // Under the path as given, not the URI's fsPath: vscode-uri lowercases a Windows drive letter.
        diagnostics: documents.map((document, i) => ({ file: files[i].path, diagnostics: document.diagnostics ?? [] })),
        model: modelOfDocuments(documents, today, projects),
        today,
        projectFiles,
        projectOf: (file) => {
            const project = projects.projectOf(URI.file(path.resolve(file)).toString());
            return project.file === undefined ? { name: project.name } : { name: project.name, root: path.dirname(projectFiles.find((p) => p.project.root === project.root)!.file) };
        },
    };
}

/** Adds the texts to the workspace as documents and builds them together (linked, and validated when asked). */
export async function buildDocuments(
    shared: LangiumSharedCoreServices,
    sources: readonly SourceText[],
    options: BuildOptions,
): Promise<LangiumDocument<Document>[]> {
    const documents = sources.map(({ uri, text }) => shared.workspace.LangiumDocuments.createDocument(uri, text) as LangiumDocument<Document>);
    await shared.workspace.DocumentBuilder.build(documents, options);
    return documents;
}

/** The model of built documents, as of `today`; journeys are stale after their project's staleness window. */
export function modelOfDocuments(documents: readonly LangiumDocument[], today: string, projects?: ProjectRegistry): WorkspaceModel {
    return buildWorkspaceModel(
        documents.map((document) => ({ uri: document.uri.toString(), root: document.parseResult.value as Document })),
        { today, staleAfterDays: projects && ((uri) => projects.projectOf(uri).settings.staleAfterDays) },
    );
}

async function readText(file: string): Promise<string> {
    try {
        return await fs.readFile(file, 'utf8');
    } catch (error) {
        throw new WorkspaceFileError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
}
