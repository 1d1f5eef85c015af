/**
 * One side of a comparison — files read from disk or from a git revision —
 * parsed, linked and validated together in memory, and turned into the model.
 */
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import { URI } from 'vscode-uri';
import { fixedClock, systemClock } from '../../language/clock.js';
import { buildWorkspaceModel } from '../../language/build-model.js';
import type { Document } from '../../language/generated/ast.js';
import { createJourneyServices } from '../../language/journey-module.js';
import type { WorkspaceModel } from '../../model/types.js';
import type { FileDiagnostics } from '../load-workspace.js';

export interface SourceFile {
    /** Absolute path (where the file is, or would be in the working tree). */
    path: string;
    text: string;
}

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
    const clock = today ? fixedClock(today) : systemClock;
    // The texts are given: nothing is read from the file system.
    const { shared } = createJourneyServices(EmptyFileSystem, { clock });
    const documents = files.map((file) =>
        shared.workspace.LangiumDocuments.createDocument(URI.file(file.path), file.text) as LangiumDocument<Document>);
    await shared.workspace.DocumentBuilder.build(documents, { validation: checks === 'all' ? true : { categories: ['built-in'] } });
    return {
        label,
        files: files.map((file) => file.path),
        diagnostics: documents.map((document, index) => ({ file: files[index].path, diagnostics: document.diagnostics ?? [] })),
        model: buildWorkspaceModel(
            documents.map((document) => ({ uri: document.uri.toString(), root: document.parseResult.value })),
            { today: clock.today() },
        ),
    };
}
