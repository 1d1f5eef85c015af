/**
 * The journeys `journey agenda` and `journey status` report on: those declared
 * in the given files and folders (the current folder when none is given),
 * resolved together with their projects' files, or with --workspace DIR. A file with errors stops the
 * command (exit 1): a report on half a map would mislead the meeting.
 */
import { URI } from 'vscode-uri';
import type { Journey, WorkspaceModel } from '../../model/types.js';
import { stringOption, type ParsedCommand } from '../command.js';
import { reportedDiagnostics } from '../diagnostic-report.js';
import { collectJourneyFiles, contextFilesOf, loadWorkspace } from '../load-workspace.js';
import { InputHasErrors } from '../select-journey.js';
import { UsageError } from '../usage-error.js';
import { workspaceHint } from '../workspace-option.js';

export interface ReportedJourneys {
    journeys: Journey[];
    /** The .journey files the journeys were looked for in (absolute). */
    files: string[];
    /** Every file loaded (with those under --workspace), and their model. */
    loadedFiles: string[];
    model: WorkspaceModel;
    today: string;
}

export async function loadReportedJourneys(commandName: string, args: ParsedCommand): Promise<ReportedJourneys> {
    const workspaceRoot = stringOption(args, 'workspace');
    const paths = args.positionals.length > 0 ? args.positionals : [workspaceRoot ?? '.'];
    const files = await collectJourneyFiles(paths);
    if (files.length === 0) {
        throw new UsageError(`journey ${commandName}: no .journey files in ${paths.join(', ')}`);
    }
    const context = await contextFilesOf(files, workspaceRoot);
    const workspace = await loadWorkspace([...files, ...context], { today: stringOption(args, 'today') });
    const checked = new Set(files);
    const errors = reportedDiagnostics(workspace.diagnostics.filter((entry) => checked.has(entry.file)))
        .filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) {
        throw new InputHasErrors(errors, workspaceHint(errors, workspaceRoot, 'the given paths'));
    }
    const uris = new Set(files.map((file) => URI.file(file).toString()));
    const declared = workspace.model.journeys.filter((journey) => journey.source !== undefined && uris.has(journey.source.uri));
    return { journeys: pickJourneys(declared, stringOption(args, 'journey'), paths), files, loadedFiles: workspace.files, model: workspace.model, today: workspace.today };
}

function pickJourneys(journeys: Journey[], name: string | undefined, paths: readonly string[]): Journey[] {
    if (name === undefined) return journeys;
    const named = journeys.filter((journey) => journey.name === name);
    if (named.length === 0) {
        const known = journeys.map((journey) => journey.name).join(', ');
        throw new UsageError(`unknown journey "${name}" in ${paths.join(', ')} (${known ? `journeys: ${known}` : 'no journey is declared there'})`);
    }
    return named;
}
