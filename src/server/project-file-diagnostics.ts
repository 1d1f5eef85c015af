/**
 * Problems in project files (journeys.json) reach the Problems panel from the
 * language server too, not only from VS Code's JSON schema: the server is
 * what applies the file, so it says which setting it ignored and why (the
 * schema check is not there in other editors). Published after every build,
 * withdrawn when fixed or when the file is deleted.
 */
import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import { type Connection, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticCode } from '../language/diagnostic-codes.js';
import type { ProjectRegistry } from '../language/projects/project-registry.js';

export function publishProjectFileProblems(connection: Connection, shared: LangiumSharedCoreServices, projects: ProjectRegistry): void {
    let published = new Set<string>();
    const publishAll = () => {
        const now = new Set<string>();
        for (const project of projects.projectFiles()) {
            if (!project.file || project.problems.length === 0) continue;
            now.add(project.file);
            const text = TextDocument.create(project.file, 'json', 0, project.text ?? '');
            const diagnostics: Diagnostic[] = project.problems.map((problem) => ({
                range: { start: text.positionAt(problem.start), end: text.positionAt(problem.end) },
                severity: DiagnosticSeverity.Warning,
                code: DiagnosticCode.ProjectFile,
                source: 'journey',
                message: problem.message,
            }));
            void connection.sendDiagnostics({ uri: project.file, diagnostics });
        }
        for (const uri of published) {
            if (!now.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
        published = now;
    };
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, publishAll);
}
