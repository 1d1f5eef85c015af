import { ExitCode, stringOption, type Command } from '../command.js';
import { diagnosticLine, hasErrors, reportedDiagnostics, summary } from '../diagnostic-report.js';
import { collectJourneyFiles, journeyFilesOfWorkspace, loadWorkspace } from '../load-workspace.js';
import { UsageError } from '../usage-error.js';
import { workspaceHint, workspaceOption } from '../workspace-option.js';

export const validateCommand: Command = {
    name: 'validate',
    summary: 'Check .journey files: syntax, references and the rules of the language.',
    usage: ['validate [paths…] [--format text|json] [--workspace DIR]'],
    options: {
        format: { type: 'string', choices: ['text', 'json'], description: 'text lines (default) or one JSON object' },
        workspace: workspaceOption('only the given paths'),
    },
    details: `Files and folders (searched recursively; the current folder when none is given)
are resolved together, so a team declared in one file can be used in another.
With --workspace DIR, every .journey file under DIR is read too, but only the
given paths are checked (e.g. the files a pull request changes); with no
paths, the whole workspace is.

Text output, one line per problem (1-based):
  path:line:column: severity code: message
JSON output:
  { "files": n, "diagnostics": [{ "file", "line", "column", "endLine", "endColumn", "severity", "code", "message" }] }

Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O problem.`,
    async run(args, output) {
        const workspaceRoot = stringOption(args, 'workspace');
        const context = await journeyFilesOfWorkspace(workspaceRoot);
        const named = args.positionals.length > 0;
        const paths = named ? args.positionals : [workspaceRoot ?? '.'];
        const files = named || workspaceRoot === undefined ? await collectJourneyFiles(paths) : context;
        if (files.length === 0) {
            throw new UsageError(`journey validate: no .journey files in ${paths.join(', ')}`);
        }
        const workspace = await loadWorkspace([...files, ...context], { today: stringOption(args, 'today') });
        const checked = new Set(files);
        const diagnostics = reportedDiagnostics(workspace.diagnostics.filter((entry) => checked.has(entry.file)));
        if (stringOption(args, 'format') === 'json') {
            output.stdout(`${JSON.stringify({ files: files.length, diagnostics }, null, 2)}\n`);
        } else {
            for (const diagnostic of diagnostics) {
                output.stdout(`${diagnosticLine(diagnostic)}\n`);
            }
            output.stderr(`${files.length} ${files.length === 1 ? 'file' : 'files'}: ${summary(diagnostics)}`);
            const hint = workspaceHint(diagnostics, workspaceRoot, named ? 'the given paths' : 'the .journey files under the current folder');
            if (hint) {
                output.stderr(hint);
            }
        }
        return hasErrors(diagnostics) ? ExitCode.Problems : ExitCode.Ok;
    },
};
