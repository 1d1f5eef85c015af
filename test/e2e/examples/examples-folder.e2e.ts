// The examples/ folder opened in VS Code, as the README tells a new user to:
// every example is its own project, so the Problems panel lists no errors
// (and exactly what `journey validate` reports there), each example's map
// draws, and a file opened with a syntax error shows the map of what parses
// under the error banner. With journey.validation.scope openFiles, only the
// open files' problems are listed.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, journeyFiles, openJourney, waitFor } from '../helpers.js';
import { drawn } from '../preview-api.js';
import { allErrors, journeyProblems, validateWithCli, withoutProjects } from '../problems.js';
import { requestScreenshot } from '../report.js';

const BROKEN_ON_OPEN = `journey firstOpen "Opened with an error" {
  stage start "Start" {
    touchpoint welcome "Welcome call" { emotion +1 }
    touchpoint "A touchpoint without a name" { emotion 0 }
    touchpoint guide "Setup guide" { emotion -1 }
  }
}
`;

describe('The examples/ folder', function () {
    const root = () => vscode.workspace.workspaceFolders![0].uri;

    after(async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('lists no errors in the Problems panel, with no file opened: each example is its own project', async function () {
        // Nothing is opened: the extension starts because the folder holds .journey files, and the server checks them all.
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        await waitFor(() => extension.isActive, 'the extension to activate on the folder');
        const cli = validateWithCli(root().fsPath);
        assert.equal(cli.status, 0, '`journey validate` passes in examples/');
        assert.deepEqual([...new Set(cli.rows.map((row) => row.project))].sort(), ['b2b-saas', 'support-heavy', 'workspace']);
        const expected = withoutProjects(cli.rows);
        assert.ok(expected.some((row) => row.severity === 'warning'), 'the examples keep their one warning on purpose (README)');

        const listed = await waitFor(() => journeyProblems(root().fsPath), 'the Problems panel to list what `journey validate` reports',
            (rows) => JSON.stringify(rows) === JSON.stringify(expected));
        assert.deepEqual(listed.filter((row) => row.severity === 'error'), []);
        assert.deepEqual(allErrors(), [], 'no errors anywhere, project files included');
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await requestScreenshot('examples-problems');
    });

    it('with journey.validation.scope openFiles lists the problems of open files only, and all of them again when set back', async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const settings = () => vscode.workspace.getConfiguration('journey');
        const saas = vscode.Uri.joinPath(root(), 'b2b-saas', 'saas.journey');
        const support = vscode.Uri.joinPath(root(), 'support-heavy', 'support.journey');
        const listed = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).length;
        await waitFor(() => listed(support), 'the problems of every file, with none open', (count) => count > 0);
        const withProblems = [...new Set(journeyProblems(root().fsPath).map((row) => row.file))];

        await settings().update('validation.scope', 'openFiles', vscode.ConfigurationTarget.Workspace);
        try {
            // "Open" is what VS Code says: a closed tab's document may stay open for a while (and an earlier
            // test may have opened one), so the check is that every listed file is one VS Code holds open.
            const open = () => vscode.workspace.textDocuments.filter((d) => d.uri.path.endsWith('.journey')).map((d) => vscode.workspace.asRelativePath(d.uri));
            const listedFiles = () => [...new Set(journeyProblems(root().fsPath).map((row) => row.file))];
            await openJourney(saas);
            await waitFor(() => listed(saas), 'the open file’s problems', (count) => count > 0);
            await waitFor(listedFiles, 'only open files to list problems', (files) => files.every((file) => open().includes(file)))
                .catch((error: unknown) => { throw new Error(`${String(error)}; listed: ${listedFiles().join(', ')}; open documents: ${open().join(', ')}`); });
            const closedWithProblems = withProblems.filter((file) => !open().includes(file));
            assert.ok(closedWithProblems.length > 0, 'some file with problems is not open (the check means something)');
            for (const file of closedWithProblems) assert.ok(!listedFiles().includes(file), `${file} is not open and lists no problems`);
            await vscode.commands.executeCommand('workbench.actions.view.problems');
            // (Closing the editor withdraws them too, once VS Code closes the document, which it does
            // later, not with the tab: test/server/workspace-problems.test.ts checks it over the protocol.)
            await requestScreenshot('examples-scope-open-files');
        } finally {
            await settings().update('validation.scope', undefined, vscode.ConfigurationTarget.Workspace);
        }
        await waitFor(() => listed(support), 'every file’s problems back', (count) => count > 0);
    });

    it('draws the map of every example in the preview', async function () {
        for (const uri of await journeyFiles()) {
            const text = (await vscode.workspace.openTextDocument(uri)).getText();
            const stage = /^\s*stage\s+(\w+)\s+"[^"]*"/m.exec(text);
            if (!stage) continue; // teams and segments only
            await openJourney(uri);
            await vscode.commands.executeCommand('journey.openPreviewToSide');
            await drawn(`the map of ${vscode.workspace.asRelativePath(uri)}`,
                (state) => state.documentUri === uri.toString() && state.lastResult === 'diagram' && state.renderedIds.includes(`stage-${stage[1]}`));
            if (uri.path.endsWith('support.journey')) await requestScreenshot('examples-preview');
        }
    });

    it('draws the map of what parses under the error banner when a file already has a syntax error as the preview opens', async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const file = vscode.Uri.joinPath(root(), 'b2b-saas', 'first-open-broken.journey');
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(BROKEN_ON_OPEN));
        try {
            await openJourney(file);
            await vscode.commands.executeCommand('journey.openPreviewToSide');
            const state = await drawn('the map of what parses, under the banner', (s) =>
                s.documentUri === file.toString() && s.lastResult === 'errors' && s.renderedIds.includes('touchpoint-guide'));
            assert.ok(state.svg?.includes('Welcome call'), 'the card before the error is on the map');
            assert.ok(state.svg?.includes('Setup guide'), 'the card after the error is on the map');
            assert.ok(state.renderedIds.includes('touchpoint-welcome'), 'the webview drew the card before the error');
            const syntaxErrors = vscode.languages.getDiagnostics(file).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
            assert.ok(syntaxErrors.length > 0, 'the Problems panel lists the syntax error');
            await requestScreenshot('examples-preview-first-open-with-error');
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            await vscode.workspace.fs.delete(file);
        }
    });
});
