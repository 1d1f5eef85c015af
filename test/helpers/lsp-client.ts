import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
    createMessageConnection,
    type MessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

export const SERVER_PATH = join(import.meta.dirname, '..', '..', 'out', 'server.cjs');

/**
 * A minimal editor: starts the bundled language server as a separate process
 * (`node out/server.cjs --stdio`) and speaks JSON-RPC to it over stdin/stdout,
 * as Neovim or any other LSP client does.
 */
export class LspClient {
    readonly connection: MessageConnection;
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly diagnosticWaiters: Array<() => void> = [];
    readonly stderr: string[] = [];

    private constructor(private readonly server: ChildProcess) {
        this.connection = createMessageConnection(
            new StreamMessageReader(server.stdout!),
            new StreamMessageWriter(server.stdin!),
        );
        server.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.diagnosticWaiters.splice(0).forEach((wake) => wake());
        });
        // Requests a server may send to its client; an editor answers them.
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.listen();
    }

    /** Starts the server; `npm run build` must have produced out/server.cjs. */
    static start(): LspClient {
        if (!existsSync(SERVER_PATH)) {
            throw new Error(`${SERVER_PATH} is missing: run \`npm run build\` first`);
        }
        const server = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        return new LspClient(server);
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest<R>(method, params);
    }

    notify(method: string, params: unknown): Promise<void> {
        return this.connection.sendNotification(method, params);
    }

    /** Waits until the server has published diagnostics for `uri` that satisfy `until`. */
    async diagnosticsFor(uri: string, until: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 15_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && until(current)) return current;
            const left = deadline - Date.now();
            if (left <= 0) {
                throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(current)}`);
            }
            await new Promise<void>((wake) => {
                const timer = setTimeout(wake, left);
                this.diagnosticWaiters.push(() => {
                    clearTimeout(timer);
                    wake();
                });
            });
        }
    }

    /** Shuts the server down as an editor does, and waits for the process to end. */
    async stop(): Promise<number | null> {
        const exited = new Promise<number | null>((resolve) => {
            if (this.server.exitCode !== null) resolve(this.server.exitCode);
            else this.server.once('exit', (code) => resolve(code));
        });
        // A server stuck in a loop never answers `shutdown`: it is killed after 5 s either way.
        const timer = setTimeout(() => this.server.kill('SIGKILL'), 5_000);
        await Promise.race([this.request('shutdown', null).then(() => this.notify('exit', null)), exited]).catch(() => undefined);
        const code = await exited;
        clearTimeout(timer);
        this.connection.dispose();
        return code;
    }
}
