// Diagnostics reach VS Code's Problems panel from the language server, and they
// are the ones the CLI reports: an editor and CI never disagree about a map.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, journeyFiles, openJourney, waitFor } from '../helpers.js';

const BROKEN_MAP = `journey broken "A map with mistakes" {
  owner nobody
  reviewed 2026-10-15
  stage only "The only stage" {
    touchpoint call "Call" { channel call  emotion 5 }
  }
}
`;

/** A diagnostic as `journey validate --format json` prints it (1-based positions). */
interface Reported {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
}

describe('Diagnostics', function () {
    const workspace = () => vscode.workspace.workspaceFolders![0].uri;
    const brokenFile = () => vscode.Uri.joinPath(workspace(), 'broken.journey');

    before(async function () {
        await vscode.workspace.fs.writeFile(brokenFile(), new TextEncoder().encode(BROKEN_MAP));
        await openJourney(brokenFile());
        // The server validates the files that are open, as a user would have them.
        for (const uri of await journeyFiles()) await vscode.workspace.openTextDocument(uri);
    });

    after(async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(brokenFile());
    });

    it('shows an unresolved team as an error on its name', async function () {
        const document = await vscode.workspace.openTextDocument(brokenFile());
        const errors = (await settledDiagnostics()).filter((row) => row.file === 'broken.journey' && row.severity === 'error');
        const nameStart = document.positionAt(BROKEN_MAP.indexOf('nobody'));
        const onName = errors.filter((error) => error.line === nameStart.line + 1 && error.column === nameStart.character + 1);
        assert.equal(onName.length, 1, `one error on \`nobody\`, got: ${JSON.stringify(errors)}`);
        assert.equal(onName[0].endColumn - onName[0].column, 'nobody'.length);
        assert.match(onName[0].message, /nobody/);
    });

    it('are exactly what `journey validate --format json` reports, for every file of the workspace', async function () {
        const inEditor = await settledDiagnostics();
        const fromCli = validateWithCli(workspace().fsPath);
        assert.ok(fromCli.some((row) => row.file === 'broken.journey'), 'the CLI sees the broken file');
        assert.deepEqual(sorted(inEditor), sorted(fromCli));
    });
});

/** Every .journey file's diagnostics, in the CLI's form, once the language server has stopped changing them. */
async function settledDiagnostics(): Promise<Reported[]> {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const files = await journeyFiles();
    const snapshot = () => sorted(files.flatMap((uri) => vscode.languages.getDiagnostics(uri).map((diagnostic) => reported(root, uri, diagnostic))));
    let previous = '';
    let stableSince = Date.now();
    await waitFor(() => {
        const current = JSON.stringify(snapshot());
        if (current !== previous) {
            previous = current;
            stableSince = Date.now();
        }
        return current.includes('broken.journey') && Date.now() - stableSince > 2000;
    }, 'the diagnostics to settle');
    return snapshot();
}

const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'];

function reported(root: string, uri: vscode.Uri, diagnostic: vscode.Diagnostic): Reported {
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

/** Runs the bundled CLI the way CI does, on the workspace folder. */
function validateWithCli(root: string): Reported[] {
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'out', 'cli.cjs');
    // The extension host's executable is Node (web) or Electron (desktop), which runs as Node with this variable.
    const result = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', '.'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.equal(result.status, 1, `the CLI exits 1 on a workspace with errors; stderr: ${result.stderr}`);
    const rows = (JSON.parse(result.stdout) as { diagnostics: (Reported & { project?: string })[] }).diagnostics;
    // The CLI also names each problem's project (the editor's Problems panel shows the file only): one project here.
    assert.deepEqual([...new Set(rows.map((row) => row.project))], ['workspace'], 'every problem belongs to the workspace project');
    return rows.map(({ project: _project, ...row }) => row);
}

function sorted(rows: Reported[]): Reported[] {
    const key = (row: Reported) => JSON.stringify([row.file, row.line, row.column, row.code, row.message]);
    return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}
