import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DiagramResult, DiagramRequestMethod } from '../../src/protocol/diagram-requests.js';
import { joinSvg, patchSvgTree, splitSvg } from '../../src/protocol/svg-patch.js';
import { LspClient } from '../helpers/lsp-client.js';

// The bundled server draws the preview's map with its own layouter (ELK in out/layout-worker.cjs),
// and its layout workers do not keep it alive after `exit`.

const MAP = `journey saas "B2B SaaS" {
  stage onboarding {
    touchpoint kickoff "Kickoff call" { channel call  emotion +1 }
    touchpoint welcome "Welcome email" { channel email  emotion 0 }
  }
}
`;

let client: LspClient;
let folder: string;

beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'journey-lsp-diagram-'));
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

it('answers journey/diagram with the map of the document, and the same map when asked again', async () => {
    const uri = pathToFileURL(join(folder, 'map.journey')).toString();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: MAP } });
    const params = { uri, audience: 'internal', theme: 'light' };
    const first = await client.request<DiagramResult>(DiagramRequestMethod, params);
    expect(first.kind).toBe('diagram');
    const svg = first.kind === 'diagram' ? first.svg : '';
    expect(svg).toContain('Kickoff call');
    const second = await client.request<DiagramResult>(DiagramRequestMethod, params);
    expect(second.kind === 'diagram' && second.svg).toBe(svg);
});

it('answers a preview that names the map it holds with what changed since, which gives the whole new map', async () => {
    const uri = pathToFileURL(join(folder, 'patched.journey')).toString();
    const text = MAP.replace('journey saas', 'journey patched');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
    const params = { uri, audience: 'internal', theme: 'light' };
    const first = await client.request<DiagramResult>(DiagramRequestMethod, params);
    if (first.kind !== 'diagram') throw new Error(`no map: ${first.kind}`);
    expect(first.mapId).toBeDefined();
    expect(first.patch).toBeUndefined();

    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('Kickoff call', 'Kickoff call, recorded') }] });
    const patched = await client.request<DiagramResult>(DiagramRequestMethod, { ...params, since: first.mapId });
    const whole = await client.request<DiagramResult>(DiagramRequestMethod, params);
    if (patched.kind !== 'diagram' || whole.kind !== 'diagram') throw new Error('no map after the edit');
    expect(patched.svg).toBe('');
    expect(patched.patch?.since).toBe(first.mapId);
    const applied = joinSvg(patchSvgTree(splitSvg(first.svg)!, patched.patch!.patch));
    expect(applied).toBe(whole.svg);
    expect(applied).toContain('Kickoff call, recorded');
    // A title typed moves no declaration: the preview keeps the sources it has.
    expect(patched.sources).toBeUndefined();
    expect(whole.sources).toEqual(first.sources);

    // A line added above moves every declaration below it: the sources come again.
    const moved = text.replace('Kickoff call', 'Kickoff call, recorded').replace('journey patched', '// Reviewed with the CS leads\njourney patched');
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: moved }] });
    const shifted = await client.request<DiagramResult>(DiagramRequestMethod, { ...params, since: patched.mapId });
    if (shifted.kind !== 'diagram') throw new Error('no map after the new line');
    expect(shifted.sources?.['touchpoint-kickoff']?.start.line).toBe((first.sources?.['touchpoint-kickoff']?.start.line ?? NaN) + 1);

    // A map the server no longer knows: the whole map.
    const unknown = await client.request<DiagramResult>(DiagramRequestMethod, { ...params, since: 'no-such-map' });
    expect(unknown.kind === 'diagram' && unknown.svg).toBe(whole.svg);
});
