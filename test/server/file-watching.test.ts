// Files created and deleted on disk reach the language server through the
// watcher it registers itself (the extension adds none, see
// src/extension/language-client.ts). This test is the editor's side of that
// contract: it starts the bundled server, accepts the watcher registration as
// VS Code does, and sends the file events VS Code would send.
// (test/e2e/suite/files-on-disk.e2e.ts checks the same in a real VS Code.)
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { type Diagnostic, FileChangeType, type Registration } from 'vscode-languageserver';
import { LspClient } from '../helpers/lsp-client.js';

let client: LspClient | undefined;
let folder: string | undefined;

afterEach(async () => {
    await client?.stop();
    client = undefined;
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
});

const hasUnresolvedTeam = (diagnostics: Diagnostic[]) =>
    diagnostics.some((diagnostic) => diagnostic.code === 'journey.unresolved-reference' && diagnostic.message.includes('cs'));

describe('files created and deleted on disk', () => {
    it('reach the server through the watcher it registers', async () => {
        folder = await mkdtemp(path.join(tmpdir(), 'journey-watch-'));
        const mapFile = path.join(folder, 'map.journey');
        const teamsFile = path.join(folder, 'teams.journey');
        const mapUri = URI.file(mapFile).toString();
        const teamsUri = URI.file(teamsFile).toString();
        const mapText = 'journey onboarding "Onboarding" {\n  owner cs\n  reviewed 2026-11-01\n}\n';
        await writeFile(mapFile, mapText);

        client = LspClient.start();
        const registrations: Registration[] = [];
        client.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
            registrations.push(...params.registrations);
            return null;
        });
        const rootUri = URI.file(folder).toString();
        await client.request('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'maps' }],
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true } },
        });
        await client.notify('initialized', {});

        // The person has the map open; the teams file arrives on disk (a git pull, a new file in the explorer).
        await client.notify('textDocument/didOpen', { textDocument: { uri: mapUri, languageId: 'journey', version: 1, text: mapText } });
        await client.diagnosticsFor(mapUri, hasUnresolvedTeam);

        const watchers = registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles');
        expect(watchers, 'the server registers a file watcher').toHaveLength(1);
        const patterns = (watchers[0].registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern);
        expect(patterns.some((pattern) => /\*\*\/\*(\.journey)?$/.test(pattern)), patterns.join(', ')).toBe(true);

        // A teams file appears on disk: the map's reference resolves without the map being touched.
        await writeFile(teamsFile, 'team cs "Customer Success"\n');
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: teamsUri, type: FileChangeType.Created }] });
        await client.diagnosticsFor(mapUri, (diagnostics) => !hasUnresolvedTeam(diagnostics));

        // It is deleted again: the map reports the unknown team again.
        await unlink(teamsFile);
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: teamsUri, type: FileChangeType.Deleted }] });
        await client.diagnosticsFor(mapUri, hasUnresolvedTeam);
    }, 60_000);
});
