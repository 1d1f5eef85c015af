/**
 * Which project each problem belongs to, as `journey validate` reports it:
 * problems in project files themselves (journeys.json) as diagnostic lines,
 * and, when the files checked span several projects, one summary per project.
 */
import type { LoadedProject, LoadedWorkspace } from '../language/workspace-loader.js';
import { lineAndColumn } from '../language/projects/project-settings.js';
import { DiagnosticCode } from '../language/diagnostic-codes.js';
import { displayPath, type ReportedDiagnostic, summary } from './diagnostic-report.js';

/** Problems in the project files read: a setting that is wrong falls back to its default, so they are warnings. */
export function projectFileDiagnostics(workspace: LoadedWorkspace): ReportedDiagnostic[] {
    return workspace.projectFiles.flatMap(({ file, text, project }) =>
        project.problems.map((problem) => {
            const start = lineAndColumn(text, problem.start);
            const end = lineAndColumn(text, problem.end);
            return {
                file: displayPath(file),
                line: start.line,
                column: start.column,
                endLine: end.line,
                endColumn: end.column,
                severity: 'warning' as const,
                code: DiagnosticCode.ProjectFile,
                message: problem.message,
                project: project.name,
            };
        }),
    );
}

/** The diagnostic with the name of its file's project; files under no journeys.json have none. */
export function withProject(diagnostic: ReportedDiagnostic, project: LoadedProject): ReportedDiagnostic {
    return project.root === undefined ? diagnostic : { ...diagnostic, project: project.name };
}

/** "project b2b-saas (examples/b2b-saas): 1 file: 2 warnings", one line per project, when there are several. */
export function projectSummaries(workspace: LoadedWorkspace, files: readonly string[], diagnostics: readonly ReportedDiagnostic[]): string[] {
    const byProject = new Map<string, { root?: string; files: number }>();
    for (const file of files) {
        const project = workspace.projectOf(file);
        const entry = byProject.get(project.name) ?? { root: project.root, files: 0 };
        entry.files++;
        byProject.set(project.name, entry);
    }
    if (byProject.size < 2) return [];
    return [...byProject].map(([name, { root, files: count }]) => {
        const where = root === undefined ? 'files under no journeys.json' : `project ${name} (${displayPath(root) || '.'})`;
        const own = diagnostics.filter((diagnostic) => diagnostic.project === (root === undefined ? undefined : name));
        return `${where}: ${count} ${count === 1 ? 'file' : 'files'}: ${summary(own)}`;
    });
}
