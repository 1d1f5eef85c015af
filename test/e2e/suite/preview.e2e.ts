// The live preview in a real VS Code: it opens beside the editor, draws every
// stage, a click on a card selects its declaration, an edit redraws the map,
// and broken text keeps the last map with the first error.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { journeyFiles, openJourney, revertAll, waitFor } from '../helpers.js';
import { drawn, preview, type PreviewInspection } from '../preview-api.js';
import { harnessClicksInWebviews, report, requestClickInPreview, requestScreenshot } from '../report.js';

interface JourneyFile {
    uri: vscode.Uri;
    text: string;
    stages: { name: string; title: string }[];
    touchpoint: string;
}

/** The journey files of the example workspace, with the stages and first touchpoint each declares. */
async function journeysWithStages(): Promise<JourneyFile[]> {
    const found: JourneyFile[] = [];
    for (const uri of await journeyFiles()) {
        const text = (await vscode.workspace.openTextDocument(uri)).getText();
        const stages = [...text.matchAll(/^\s*stage\s+(\w+)\s+"([^"]*)"/gm)].map((match) => ({ name: match[1], title: match[2] }));
        const touchpoint = /^\s*touchpoint\s+(\w+)/m.exec(text)?.[1];
        if (stages.length > 0 && touchpoint) found.push({ uri, text, stages, touchpoint });
    }
    return found;
}

async function journeyWithStages(): Promise<JourneyFile> {
    const [first] = await journeysWithStages();
    assert.ok(first, 'no example file declares a journey with stages');
    return first;
}

function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

describe('the journey preview', function () {
    afterEach(revertAll);

    it('opens beside the editor and draws every stage of the journey', async function () {
        const journey = await journeyWithStages();
        await openJourney(journey.uri);
        await vscode.commands.executeCommand('journey.openPreviewToSide');

        const state = await drawn('the preview to draw the map', (s) => s.lastResult === 'diagram' && s.renderedIds.length > 0);
        assert.equal(state.documentUri, journey.uri.toString());
        for (const stage of journey.stages) {
            assert.ok(state.svg?.includes(escapeXml(stage.title)), `the map shows stage "${stage.title}"`);
            assert.ok(state.renderedIds.includes(`stage-${stage.name}`), `the webview drew stage ${stage.name}`);
        }
        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
        assert.ok(
            tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('journey.preview')),
            'a preview tab is open',
        );
    });

    it('selects the declaration of a card that is clicked', async function () {
        const journey = await journeyWithStages();
        await openJourney(journey.uri);
        await vscode.commands.executeCommand('journey.openPreviewToSide');
        await drawn('the map', (s) => s.renderedIds.includes(`touchpoint-${journey.touchpoint}`));

        const card = `touchpoint-${journey.touchpoint}`;
        if (harnessClicksInWebviews) {
            // The browser's mouse on the card in the webview: its script posts the selection, as for a user.
            requestClickInPreview(card);
        } else {
            report('(no harness clicks in webviews here: the click is sent as the message the webview posts)');
            await preview().receive({ type: 'select', id: card });
        }
        const selected = await waitFor(
            () => {
                const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === journey.uri.toString());
                return editor ? editor.document.getText(editor.selection) : '';
            },
            'the editor to select the touchpoint',
            (text) => text === journey.touchpoint,
        );
        assert.equal(selected, journey.touchpoint);
    });

    it('redraws the map when the text changes, and keeps it with the first error while the text is broken', async function () {
        const journey = await journeyWithStages();
        const editor = await openJourney(journey.uri);
        await vscode.commands.executeCommand('journey.openPreviewToSide');
        await drawn('the map', (s) => s.lastResult === 'diagram');

        const stage = journey.stages[0];
        const titleAt = editor.document.getText().indexOf(`"${stage.title}"`);
        const titleRange = new vscode.Range(editor.document.positionAt(titleAt + 1), editor.document.positionAt(titleAt + 1 + stage.title.length));
        await editor.edit((edit) => edit.replace(titleRange, 'Renamed by the end-to-end test'));
        await drawn('the new title on the map', (s) => s.lastResult === 'diagram' && Boolean(s.svg?.includes('Renamed by the end-to-end test')));

        const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
        await editor.edit((edit) => edit.insert(end, '\njourney broken {\n  stage\n'));
        const broken = await drawn('the error banner', (s) => s.lastResult === 'errors');
        assert.ok(broken.svg?.includes('Renamed by the end-to-end test'), 'the last good map stays');
    });
});

describe('locked previews', function () {
    afterEach(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('keep their file while a new preview follows the editor, as Markdown previews do', async function () {
        const [first, second] = await journeysWithStages();
        assert.ok(second, 'the example workspace has two journey files with stages');
        const showing = (uri: vscode.Uri) => (s: PreviewInspection) => s.documentUri === uri.toString() && s.lastResult === 'diagram';

        await openJourney(first.uri);
        await vscode.commands.executeCommand('journey.openPreviewToSide');
        await drawn('the map of the first file', showing(first.uri));
        await vscode.commands.executeCommand('journey.togglePreviewLock');
        assert.equal(preview().inspect()?.settings.locked, true, 'the preview is locked');

        await openJourney(second.uri);
        await vscode.commands.executeCommand('journey.openPreviewToSide');
        const both = await waitFor(() => preview().inspectAll(), 'a second preview, of the second file', (all) =>
            all.length === 2 && showing(first.uri)(all[0]) && showing(second.uri)(all[1]));
        assert.deepEqual(both.map((s) => s.settings.locked), [true, false]);

        // Back in the first file's editor: the new preview follows, the locked one stays.
        await openJourney(first.uri);
        await waitFor(() => preview().inspectAll(), 'the following preview to show the first file', (all) => all.length === 2 && showing(first.uri)(all[1]));
        await openJourney(second.uri);
        const after = await waitFor(() => preview().inspectAll(), 'the following preview back on the second file', (all) => all.length === 2 && showing(second.uri)(all[1]));
        assert.equal(after[0].documentUri, first.uri.toString(), 'the locked preview still shows the first file');
        await requestScreenshot('preview-locked');
    });
});

describe('the journey preview in light and dark themes', function () {
    const workbench = () => vscode.workspace.getConfiguration('workbench');

    it('redraws the map in the colours of the theme', async function () {
        const journey = await journeyWithStages();
        await openJourney(journey.uri);
        // Room for the map in the screenshots: no side bars.
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
        await vscode.commands.executeCommand('journey.openPreviewToSide');
        const light = await drawn('the map in a light theme', (s) => s.lastResult === 'diagram' && s.renderedIds.length > 0);
        await requestScreenshot('preview-light');

        await workbench().update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
        try {
            const dark = await drawn('the map in the dark theme', (s) => s.lastResult === 'diagram' && s.svg !== light.svg);
            assert.notEqual(dark.svg, light.svg, 'the dark map differs from the light one');
            await requestScreenshot('preview-dark');
        } finally {
            await workbench().update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
        }
        await drawn('the map back in the light theme', (s) => s.svg === light.svg);
    });
});
