import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { DocumentsChangedNotification, type DocumentsChangedParams } from '../protocol/diagram-requests.js';
import { parsePageState, type PreviewSettings } from '../protocol/preview-messages.js';
import { PREVIEW_VIEW_TYPE, type PreviewInspection, PreviewPanel } from './preview-panel.js';

/**
 * The journey preview, like VS Code's Markdown preview: one panel that follows
 * the active .journey editor unless locked, updates as you type (the language
 * server says which documents changed; the panel re-fetches after a short
 * delay), highlights the element under the cursor, follows the colour theme
 * and comes back after a window reload.
 */
export class PreviewManager implements vscode.Disposable {
    private preview?: PreviewPanel;
    private refreshTimer?: ReturnType<typeof setTimeout>;
    private cursorTimer?: ReturnType<typeof setTimeout>;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: LanguageClient,
    ) {
        this.disposables.push(
            vscode.commands.registerCommand('journey.openPreview', (uri?: unknown) => this.open(uri, false)),
            vscode.commands.registerCommand('journey.openPreviewToSide', (uri?: unknown) => this.open(uri, true)),
            vscode.commands.registerCommand('journey.togglePreviewLock', () => this.preview?.setLocked(!this.preview.settings.locked)),
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
                deserializeWebviewPanel: async (panel, state) => this.restore(panel, state),
            }),
            vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
            vscode.window.onDidChangeTextEditorSelection((event) => this.syncCursor(event.textEditor)),
            vscode.window.onDidChangeActiveColorTheme(() => void this.preview?.refresh()),
            client.onNotification(DocumentsChangedNotification, (params: DocumentsChangedParams) => this.onDocumentsChanged(params)),
        );
        void vscode.commands.executeCommand('setContext', 'journey.previewOpen', false);
    }

    private async open(target: unknown, toSide: boolean): Promise<void> {
        const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : activeJourneyUri();
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .journey file to preview its map.');
            return;
        }
        const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
        if (this.preview) {
            this.preview.show(uri);
            this.preview.panel.reveal(column, toSide);
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Journey preview', { viewColumn: column, preserveFocus: toSide }, {
            enableScripts: true,
            retainContextWhenHidden: false,
        });
        this.attach(panel, uri, this.defaultSettings());
    }

    private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const restored = parsePageState(state);
        const uri = restored.documentUri ? vscode.Uri.parse(restored.documentUri) : activeJourneyUri();
        if (!uri || this.preview) {
            panel.dispose();
            return;
        }
        this.attach(panel, uri, restored.settings ?? this.defaultSettings());
    }

    private attach(panel: vscode.WebviewPanel, uri: vscode.Uri, settings: PreviewSettings): void {
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview-icon.svg');
        const preview = new PreviewPanel(panel, uri, settings, this.client, this.context.extensionUri, () => undefined);
        this.preview = preview;
        void vscode.commands.executeCommand('setContext', 'journey.previewOpen', true);
        panel.onDidDispose(() => {
            preview.dispose();
            if (this.preview === preview) this.preview = undefined;
            void vscode.commands.executeCommand('setContext', 'journey.previewOpen', false);
        });
    }

    private defaultSettings(): PreviewSettings {
        const audience = vscode.workspace.getConfiguration('journey.preview').get<string>('defaultAudience');
        return { audience: audience === 'customer' ? 'customer' : 'internal', locked: false };
    }

    private followEditor(editor: vscode.TextEditor | undefined): void {
        if (!this.preview || this.preview.settings.locked || editor?.document.languageId !== 'journey') return;
        this.preview.show(editor.document.uri);
    }

    private onDocumentsChanged(params: DocumentsChangedParams): void {
        if (!this.preview || !Array.isArray(params?.uris) || params.uris.length === 0) return;
        const delay = vscode.workspace.getConfiguration('journey.preview').get<number>('updateDelay', 100);
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.preview?.refresh(), Math.max(0, delay));
    }

    private syncCursor(editor: vscode.TextEditor): void {
        const preview = this.preview;
        if (!preview || editor.document.uri.toString() !== preview.uri.toString()) return;
        if (!vscode.workspace.getConfiguration('journey.preview').get<boolean>('syncCursor', true)) return;
        clearTimeout(this.cursorTimer);
        this.cursorTimer = setTimeout(() => void preview.highlightAt(editor.selection.active), 50);
    }

    /** The open preview's state, if one is open (the extension's API for end-to-end tests). */
    inspect(): PreviewInspection | undefined {
        return this.preview?.inspect();
    }

    /** Delivers a message as if the preview's webview had posted it. */
    async receive(message: unknown): Promise<void> {
        await this.preview?.receive(message);
    }

    dispose(): void {
        clearTimeout(this.refreshTimer);
        clearTimeout(this.cursorTimer);
        this.preview?.panel.dispose();
        for (const disposable of this.disposables) disposable.dispose();
    }
}

function activeJourneyUri(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'journey' ? editor.document.uri : undefined;
}
