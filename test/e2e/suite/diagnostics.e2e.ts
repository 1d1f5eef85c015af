// Diagnostics reach VS Code's Problems panel from the language server.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openJourney, waitFor } from '../helpers.js';

const BROKEN_MAP = `journey broken "A map with mistakes" {
  owner nobody
  reviewed 2026-10-15
  stage only "The only stage" {
    touchpoint call "Call" { channel call  emotion 1 }
  }
}
`;

describe('Diagnostics', function () {
    const brokenFile = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'broken.journey');

    after(async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(brokenFile());
    });

    it('shows an unresolved team as an error on its name', async function () {
        await vscode.workspace.fs.writeFile(brokenFile(), new TextEncoder().encode(BROKEN_MAP));
        const editor = await openJourney(brokenFile());
        const diagnostics = await settledDiagnostics(brokenFile());
        const nameStart = editor.document.positionAt(BROKEN_MAP.indexOf('nobody'));
        const errors = diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error);
        assert.equal(errors.length, 1, `one error, got: ${errors.map((error) => error.message).join('; ')}`);
        assert.equal(editor.document.getText(errors[0].range), 'nobody');
        assert.ok(errors[0].range.start.isEqual(nameStart));
        assert.match(errors[0].message, /nobody/);
    });
});

/** The diagnostics of a file once the language server has stopped changing them. */
async function settledDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
    let previous = '';
    let stableSince = Date.now();
    const snapshot = () => JSON.stringify(vscode.languages.getDiagnostics(uri));
    await waitFor(() => {
        const current = snapshot();
        if (current !== previous) {
            previous = current;
            stableSince = Date.now();
        }
        return current !== '[]' && Date.now() - stableSince > 1500;
    }, `diagnostics of ${uri.path}`);
    return vscode.languages.getDiagnostics(uri);
}
