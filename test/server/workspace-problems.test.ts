// Problems for the whole workspace, per project, from the bundled server as
// VS Code drives it: files never opened get their problems at start-up, and
// those stay current when files change on disk (created, edited outside the
// editor, renamed, deleted — a deleted file's problems disappear), when a
// project file appears or goes away, and under journey.validation.scope.
import { mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { type Diagnostic, FileChangeType } from 'vscode-languageserver';
import { LspClient } from '../helpers/lsp-client.js';

let client: LspClient | undefined;
let folder: string | undefined;

afterEach(async () => {
    await client?.stop();
    client = undefined;
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
});

const map = (owner: string) => `journey onboarding "Onboarding" {\n  owner ${owner}\n  reviewed 2026-11-01\n  stage s "S" {\n    touchpoint t "T" { owner ${owner} }\n  }\n}\n`;
const codes = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => `${String(d.code)} ${d.message.split(';')[0]}`);

async function files(root: string, content: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(content)) {
        await mkdir(path.dirname(path.join(root, name)), { recursive: true });
        await writeFile(path.join(root, name), text);
    }
}

async function start(root: string, scope: 'workspace' | 'openFiles' = 'workspace'): Promise<LspClient> {
    const started = LspClient.start();
    started.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
        params.items.map((item) => (item.section === 'journey' ? { validation: { scope } } : null)));
    const rootUri = URI.file(root).toString();
    await started.request('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'maps' }],
        capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true } },
    });
    await started.notify('initialized', {});
    return started;
}

describe('problems of files not opened, per project', () => {
    it('are listed at start-up and kept current as files change on disk', async () => {
        folder = await mkdtemp(path.join(tmpdir(), 'journey-problems-'));
        const root = folder;
        await files(root, {
            // The workspace folder itself, with no project file, is a project too.
            'shared.journey': 'team cs "CS"\n',
            'emea/journeys.json': '{ "name": "emea" }',
            'emea/teams.journey': 'team cs "CS"\n',
            'emea/map.journey': map('cs'),
            'apac/journeys.json': '{ "name": "apac" }',
            'apac/teams.journey': 'team cs "CS"\n',
            'apac/map.journey': map('sales'),
        });
        const uri = (name: string) => URI.file(path.join(root, name)).toString();
        const changed = (changes: Array<[string, FileChangeType]>) =>
            client!.notify('workspace/didChangeWatchedFiles', { changes: changes.map(([name, type]) => ({ uri: uri(name), type })) });
        client = await start(root);

        // Start-up: two projects, the same team names, one unknown owner; nothing is open.
        expect(codes(await client.diagnosticsFor(uri('apac/map.journey'), (d) => d.length > 0))).toEqual([
            "journey.unresolved-reference No team named 'sales' in project 'apac'",
            "journey.unresolved-reference No team named 'sales' in project 'apac'",
        ]);
        expect(codes(await client.diagnosticsFor(uri('emea/teams.journey')))).toEqual([]);
        expect(codes(await client.diagnosticsFor(uri('shared.journey')))).toEqual([]);
        expect(codes(await client.diagnosticsFor(uri('apac/teams.journey')))).toEqual([]);

        // Edited outside the editor: the team is declared now.
        await writeFile(path.join(root, 'apac/teams.journey'), 'team cs "CS"\nteam sales "Sales"\n');
        await changed([['apac/teams.journey', FileChangeType.Changed]]);
        await client.diagnosticsFor(uri('apac/map.journey'), (d) => codes(d).length === 0);

        // Created: a second declaration of 'sales' in the same project.
        await writeFile(path.join(root, 'apac/more.journey'), 'team sales "Sales again"\n');
        await changed([['apac/more.journey', FileChangeType.Created]]);
        expect(codes(await client.diagnosticsFor(uri('apac/more.journey'), (d) => d.length > 0))).toEqual([
            "journey.duplicate-name Team 'sales' is declared twice in project 'apac' (also at teams.journey line 2)",
        ]);

        // Renamed: the old name's problems go, the new name has them.
        await rename(path.join(root, 'apac/more.journey'), path.join(root, 'apac/renamed.journey'));
        await changed([['apac/more.journey', FileChangeType.Deleted], ['apac/renamed.journey', FileChangeType.Created]]);
        await client.diagnosticsFor(uri('apac/more.journey'), (d) => d.length === 0);
        await client.diagnosticsFor(uri('apac/renamed.journey'), (d) => codes(d).length === 1);

        // Deleted: its problems disappear, and so does the duplicate it caused.
        await unlink(path.join(root, 'apac/renamed.journey'));
        await changed([['apac/renamed.journey', FileChangeType.Deleted]]);
        await client.diagnosticsFor(uri('apac/renamed.journey'), (d) => d.length === 0);
        await client.diagnosticsFor(uri('apac/teams.journey'), (d) => codes(d).length === 0);

        // A project file deleted: apac's files join the workspace folder's project, where 'cs' is declared already.
        await unlink(path.join(root, 'apac/journeys.json'));
        await changed([['apac/journeys.json', FileChangeType.Deleted]]);
        await client.diagnosticsFor(uri('apac/teams.journey'), (d) => codes(d).some((code) => code.startsWith("journey.duplicate-name Team 'cs'")));
        // And created again: the projects are apart once more.
        await writeFile(path.join(root, 'apac/journeys.json'), '{ "name": "apac" }');
        await changed([['apac/journeys.json', FileChangeType.Created]]);
        await client.diagnosticsFor(uri('apac/teams.journey'), (d) => codes(d).length === 0);

        // A bad setting: reported in the project file itself, withdrawn when fixed.
        await writeFile(path.join(root, 'apac/journeys.json'), '{\n  "name": "apac",\n  "staleAfterDays": 0\n}\n');
        await changed([['apac/journeys.json', FileChangeType.Changed]]);
        const [problem] = await client.diagnosticsFor(uri('apac/journeys.json'), (d) => d.length === 1);
        expect(problem).toMatchObject({
            code: 'journey.project-file',
            range: { start: { line: 2, character: 2 } },
            message: '"staleAfterDays" must be a whole number of days, 1 or more; the default, 90, applies',
        });
        await writeFile(path.join(root, 'apac/journeys.json'), '{ "name": "apac", "staleAfterDays": 30 }');
        await changed([['apac/journeys.json', FileChangeType.Changed]]);
        await client.diagnosticsFor(uri('apac/journeys.json'), (d) => d.length === 0);
    }, 90_000);

    it('journey.validation.scope openFiles lists the problems of open files only', async () => {
        folder = await mkdtemp(path.join(tmpdir(), 'journey-scope-'));
        const root = folder;
        await files(root, { 'teams.journey': 'team cs "CS"\n', 'map.journey': map('sales'), 'other.journey': map('nobody').replace('onboarding', 'other') });
        const uri = (name: string) => URI.file(path.join(root, name)).toString();
        client = await start(root, 'workspace');
        await client.diagnosticsFor(uri('other.journey'), (d) => codes(d).length > 0);

        // Switched to open files: the problems of files not open leave the panel.
        await client.notify('workspace/didChangeConfiguration', { settings: { journey: { validation: { scope: 'openFiles' } } } });
        await client.diagnosticsFor(uri('other.journey'), (d) => d.length === 0);
        // Opening a file brings its problems; closing it takes them away.
        await client.notify('textDocument/didOpen', { textDocument: { uri: uri('map.journey'), languageId: 'journey', version: 1, text: map('sales') } });
        await client.diagnosticsFor(uri('map.journey'), (d) => codes(d).length === 2);
        await client.notify('textDocument/didClose', { textDocument: { uri: uri('map.journey') } });
        await client.diagnosticsFor(uri('map.journey'), (d) => d.length === 0);
        // Back to the workspace: they come back without any file changing.
        await client.notify('workspace/didChangeConfiguration', { settings: { journey: { validation: { scope: 'workspace' } } } });
        await client.diagnosticsFor(uri('other.journey'), (d) => codes(d).length > 0);
    }, 60_000);
});

describe('workspace folders added and removed while the server runs (multi-root)', () => {
    it('loads an added folder as its own project and lists its problems; a removed folder’s problems are cleared', async () => {
        folder = await mkdtemp(path.join(tmpdir(), 'journey-folders-'));
        const root = folder;
        await files(root, {
            'emea/teams.journey': 'team cs "CS"\n',
            'emea/map.journey': map('cs'),
            // No project files: each workspace folder is a project of its own.
            'apac/teams.journey': 'team cs "CS"\n',
            'apac/map.journey': map('sales'),
        });
        const uri = (name: string) => URI.file(path.join(root, name)).toString();
        const workspaceFolder = (name: string) => ({ uri: uri(name), name });
        client = LspClient.start();
        const registered: string[] = [];
        client.connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
            registered.push(...params.registrations.map((registration) => registration.method));
            return null;
        });
        await client.request('initialize', {
            processId: process.pid,
            rootUri: uri('emea'),
            workspaceFolders: [workspaceFolder('emea')],
            capabilities: { workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
        });
        await client.notify('initialized', {});
        expect(codes(await client.diagnosticsFor(uri('emea/map.journey')))).toEqual([]);
        // The server asks to be told of folder changes: an editor sends them only then.
        await expect.poll(() => registered).toContain('workspace/didChangeWorkspaceFolders');

        await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [workspaceFolder('apac')], removed: [] } });
        expect(codes(await client.diagnosticsFor(uri('apac/map.journey'), (d) => d.length > 0))).toEqual([
            "journey.unresolved-reference No team named 'sales' in the workspace",
            "journey.unresolved-reference No team named 'sales' in the workspace",
        ]);
        // Both folders declare team cs: no clash, each is its own project.
        expect(codes(await client.diagnosticsFor(uri('apac/teams.journey')))).toEqual([]);
        expect(codes(await client.diagnosticsFor(uri('emea/teams.journey')))).toEqual([]);

        await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [workspaceFolder('apac')] } });
        await client.diagnosticsFor(uri('apac/map.journey'), (d) => d.length === 0);
        expect(codes(await client.diagnosticsFor(uri('emea/map.journey')))).toEqual([]);
    }, 60_000);
});

describe('nested workspace folders', () => {
    it('removing a folder that another folder holds keeps its files, which join the outer folder’s project', async () => {
        folder = await mkdtemp(path.join(tmpdir(), 'journey-nested-folders-'));
        const root = folder;
        await files(root, { 'teams.journey': 'team cs "CS"\n', 'inner/teams.journey': 'team cs "CS"\n', 'inner/map.journey': map('cs') });
        const uri = (name: string) => URI.file(path.join(root, name)).toString();
        const workspaceFolder = (name: string) => ({ uri: name === '' ? URI.file(root).toString() : uri(name), name: name || 'outer' });
        client = LspClient.start();
        await client.request('initialize', {
            processId: process.pid,
            rootUri: uri(''),
            workspaceFolders: [workspaceFolder(''), workspaceFolder('inner')],
            capabilities: { workspace: { workspaceFolders: true } },
        });
        await client.notify('initialized', {});
        // Two folders, two projects: team cs once in each.
        expect(codes(await client.diagnosticsFor(uri('inner/teams.journey')))).toEqual([]);

        await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [workspaceFolder('inner')] } });
        const [duplicate] = codes(await client.diagnosticsFor(uri('inner/teams.journey'), (d) => d.length > 0));
        expect(duplicate).toMatch(/^journey\.duplicate-name Team 'cs' is declared twice in the workspace/);
        expect(codes(await client.diagnosticsFor(uri('inner/map.journey')))).toEqual([]);
    }, 60_000);
});
