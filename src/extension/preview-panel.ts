import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
    type DiagramParams,
    DiagramRequestMethod,
    type DiagramResult,
    type DrawnMap,
    ElementAtRequestMethod,
    type ElementAtParams,
    type ElementAtResult,
    type CompareBase,
    type MapChange,
    type SourceRange,
} from '../protocol/diagram-requests.js';
import { type FromWebview, parseWebviewMessage, type PreviewSettings, type ToWebview } from '../protocol/preview-messages.js';
import type { Theme } from '../protocol/theme.js';
import { MapDelivery } from './map-delivery.js';
import { previewHtml } from './preview-html.js';

export const PREVIEW_VIEW_TYPE = 'journey.preview';

export interface PreviewInspection {
    documentUri: string;
    settings: PreviewSettings;
    lastResult?: DiagramResult['kind'];
    svg?: string;
    /** Ids of the cards the webview reported drawing, last time it drew. */
    renderedIds: string[];
    /** In compare mode: the base version's label and the changes the map marks. */
    compare?: { base: string; changes: MapChange[] };
}

/**
 * One preview panel: asks the language server for the map of its document,
 * sends it to the webview, and acts on what the person does there. The map's
 * source locations stay on this side: the webview only names an element id,
 * and a location outside the workspace is never opened.
 */
export class PreviewPanel implements vscode.Disposable {
    private sources: Record<string, SourceRange> = {};
    private problem?: SourceRange;
    private readonly delivery = new MapDelivery();
    private lastResult?: DiagramResult['kind'];
    private renderedIds: string[] = [];
    /** Set in compare mode: the document's text in the base version, kept while the person types. */
    private compareBase?: CompareBase;
    private changes: MapChange[] = [];
    private request = 0;
    /** The width of the webview's map area, for the rows layout. */
    private panelWidth?: number;
    private readonly disposables: vscode.Disposable[] = [];
    private disposed = false;

    constructor(
        readonly panel: vscode.WebviewPanel,
        private documentUri: vscode.Uri,
        public settings: PreviewSettings,
        private readonly client: LanguageClient,
        extensionUri: vscode.Uri,
        private readonly onChange: () => void,
    ) {
        const media = vscode.Uri.joinPath(extensionUri, 'media');
        panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
        panel.webview.html = previewHtml({
            cspSource: panel.webview.cspSource,
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', 'preview.js')).toString(),
            styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
        });
        this.disposables.push(panel.webview.onDidReceiveMessage((raw) => void this.onMessage(parseWebviewMessage(raw))));
        this.updateTitle();
    }

    get uri(): vscode.Uri {
        return this.documentUri;
    }

    /** Points the preview at another document (it follows the active editor unless locked). */
    show(uri: vscode.Uri): void {
        if (uri.toString() === this.documentUri.toString()) return;
        this.documentUri = uri;
        this.settings = { ...this.settings, journey: undefined };
        // The base version was this document's: another one is shown plainly.
        this.compareBase = undefined;
        this.delivery.forget();
        this.updateTitle();
        this.sendSettings();
        void this.refresh();
    }

    /** Fetches the map from the language server; a newer request makes older answers moot. */
    async refresh(): Promise<void> {
        const request = ++this.request;
        const params: DiagramParams = {
            uri: this.documentUri.toString(),
            journey: this.settings.journey,
            segment: this.settings.segment,
            audience: this.settings.audience,
            theme: currentTheme(),
            view: this.settings.view,
            compare: this.compareBase,
            // No map yet (first open, reload, another file): draw what parses rather than an empty panel.
            recoverOnError: !this.delivery.hasMap,
            maxWidth: (this.settings.layout ?? 'rows') === 'rows' ? this.panelWidth : undefined,
            since: this.delivery.since,
        };
        let result: DiagramResult;
        try {
            result = await this.client.sendRequest<DiagramResult>(DiagramRequestMethod, params);
        } catch (error) {
            if (request === this.request) this.post({ type: 'empty', message: `The map could not be drawn: ${messageOf(error)}` });
            return;
        }
        if (request !== this.request) return;
        this.apply(result);
    }

    async highlightAt(position: vscode.Position): Promise<void> {
        const params: ElementAtParams = { uri: this.documentUri.toString(), position: { line: position.line, character: position.character } };
        try {
            const result = await this.client.sendRequest<ElementAtResult>(ElementAtRequestMethod, params);
            this.post({ type: 'highlight', id: result.id });
        } catch {
            // Cursor sync is a nicety: a failed lookup leaves the highlight as it was.
        }
    }

    private apply(result: DiagramResult): void {
        this.lastResult = result.kind;
        switch (result.kind) {
            case 'diagram':
                this.showMap(result);
                this.problem = undefined;
                break;
            case 'errors': {
                // The map of what parses, then the banner over it.
                if (result.recovered) this.showMap(result.recovered);
                this.problem = result.first.range;
                const start = result.first.range.start;
                const file = path.basename(vscode.Uri.parse(result.first.range.uri).path);
                this.post({ type: 'problem', message: result.first.message, location: `${file}:${start.line + 1}:${start.character + 1}`, errorCount: result.errorCount });
                break;
            }
            case 'empty':
                this.delivery.forget();
                this.delivery.pageCleared();
                this.post({ type: 'empty', message: result.message });
                break;
        }
    }

    private showMap(map: DrawnMap): void {
        // No sources: the same as the map before, which this preview holds (the request named it).
        if (map.sources) this.sources = map.sources;
        this.settings = { ...this.settings, journey: map.journey };
        this.changes = map.changes ?? [];
        const message = {
            fileName: path.basename(this.documentUri.path),
            journeys: map.journeys,
            segments: map.segments,
            settings: this.settings,
            compare: this.compareBase ? { base: this.compareBase.label, changes: this.changes } : undefined,
        };
        const picture = this.delivery.receive(map);
        if (!picture) {
            void this.refresh();
            return;
        }
        this.post('patch' in picture ? { type: 'diagramPatch', patch: picture.patch, ...message } : { type: 'diagram', svg: picture.svg, ...message });
    }

    /** What the preview shows now: for the status of the panel and for the end-to-end tests. */
    inspect(): PreviewInspection {
        return {
            documentUri: this.documentUri.toString(),
            settings: this.settings,
            lastResult: this.lastResult,
            svg: this.delivery.svg,
            renderedIds: [...this.renderedIds],
            compare: this.compareBase ? { base: this.compareBase.label, changes: this.changes } : undefined,
        };
    }

    /** Handles a message as if the webview had posted it (it goes through the same checks). */
    receive(raw: unknown): Promise<void> {
        return this.onMessage(parseWebviewMessage(raw));
    }

    private async onMessage(message: FromWebview | undefined): Promise<void> {
        if (!message) return;
        switch (message.type) {
            case 'rendered':
                this.renderedIds = message.ids;
                break;
            case 'ready':
                // A new or reloaded page: it has no map to patch.
                this.delivery.pageCleared();
                this.sendSettings();
                await this.refresh();
                break;
            case 'select':
                await this.reveal(this.sources[message.id]);
                break;
            case 'revealProblem':
                await this.reveal(this.problem);
                break;
            case 'setJourney':
                await this.update({ journey: message.journey });
                break;
            case 'setSegment':
                await this.update({ segment: message.segment });
                break;
            case 'setAudience':
                await this.update({ audience: message.audience });
                break;
            case 'setView':
                // The priorities view has no compare mode: choosing it leaves compare mode.
                if (message.view === 'priorities') this.compareBase = undefined;
                this.updateTitle();
                await this.update({ view: message.view });
                break;
            case 'setLayout':
                await this.update({ layout: message.layout });
                break;
            case 'panelWidth':
                this.panelWidth = message.width;
                if ((this.settings.layout ?? 'rows') === 'rows' && this.delivery.hasMap) await this.refresh();
                break;
            case 'toggleLock':
                this.setLocked(!this.settings.locked);
                break;
            case 'exportSvg':
                if (this.delivery.svg) await this.export('svg', new TextEncoder().encode(this.delivery.svg));
                break;
            case 'exportPng':
                await this.export('png', Buffer.from(message.base64, 'base64'));
                break;
            case 'leaveCompare':
                await this.setCompare(undefined);
                break;
        }
    }

    /** Enters compare mode with this base version of the document, or leaves it (undefined). */
    async setCompare(base: CompareBase | undefined): Promise<void> {
        this.compareBase = base;
        // What changed is drawn on the map.
        if (base) this.settings = { ...this.settings, view: undefined };
        this.sendSettings();
        this.changes = [];
        this.updateTitle();
        await this.refresh();
    }

    setLocked(locked: boolean): void {
        this.settings = { ...this.settings, locked };
        this.updateTitle();
        this.sendSettings();
        this.onChange();
    }

    private async update(change: Partial<PreviewSettings>): Promise<void> {
        this.settings = { ...this.settings, ...change };
        this.sendSettings();
        await this.refresh();
    }

    /** Opens the declaration in the editor beside the preview and selects its name. */
    private async reveal(range: SourceRange | undefined): Promise<void> {
        if (!range) return;
        const uri = vscode.Uri.parse(range.uri);
        if (!isOpenable(uri, this.documentUri)) return;
        const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
        const column = visible?.viewColumn ?? editorColumnBeside(this.panel);
        await vscode.window.showTextDocument(uri, { viewColumn: column, selection, preserveFocus: false });
    }

    private async export(format: 'svg' | 'png', bytes: Uint8Array): Promise<void> {
        const audience = `${this.settings.view === 'priorities' ? '-priorities' : ''}${this.settings.audience === 'customer' ? '-customer' : ''}`;
        const name = `${this.settings.journey ?? path.basename(this.documentUri.path, '.journey')}${this.settings.segment ? `-${this.settings.segment}` : ''}${audience}.${format}`;
        const target = await vscode.window.showSaveDialog({
            defaultUri: vscode.Uri.joinPath(this.documentUri, '..', name),
            filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
            title: `Export the journey map as ${format.toUpperCase()}`,
        });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, bytes);
        this.post({ type: 'exported', path: target.fsPath || target.toString() });
    }

    private sendSettings(): void {
        this.post({ type: 'settings', documentUri: this.documentUri.toString(), settings: this.settings });
    }

    /** Nothing once the panel is closed: a map asked for before may still arrive (VS Code throws "Webview is disposed"). */
    private post(message: ToWebview): void {
        if (this.disposed) return;
        void this.panel.webview.postMessage(message);
    }

    private updateTitle(): void {
        const lock = this.settings.locked ? '[Locked] ' : '';
        const compared = this.compareBase ? ` ↔ ${this.compareBase.label}` : '';
        this.panel.title = `${lock}Preview ${path.basename(this.documentUri.path)}${compared}`;
    }

    dispose(): void {
        this.disposed = true;
        for (const disposable of this.disposables) disposable.dispose();
    }
}

/** The previewed document itself, or a file of the workspace: never anything else. */
function isOpenable(uri: vscode.Uri, previewed: vscode.Uri): boolean {
    return uri.toString() === previewed.toString() || vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

function editorColumnBeside(panel: vscode.WebviewPanel): vscode.ViewColumn {
    const column = panel.viewColumn ?? vscode.ViewColumn.Two;
    return column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

export function currentTheme(): Theme {
    switch (vscode.window.activeColorTheme.kind) {
        case vscode.ColorThemeKind.Dark:
            return 'dark';
        case vscode.ColorThemeKind.HighContrast:
        case vscode.ColorThemeKind.HighContrastLight:
            return 'high-contrast';
        default:
            return 'light';
    }
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
