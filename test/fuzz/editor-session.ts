import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lsp-client.js';
import type { EditorRequest } from './editor-requests.js';

/** What an answer to a request was, as far as the invariants care. */
export type RequestOutcome =
    | { ok: true; ms: number; method: string }
    | { ok: false; problem: string };

/** Answers that say "ask again": the text changed while the server worked. Not an error. */
const RETRY_CODES: ReadonlySet<number> = new Set([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ContentModified, LSPErrorCodes.ServerCancelled]);

/** Signs of an internal error that reached a message meant for a user. */
const INTERNAL = /An error occurred|Cannot read propert|is not a function|is not iterable|\bundefined\b|\bNaN\b|\[object Object\]/;

/**
 * An editor on one workspace folder: the bundled server over stdio, the
 * documents it has open, and what the server said (diagnostics, logged errors).
 */
export class EditorSession {
    readonly client: LspClient;
    readonly loggedErrors: string[] = [];
    private readonly documents = new Map<string, TextDocument>();

    private constructor(client: LspClient) {
        this.client = client;
        client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1) this.loggedErrors.push(params.message);
        });
    }

    static async start(folder: string): Promise<EditorSession> {
        const client = LspClient.start();
        const rootUri = pathToFileURL(folder).toString();
        await client.request('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'fuzz' }],
            capabilities: {
                textDocument: {
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    publishDiagnostics: {},
                },
                workspace: { workspaceFolders: true },
            },
        });
        await client.notify('initialized', {});
        return new EditorSession(client);
    }

    async open(uri: string, text: string): Promise<TextDocument> {
        const document = TextDocument.create(uri, 'journey', 1, text);
        this.documents.set(uri, document);
        await this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        return document;
    }

    /** Replaces `[start, end)` as an editor does (an incremental change); offsets are the document's. */
    async change(uri: string, start: number, end: number, text: string): Promise<TextDocument> {
        const document = this.documents.get(uri)!;
        const range = { start: document.positionAt(start), end: document.positionAt(end) };
        const version = document.version + 1;
        // The same library as the server's applies the change, so both sides have the same text.
        const updated = TextDocument.update(document, [{ range, text }], version);
        this.documents.set(uri, updated);
        await this.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
        return updated;
    }

    document(uri: string): TextDocument {
        return this.documents.get(uri)!;
    }

    /** The diagnostics last published for the document. */
    async diagnostics(uri: string): Promise<Diagnostic[]> {
        return this.client.diagnosticsFor(uri, () => true, 0).catch(() => []);
    }

    /** Sends one request and says what is wrong with its answer, if anything. */
    async send(request: EditorRequest, timeoutMs: number, text = ''): Promise<RequestOutcome> {
        const started = performance.now();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
        try {
            const answering = this.client.request<unknown>(request.method, request.params);
            const answer = await Promise.race([answering, timeout]);
            if (answer === 'timeout') return { ok: false, problem: `no answer to ${request.method} within ${timeoutMs} ms; ${await lateAnswer(answering, started)}` };
            const leak = INTERNAL.exec(JSON.stringify(answer) ?? '');
            // A word the text itself holds ("undefined" in a comment) is the user's, not a leak.
            if (leak && request.method !== 'textDocument/semanticTokens/full' && !text.includes(leak[0])) {
                return { ok: false, problem: `${request.method} answered with "${leak[0]}" in: ${JSON.stringify(answer).slice(0, 300)}` };
            }
            return { ok: true, ms: performance.now() - started, method: request.method };
        } catch (error) {
            if (error instanceof ResponseError && RETRY_CODES.has(error.code)) return { ok: true, ms: performance.now() - started, method: request.method };
            const message = error instanceof Error ? error.message : String(error);
            return { ok: false, problem: `${request.method} answered with an error: ${message}` };
        } finally {
            clearTimeout(timer);
        }
    }

    /** Waits until the document's diagnostics equal the expected ones; the last ones if they never do. */
    async settledDiagnostics(uri: string, expected: readonly Diagnostic[], timeoutMs: number): Promise<Diagnostic[]> {
        const want = comparable(expected);
        try {
            return await this.client.diagnosticsFor(uri, (diagnostics) => comparable(diagnostics) === want, timeoutMs);
        } catch {
            return this.diagnostics(uri);
        }
    }

    /** Diagnostics whose text shows an internal error. */
    static internalDiagnostics(diagnostics: readonly Diagnostic[], text = ''): Diagnostic[] {
        return diagnostics.filter((diagnostic) => {
            const leak = INTERNAL.exec(diagnostic.message);
            return leak !== null && !text.includes(leak[0]);
        });
    }

    async stop(): Promise<void> {
        await this.client.stop().catch(() => undefined);
    }
}

/** Whether a request that missed its time was slow or is stuck. */
async function lateAnswer(answering: Promise<unknown>, started: number): Promise<string> {
    const late = await Promise.race([
        answering.then(() => 'answered', () => 'answered with an error'),
        new Promise<string>((resolve) => setTimeout(() => resolve('stuck'), 20_000)),
    ]);
    return late === 'stuck' ? 'no answer after 20 s either' : `${late} after ${Math.round(performance.now() - started)} ms`;
}

/** Diagnostics in a canonical order, as one string: the order of a list and of an object's keys do not matter. */
export function comparable(diagnostics: readonly Diagnostic[]): string {
    const place = ({ start, end }: Diagnostic['range']) => `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
    return JSON.stringify(diagnostics.map((diagnostic) => `${place(diagnostic.range)} ${diagnostic.severity} ${String(diagnostic.code)} ${diagnostic.message}`).sort());
}
