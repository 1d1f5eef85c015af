// Files created and deleted on disk reach the language server through the
// watcher it registers itself (the extension adds none, see
// src/extension/language-client.ts). This test is the editor's side of that
// contract: it starts the bundled server (out/server.cjs --stdio, built by
// `npm test`), accepts the watcher registration as VS Code does, and sends the
// file events VS Code would send.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import {
    ConfigurationRequest,
    createProtocolConnection,
    DidChangeWatchedFilesNotification,
    DidOpenTextDocumentNotification,
    FileChangeType,
    type ProtocolConnection,
    type PublishDiagnosticsParams,
    PublishDiagnosticsNotification,
    type Registration,
    RegistrationRequest,
} from 'vscode-languageserver/node.js';

const serverPath = new URL('../out/server.cjs', import.meta.url).pathname;

interface Session {
    connection: ProtocolConnection;
    registrations: Registration[];
    /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
    diagnosticsFor(uri: string, accept: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
}

let server: ChildProcess | undefined;
let connection: ProtocolConnection | undefined;
let folder: string | undefined;

afterEach(async () => {
    connection?.dispose();
    connection = undefined;
    server?.kill();
    server = undefined;
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
});

async function startServer(workspaceFolder: string): Promise<Session> {
    server = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(server.stdout!, server.stdin!);
    const registrations: Registration[] = [];
    const waiting: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];

    connection.onRequest(RegistrationRequest.type, (params) => {
        registrations.push(...params.registrations);
    });
    // No settings: the server falls back to its defaults.
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        for (const waiter of [...waiting]) {
            if (waiter.uri === params.uri && waiter.accept(params)) {
                waiting.splice(waiting.indexOf(waiter), 1);
                waiter.resolve(params);
            }
        }
    });
    connection.listen();

    const rootUri = URI.file(workspaceFolder).toString();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'maps' }],
        capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true } },
    });
    await connection.sendNotification('initialized', {});
    return {
        connection,
        registrations,
        diagnosticsFor: (uri, accept) =>
            new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within 20 s`)), 20_000);
                waiting.push({ uri, accept, resolve: (params) => (clearTimeout(timer), resolve(params)) });
            }),
    };
}

const hasUnresolvedTeam = (params: PublishDiagnosticsParams) =>
    params.diagnostics.some((diagnostic) => diagnostic.code === 'journey.unresolved-reference' && diagnostic.message.includes('cs'));

describe('files created and deleted on disk', () => {
    it('reach the server through the watcher it registers', async () => {
        folder = await mkdtemp(path.join(tmpdir(), 'journey-watch-'));
        const mapFile = path.join(folder, 'map.journey');
        const teamsFile = path.join(folder, 'teams.journey');
        const mapUri = URI.file(mapFile).toString();
        const teamsUri = URI.file(teamsFile).toString();
        const mapText = 'journey onboarding "Onboarding" {\n  owner cs\n  reviewed 2026-11-01\n}\n';
        await writeFile(mapFile, mapText);

        // The person has the map open; the teams file arrives on disk (a git pull, a new file in the explorer).
        const session = await startServer(folder);
        const initially = session.diagnosticsFor(mapUri, () => true);
        await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: mapUri, languageId: 'journey', version: 1, text: mapText },
        });
        expect(hasUnresolvedTeam(await initially), 'the map first reports the unknown team').toBe(true);

        const watchers = session.registrations.filter((registration) => registration.method === DidChangeWatchedFilesNotification.method);
        expect(watchers, 'the server registers a file watcher').toHaveLength(1);
        const patterns = (watchers[0]!.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern);
        expect(patterns.some((pattern) => /\*\*\/\*(\.journey)?$/.test(pattern)), patterns.join(', ')).toBe(true);

        // A teams file appears on disk: the map's reference resolves without the map being touched.
        await writeFile(teamsFile, 'team cs "Customer Success"\n');
        const resolved = session.diagnosticsFor(mapUri, (params) => !hasUnresolvedTeam(params));
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: teamsUri, type: FileChangeType.Created }] });
        await resolved;

        // It is deleted again: the map reports the unknown team again.
        await unlink(teamsFile);
        const broken = session.diagnosticsFor(mapUri, hasUnresolvedTeam);
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: teamsUri, type: FileChangeType.Deleted }] });
        await broken;
    }, 60_000);
});
