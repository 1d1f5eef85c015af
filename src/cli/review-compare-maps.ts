/**
 * `journey review --compare-dir DIR`: the compare map of each changed journey
 * (src/diagram/compare) written to DIR as one SVG per journey, so that a
 * workflow can attach them to the pull request with the comment, which names
 * each file under its journey's section.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createWorkerLayouter, LayoutError, renderComparisonSvg } from '../diagram/index.js';
import type { WorkspaceDiff } from '../model/diff/changes.js';
import type { Journey, WorkspaceModel } from '../model/types.js';
import { UsageError } from './usage-error.js';
import { writeFileAtomically } from './write-output.js';

export interface CompareMapRequest {
    diff: WorkspaceDiff;
    before: Pick<WorkspaceModel, 'journeys'>;
    after: Pick<WorkspaceModel, 'journeys'>;
    /** The base version as the user named it (`origin/main`, `old.journey`): the map's "Changes since …". */
    base: string;
    directory: string;
}

/**
 * Writes the compare maps and answers, by journey name, the path of each
 * file as given (`maps/onboarding.compare.svg`). Removed journeys have no map.
 */
export async function writeCompareMaps(request: CompareMapRequest): Promise<Map<string, string>> {
    const changed = request.diff.journeys.filter((journey) => journey.status === 'added' || journey.status === 'changed');
    const written = new Map<string, string>();
    if (changed.length === 0) return written;
    await fs.mkdir(request.directory, { recursive: true }).catch((error: unknown) => {
        throw new UsageError(`--compare-dir ${request.directory}: cannot create the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    });
    const layouter = createWorkerLayouter(); // started only for a stage our own placement leaves to ELK
    const taken = new Set<string>();
    try {
        for (const entry of changed) {
            const after = request.after.journeys.find((journey) => journey.name === entry.name);
            if (!after) continue;
            const before = baseJourney(request, entry.name);
            const svg = await renderComparisonSvg(before, after, layouter, { theme: 'light', base: request.base }).catch((error: unknown) => {
                throw error instanceof LayoutError ? new UsageError(`journey review: the compare map of ${entry.name}: ${error.message}`) : error;
            });
            const file = path.join(request.directory, uniqueFileName(entry.name, taken));
            await writeFileAtomically(file, svg);
            written.set(entry.name, file.split(path.sep).join('/'));
        }
    } finally {
        await layouter.dispose();
    }
    return written;
}

/** The journey in the base version: by its name, or by its old name when the change renamed it. */
function baseJourney(request: CompareMapRequest, name: string): Journey | undefined {
    const renamedFrom = request.diff.changes.find((change) =>
        change.element.kind === 'journey' && change.code === 'journey.diff.renamed' && change.after === name)?.before;
    return request.before.journeys.find((journey) => journey.name === (renamedFrom ?? name));
}

/**
 * `<journey>.compare.svg`; journeys of different projects may share a name
 * (then `-2`, `-3`…). Journey names are identifiers, but a name is still
 * reduced to safe file-name characters before it becomes a path.
 */
function uniqueFileName(name: string, taken: Set<string>): string {
    const stem = name.replace(/[^A-Za-z0-9_-]/g, '_') || 'journey';
    let candidate = `${stem}.compare.svg`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem}-${n}.compare.svg`;
    taken.add(candidate.toLowerCase());
    return candidate;
}
