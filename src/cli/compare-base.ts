/**
 * The base version `journey render --compare` draws the changes against: an
 * old .journey file (resolved with the other files of the workspace, so that
 * its teams and segments resolve as they do in the new version), or the file
 * at a git revision (with the workspace's files at that revision; nothing is
 * checked out).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { journeyView } from '../model/views.js';
import type { Journey } from '../model/types.js';
import { collectJourneyFiles, contextFolderOf, journeyFilesOfWorkspace } from './load-workspace.js';
import { journeyFilesAtRevision, repositoryRoot, resolveRevision } from './diff/git-revision.js';
import { readFiles } from './diff/diff-sides.js';
import { loadSide, type LoadedSide } from './diff/load-side.js';
import { UsageError } from './usage-error.js';

export interface BaseVersion {
    /** As the user named it: `HEAD`, `main`, `old/onboarding.journey`. */
    label: string;
    /** The journey in the base version (seen through the same view); undefined when it did not exist there. */
    journey: Journey | undefined;
}

export interface BaseRequest {
    /** What --compare names: an old file, or a git revision. */
    given: string;
    /** The file being rendered (absolute). */
    file: string;
    /** --workspace, if given. */
    workspace: string | undefined;
    /** The new version's journey (its view says which view to compare). */
    journey: Journey;
    today: string | undefined;
}

export async function loadBaseVersion(request: BaseRequest): Promise<BaseVersion> {
    const isFile = await fs.stat(request.given).then((stat) => stat.isFile(), () => false);
    const side = isFile ? await oldFileSide(request) : await revisionSide(request);
    const errors = side.diagnostics.flatMap((entry) => entry.diagnostics.filter((d) => d.severity === 1).map((d) => ({ file: entry.file, d })));
    if (errors.length > 0) {
        const { file, d } = errors[0];
        throw new UsageError(`--compare ${request.given}: ${path.relative(process.cwd(), file) || file}:${d.range.start.line + 1}: ${d.message} (the base version must parse; compare with another revision or file)`);
    }
    const found = baseJourney(side, request, isFile);
    return { label: request.given, journey: found && journeyView(found, request.journey.view) };
}

/** The old file, with the workspace's other files (not the new one, which declares the same names). */
async function oldFileSide(request: BaseRequest): Promise<LoadedSide> {
    const old = path.resolve(request.given);
    const workspace = request.workspace === undefined ? await collectJourneyFiles([await contextFolderOf(request.file)]) : await journeyFilesOfWorkspace(request.workspace);
    const shared = workspace.filter((file) => file !== request.file && file !== old);
    return loadSide(request.given, await readFiles([old, ...shared]), request.today, 'syntax');
}

/** The workspace's files at the revision: the file's project (else its folder, or --workspace), as git has them. */
async function revisionSide(request: BaseRequest): Promise<LoadedSide> {
    const folder = path.resolve(request.workspace ?? await contextFolderOf(request.file));
    const root = await repositoryRoot(folder).catch((error: unknown) => {
        throw error instanceof UsageError
            ? new UsageError(`--compare ${request.given}: no such file, and ${folder} is not inside a git repository (give an old .journey file, or a revision inside a repository)`)
            : error;
    });
    const commit = await resolveRevision(root, request.given).catch((error: unknown) => {
        throw error instanceof UsageError ? new UsageError(`--compare ${request.given}: no such file, and git knows no commit, branch or tag by that name`) : error;
    });
    const relative = path.relative(root, folder).split(path.sep).join('/');
    const files = await journeyFilesAtRevision(root, commit, [relative]);
    return loadSide(request.given, files, request.today, 'syntax');
}

/** The same journey in the base version: by name, else the one journey the same file declared there. */
function baseJourney(side: LoadedSide, request: BaseRequest, isFile: boolean): Journey | undefined {
    const journeys = side.model.journeys;
    const named = journeys.find((journey) => journey.name === request.journey.name);
    if (named) return named;
    const sameFile = URI.file(isFile ? path.resolve(request.given) : request.file).toString();
    const declared = journeys.filter((journey) => journey.source?.uri === sameFile);
    return declared.length === 1 ? declared[0] : undefined;
}

