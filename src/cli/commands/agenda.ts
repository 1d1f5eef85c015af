import { blocksToMarkdown } from '../../language/report-markdown.js';
import { isValidIsoDate } from '../../model/dates.js';
import { journeyAgenda } from '../../model/tune-up/agenda.js';
import { agendaBlocks } from '../../model/tune-up/agenda-document.js';
import type { JourneyAgenda } from '../../model/tune-up/agenda-types.js';
import type { Journey } from '../../model/types.js';
import { ExitCode, stringOption, type Command } from '../command.js';
import { blocksToHtmlPage } from '../formats/report-html.js';
import { loadReportedJourneys, type ReportedJourneys } from '../tune-up/load-journeys.js';
import { textChangesSince, type TextChangesSince } from '../tune-up/text-changes.js';
import { UsageError } from '../usage-error.js';
import { workspaceOption } from '../workspace-option.js';
import { writeResult } from '../write-output.js';

const FORMATS = ['markdown', 'html', 'json'] as const;

/** The version of the JSON output; raised when a field changes meaning or goes away. */
export const AGENDA_JSON_VERSION = 1;

export const agendaCommand: Command = {
    name: 'agenda',
    summary: 'Draw up the tune-up agenda of each journey: changes since the last review, open pain points, initiatives, decisions needed.',
    usage: ['agenda [paths…] [--journey NAME] [--since YYYY-MM-DD] [--format markdown|html|json] [-o FILE] [--workspace DIR]'],
    options: {
        journey: { type: 'string', value: 'NAME', description: 'only this journey' },
        since: { type: 'string', value: 'YYYY-MM-DD', description: "count changes from this day (default: the journey's last review)" },
        format: { type: 'string', choices: FORMATS, description: 'markdown (default), a self-contained html page, or json' },
        output: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE (whole or not at all) instead of stdout' },
        workspace: workspaceOption('only the given paths'),
    },
    details: `One agenda per journey declared in the given files and folders (the current
folder when none is given), for the meeting that reviews the map: for each
stage the changes the reviews record since the last one and — inside a git
repository — what changed in the map's text since the last commit on or
before that day; the pain points, unaddressed ones first, then by severity,
with the initiatives on them; the metrics off target; every initiative in
priority order (impact against effort, then the severity of what it
addresses, then the due date), past due and due within 30 days called out;
and the decisions needed: a stale map, unaddressed high or critical pain
points, initiatives past due or without an owner.

Exit codes: 0 the agenda was written, 1 the input has errors (printed; nothing
written), 2 usage or I/O problem.

Examples:
  journey agenda maps/support.journey
  journey agenda maps/ --journey onboarding --format html -o agenda.html
  journey agenda maps/ --since 2026-07-01 --format json`,
    async run(args, output) {
        const since = stringOption(args, 'since');
        if (since !== undefined && !isValidIsoDate(since)) {
            throw new UsageError(`journey agenda: --since must be a date as YYYY-MM-DD, not "${since}"`);
        }
        const reported = await loadReportedJourneys('agenda', args);
        if (reported.journeys.length === 0) {
            throw new UsageError(`journey agenda: no journey is declared in ${reported.files.length === 1 ? 'that file' : 'those files'}`);
        }
        // One comparison per distinct day: journeys reviewed the same day share it.
        const byDay = new Map<string, Promise<TextChangesSince | undefined>>();
        const agendas = await Promise.all(reported.journeys.map((journey) => agendaOf(journey, reported, since, byDay)));
        await writeResult(stringOption(args, 'output'), formatAgendas(agendas, stringOption(args, 'format') ?? 'markdown'), output);
        return ExitCode.Ok;
    },
};

async function agendaOf(
    journey: Journey, reported: ReportedJourneys, since: string | undefined, byDay: Map<string, Promise<TextChangesSince | undefined>>,
): Promise<JourneyAgenda> {
    const draft = journeyAgenda(journey, { today: reported.today, since });
    if (draft.since === undefined) return draft;
    if (!byDay.has(draft.since)) byDay.set(draft.since, textChangesSince(reported.loadedFiles, reported.model, draft.since, reported.today));
    const compared = await byDay.get(draft.since);
    return compared === undefined ? draft : journeyAgenda(journey, { today: reported.today, since, textChanges: compared.changes });
}

function formatAgendas(agendas: readonly JourneyAgenda[], format: string): string {
    switch (format) {
        case 'json':
            return `${JSON.stringify({ version: AGENDA_JSON_VERSION, agendas }, null, 2)}\n`;
        case 'html': {
            const title = agendas.length === 1 ? `Tune-up agenda: ${agendas[0].journey.title}` : 'Tune-up agendas';
            return blocksToHtmlPage(agendas.flatMap(agendaBlocks), title);
        }
        default:
            return agendas.map((agenda) => blocksToMarkdown(agendaBlocks(agenda))).join('\n---\n\n');
    }
}
