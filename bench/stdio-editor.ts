/**
 * An editor's view of the language server, for the benchmark: the bundled
 * server (out/server.cjs --stdio) started on a folder, one file opened, then
 * keystrokes sent as incremental didChange notifications and requests sent
 * right behind them — what VS Code or Neovim does. Times are wall-clock from
 * the notification to the answer or to the file's next published problems.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export interface Position {
    line: number;
    character: number;
}

interface Published {
    count: number;
    errors: number;
    firstError?: string;
}

export class StdioEditor {
    private readonly connection: MessageConnection;
    private readonly published = new Map<string, Published>();
    private readonly waiters: Array<() => void> = [];
    private readonly versions = new Map<string, number>();
    readonly started = performance.now();

    private constructor(private readonly server: ChildProcess) {
        this.connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: { severity?: number; message: string }[] }) => {
            const previous = this.published.get(params.uri)?.count ?? 0;
            const errors = params.diagnostics.filter((diagnostic) => diagnostic.severity === 1);
            this.published.set(params.uri, { count: previous + 1, errors: errors.length, firstError: errors[0]?.message });
            this.waiters.splice(0).forEach((wake) => wake());
        });
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.listen();
    }

    /** Starts the server on `folder` (its workspace folder), as an editor opening that folder. */
    static async start(serverPath: string, folder: string, nodeArgs: string[] = []): Promise<StdioEditor> {
        const server = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
        const editor = new StdioEditor(server);
        const rootUri = pathToFileURL(folder).toString();
        await editor.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'bench' }],
            capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
        });
        await editor.connection.sendNotification('initialized', {});
        return editor;
    }

    /** How many times the file's problems have been published so far. */
    publishCount(uri: string): number {
        return this.published.get(uri)?.count ?? 0;
    }

    errorsOf(uri: string): { errors: number; firstError?: string } {
        return this.published.get(uri) ?? { errors: 0 };
    }

    async open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
    }

    /** One keystroke: `text` inserted at `at` (or replacing `until`), as an incremental change. */
    async change(uri: string, at: Position, text: string, until: Position = at): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: at, end: until }, text }],
        });
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest<R>(method, params);
    }

    /** Waits until the file's problems have been published more than `after` times; the time it happened. */
    async publishedAfter(uri: string, after: number, timeoutMs = 120_000): Promise<number> {
        const deadline = performance.now() + timeoutMs;
        while (this.publishCount(uri) <= after) {
            const left = deadline - performance.now();
            if (left <= 0) throw new Error(`no problems published for ${uri} within ${timeoutMs} ms`);
            await new Promise<void>((wake) => {
                const timer = setTimeout(wake, left);
                this.waiters.push(() => {
                    clearTimeout(timer);
                    wake();
                });
            });
        }
        return performance.now();
    }

    /** Waits until nothing has been published for `quietMs`: the server is idle. */
    async settle(quietMs = 300): Promise<void> {
        for (;;) {
            const before = [...this.published.values()].reduce((sum, p) => sum + p.count, 0);
            await new Promise((resolve) => setTimeout(resolve, quietMs));
            const after = [...this.published.values()].reduce((sum, p) => sum + p.count, 0);
            if (after === before) return;
        }
    }

    /** The server process's peak resident memory so far (Linux), in MB. */
    peakMemoryMB(): number | string {
        try {
            const status = readFileSync(`/proc/${this.server.pid}/status`, 'utf8');
            const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
            return Number.isFinite(kb) ? Math.round(kb / 1024) : 'unknown';
        } catch {
            return 'unknown';
        }
    }

    async stop(): Promise<void> {
        const exited = new Promise<void>((resolve) => (this.server.exitCode !== null ? resolve() : this.server.once('exit', () => resolve())));
        const timer = setTimeout(() => this.server.kill('SIGKILL'), 10_000);
        await this.connection.sendRequest('shutdown').catch(() => undefined);
        await this.connection.sendNotification('exit').catch(() => undefined);
        await exited;
        clearTimeout(timer);
        this.connection.dispose();
    }
}
