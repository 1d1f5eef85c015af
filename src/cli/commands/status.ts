import { blocksToMarkdown } from '../../language/report-markdown.js';
import { healthBlocks } from '../../model/tune-up/health-document.js';
import { journeyHealth, type JourneyHealth } from '../../model/tune-up/health.js';
import { ExitCode, stringOption, type Command } from '../command.js';
import { displayPath } from '../diagnostic-report.js';
import { healthToText } from '../formats/status-text.js';
import { loadReportedJourneys } from '../tune-up/load-journeys.js';
import { UsageError } from '../usage-error.js';
import { workspaceOption } from '../workspace-option.js';
import { URI } from 'vscode-uri';

const FORMATS = ['text', 'json', 'markdown'] as const;

/** The conditions --fail-on can name: each is a fact of a journey's health row. */
const FAIL_ON: Record<string, { test: (row: JourneyHealth) => boolean; says: (row: JourneyHealth) => string }> = {
    stale: { test: (row) => row.stale, says: (row) => `not reviewed for more than ${row.staleAfterDays} days (or never)` },
    'past-due': { test: (row) => row.pastDue > 0, says: () => 'an initiative past its due date' },
    unaddressed: { test: (row) => row.unaddressed > 0, says: () => 'a high or critical pain point without an initiative' },
};

export const StatusExit = {
    ...ExitCode,
    /** A journey meets a condition named by --fail-on. */
    FailOn: 4,
} as const;

/** The version of the JSON output; raised when a field changes meaning or goes away. */
export const STATUS_JSON_VERSION = 1;

export const statusCommand: Command = {
    name: 'status',
    summary: 'The health of every journey in one row each: review age, pain points, initiatives, past due, metrics, evidence.',
    usage: ['status [paths…] [--format text|json|markdown] [--fail-on stale|past-due|unaddressed[,…]] [--journey NAME] [--workspace DIR]'],
    options: {
        format: { type: 'string', choices: FORMATS, description: 'aligned text (default), json, or a markdown table' },
        'fail-on': { type: 'string', value: 'stale|past-due|unaddressed[,…]', description: 'exit 4 when a journey is stale, has an initiative past due, or an unaddressed high/critical pain point' },
        journey: { type: 'string', value: 'NAME', description: 'only this journey' },
        workspace: workspaceOption('only the given paths'),
    },
    details: `One row per journey declared in the given files and folders (the current
folder when none is given): owner, last review (days ago; stale after 90),
touchpoints, net emotion, pain points by severity (critical/high/medium/low),
unaddressed high or critical pain points, initiatives by status
(planned/active/done/dropped), initiatives past due, metrics met/missed, and
evidence coverage (the share of pain points with evidence).

For a scheduled CI job, --fail-on names what should fail it; the journeys that
do are listed on stderr, one line each (docs/ci.md has a weekly workflow that
opens an issue when a map goes stale).

Exit codes:
  0  the report was printed; no journey meets a --fail-on condition
  1  the input has errors (printed; no report)
  2  usage or I/O problem
  4  a journey meets a condition named by --fail-on

Examples:
  journey status maps/
  journey status maps/ --format markdown >> "$GITHUB_STEP_SUMMARY"
  journey status maps/ --fail-on stale,past-due`,
    async run(args, output) {
        const failOn = failOnConditions(stringOption(args, 'fail-on'));
        const reported = await loadReportedJourneys('status', args);
        const rows = reported.journeys.map((journey) => journeyHealth(journey, reported.today));
        switch (stringOption(args, 'format') ?? 'text') {
            case 'json':
                output.stdout(`${JSON.stringify({ version: STATUS_JSON_VERSION, today: reported.today, journeys: rows.map((row) => withFile(row)) }, null, 2)}\n`);
                break;
            case 'markdown':
                output.stdout(blocksToMarkdown(healthBlocks(rows, reported.today)));
                break;
            default:
                output.stdout(rows.length > 0 ? healthToText(rows) : '');
                output.stderr(`${rows.length} ${rows.length === 1 ? 'journey' : 'journeys'} in ${reported.files.length} ${reported.files.length === 1 ? 'file' : 'files'}`);
        }
        const failing = rows.flatMap((row) => failOn.filter((name) => FAIL_ON[name].test(row)).map((name) => ({ row, name })));
        for (const { row, name } of failing) {
            output.stderr(`journey status: ${row.name} (${fileOf(row)}) is ${name}: ${FAIL_ON[name].says(row)}`);
        }
        return failing.length > 0 ? StatusExit.FailOn : StatusExit.Ok;
    },
};

function failOnConditions(value: string | undefined): string[] {
    if (value === undefined) return [];
    const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
    const unknown = names.filter((name) => !(name in FAIL_ON));
    if (unknown.length > 0 || names.length === 0) {
        throw new UsageError(`journey status: --fail-on takes ${Object.keys(FAIL_ON).join(', ')} (comma-separated), not "${value}"`);
    }
    return names;
}

/** The file a journey is declared in, relative to the working folder, instead of its URI. */
function fileOf(row: JourneyHealth): string {
    return row.uri === undefined ? '?' : displayPath(URI.parse(row.uri).fsPath);
}

function withFile(row: JourneyHealth): Omit<JourneyHealth, 'uri'> & { file?: string } {
    const { uri, ...rest } = row;
    return uri === undefined ? rest : { ...rest, file: fileOf(row) };
}
