import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
    type JourneyBadge, type JourneyNode, type JourneysParams, JourneysRequestMethod, type JourneysResult, type JourneySummary,
} from '../../protocol/tune-up-requests.js';
import { Command } from '../../protocol/contributions.js';

const BADGE_WORDS: Record<JourneyBadge, string> = {
    stale: 'stale', 'never-reviewed': 'never reviewed', 'past-due': 'past due', 'due-soon': 'due soon', unaddressed: 'unaddressed',
};

const ICONS: Record<JourneyNode['kind'], string> = {
    journey: 'map', stage: 'symbol-class', touchpoint: 'circle-outline', painpoint: 'flame', initiative: 'rocket',
};

/**
 * The Journeys view in the Explorer: journeys → stages → touchpoints, pain
 * points and initiatives, with badges for what needs attention; a click
 * reveals the declaration. The tree comes from the language server and is
 * asked for again when a .journey file changes. The same answer feeds the
 * status-bar item of the active map.
 */
export class JourneysView implements vscode.TreeDataProvider<JourneyNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
    private readonly subscriptions: vscode.Disposable[] = [];
    private result: Promise<JourneysResult> | undefined;
    private summariesResult: Promise<JourneysResult> | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly client: LanguageClient) {
        this.status.command = Command.OpenAgenda;
        this.status.name = 'Journey map review';
        const watcher = vscode.workspace.createFileSystemWatcher('**/*.journey');
        this.subscriptions.push(
            this.status,
            watcher,
            vscode.window.registerTreeDataProvider('journey.journeys', this),
            vscode.workspace.onDidChangeTextDocument((event) => {
                if (event.document.languageId === 'journey') this.refreshSoon();
            }),
            watcher.onDidCreate(() => this.refreshSoon()),
            watcher.onDidDelete(() => this.refreshSoon()),
            watcher.onDidChange(() => this.refreshSoon()),
            vscode.window.onDidChangeActiveTextEditor(() => void this.updateStatus()),
        );
        void this.updateStatus();
    }

    /** What the view and the status bar show now (for the end-to-end tests). */
    async inspect(): Promise<{ journeys: JourneySummary[]; status?: string; rows: { label: string; description: string }[] }> {
        const { journeys } = await this.journeys();
        // The rows as the view draws them: each journey and its stages, label and description.
        const rows = journeys.flatMap((journey) => [journey, ...journey.children.filter((child) => child.kind === 'stage')]).map((node) => {
            const item = this.getTreeItem(node);
            const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
            return { label, description: typeof item.description === 'string' ? item.description : '' };
        });
        return { journeys, status: this.status.text || undefined, rows };
    }

    getTreeItem(node: JourneyNode): vscode.TreeItem {
        const collapsible = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
            : node.kind === 'journey' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(node.title, collapsible);
        const badges = node.badges.map((badge) => BADGE_WORDS[badge]);
        item.description = [...(badges.length > 0 ? [`⚠ ${badges.join(', ')}`] : []), ...(node.detail ? [node.detail] : [])].join(' · ');
        item.tooltip = `${node.kind === 'painpoint' ? 'pain point' : node.kind} ${node.name}${item.description ? ` — ${item.description}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(ICONS[node.kind], node.badges.length > 0 ? new vscode.ThemeColor('list.warningForeground') : undefined);
        item.contextValue = node.kind;
        if (node.source) {
            const { start, end } = node.source;
            item.command = {
                command: 'vscode.open',
                title: 'Reveal the declaration',
                arguments: [vscode.Uri.parse(node.source.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) }],
            };
        }
        return item;
    }

    async getChildren(node?: JourneyNode): Promise<JourneyNode[]> {
        if (node) return node.children;
        return (await this.journeys()).journeys;
    }

    private journeys(): Promise<JourneysResult> {
        this.result ??= this.client.sendRequest<JourneysResult>(JourneysRequestMethod, {});
        return this.result;
    }

    /** The journeys without their trees: what the status bar needs, when the view is closed. */
    private summaries(): Promise<JourneysResult> {
        const params: JourneysParams = { journeysOnly: true };
        this.summariesResult ??= this.result ?? this.client.sendRequest<JourneysResult>(JourneysRequestMethod, params);
        return this.summariesResult;
    }

    private refreshSoon(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.result = undefined;
            this.summariesResult = undefined;
            // VS Code asks for the tree again only if the view is open.
            this.changed.fire();
            void this.updateStatus();
        }, 300);
    }

    /** "Map reviewed 47 days ago · 1 past due" for the first journey of the active map; hidden elsewhere. */
    private async updateStatus(): Promise<void> {
        const document = vscode.window.activeTextEditor?.document;
        if (document?.languageId !== 'journey') {
            this.status.hide();
            return;
        }
        const { journeys } = await this.summaries();
        const journey = journeys.find((candidate) => candidate.source?.uri === document.uri.toString());
        if (!journey) {
            this.status.hide();
            return;
        }
        const attention = journey.badges.length > 0;
        this.status.text = `${attention ? '$(warning)' : '$(history)'} ${journey.summary}`;
        this.status.tooltip = `${journey.title}: open the tune-up agenda`;
        this.status.show();
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.changed.dispose();
        for (const subscription of this.subscriptions) subscription.dispose();
    }
}
