import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { type AgendaResult, AgendaRequestMethod } from '../../protocol/tune-up-requests.js';

/** Virtual Markdown documents, one per map: `journey-agenda:/<file> agenda.md?<map uri>`. */
export const AGENDA_SCHEME = 'journey-agenda';

/**
 * The tune-up agenda beside the editor: the language server writes it as
 * Markdown, VS Code's own Markdown preview shows this virtual document, and
 * the document changes (so the preview redraws) whenever a .journey file does.
 */
export class AgendaDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly open = new Set<string>();
    private readonly subscriptions: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly client: LanguageClient) {
        this.subscriptions.push(
            vscode.workspace.registerTextDocumentContentProvider(AGENDA_SCHEME, this),
            vscode.workspace.onDidChangeTextDocument((event) => {
                if (event.document.languageId === 'journey') this.refreshSoon();
            }),
            vscode.workspace.onDidCloseTextDocument((document) => {
                if (document.uri.scheme === AGENDA_SCHEME) this.open.delete(document.uri.toString());
            }),
        );
    }

    /** The agenda document of a map. */
    static uriOf(map: vscode.Uri): vscode.Uri {
        const name = map.path.split('/').pop() ?? 'journey';
        return vscode.Uri.from({ scheme: AGENDA_SCHEME, path: `/${name} agenda.md`, query: map.toString() });
    }

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        this.open.add(uri.toString());
        const result = await this.client.sendRequest<AgendaResult>(AgendaRequestMethod, { uri: uri.query });
        return result.kind === 'agenda' ? result.markdown : `${result.message}\n`;
    }

    private refreshSoon(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            for (const uri of this.open) this.changed.fire(vscode.Uri.parse(uri));
        }, 300);
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.changed.dispose();
        for (const subscription of this.subscriptions) subscription.dispose();
    }
}

/** Journey: Open Tune-up Agenda — for the active map, or the map a Journeys view item or the status bar names. */
export async function openAgenda(map?: vscode.Uri): Promise<void> {
    const target = map ?? activeMap();
    if (!target) {
        void vscode.window.showInformationMessage('Open a .journey file to see its tune-up agenda.');
        return;
    }
    await vscode.commands.executeCommand('markdown.showPreviewToSide', AgendaDocuments.uriOf(target));
}

export function activeMap(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'journey' ? document.uri : undefined;
}
