import * as path from 'node:path';
import { ExitCode, stringOption, type Command } from '../command.js';
import { journeyToJson } from '../formats/json.js';
import { journeyToMarkdown } from '../formats/markdown.js';
import { journeyToMermaid } from '../formats/mermaid.js';
import { JOURNEY_OPTIONS, selectJourney } from '../select-journey.js';
import { UsageError } from '../usage-error.js';
import { writeResult } from '../write-output.js';
import type { Journey } from '../../model/types.js';

const EXPORTERS: Record<string, (journey: Journey, root: string) => string> = {
    json: journeyToJson,
    mermaid: (journey) => journeyToMermaid(journey),
    markdown: (journey) => journeyToMarkdown(journey),
};

/** The extensions that name an export format; -o with one of them must match --format. */
const EXTENSIONS: Record<string, string> = { json: 'json', mmd: 'mermaid', mermaid: 'mermaid', md: 'markdown', markdown: 'markdown' };

function checkExtension(format: string, target: string | undefined): void {
    const extension = target === undefined ? '' : path.extname(target).slice(1).toLowerCase();
    const named = EXTENSIONS[extension];
    if (target !== undefined && named !== undefined && named !== format) {
        const wanted = Object.keys(EXTENSIONS).find((key) => EXTENSIONS[key] === format)!;
        throw new UsageError(`journey export: -o ${target} does not match --format ${format}: name the file ${target.slice(0, target.length - extension.length)}${wanted}, or use --format ${named}`);
    }
}

export const exportCommand: Command = {
    name: 'export',
    summary: 'Export a journey as JSON (the model), Mermaid (GitHub draws it) or a Markdown report.',
    usage: ['export <file> --format json|mermaid|markdown [-o FILE] [--journey NAME] [--segment NAME] [--audience internal|customer] [--workspace DIR]'],
    options: {
        format: { type: 'string', choices: Object.keys(EXPORTERS), description: 'what to export (required)' },
        output: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE (whole or not at all) instead of stdout' },
        ...JOURNEY_OPTIONS,
    },
    details: `json      the resolved model of the journey, as the preview and the renderer see it;
          source locations are paths relative to --workspace (or the file's folder),
          and left out for --audience customer
mermaid   a Mermaid "journey" diagram: sections are stages, tasks are touchpoints,
          the score is the emotion (-2…+2) mapped onto 1…5, actors are owner teams
markdown  a report: the map as Mermaid, stages, pain points by severity,
          initiatives and metrics against their targets

The file is resolved together with the other .journey files of its folder
(recursively), or of --workspace DIR. A file with errors is not exported (exit 1).
An -o ending in .json, .mmd/.mermaid or .md/.markdown must match --format.
The review's age is left out: it would change the output every day.

Examples:
  journey export maps/onboarding.journey --format markdown -o docs/onboarding.md
  journey export maps/onboarding.journey --format mermaid --audience customer`,
    async run(args, output) {
        const format = stringOption(args, 'format');
        if (format === undefined) {
            throw new UsageError(`journey export: --format is required (${Object.keys(EXPORTERS).join(', ')})`);
        }
        checkExtension(format, stringOption(args, 'output'));
        const { journey, root } = await selectJourney('export', args);
        await writeResult(stringOption(args, 'output'), EXPORTERS[format](journey, root), output);
        return ExitCode.Ok;
    },
};
