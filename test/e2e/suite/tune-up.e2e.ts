// The tune-up in a real VS Code: the Journeys view lists the workspace's
// journeys with their badges, the status bar says how old the active map's
// review is, and the agenda opens beside the editor.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openJourney, waitFor } from '../helpers.js';
import { requestScreenshot } from '../report.js';

interface JourneysApi {
    inspect(): Promise<{ journeys: { name: string; title: string; badges: string[]; summary: string }[]; status?: string }>;
}

describe('The tune-up', function () {
    const workspace = () => vscode.workspace.workspaceFolders![0].uri;
    const map = () => vscode.Uri.joinPath(workspace(), 'journeys', 'implementation.journey');

    after(async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('lists the journeys in the Explorer and shows the review age in the status bar', async function () {
        await openJourney(map());
        const api = vscode.extensions.getExtension<{ journeys: JourneysApi }>(EXTENSION_ID)!.exports;
        const seen = await waitFor(() => api.journeys.inspect(), 'the Journeys view and the status bar', (state) => state.journeys.length === 2 && state.status !== undefined);
        assert.deepEqual(seen.journeys.map((journey) => journey.name).sort(), ['implementation', 'selfServe']);
        assert.match(seen.status!, /Map reviewed \d+ days ago/);
        await vscode.commands.executeCommand('journey.journeys.focus');
        await requestScreenshot('journeys-view');
    });

    it('opens the agenda beside the editor', async function () {
        await openJourney(map());
        await vscode.commands.executeCommand('journey.openAgenda');
        const tab = await waitFor(
            () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => /agenda/i.test(candidate.label)),
            'the agenda tab',
        );
        assert.ok(tab, 'an agenda tab is open');
        // The Markdown preview shows a virtual document the language server writes; read it as the preview does.
        const agendaUri = vscode.Uri.from({ scheme: 'journey-agenda', path: '/implementation.journey agenda.md', query: map().toString() });
        const agenda = await vscode.workspace.openTextDocument(agendaUri);
        assert.match(agenda.getText(), /^# Tune-up agenda: Partner-led implementation/);
        assert.match(tab.label, /implementation\.journey agenda/);
        await requestScreenshot('agenda');
    });
});
