import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node.js';
import { LANGUAGE_ID } from '../protocol/contributions.js';

/**
 * V8's young generation at 32 MB a half instead of 16: the preview's map of a
 * big journey is a few hundred MB of short-lived objects per keystroke, and
 * with the default most of it outlives a collection and is copied and
 * collected again (at 5,000 touchpoints ~100 ms less collection per
 * keystroke, measured on the preview's model → layout → SVG). It can only be
 * given at start-up.
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * The client for the bundled language server (out/server.cjs), which does the
 * parsing, validation and editor features for every .journey file.
 *
 * There is no client-side file watcher on purpose: the Langium server registers
 * its own watcher (`**\/*`) when it starts, so files created, deleted or renamed
 * on disk, including whole folders, already reach it. A second watcher here
 * would make the server rebuild the workspace twice per change.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: LANGUAGE_ID },
            { scheme: 'untitled', language: LANGUAGE_ID },
        ],
        outputChannel: output,
    };
    return new LanguageClient(LANGUAGE_ID, 'Journey Maps language server', serverOptions, clientOptions);
}
