import { ExitCode, stringOption, type Command } from '../command.js';
import { diagnosticLine, hasErrors, reportedDiagnostics, summary } from '../diagnostic-report.js';
import { collectJourneyFiles, loadWorkspace } from '../load-workspace.js';
import { UsageError } from '../usage-error.js';

export const validateCommand: Command = {
    name: 'validate',
    summary: 'Check .journey files: syntax, references and the rules of the language.',
    usage: ['validate [paths…] [--format text|json]'],
    options: {
        format: { type: 'string', choices: ['text', 'json'], description: 'text lines (default) or one JSON object' },
    },
    details: `Files and folders (searched recursively; the current folder when none is given)
are resolved together, so a team declared in one file can be used in another.

Text output, one line per problem (1-based):
  path:line:column: severity code: message
JSON output:
  { "files": n, "diagnostics": [{ "file", "line", "column", "endLine", "endColumn", "severity", "code", "message" }] }

Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O problem.`,
    async run(args, output) {
        const paths = args.positionals.length > 0 ? args.positionals : ['.'];
        const files = await collectJourneyFiles(paths);
        if (files.length === 0) {
            throw new UsageError(`journey validate: no .journey files in ${paths.join(', ')}`);
        }
        const workspace = await loadWorkspace(files, { today: stringOption(args, 'today') });
        const diagnostics = reportedDiagnostics(workspace.diagnostics);
        if (stringOption(args, 'format') === 'json') {
            output.stdout(`${JSON.stringify({ files: files.length, diagnostics }, null, 2)}\n`);
        } else {
            for (const diagnostic of diagnostics) {
                output.stdout(`${diagnosticLine(diagnostic)}\n`);
            }
            output.stderr(`${files.length} ${files.length === 1 ? 'file' : 'files'}: ${summary(diagnostics)}`);
        }
        return hasErrors(diagnostics) ? ExitCode.Problems : ExitCode.Ok;
    },
};
