import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AgendaResult, AgendaRequestMethod, JourneysRequestMethod, type JourneysResult } from '../../src/protocol/tune-up-requests.js';
import { LspClient } from '../helpers/lsp-client.js';

// The bundled server answers the editor's tune-up requests from the documents it has built.

const MAP = `team cs "Customer Success"
journey saas "B2B SaaS" {
  owner cs
  stage onboarding "Onboarding" {
    touchpoint kickoff "Kickoff call" { channel call  emotion +1 }
    painpoint slow "<b>Slow</b> kickoff" { at kickoff  severity high }
  }
}
`;

let client: LspClient;
let folder: string;

beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'journey-lsp-tune-up-'));
    client = LspClient.start();
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await client.notify('initialized', {});
});

afterAll(async () => {
    try {
        expect(await client?.stop()).toBe(0);
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
});

it('answers journey/journeys with the tree and badges, and journey/agenda with escaped Markdown, following edits', async () => {
    const uri = pathToFileURL(join(folder, 'map.journey')).toString();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: MAP } });
    const journeys = await client.request<JourneysResult>(JourneysRequestMethod, {});
    expect(journeys.journeys.map((journey) => [journey.name, journey.badges])).toEqual([['saas', ['never-reviewed', 'unaddressed']]]);
    expect(journeys.journeys[0].summary).toBe('Map never reviewed · 1 unaddressed');
    // The status bar's request: the same journeys and summaries, without their trees.
    const summaries = await client.request<JourneysResult>(JourneysRequestMethod, { journeysOnly: true });
    expect(summaries.journeys).toEqual(journeys.journeys.map((journey) => ({ ...journey, children: [] })));
    expect(journeys.journeys[0].children.length).toBeGreaterThan(0);
    const agenda = await client.request<AgendaResult>(AgendaRequestMethod, { uri });
    expect(agenda.kind).toBe('agenda');
    const markdown = agenda.kind === 'agenda' ? agenda.markdown : '';
    expect(markdown).toContain('# Tune-up agenda: B2B SaaS');
    expect(markdown).toContain('&lt;b&gt;Slow&lt;/b&gt; kickoff');
    expect(markdown).not.toContain('<b>');

    await client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: MAP.replace('owner cs\n', 'owner cs\n  reviewed 2026-01-01\n') }],
    });
    const after = await client.request<JourneysResult>(JourneysRequestMethod, {});
    expect(after.journeys[0].badges).toContain('stale');
});

it('answers journey/agenda for a file without a journey with a message', async () => {
    const uri = pathToFileURL(join(folder, 'teams.journey')).toString();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: 'team support "Support"\n' } });
    expect(await client.request<AgendaResult>(AgendaRequestMethod, { uri })).toEqual({ kind: 'empty', message: 'This file declares no journey: the agenda appears when it has one.' });
});
