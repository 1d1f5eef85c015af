// A multi-root workspace of two examples (b2b-saas and support-heavy, which
// declare the same teams): each folder is its own project, so there are no
// errors, and completion, references, rename and the preview stay inside the
// file's own folder. A folder added while the window is open has its
// problems listed; removed, they leave the Problems panel.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openJourney, revertAll, waitFor } from '../helpers.js';
import { drawn } from '../preview-api.js';
import { allErrors, journeyProblems, validateWithCli, withoutProjects } from '../problems.js';
import { reportWindowNotReady, requestScreenshot } from '../report.js';

const folder = (name: string): vscode.WorkspaceFolder => {
    const found = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
    assert.ok(found, `the workspace has the folder ${name}`);
    return found;
};
const saas = () => vscode.Uri.joinPath(folder('b2b-saas').uri, 'saas.journey');
const support = () => vscode.Uri.joinPath(folder('support-heavy').uri, 'support.journey');
const inFolder = (uri: vscode.Uri, name: string) => !path.relative(folder(name).uri.fsPath, uri.fsPath).startsWith('..');
const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Where `team NAME` is declared in a file: the name's position. */
async function teamDeclaration(uri: vscode.Uri, name: string): Promise<vscode.Position> {
    const document = await vscode.workspace.openTextDocument(uri);
    const match = new RegExp(`^team\\s+(${name})\\b`, 'm').exec(document.getText());
    assert.ok(match, `${uri.path} declares team ${name}`);
    return document.positionAt(match.index + match[0].length - name.length);
}

describe('A multi-root workspace of two examples', function () {
    before(async function () {
        const folders = () => vscode.workspace.workspaceFolders?.length ?? 0;
        await waitFor(folders, 'the folders of the .code-workspace file', (count) => count === 2, 30_000).catch((error: unknown) => {
            reportWindowNotReady();
            throw error;
        });
    });

    afterEach(revertAll);

    it('lists no errors: each folder is its own project, and the Problems panel agrees with `journey validate` in each', async function () {
        assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['b2b-saas', 'support-heavy']);
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        await waitFor(() => extension.isActive, 'the extension to activate on the workspace');
        for (const name of ['b2b-saas', 'support-heavy']) {
            const root = folder(name).uri.fsPath;
            const cli = validateWithCli(root);
            assert.equal(cli.status, 0, `\`journey validate\` passes in ${name}`);
            const expected = withoutProjects(cli.rows);
            await waitFor(() => journeyProblems(root), `the Problems panel to list what \`journey validate\` reports in ${name}`,
                (rows) => JSON.stringify(rows) === JSON.stringify(expected));
        }
        assert.deepEqual(allErrors(), [], 'no errors, though both folders declare team cs, support and product');
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await requestScreenshot('multi-root-problems');
    });

    it('offers after `owner ` the teams of the file’s own folder only', async function () {
        const editor = await openJourney(saas());
        const journeyLine = editor.document.getText().split('\n').findIndex((line) => /^journey\s+\w+.*\{\s*$/.test(line));
        const typedAt = new vscode.Position(journeyLine, editor.document.lineAt(journeyLine).text.length);
        await editor.edit((edit) => edit.insert(typedAt, '\n  owner '));
        const cursor = new vscode.Position(journeyLine + 1, '  owner '.length);
        const labels = await waitFor(async () => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', saas(), cursor);
            return list.items.map(label);
        }, 'completion items for teams', (items) => items.includes('sales'));
        assert.ok(labels.includes('marketing') && labels.includes('cs'), 'the teams of b2b-saas are offered');
        assert.ok(!labels.includes('supportOps') && !labels.includes('engineering'), `no team of support-heavy is offered: ${labels.join(', ')}`);
    });

    it('finds the references of a team in its own folder only, and renames it there only', async function () {
        await openJourney(saas());
        const declared = await teamDeclaration(saas(), 'cs');
        await teamDeclaration(support(), 'cs'); // the other folder declares and uses a team of the same name
        const references = await waitFor(
            () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', saas(), declared),
            'the references of team cs', (found) => (found?.length ?? 0) > 1);
        assert.deepEqual(references.filter((location) => !inFolder(location.uri, 'b2b-saas')).map((l) => l.uri.fsPath), [], 'every reference is in b2b-saas');

        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', saas(), declared, 'successTeam');
        const touched = edit.entries().map(([uri]) => uri);
        assert.ok(touched.length > 0 && touched.every((uri) => inFolder(uri, 'b2b-saas')), `the rename edits b2b-saas only: ${touched.map((uri) => uri.fsPath).join(', ')}`);
        assert.equal(edit.entries().flatMap(([, edits]) => edits).length, references.length, 'the rename edits every reference');
    });

    it('draws each folder’s map in the preview with its own teams', async function () {
        for (const [uri, stage] of [[saas(), 'stage-onboarding'], [support(), 'stage-contact']] as const) {
            await openJourney(uri);
            await vscode.commands.executeCommand('journey.openPreviewToSide');
            await drawn(`the map of ${vscode.workspace.asRelativePath(uri)}`, (state) =>
                state.documentUri === uri.toString() && state.lastResult === 'diagram' && state.renderedIds.length > 0 && state.renderedIds.includes(stage));
        }
        await requestScreenshot('multi-root-preview');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('lists the problems of a folder added while the window is open, and clears them when it is removed', async function () {
        // The third example sits beside the workspace file; a map with an unknown team is put in it first.
        const added = vscode.Uri.joinPath(folder('b2b-saas').uri, '..', 'workspace');
        const broken = vscode.Uri.joinPath(added, 'journeys', 'added-broken.journey');
        await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('journey added "Added" {\n  owner nobody\n  stage s "S" {\n    touchpoint t "T"\n  }\n}\n'));
        const unknownTeam = () => vscode.languages.getDiagnostics(broken).filter((d) => d.severity === vscode.DiagnosticSeverity.Error && /nobody/.test(d.message));

        assert.ok(vscode.workspace.updateWorkspaceFolders(2, 0, { uri: added }), 'VS Code accepts the new folder');
        await waitFor(() => unknownTeam().length, 'the added folder’s problem to be listed', (count) => count === 1);
        assert.deepEqual(allErrors().filter((error) => !error.includes('added-broken.journey')), [],
            'the added folder is its own project: its teams clash with no other folder’s');
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await requestScreenshot('multi-root-folder-added');

        assert.ok(vscode.workspace.updateWorkspaceFolders(2, 1), 'VS Code removes the folder');
        await waitFor(() => vscode.languages.getDiagnostics(broken).length, 'the removed folder’s problems to be cleared', (count) => count === 0);
        await waitFor(() => vscode.languages.getDiagnostics().filter(([uri]) => inFolderPath(uri, added)).flatMap(([, d]) => d).length,
            'every problem of the removed folder to be cleared', (count) => count === 0);
    });
});

function inFolderPath(uri: vscode.Uri, folderUri: vscode.Uri): boolean {
    return !path.relative(folderUri.fsPath, uri.fsPath).startsWith('..');
}
