/**
 * The journey a render or export command works on: the one declared in the
 * given file (or named by --journey), loaded with its workspace, refused when
 * the file has errors, and seen through --segment and --audience.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { NotForCustomers } from '../model/customer-view.js';
import { journeyView, undatedView } from '../model/views.js';
import { journeyHasSegment } from '../model/segments.js';
import type { Journey } from '../model/types.js';
import { AUDIENCES, isAudience } from '../protocol/audience.js';
import { stringOption, type OptionSpec, type ParsedCommand } from './command.js';
import { diagnosticLine, reportedDiagnostics, type ReportedDiagnostic } from './diagnostic-report.js';
import { collectJourneyFiles, loadWorkspaceOf } from './load-workspace.js';
import { UsageError } from './usage-error.js';
import { workspaceHint, workspaceOption } from './workspace-option.js';

/** The input has errors: the command prints them and exits 1. */
export class InputHasErrors extends Error {
    constructor(
        readonly diagnostics: ReportedDiagnostic[],
        readonly hint?: string,
    ) {
        super(diagnostics.map(diagnosticLine).join('\n'));
    }
}

/** The options that choose a journey and its view, shared by render and export. */
export const JOURNEY_OPTIONS: Record<string, OptionSpec> = {
    journey: { type: 'string', value: 'NAME', description: 'the journey to use when the file declares several' },
    segment: { type: 'string', value: 'NAME', description: 'only the elements for this segment (and those for every segment)' },
    audience: {
        type: 'string',
        choices: AUDIENCES,
        description: 'customer: only what customers may see (docs/customer-view.md); default internal',
    },
    workspace: workspaceOption("the file's folder"),
};

export interface SelectedJourney {
    /** The journey as the audience sees it: for customers, the customer view and nothing else. */
    journey: Journey;
    /** The folder source locations are written relative to: --workspace, or the file's folder. */
    root: string;
}

export async function selectJourney(commandName: string, args: ParsedCommand): Promise<SelectedJourney> {
    if (args.positionals.length !== 1) {
        throw new UsageError(`journey ${commandName}: expected one .journey file, got ${args.positionals.length} (see journey ${commandName} --help)`);
    }
    await refuseFolder(commandName, args.positionals[0]);
    const workspace = await loadWorkspaceOf(args.positionals[0], stringOption(args, 'workspace'), { today: stringOption(args, 'today') });
    const errors = reportedDiagnostics(workspace.diagnostics.filter((entry) => entry.file === workspace.file)).filter(
        (diagnostic) => diagnostic.severity === 'error',
    );
    if (errors.length > 0) {
        throw new InputHasErrors(errors, workspaceHint(errors, stringOption(args, 'workspace'), "the .journey files under the file's folder"));
    }
    const uri = URI.file(workspace.file).toString();
    const declaredHere = workspace.model.journeys.filter((journey) => journey.source?.uri === uri);
    const journey = pickJourney(declaredHere, stringOption(args, 'journey'), args.positionals[0]);
    const segment = stringOption(args, 'segment');
    if (segment !== undefined && !journey.segments.some((known) => known.name === segment)) {
        const known = journey.segments.map((s) => s.name);
        throw new UsageError(`unknown segment "${segment}"${known.length > 0 ? ` (segments: ${known.join(', ')})` : ' (the workspace declares no segment)'}`);
    }
    if (segment !== undefined && !journeyHasSegment(journey, segment)) {
        throw new UsageError(`journey ${commandName}: journey '${journey.name}' is only for ${journey.forSegments.join(', ')}: it has no view for segment "${segment}" (leave --segment out, or use one of its segments)`);
    }
    const audience = stringOption(args, 'audience');
    const root = path.resolve(stringOption(args, 'workspace') ?? path.dirname(workspace.file));
    try {
        const view = journeyView(journey, { segment, audience: isAudience(audience) ? audience : 'internal' });
        // A static output shows the review's age only when --today pins the day; otherwise it would differ daily.
        return { journey: stringOption(args, 'today') === undefined ? undatedView(view) : view, root };
    } catch (error) {
        throw error instanceof NotForCustomers ? new UsageError(`journey ${commandName}: ${error.message}`) : error;
    }
}

/** Render and export draw one journey: a folder is an error that lists the journeys to choose from, by file. */
async function refuseFolder(commandName: string, given: string): Promise<void> {
    const stat = await fs.stat(given).catch(() => undefined);
    if (!stat?.isDirectory()) return;
    const listed: string[] = [];
    for (const file of await collectJourneyFiles([given])) {
        // Only the names: a full load is not needed to say which file to name.
        const names = [...(await fs.readFile(file, 'utf8')).matchAll(/^\s*journey\s+([A-Za-z_]\w*)/gm)].map((match) => match[1]);
        if (names.length > 0) listed.push(`${path.join(given, path.relative(path.resolve(given), file))} (${names.join(', ')})`);
    }
    if (listed.length === 0) {
        throw new UsageError(`journey ${commandName}: ${given} is a folder and declares no journey; name a .journey file that declares one`);
    }
    const shown = listed.slice(0, MAX_LISTED).join(', ') + (listed.length > MAX_LISTED ? `, … (${listed.length - MAX_LISTED} more)` : '');
    throw new UsageError(`journey ${commandName}: ${given} is a folder; name the file of one journey: ${shown}`);
}

/** How many files a message lists. */
const MAX_LISTED = 10;

function pickJourney(journeys: readonly Journey[], name: string | undefined, file: string): Journey {
    const names = journeys.map((journey) => journey.name).join(', ');
    if (journeys.length === 0) {
        throw new UsageError(`${file}: declares no journey`);
    }
    if (name !== undefined) {
        const named = journeys.find((journey) => journey.name === name);
        if (!named) {
            throw new UsageError(`${file}: unknown journey "${name}" (journeys: ${names})`);
        }
        return named;
    }
    if (journeys.length > 1) {
        throw new UsageError(`${file}: declares ${journeys.length} journeys (${names}); choose one with --journey`);
    }
    return journeys[0];
}
