/**
 * The language server's start-up as an editor sees it: the bundled server
 * process (out/server.cjs --stdio) opened on a folder of 200 .journey files
 * in two projects (a journeys.json each, with the same team names), until the
 * problems of every file are published — the Problems panel complete, with
 * no file opened. First run discarded (disk cache); median of three.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { generateJourney, sharedDeclarations } from './generate.js';
import { type Figure, summarise } from './measure.js';

const PROJECTS = ['emea', 'apac'];

export async function measureServerStartup(serverPath: string, files = 200, touchpoints = 50): Promise<Figure | string> {
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-bench-startup-'));
    try {
        const count = writeProjects(folder, files, touchpoints);
        const times: number[] = [];
        for (let run = 0; run < 4; run++) {
            const elapsed = await startUntilAllPublished(serverPath, folder, count);
            if (typeof elapsed === 'string') return elapsed;
            if (run > 0) times.push(elapsed);
        }
        return summarise(times);
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

/** Writes the projects; returns how many .journey files they hold. */
function writeProjects(folder: string, files: number, touchpoints: number): number {
    const perProject = files / PROJECTS.length;
    for (const project of PROJECTS) {
        mkdirSync(path.join(folder, project, 'journeys'), { recursive: true });
        writeFileSync(path.join(folder, project, 'journeys.json'), JSON.stringify({ name: project }));
        writeFileSync(path.join(folder, project, 'shared.journey'), sharedDeclarations());
        for (let i = 0; i < perProject; i++) {
            writeFileSync(path.join(folder, project, 'journeys', `j${i}.journey`), generateJourney(touchpoints, `journey${i}`));
        }
    }
    return files + PROJECTS.length;
}

/** Milliseconds from starting the process to the last file's first published problems, or why it failed. */
async function startUntilAllPublished(serverPath: string, folder: string, expected: number): Promise<number | string> {
    const start = performance.now();
    const server = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Set<string>();
    let errors = 0;
    const complete = new Promise<number>((resolve) => {
        connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: { severity?: number }[] }) => {
            if (!params.uri.endsWith('.journey')) return;
            published.add(params.uri);
            errors += params.diagnostics.filter((diagnostic) => diagnostic.severity === 1).length;
            if (published.size === expected) resolve(performance.now() - start);
        });
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.listen();
    try {
        const rootUri = pathToFileURL(folder).toString();
        await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'bench' }],
            capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
        });
        await connection.sendNotification('initialized', {});
        const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(`failed: ${published.size} of ${expected} files published in 60 s`), 60_000).unref());
        const elapsed = await Promise.race([complete, timeout]);
        if (typeof elapsed === 'number' && errors > 0) return `failed: ${errors} errors in the generated projects`;
        return elapsed;
    } finally {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
        server.kill();
    }
}
