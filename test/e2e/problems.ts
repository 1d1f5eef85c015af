// The Problems panel's content in the CLI's words, so that a test can compare
// what VS Code shows with what `journey validate --format json` reports.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers.js';

/** A diagnostic as `journey validate --format json` prints it (1-based positions). */
export interface Reported {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
}

const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'];

/** One diagnostic of the editor, with its file relative to `root`. */
export function reported(root: string, uri: vscode.Uri, diagnostic: vscode.Diagnostic): Reported {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return {
        file: path.relative(root, uri.fsPath),
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY_NAMES[diagnostic.severity],
        code: String(code),
        message: diagnostic.message.replace(/\s*\n\s*/g, ' '),
    };
}

/** Every problem VS Code holds (the Problems panel's) for .journey files under the folder `root`, relative to it. */
export function journeyProblems(root: string): Reported[] {
    return sorted(vscode.languages.getDiagnostics()
        .filter(([uri]) => uri.path.endsWith('.journey') && !path.relative(root, uri.fsPath).startsWith('..'))
        .flatMap(([uri, diagnostics]) => diagnostics.map((diagnostic) => reported(root, uri, diagnostic))));
}

export interface CliValidation {
    status: number | null;
    rows: (Reported & { project?: string })[];
}

/** Runs the bundled CLI the way CI does: `journey validate --format json ARGS…` in `cwd`. */
export function validateWithCli(cwd: string, args: string[] = ['.']): CliValidation {
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'out', 'cli.cjs');
    // The extension host's executable is Node (web) or Electron (desktop), which runs as Node with this variable.
    const result = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.ok(result.status === 0 || result.status === 1, `the CLI validates (exit 0 or 1); stderr: ${result.stderr}`);
    return { status: result.status, rows: (JSON.parse(result.stdout) as { diagnostics: CliValidation['rows'] }).diagnostics };
}

/** The CLI's rows without the project each names (the Problems panel shows files only). */
export function withoutProjects(rows: CliValidation['rows']): Reported[] {
    return sorted(rows.map(({ project: _project, ...row }) => row));
}

export function sorted(rows: Reported[]): Reported[] {
    const key = (row: Reported) => JSON.stringify([row.file, row.line, row.column, row.code, row.message]);
    return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

/** Every error VS Code holds, of any file (project files included), as "file:line message". */
export function allErrors(): string[] {
    return vscode.languages.getDiagnostics().flatMap(([uri, diagnostics]) => diagnostics
        .filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error)
        .map((diagnostic) => `${uri.fsPath}:${diagnostic.range.start.line + 1} ${diagnostic.message}`));
}
