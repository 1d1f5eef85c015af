import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { isAudience } from '../protocol/audience.js';
import { Command, ContextKey, LANGUAGE_ID, PREVIEW_SETTING_DEFAULTS, PREVIEW_SETTINGS_SECTION } from '../protocol/contributions.js';
import { DocumentsChangedNotification, type DocumentsChangedParams } from '../protocol/diagram-requests.js';
import { parsePageState, type PreviewSettings } from '../protocol/preview-messages.js';
import { PREVIEW_VIEW_TYPE, type PreviewInspection, PreviewPanel } from './preview-panel.js';
import { repositoryOf, revisionsOf, textAt } from './git-base.js';

/**
 * The journey previews, like VS Code's Markdown previews: one preview follows
 * the active .journey editor; locking it keeps it on its document, and the
 * next "Open Preview" opens a new following one beside it. Every preview
 * updates as you type (the language server says which documents changed; the
 * panels re-fetch after a short delay), highlights the element under the
 * cursor, follows the colour theme and comes back after a window reload.
 */
export class PreviewManager implements vscode.Disposable {
    private readonly previews = new Set<PreviewPanel>();
    /** The preview the person last looked at: the one Toggle Lock and the inspection hooks act on. */
    private current?: PreviewPanel;
    private refreshTimer?: ReturnType<typeof setTimeout>;
    /** A change came while the last redraw's `updateDelay` ran: redraw when it ends. */
    private refreshPending = false;
    private cursorTimer?: ReturnType<typeof setTimeout>;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: LanguageClient,
    ) {
        this.disposables.push(
            vscode.commands.registerCommand(Command.OpenPreview, (uri?: unknown) => this.open(uri, false)),
            vscode.commands.registerCommand(Command.OpenPreviewToSide, (uri?: unknown) => this.open(uri, true)),
            vscode.commands.registerCommand(Command.TogglePreviewLock, () => this.current?.setLocked(!this.current.settings.locked)),
            vscode.commands.registerCommand(Command.CompareWithHead, () => this.compare('HEAD')),
            vscode.commands.registerCommand(Command.CompareWith, (revision?: unknown) => this.compare(typeof revision === 'string' ? revision : undefined)),
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
                deserializeWebviewPanel: (panel, state) => {
                    this.restore(panel, state);
                    return Promise.resolve();
                },
            }),
            vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
            vscode.window.onDidChangeTextEditorSelection((event) => this.syncCursor(event.textEditor)),
            vscode.window.onDidChangeActiveColorTheme(() => this.refreshAll()),
            client.onNotification(DocumentsChangedNotification, (params: DocumentsChangedParams) => this.onDocumentsChanged(params)),
        );
        void vscode.commands.executeCommand('setContext', ContextKey.PreviewOpen, false);
    }

    private open(target: unknown, toSide: boolean): void {
        const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : activeJourneyUri();
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .journey file to preview its map.');
            return;
        }
        const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
        const existing = this.lockedPreviewOf(uri) ?? this.followingPreview();
        if (existing) {
            existing.show(uri);
            existing.panel.reveal(column, toSide);
            this.current = existing;
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Journey preview', { viewColumn: column, preserveFocus: toSide }, {
            enableScripts: true,
            retainContextWhenHidden: false,
        });
        this.attach(panel, uri, this.defaultSettings());
    }

    /** Compare mode: the preview of the active .journey file (opened beside it if need be) against a git revision. */
    /**
     * Compare mode for the active map. Answers what it told the person when
     * it could not compare (the commands return it: for scripts and the
     * end-to-end tests, which cannot read a notification).
     */
    private async compare(revision: string | undefined): Promise<string | undefined> {
        const uri = activeJourneyUri() ?? this.current?.uri;
        if (!uri) return this.warn('Open a .journey file to compare its map with an earlier version.', 'information');
        const lookup = await repositoryOf(uri);
        if ('reason' in lookup) return this.warn(lookup.reason);
        const picked = revision ?? (await vscode.window.showQuickPick(revisionsOf(lookup.repository), { title: 'Compare the map with…', placeHolder: 'a branch, tag or recent commit', matchOnDescription: true }))?.revision;
        if (!picked) return undefined;
        let text: string | null;
        try {
            text = await textAt(lookup.repository, picked, uri);
        } catch (error) {
            return this.warn(error instanceof Error ? error.message : String(error));
        }
        this.open(uri, true);
        const preview = this.lockedPreviewOf(uri) ?? this.followingPreview();
        await preview?.setCompare({ label: /^[0-9a-f]{40}$/.test(picked) ? picked.slice(0, 7) : picked, text });
        return undefined;
    }

    private warn(message: string, level: 'warning' | 'information' = 'warning'): string {
        void (level === 'warning' ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
        return message;
    }

    private restore(panel: vscode.WebviewPanel, state: unknown): void {
        const restored = parsePageState(state);
        const uri = restored.documentUri ? vscode.Uri.parse(restored.documentUri) : activeJourneyUri();
        const settings = restored.settings ?? this.defaultSettings();
        // One preview follows the editor: a second following one would only repeat it.
        if (!uri || (!settings.locked && this.followingPreview())) {
            panel.dispose();
            return;
        }
        this.attach(panel, uri, settings);
    }

    private attach(panel: vscode.WebviewPanel, uri: vscode.Uri, settings: PreviewSettings): void {
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview-icon.svg');
        const preview = new PreviewPanel(panel, uri, settings, this.client, this.context.extensionUri, () => this.onLockChanged(preview));
        this.previews.add(preview);
        this.current = preview;
        void vscode.commands.executeCommand('setContext', ContextKey.PreviewOpen, true);
        panel.onDidChangeViewState(({ webviewPanel }) => {
            if (webviewPanel.active) this.current = preview;
        });
        panel.onDidDispose(() => {
            preview.dispose();
            this.previews.delete(preview);
            if (this.current === preview) this.current = [...this.previews].at(-1);
            void vscode.commands.executeCommand('setContext', ContextKey.PreviewOpen, this.previews.size > 0);
        });
    }

    /** An unlocked preview takes over following the editor: another following one would be redundant. */
    private onLockChanged(preview: PreviewPanel): void {
        if (preview.settings.locked) return;
        for (const other of this.previews) {
            if (other !== preview && !other.settings.locked) other.panel.dispose();
        }
    }

    private lockedPreviewOf(uri: vscode.Uri): PreviewPanel | undefined {
        return [...this.previews].find((preview) => preview.settings.locked && preview.uri.toString() === uri.toString());
    }

    private followingPreview(): PreviewPanel | undefined {
        return [...this.previews].find((preview) => !preview.settings.locked);
    }

    private defaultSettings(): PreviewSettings {
        const audience = previewSettings().get<string>('defaultAudience');
        return { audience: isAudience(audience) ? audience : PREVIEW_SETTING_DEFAULTS.defaultAudience, locked: false };
    }

    private followEditor(editor: vscode.TextEditor | undefined): void {
        if (editor?.document.languageId !== LANGUAGE_ID) return;
        this.followingPreview()?.show(editor.document.uri);
    }

    /**
     * Redraws at once after a pause, and at most once per `updateDelay` while
     * changes keep coming (the last one always). The map goes first to a
     * server that, after a keystroke, also has the editor's outline, folding
     * and highlighting to compute: a request sent later waits behind them.
     */
    private onDocumentsChanged(params: DocumentsChangedParams): void {
        if (this.previews.size === 0 || !Array.isArray(params?.uris) || params.uris.length === 0) return;
        const delay = Math.max(0, previewSettings().get<number>('updateDelay', PREVIEW_SETTING_DEFAULTS.updateDelay));
        if (this.refreshTimer !== undefined) {
            this.refreshPending = true;
            return;
        }
        // Every preview: a change in one file (a team renamed) can change the map of another.
        this.refreshAll();
        const quiet = () => {
            this.refreshTimer = undefined;
            if (!this.refreshPending) return;
            this.refreshPending = false;
            this.refreshAll();
            this.refreshTimer = setTimeout(quiet, delay);
        };
        this.refreshTimer = setTimeout(quiet, delay);
    }

    /** A hidden preview's page is gone (no retained context); it asks for the map again when it is shown. */
    private refreshAll(): void {
        for (const preview of this.previews) {
            if (preview.panel.visible) void preview.refresh();
        }
    }

    private syncCursor(editor: vscode.TextEditor): void {
        if (!previewSettings().get<boolean>('syncCursor', PREVIEW_SETTING_DEFAULTS.syncCursor)) return;
        clearTimeout(this.cursorTimer);
        // The previews that show the document when the timer fires: a following preview may have moved on.
        this.cursorTimer = setTimeout(() => {
            for (const preview of this.previews) {
                if (preview.uri.toString() === editor.document.uri.toString()) void preview.highlightAt(editor.selection.active);
            }
        }, 50);
    }

    /** The state of the preview last looked at, if one is open (the extension's API for end-to-end tests). */
    inspect(): PreviewInspection | undefined {
        return this.current?.inspect();
    }

    /** The state of every open preview, oldest first. */
    inspectAll(): PreviewInspection[] {
        return [...this.previews].map((preview) => preview.inspect());
    }

    /** Delivers a message to the preview last looked at, as if its webview had posted it. */
    async receive(message: unknown): Promise<void> {
        await this.current?.receive(message);
    }

    dispose(): void {
        clearTimeout(this.refreshTimer);
        clearTimeout(this.cursorTimer);
        for (const preview of [...this.previews]) preview.panel.dispose();
        for (const disposable of this.disposables) disposable.dispose();
    }
}

function activeJourneyUri(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === LANGUAGE_ID ? editor.document.uri : undefined;
}

function previewSettings(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(PREVIEW_SETTINGS_SECTION);
}
