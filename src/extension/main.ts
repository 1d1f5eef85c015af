import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { createLanguageClient } from './language-client.js';
import { PreviewManager } from './preview-manager.js';
import { AgendaDocuments, openAgenda } from './tune-up/agenda-document.js';
import { JourneysView } from './tune-up/journeys-view.js';
import { Command } from '../protocol/contributions.js';

// The composition root of the extension: it creates the shared pieces (output
// channel, language client) and hands them to each feature. Features live in
// their own files; this one only wires them together.

let client: LanguageClient | undefined;

/** What activate returns: the preview's inspection hooks, used by the end-to-end tests. */
export interface JourneyExtensionApi {
    preview: Pick<PreviewManager, 'inspect' | 'inspectAll' | 'receive'>;
    journeys: Pick<JourneysView, 'inspect'>;
}

export async function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    const output = vscode.window.createOutputChannel('Journey Maps');
    context.subscriptions.push(output);

    client = createLanguageClient(context, output);
    try {
        await client.start();
    } catch (error) {
        output.appendLine(`The language server did not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        client = undefined;
        void vscode.window.showErrorMessage('Journey Maps: the language server did not start. See the "Journey Maps" output for details.');
        throw error;
    }
    const preview = new PreviewManager(context, client);
    context.subscriptions.push(preview);
    const journeys = new JourneysView(client);
    context.subscriptions.push(
        journeys,
        new AgendaDocuments(client),
        vscode.commands.registerCommand(Command.OpenAgenda, (map?: vscode.Uri) => openAgenda(map instanceof vscode.Uri ? map : undefined)),
    );
    return { preview, journeys };
}

/** VS Code waits for the returned promise, so the server exits cleanly instead of being killed. */
export async function deactivate(): Promise<void> {
    const stopping = client;
    client = undefined;
    await stopping?.stop();
}
