/**
 * Diagnostics as the CLI prints them: `path:line:column: severity code: message`
 * (1-based, the form editors and CI problem matchers read), or as JSON.
 */
import * as path from 'node:path';
import type { FileDiagnostics } from '../language/workspace-loader.js';
import { SEVERITY_NAMES, severityName, type SeverityName } from '../protocol/diagnostic-severity.js';

export interface ReportedDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityName;
    code: string;
    message: string;
    /** The project the file belongs to (its journeys.json's name, or its folder's). */
    project?: string;
}

/** A path relative to the working folder when it lies inside it, so that the lines stay short and clickable. */
export function displayPath(file: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Sorted by file, then position. */
export function reportedDiagnostics(files: readonly FileDiagnostics[]): ReportedDiagnostic[] {
    const rows = files.flatMap(({ file, diagnostics }) =>
        diagnostics.map((diagnostic) => ({
            file: displayPath(file),
            line: diagnostic.range.start.line + 1,
            column: diagnostic.range.start.character + 1,
            endLine: diagnostic.range.end.line + 1,
            endColumn: diagnostic.range.end.character + 1,
            severity: severityName(diagnostic.severity),
            code: diagnostic.code === undefined ? 'journey.unknown' : String(diagnostic.code),
            // One diagnostic, one line: problem matchers read line by line.
            message: diagnostic.message.replace(/\s*\n\s*/g, ' '),
        })),
    );
    return sortedDiagnostics(rows);
}

/** Sorted by file, then position. */
export function sortedDiagnostics<T extends ReportedDiagnostic>(rows: T[]): T[] {
    return rows.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column);
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function diagnosticLine(d: ReportedDiagnostic): string {
    return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly ReportedDiagnostic[]): boolean {
    return diagnostics.some((d) => d.severity === 'error');
}

/** "2 errors, 1 warning" — or "no problems". */
export function summary(diagnostics: readonly ReportedDiagnostic[]): string {
    const counts = SEVERITY_NAMES
        .map((severity) => [severity, diagnostics.filter((d) => d.severity === severity).length] as const)
        .filter(([, count]) => count > 0)
        .map(([severity, count]) => `${count} ${severity === 'info' ? 'info' : count === 1 ? severity : `${severity}s`}`);
    return counts.length > 0 ? counts.join(', ') : 'no problems';
}
