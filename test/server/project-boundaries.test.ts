// What the editor shows beside the text stays inside the file's project, as
// the bundled server answers it on a folder of two projects that use the same
// names: the preview's map and its segment picker, the Journeys view (each
// journey with its own project's staleness window) and the references of a team.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import type { Location } from 'vscode-languageserver';
import { type DiagramResult, DiagramRequestMethod } from '../../src/protocol/diagram-requests.js';
import { JourneysRequestMethod, type JourneysResult } from '../../src/protocol/tune-up-requests.js';
import { LspClient } from '../helpers/lsp-client.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
/** The same journey name in both projects, reviewed 60 days ago: stale under a 30-day window, not under the default 90. */
const map = (project: string, segment: string) => `team cs "CS ${project}"
segment ${segment} "${segment} customers"
journey onboarding "Onboarding ${project}" {
  owner cs
  reviewed ${daysAgo(60)}
  stage start "Start" {
    touchpoint kickoff "Kickoff ${project}" { owner cs  for ${segment} }
  }
}
`;

let client: LspClient;
let root: string;
const uri = (name: string) => URI.file(path.join(root, name)).toString();

beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'journey-boundaries-'));
    for (const [name, text] of Object.entries({
        'emea/journeys.json': '{ "name": "emea", "staleAfterDays": 30 }',
        'emea/onboarding.journey': map('EMEA', 'enterprise'),
        'apac/journeys.json': '{ "name": "apac" }',
        'apac/onboarding.journey': map('APAC', 'smb'),
    })) {
        await mkdir(path.dirname(path.join(root, name)), { recursive: true });
        await writeFile(path.join(root, name), text);
    }
    client = LspClient.start();
    await client.request('initialize', {
        processId: process.pid,
        rootUri: URI.file(root).toString(),
        workspaceFolders: [{ uri: URI.file(root).toString(), name: 'maps' }],
        capabilities: { workspace: { workspaceFolders: true } },
    });
    await client.notify('initialized', {});
    // The same names in both projects clash nowhere; only emea's 30-day window finds its map stale.
    const codes = async (file: string) => (await client.diagnosticsFor(uri(file))).map((diagnostic) => diagnostic.code);
    expect(await codes('emea/onboarding.journey')).toEqual(['journey.stale-review']);
    expect(await codes('apac/onboarding.journey')).toEqual([]);
}, 60_000);

afterAll(async () => {
    try {
        expect(await client?.stop()).toBe(0);
    } finally {
        await rm(root, { recursive: true, force: true });
    }
});

describe('two projects with the same names in one workspace', () => {
    it('the preview draws a map with its own project’s teams and offers its own project’s segments only', async () => {
        const result = await client.request<DiagramResult>(DiagramRequestMethod, { uri: uri('apac/onboarding.journey'), audience: 'internal', theme: 'light' });
        expect(result.kind).toBe('diagram');
        if (result.kind !== 'diagram') return;
        expect(result.segments).toEqual([{ name: 'smb', title: 'smb customers' }]);
        expect(result.journeys).toEqual([{ name: 'onboarding', title: 'Onboarding APAC' }]);
        expect(result.svg).toContain('Kickoff APAC');
        expect(result.svg).not.toContain('EMEA');
    });

    it('the Journeys view lists each project’s journey, stale by its own project’s window', async () => {
        const { journeys } = await client.request<JourneysResult>(JourneysRequestMethod, {});
        const byTitle = Object.fromEntries(journeys.map((journey) => [journey.title, journey.badges]));
        expect(byTitle).toEqual({ 'Onboarding EMEA': ['stale'], 'Onboarding APAC': [] });
        expect(journeys.find((journey) => journey.title === 'Onboarding APAC')?.children[0].children[0].source?.uri).toBe(uri('apac/onboarding.journey'));
    });

    it('the references of a team are its own project’s', async () => {
        const file = uri('apac/onboarding.journey');
        await client.notify('textDocument/didOpen', { textDocument: { uri: file, languageId: 'journey', version: 1, text: map('APAC', 'smb') } });
        const references = await client.request<Location[]>('textDocument/references', {
            textDocument: { uri: file }, position: { line: 0, character: 6 }, context: { includeDeclaration: true },
        });
        expect(references.map((reference) => [path.relative(root, URI.parse(reference.uri).fsPath), reference.range.start.line])).toEqual([
            ['apac/onboarding.journey', 0], ['apac/onboarding.journey', 3], ['apac/onboarding.journey', 6],
        ]);
    });
});
