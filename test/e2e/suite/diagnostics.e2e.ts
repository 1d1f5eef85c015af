// Diagnostics reach VS Code's Problems panel from the language server, and they
// are the ones the CLI reports: an editor and CI never disagree about a map.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { journeyFiles, openJourney, waitFor } from '../helpers.js';
import { type Reported, reported, sorted, validateWithCli, withoutProjects } from '../problems.js';

const BROKEN_MAP = `journey broken "A map with mistakes" {
  owner nobody
  reviewed 2026-10-15
  stage only "The only stage" {
    touchpoint call "Call" { channel call  emotion 5 }
  }
}
`;

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
        const fromCli = validateWorkspaceWithCli(workspace().fsPath);
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

/** Runs the bundled CLI the way CI does, on the workspace folder. */
function validateWorkspaceWithCli(root: string): Reported[] {
    const { status, rows } = validateWithCli(root);
    assert.equal(status, 1, 'the CLI exits 1 on a workspace with errors');
    // The CLI also names each problem's project (the editor's Problems panel shows the file only): one project here.
    assert.deepEqual([...new Set(rows.map((row) => row.project))], ['workspace'], 'every problem belongs to the workspace project');
    return withoutProjects(rows);
}
