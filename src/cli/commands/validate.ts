import { ExitCode, flag, stringOption, type Command, type ParsedCommand } from '../command.js';
import { diagnosticLine, hasErrors, reportedDiagnostics, sortedDiagnostics, summary } from '../diagnostic-report.js';
import { collectJourneyFiles, journeyFilesOfProjects, journeyFilesOfWorkspace, loadWorkspace } from '../load-workspace.js';
import { projectFileDiagnostics, projectSummaries, withProject } from '../project-report.js';
import { UsageError } from '../usage-error.js';
import { SEVERITY_NAMES, type SeverityName } from '../../protocol/diagnostic-severity.js';
import { workspaceHint, workspaceOption } from '../workspace-option.js';

export const validateCommand: Command = {
    name: 'validate',
    summary: 'Check .journey files: syntax, references and the rules of the language.',
    usage: ['validate [paths…] [--format text|json] [--min-severity error|warning|info|hint] [--quiet] [--workspace DIR]'],
    options: {
        format: { type: 'string', choices: ['text', 'json'], description: 'text lines (default) or one JSON object' },
        'min-severity': { type: 'string', choices: [...SEVERITY_NAMES], description: 'report only problems of this level or above (default: hint, every problem)' },
        quiet: { type: 'boolean', description: 'report errors only (the same as --min-severity error)' },
        workspace: workspaceOption('only the given paths'),
    },
    details: `Files and folders (searched recursively; the current folder when none is given)
are resolved together with the other files of their project, so a team
declared in one file can be used in another. A project is the folder holding
a journeys.json (found by walking up from each file) and everything below it
down to the next journeys.json; teams, segments and journeys are unique and
visible within their project only. With no paths, every project under the
current folder is checked, and each problem says its project.
With --workspace DIR, every .journey file under DIR is read too, but only the
given paths are checked (e.g. the files a pull request changes); with no
paths, the whole workspace is.

Text output, one line per problem (1-based):
  path:line:column: severity code: message
JSON output:
  { "files": n, "diagnostics": [{ "file", "line", "column", "endLine", "endColumn", "severity", "code", "message" }] }

A project's journeys.json may set the level of each rule ("rules"); the
levels reported are the project's. --min-severity and --quiet leave the
lower levels out of the report (the summary counts them as not shown); they
never change the exit code.

Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O problem.`,
    async run(args, output) {
        const workspaceRoot = stringOption(args, 'workspace');
        const named = args.positionals.length > 0;
        const paths = named ? args.positionals : [workspaceRoot ?? '.'];
        const given = named || workspaceRoot === undefined ? await collectJourneyFiles(paths) : [];
        const context = workspaceRoot === undefined ? await journeyFilesOfProjects(given) : await journeyFilesOfWorkspace(workspaceRoot);
        const files = given.length > 0 || named ? given : context;
        if (files.length === 0) {
            throw new UsageError(`journey validate: no .journey files in ${paths.join(', ')}`);
        }
        const workspace = await loadWorkspace([...files, ...context], { today: stringOption(args, 'today') });
        const checked = new Set(files);
        const all = sortedDiagnostics([
            ...projectFileDiagnostics(workspace),
            ...reportedDiagnostics(workspace.diagnostics.filter((entry) => checked.has(entry.file)))
                .map((diagnostic) => withProject(diagnostic, workspace.projectOf(diagnostic.file))),
        ]);
        const minimum = minimumSeverity(args);
        const diagnostics = all.filter((diagnostic) => atLeast(diagnostic.severity, minimum));
        if (stringOption(args, 'format') === 'json') {
            output.stdout(`${JSON.stringify({ files: files.length, diagnostics }, null, 2)}\n`);
        } else {
            for (const diagnostic of diagnostics) {
                output.stdout(`${diagnosticLine(diagnostic)}\n`);
            }
            for (const line of projectSummaries(workspace, files, diagnostics)) {
                output.stderr(line);
            }
            const hidden = all.length - diagnostics.length;
            output.stderr(`${files.length} ${files.length === 1 ? 'file' : 'files'}: ${summary(diagnostics)}${hidden > 0 ? ` (${summary(all.filter((diagnostic) => !atLeast(diagnostic.severity, minimum)))} not shown, below ${minimum})` : ''}`);
            const hint = workspaceHint(diagnostics, workspaceRoot, named ? 'the given paths' : 'the .journey files under the current folder');
            if (hint) {
                output.stderr(hint);
            }
        }
        return hasErrors(all) ? ExitCode.Problems : ExitCode.Ok;
    },
};

function minimumSeverity(args: ParsedCommand): SeverityName {
    const minimum = stringOption(args, 'min-severity') as SeverityName | undefined;
    if (flag(args, 'quiet')) {
        if (minimum !== undefined && minimum !== 'error') throw new UsageError(`journey validate: --quiet reports errors only; it cannot be combined with --min-severity ${minimum}`);
        return 'error';
    }
    return minimum ?? 'hint';
}

/** Whether `severity` is `minimum` or more severe (SEVERITY_NAMES lists the most severe first). */
function atLeast(severity: SeverityName, minimum: SeverityName): boolean {
    return SEVERITY_NAMES.indexOf(severity) <= SEVERITY_NAMES.indexOf(minimum);
}
