import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../helpers/lsp-client.js';

// The bundled server (out/server.cjs) over stdio: editing one file updates the
// diagnostics of another file that depends on it without referencing it.

const SHARED = `team cs "Customer Success"
segment enterprise "Enterprise"
segment midmarket "Mid-market"
`;

const map = (forList: string, extra = '') => `${extra}journey saas {
  owner cs
  reviewed 2026-11-01
  stage onboarding {
    touchpoint kickoff { owner cs  for ${forList} }
  }
}
`;

const codesOf = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message.split(' ').slice(0, 2).join(' ')}`);

describe('the language server keeps cross-file diagnostics current', () => {
    let client: LspClient;
    let folder: string;
    let sharedUri: string;
    let mapUri: string;
    let version = 1;

    const edit = (text: string) => client.notify('textDocument/didChange', {
        textDocument: { uri: mapUri, version: ++version },
        contentChanges: [{ text }],
    });

    beforeAll(async () => {
        folder = mkdtempSync(join(tmpdir(), 'journey-cross-file-'));
        sharedUri = pathToFileURL(join(folder, 'shared.journey')).toString();
        mapUri = pathToFileURL(join(folder, 'map.journey')).toString();
        writeFileSync(join(folder, 'shared.journey'), SHARED);
        writeFileSync(join(folder, 'map.journey'), map('enterprise'));
        client = LspClient.start();
        await client.request('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).toString(),
            workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'maps' }],
            capabilities: { textDocument: { publishDiagnostics: {} }, workspace: { workspaceFolders: true } },
        });
        await client.notify('initialized', {});
        await client.notify('textDocument/didOpen', { textDocument: { uri: sharedUri, languageId: 'journey', version: 1, text: SHARED } });
        await client.notify('textDocument/didOpen', { textDocument: { uri: mapUri, languageId: 'journey', version: 1, text: map('enterprise') } });
    });

    afterAll(async () => {
        try {
            expect(await client?.stop()).toBe(0);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('warns about the segment no journey uses, in the file that declares it', async () => {
        const diagnostics = await client.diagnosticsFor(sharedUri, (found) => found.length > 0);
        expect(codesOf(diagnostics)).toEqual(["journey.unused-segment Segment 'midmarket'"]);
    });

    it('drops the warning when another file starts using the segment, and brings it back when it stops', async () => {
        await edit(map('enterprise, midmarket'));
        expect(await client.diagnosticsFor(sharedUri, (found) => found.length === 0)).toEqual([]);
        await edit(map('midmarket'));
        const diagnostics = await client.diagnosticsFor(sharedUri, (found) => found.some((d) => d.message.includes("'enterprise'")));
        expect(codesOf(diagnostics)).toEqual(["journey.unused-segment Segment 'enterprise'"]);
    });

    it('reports a team declared again in another file on both files, until it is removed', async () => {
        await edit(map('enterprise, midmarket', 'team cs "Support"\n'));
        const hasDuplicate = (found: Diagnostic[]) => found.some((d) => d.code === 'journey.duplicate-name');
        const shared = await client.diagnosticsFor(sharedUri, hasDuplicate);
        expect(codesOf(shared)).toEqual(["journey.duplicate-name Team 'cs'"]);
        expect(shared[0].message).toContain('map.journey line 1');
        expect(codesOf(await client.diagnosticsFor(mapUri, hasDuplicate))).toEqual(["journey.duplicate-name Team 'cs'"]);
        await edit(map('enterprise, midmarket'));
        expect(await client.diagnosticsFor(sharedUri, (found) => found.length === 0)).toEqual([]);
    });
});
