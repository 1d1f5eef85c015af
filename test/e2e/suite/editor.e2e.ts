// The editor features a user reaches in VS Code, through VS Code's own commands
// (the same path as Ctrl+Space, F12, F2 and Format Document).
import * as assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { crossFileOwner, declarationsOf, EXTENSION_ID, journeyFiles, openJourney, revertAll, targetOf, teamDeclarations, waitFor } from '../helpers.js';

describe('Journey Maps in VS Code', function () {
    before(function () {
        // Guard for the harness: with autosave on, typed text would land in the workspace files.
        assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', 'the test settings must turn autosave off');
    });

    afterEach(revertAll);

    it('activates on a .journey file and marks it as the journey language', async function () {
        const [file] = await journeyFiles();
        const editor = await openJourney(file);
        assert.equal(editor.document.languageId, 'journey');
        assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    });

    it('offers the teams of every file after `owner `', async function () {
        const { uri } = await crossFileOwner();
        const editor = await openJourney(uri);
        const journeyLine = lineOf(editor.document, /^\s*journey\s+\w+.*\{\s*$/);
        const typedAt = new vscode.Position(journeyLine, editor.document.lineAt(journeyLine).text.length);
        await editor.edit((edit) => edit.insert(typedAt, '\n  owner '));
        const cursor = new vscode.Position(journeyLine + 1, '  owner '.length);

        const teams = (await teamDeclarations()).map((team) => team.name);
        const segments = (await declarationsOf('segment')).map((segment) => segment.name);
        const labels = await waitFor(async () => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, cursor);
            return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        }, 'completion items for teams', (items) => teams.every((team) => items.includes(team)));

        assert.deepEqual(teams.filter((team) => !labels.includes(team)), [], 'every team is offered');
        const offeredSegments = segments.filter((segment) => labels.includes(segment) && !teams.includes(segment));
        assert.deepEqual(offeredSegments, [], 'segments are not offered where a team is expected');
    });

    it('goes to the definition of a team declared in another file', async function () {
        const use = await crossFileOwner();
        await openJourney(use.uri);
        const locations = await waitFor(
            () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', use.uri, use.range.start),
            `a definition for \`owner ${use.team.name}\``,
            (found) => found?.length > 0,
        );
        assert.equal(locations.length, 1);
        const target = targetOf(locations[0]);
        assert.equal(target.uri.toString(), use.team.uri.toString(), 'the definition is in the file that declares the team');
        assert.ok(target.range.contains(use.team.range.start), `the definition points at \`team ${use.team.name}\``);
    });

    it('renames a team in every file that uses it', async function () {
        const use = await crossFileOwner();
        await openJourney(use.uri);
        const newName = `${use.team.name}Renamed`;
        const edit = await waitFor(
            () => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', use.uri, use.range.start, newName),
            'a rename edit',
            (found) => (found?.size ?? 0) > 0,
        );
        const editedFiles = edit.entries().map(([uri]) => uri.toString());
        assert.ok(editedFiles.includes(use.team.uri.toString()), 'the declaration is renamed');
        assert.ok(editedFiles.includes(use.uri.toString()), 'the use in another file is renamed');
        for (const [uri, edits] of edit.entries()) {
            const document = await vscode.workspace.openTextDocument(uri);
            for (const change of edits) assert.equal(document.getText(change.range), use.team.name, `only the name changes in ${uri.path}`);
        }

        assert.ok(await vscode.workspace.applyEdit(edit));
        const renamedUse = new vscode.Range(use.range.start, use.range.start.translate(0, newName.length));
        assert.equal((await vscode.workspace.openTextDocument(use.uri)).getText(renamedUse), newName);
        const locations = await waitFor(
            () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', use.uri, use.range.start),
            'the renamed reference to resolve',
            (found) => found?.length > 0,
        );
        assert.equal(targetOf(locations[0]).uri.toString(), use.team.uri.toString(), 'the renamed reference still resolves to the declaration');
    });

    it('formats a badly indented document to the layout of the original, changing only whitespace', async function () {
        const file = await largestJourney();
        const editor = await openJourney(file);
        const original = editor.document.getText();
        const messy = original.split('\n').map((line, index) => (index % 2 ? line.trimStart() : `      ${line.trimStart()}`)).join('\n');
        const canonical = await formatted(editor, original);
        const reformatted = await formatted(editor, messy);

        assert.notEqual(reformatted, messy, 'Format Document changes a badly indented file');
        assert.equal(reformatted, canonical, 'the messy copy formats to the same text as the original');
        assert.equal(withoutWhitespace(reformatted), withoutWhitespace(original), 'formatting changes only whitespace');
        assert.equal(await formatted(editor, reformatted), reformatted, 'formatting is idempotent');
        for (const line of reformatted.split('\n').filter((text) => /^\s*stage\s/.test(text))) {
            assert.match(line, /^ {2}stage /, 'a stage is indented by two spaces inside its journey');
        }
    });
});

function lineOf(document: vscode.TextDocument, pattern: RegExp): number {
    for (let line = 0; line < document.lineCount; line++) {
        if (pattern.test(document.lineAt(line).text)) return line;
    }
    assert.fail(`${document.uri.path} has no line matching ${pattern}`);
}

/** Puts `text` into the editor, runs Format Document on it and returns the result. */
async function formatted(editor: vscode.TextEditor, text: string): Promise<string> {
    await editor.edit((edit) => edit.replace(wholeDocument(editor.document), text));
    const options: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };
    // VS Code answers undefined when no formatter has an edit: the text is already formatted.
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', editor.document.uri, options);
    if (edits?.length) {
        const workspaceEdit = new vscode.WorkspaceEdit();
        workspaceEdit.set(editor.document.uri, edits);
        assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
    }
    return editor.document.getText();
}

function wholeDocument(document: vscode.TextDocument): vscode.Range {
    return new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
}

function withoutWhitespace(text: string): string {
    return text.replace(/\s+/g, '');
}

async function largestJourney(): Promise<vscode.Uri> {
    const sized = await Promise.all((await journeyFiles()).map(async (uri) => ({ uri, size: (await vscode.workspace.fs.stat(uri)).size })));
    return sized.sort((a, b) => b.size - a.size)[0].uri;
}
