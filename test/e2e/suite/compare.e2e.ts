// Compare mode in a real VS Code: the example workspace is a git repository
// (scripts/e2e/workspace.mjs commits it); an edit, then "Journey: Compare with
// HEAD", and the preview marks the edited card, lists the change, stays live
// as the text changes, and leaves compare mode on request.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, journeyFiles, openJourney, revertAll, waitFor } from '../helpers.js';
import { harnessClicksInWebviews, requestPickInQuickPick, requestScreenshot } from '../report.js';

interface PreviewInspection {
    lastResult?: 'diagram' | 'errors' | 'empty';
    renderedIds: string[];
    svg?: string;
    compare?: { base: string; changes: { id: string; state: string; notes: string[] }[] };
}

interface PreviewApi {
    inspect(): PreviewInspection | undefined;
    receive(message: unknown): Promise<void>;
}

function preview(): PreviewApi {
    const api = vscode.extensions.getExtension<{ preview: PreviewApi }>(EXTENSION_ID)?.exports;
    assert.ok(api?.preview, 'the extension exposes its preview');
    return api.preview;
}

async function shown(what: string, done: (state: PreviewInspection) => boolean): Promise<PreviewInspection> {
    return (await waitFor(() => preview().inspect(), what, (found) => found !== undefined && done(found))) as PreviewInspection;
}

const markOf = (svg: string | undefined, id: string) => new RegExp(`<g id="${id}"[^>]*data-change="([a-z]+)"`).exec(svg ?? '')?.[1];

describe('compare mode', function () {
    afterEach(revertAll);

    it('Compare with HEAD marks the edited card, lists it, follows the typing, and Esc leaves', async function () {
        const uri = (await journeyFiles()).find((file) => file.path.endsWith('implementation.journey'));
        assert.ok(uri, 'the example workspace has implementation.journey');
        const editor = await openJourney(uri);
        const text = editor.document.getText();
        const at = text.indexOf('owner cs  emotion +2  next residency');
        assert.ok(at >= 0, 'the kickoff touchpoint is where the test expects it');
        const emotion = editor.document.positionAt(at + 'owner cs  emotion '.length);
        await editor.edit((edit) => edit.replace(new vscode.Range(emotion, emotion.translate(0, 2)), '-1'));

        await vscode.commands.executeCommand('journey.compareWithHead');
        const compared = await shown('the compare map', (s) => s.lastResult === 'diagram' && s.compare !== undefined && markOf(s.svg, 'touchpoint-kickoff') === 'changed');
        assert.equal(compared.compare?.base, 'HEAD');
        const kickoff = compared.compare?.changes.find((change) => change.id === 'touchpoint-kickoff');
        assert.deepEqual(kickoff?.notes, ['touchpoint kickoff "Joint kickoff with partner and CSM": emotion +2 \u2192 -1']);
        assert.equal(markOf(compared.svg, 'touchpoint-migration'), 'unchanged');
        // As a person would look at it: the cursor on the edited touchpoint brings its card into view.
        await shown('the webview to draw the map', (s) => s.renderedIds.includes('touchpoint-kickoff'));
        editor.selection = new vscode.Selection(emotion, emotion);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await requestScreenshot('compare-with-head');

        // Live: a new touchpoint typed in is marked NEW without running the command again.
        const line = editor.document.positionAt(editor.document.getText().indexOf('    touchpoint kickoff'));
        await editor.edit((edit) => edit.insert(line, '    touchpoint e2eAdded "Added by the end-to-end test" { emotion +1 }\n'));
        await shown('the new touchpoint marked', (s) => markOf(s.svg, 'touchpoint-e2eAdded') === 'added');

        await preview().receive({ type: 'leaveCompare' });
        const plain = await shown('the plain map again', (s) => s.lastResult === 'diagram' && s.compare === undefined);
        assert.equal(markOf(plain.svg, 'touchpoint-kickoff'), undefined);
    });

    it('Compare with… offers the branches: picking main in the quick pick compares with it', async function () {
        if (!harnessClicksInWebviews) this.skip();
        const uri = (await journeyFiles()).find((file) => file.path.endsWith('self-serve.journey'));
        assert.ok(uri, 'the example workspace has self-serve.journey');
        const editor = await openJourney(uri);
        const at = editor.document.getText().indexOf('  stage ');
        assert.ok(at >= 0, 'the map has a stage');
        const start = editor.document.positionAt(at);
        await editor.edit((edit) => edit.insert(start, '  // edited for the compare test\n'));
        const line = editor.document.positionAt(editor.document.getText().indexOf('    touchpoint '));
        await editor.edit((edit) => edit.insert(line, '    touchpoint e2ePicked "Added before Compare with…" { emotion 0 }\n'));

        // The command waits for the pick; the harness types the branch's name into the quick pick and presses Enter.
        const done = vscode.commands.executeCommand<string | undefined>('journey.compareWith');
        requestPickInQuickPick('main');
        assert.equal(await done, undefined, 'Compare with… says nothing when it can compare');
        const compared = await shown('the compare map against main', (s) => s.compare?.base === 'main' && markOf(s.svg, 'touchpoint-e2ePicked') === 'added');
        assert.deepEqual(compared.compare?.changes.map((change) => [change.id, change.state]), [['touchpoint-e2ePicked', 'added']]);
        await preview().receive({ type: 'leaveCompare' });
        await shown('the plain map again', (s) => s.compare === undefined);
    });
});
