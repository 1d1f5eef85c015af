/**
 * Loads .journey files from disk into one Langium workspace, so that
 * cross-file references (teams and segments in a shared file) resolve as they
 * do in the editor, and turns the result into the model.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver';
import { createJourneyServices } from '../language/journey-module.js';
import { fixedClock, systemClock } from '../language/clock.js';
import type { Document } from '../language/generated/ast.js';
import { buildWorkspaceModel } from '../language/build-model.js';
import type { WorkspaceModel } from '../model/types.js';
import { UsageError } from './usage-error.js';

export const JOURNEY_EXTENSION = '.journey';

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
}

export interface LoadOptions {
    /** ISO date for stale reviews and past-due initiatives; the system date when absent. */
    today?: string;
}

/** Folders that never hold a user's maps. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'out']);

/**
 * The .journey files named by `paths`: files as given, folders searched
 * recursively (hidden folders, node_modules and out skipped). Sorted and without duplicates.
 */
export async function collectJourneyFiles(paths: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        const stat = await fs.stat(absolute).catch(() => undefined);
        if (!stat) {
            throw new UsageError(`${given}: no such file or folder`);
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

/** Parses, links and validates the files together, and builds the model. */
export async function loadWorkspace(files: readonly string[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const clock = options.today ? fixedClock(options.today) : systemClock;
    const { shared } = createJourneyServices(NodeFileSystem, { clock });
    const sorted = [...new Set(files.map((file) => path.resolve(file)))].sort();
    const documents: LangiumDocument<Document>[] = [];
    for (const file of sorted) {
        const text = await readText(file);
        documents.push(shared.workspace.LangiumDocuments.createDocument(URI.file(file), text) as LangiumDocument<Document>);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const today = clock.today();
    return {
        files: sorted,
        // Under the path as given, not the URI's fsPath: vscode-uri lowercases a Windows drive letter.
        diagnostics: documents.map((document, i) => ({ file: sorted[i], diagnostics: document.diagnostics ?? [] })),
        model: buildWorkspaceModel(
            documents.map((document) => ({ uri: document.uri.toString(), root: document.parseResult.value })),
            { today },
        ),
        today,
    };
}

async function readText(file: string): Promise<string> {
    try {
        return await fs.readFile(file, 'utf8');
    } catch (error) {
        throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
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
