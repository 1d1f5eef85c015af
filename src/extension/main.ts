import * as path from 'node:path';
import type * as vscode from 'vscode';
import { PreviewManager } from './preview-manager.js';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node.js';

let client: LanguageClient | undefined;

/** Starts the bundled language server for .journey files. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'journey' }],
    };
    client = new LanguageClient('journey', 'Journey Maps', serverOptions, clientOptions);
    await client.start();
    context.subscriptions.push(new PreviewManager(context, client));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
