/**
 * One side of a comparison — files read from disk or from a git revision —
 * parsed, linked and validated together in memory, and turned into the model.
 */
import { type FileDiagnostics, type JourneyFileText, loadJourneyTexts } from '../../language/workspace-loader.js';
import type { WorkspaceModel } from '../../model/types.js';

export type SourceFile = JourneyFileText;

export interface LoadedSide {
    /** What the side is, for messages: `HEAD~1`, `the working tree`, `old/`. */
    label: string;
    files: string[];
    diagnostics: FileDiagnostics[];
    model: WorkspaceModel;
}

/**
 * `syntax`: only the checks every build runs (syntax and unresolved names) —
 * what a comparison needs, at half the cost; `all`: every rule, for the
 * problems a change introduces.
 */
export type SideChecks = 'syntax' | 'all';

export async function loadSide(label: string, files: readonly SourceFile[], today: string | undefined, checks: SideChecks): Promise<LoadedSide> {
    const loaded = await loadJourneyTexts(files, { today, validation: checks === 'all' ? true : { categories: ['built-in'] } });
    return { label, files: loaded.files, diagnostics: loaded.diagnostics, model: loaded.model };
}
