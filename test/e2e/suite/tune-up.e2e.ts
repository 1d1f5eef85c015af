// The tune-up in a real VS Code: the Journeys view lists the workspace's
// journeys with their badges (and follows an edit that makes a map stale and
// an initiative past due), the status bar says how old the active map's
// review is, the agenda opens beside the editor, and the preview's
// Priorities view draws the initiatives and reveals one that is clicked.
import * as assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openJourney, revertAll, waitFor } from '../helpers.js';
import { drawn, preview } from '../preview-api.js';
import { harnessClicksInWebviews, report, requestClickInPreview, requestClickOnViewHeader, requestScreenshot } from '../report.js';

interface JourneysState {
    journeys: { name: string; title: string; badges: string[]; summary: string; children: { kind: string; name: string; badges: string[] }[] }[];
    status?: string;
    rows: { label: string; description: string }[];
}

interface JourneysApi {
    inspect(): Promise<JourneysState>;
}

const DAY = 24 * 60 * 60 * 1000;
const today = () => new Date().toISOString().slice(0, 10);
const daysSince = (date: string) => Math.round((Date.parse(today()) - Date.parse(date)) / DAY);

function journeysApi(): JourneysApi {
    return vscode.extensions.getExtension<{ journeys: JourneysApi }>(EXTENSION_ID)!.exports.journeys;
}

/** The Journeys view with the Explorer's room: the file tree collapsed (a click on its header, as a person would), the side bar widened. */
async function showJourneysView(): Promise<void> {
    await vscode.commands.executeCommand('journey.journeys.focus');
    for (let step = 0; step < 6; step += 1) await vscode.commands.executeCommand('workbench.action.increaseViewWidth');
    if (harnessClicksInWebviews) requestClickOnViewHeader('workspace');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
}

describe('The tune-up', function () {
    const workspace = () => vscode.workspace.workspaceFolders![0].uri;
    const map = () => vscode.Uri.joinPath(workspace(), 'journeys', 'implementation.journey');

    afterEach(revertAll);

    after(async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        if (harnessClicksInWebviews) requestClickOnViewHeader('workspace');
    });

    it('lists the journeys with their badges, follows an edit, and shows the review age in the status bar', async function () {
        const editor = await openJourney(map());
        const seen = await waitFor(() => journeysApi().inspect(), 'the Journeys view and the status bar', (state) => state.journeys.length === 2 && state.status !== undefined);
        assert.deepEqual(seen.journeys.map((journey) => journey.name).sort(), ['implementation', 'selfServe']);
        // The examples' maps were reviewed on these days: the badges and the status bar are what those dates call for today.
        const reviewAge = (name: string, reviewed: string) => {
            const age = daysSince(reviewed);
            return { name, badges: age > 90 ? ['stale'] : [], age };
        };
        const expected = [reviewAge('implementation', '2026-10-28'), reviewAge('selfServe', '2026-11-02')];
        for (const journey of expected) {
            assert.deepEqual(seen.journeys.find((candidate) => candidate.name === journey.name)?.badges, journey.badges, `${journey.name}'s badges`);
        }
        // The item's text, with the icon VS Code draws before it.
        assert.match(seen.status!, new RegExp(`^\\$\\(history\\) Map reviewed ${expected[0].age} days ago$`));

        // A year-old review and an initiative due a month ago, typed in: the view and the status bar follow without a save.
        const text = editor.document.getText();
        const replace = async (from: string, to: string) => {
            const at = editor.document.getText().indexOf(from);
            assert.ok(at >= 0, `the example contains ${from}`);
            const start = editor.document.positionAt(at);
            await editor.edit((edit) => edit.replace(new vscode.Range(start, editor.document.positionAt(at + from.length)), to));
        };
        assert.ok(text.includes('reviewed 2026-10-28') && text.includes('on 2026-10-28') && text.includes('due 2027-01-22'), 'the example has the dates the test edits');
        const yearAgo = new Date(Date.now() - 400 * DAY).toISOString().slice(0, 10);
        const monthAgo = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);
        // The last review is the later of the journey's reviewed date and its reviews' dates: both go back a year.
        await replace('reviewed 2026-10-28', `reviewed ${yearAgo}`);
        await replace('on 2026-10-28', `on ${yearAgo}`);
        await replace('due 2027-01-22', `due ${monthAgo}`);
        const edited = await waitFor(() => journeysApi().inspect(), 'the badges of the edited map',
            (state) => state.journeys.find((journey) => journey.name === 'implementation')?.badges.length === 2);
        const implementation = edited.journeys.find((journey) => journey.name === 'implementation')!;
        assert.deepEqual(implementation.badges, ['stale', 'past-due']);
        const lateStage = implementation.children.find((child) => child.kind === 'stage' && child.badges.includes('past-due'));
        assert.ok(lateStage, 'the stage whose pain point the late initiative addresses says past due');
        assert.equal(edited.status, `$(warning) Map reviewed ${daysSince(yearAgo)} days ago (stale) · 1 past due`);
        // What the view draws: the badges in the row's description.
        const row = edited.rows.find((candidate) => candidate.label === 'Partner-led implementation');
        assert.match(row?.description ?? '', /^⚠ stale, past due · reviewed /);

        await showJourneysView();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
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
        assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the agenda is beside the editor, not over it');
        // The Markdown preview shows a virtual document the language server writes; read it as the preview does.
        const agendaUri = vscode.Uri.from({ scheme: 'journey-agenda', path: '/implementation.journey agenda.md', query: map().toString() });
        const agenda = await vscode.workspace.openTextDocument(agendaUri);
        assert.match(agenda.getText(), /^# Tune-up agenda: Partner-led implementation/);
        assert.match(agenda.getText(), /## Initiatives in priority order/);
        assert.match(tab.label, /implementation\.journey agenda/);
        // The Markdown preview renders in a webview of its own, after the tab appears: give it the time a person would.
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        await requestScreenshot('agenda');
    });

    it('draws the Priorities view in the preview; a click on an initiative reveals it', async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const editor = await openJourney(map());
        await vscode.commands.executeCommand('journey.openPreviewToSide');
        await drawn('the map', (state) => state.lastResult === 'diagram' && state.renderedIds.some((id) => id.startsWith('touchpoint-')));
        await preview().receive({ type: 'setView', view: 'priorities' });
        // Drawn by the webview: its cards are the initiatives only (the map's touchpoints are gone).
        const shown = await drawn('the priorities view', (state) => /data-view="priorities"/.test(state.svg ?? '')
            && state.renderedIds.includes('initiative-residencyChecklist') && !state.renderedIds.some((id) => id.startsWith('touchpoint-')));
        assert.match(shown.svg!, /<g id="initiative-sowTemplate"[^>]*data-kind="initiative"/);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await requestScreenshot('priorities');
        if (harnessClicksInWebviews) {
            requestClickInPreview('initiative-residencyChecklist');
        } else {
            report('(no harness clicks in webviews here: the click is sent as the message the webview posts)');
            await preview().receive({ type: 'select', id: 'initiative-residencyChecklist' });
        }
        await waitFor(() => {
            const visible = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === editor.document.uri.toString());
            return visible ? visible.document.getText(visible.selection) : '';
        }, 'the editor to select the initiative', (text) => text === 'residencyChecklist');
        await preview().receive({ type: 'setView', view: 'map' });
        await drawn('the map again', (state) => !/data-view="priorities"/.test(state.svg ?? '') && state.lastResult === 'diagram');
    });
});
