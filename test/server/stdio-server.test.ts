import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
    CompletionItem, CompletionList, Hover, InitializeResult, Location, LocationLink, Position, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { LspClient } from '../helpers/lsp-client.js';

// The bundled server (out/server.cjs, built by `npm run build`, which `npm test` runs first),
// started as a separate process and driven over stdio like any editor would.

const TEAMS = `team cs "Customer Success"
team support "Support"
segment enterprise "Enterprise"
`;

const MAP = `journey saas "B2B SaaS" {
  owner cs   // the map's owner
  reviewed 2026-10-15
  stage onboarding {
    touchpoint kickoff "Kickoff call" {channel call owner cs emotion +1 for enterprise}
    touchpoint welcome { owner }
    painpoint late { at kickoff, nowhere  severity low }
  }
}
`;

/** The position of the first `needle` in the document, moved by `delta` characters. */
function positionOf(document: TextDocument, needle: string, delta = 0): Position {
    const offset = document.getText().indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' not in the test document`);
    return document.positionAt(offset + delta);
}

describe('the language server over stdio', () => {
    let client: LspClient;
    let folder: string;
    let teams: TextDocument;
    let map: TextDocument;
    let initialize: InitializeResult;

    beforeAll(async () => {
        folder = mkdtempSync(join(tmpdir(), 'journey-lsp-'));
        const uri = (name: string) => pathToFileURL(join(folder, name)).toString();
        writeFileSync(join(folder, 'teams.journey'), TEAMS);
        writeFileSync(join(folder, 'map.journey'), MAP);
        teams = TextDocument.create(uri('teams.journey'), 'journey', 1, TEAMS);
        map = TextDocument.create(uri('map.journey'), 'journey', 1, MAP);

        client = LspClient.start();
        initialize = await client.request<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).toString(),
            workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'maps' }],
            capabilities: {
                textDocument: {
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    rename: { prepareSupport: true },
                    publishDiagnostics: {},
                },
                workspace: { workspaceFolders: true },
            },
        });
        await client.notify('initialized', {});
        for (const document of [teams, map]) {
            await client.notify('textDocument/didOpen', {
                textDocument: { uri: document.uri, languageId: 'journey', version: 1, text: document.getText() },
            });
        }
    });

    afterAll(async () => {
        try {
            expect(await client?.stop()).toBe(0);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('announces the features an editor needs', () => {
        const capabilities = initialize.capabilities;
        expect(capabilities.completionProvider).toBeDefined();
        expect(capabilities.hoverProvider).toBeTruthy();
        expect(capabilities.definitionProvider).toBeTruthy();
        expect(capabilities.referencesProvider).toBeTruthy();
        expect(capabilities.renameProvider).toMatchObject({ prepareProvider: true });
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.documentRangeFormattingProvider).toBeTruthy();
        expect(capabilities.documentSymbolProvider).toBeTruthy();
        expect(capabilities.foldingRangeProvider).toBeTruthy();
        expect(capabilities.semanticTokensProvider).toBeDefined();
    });

    it('publishes diagnostics with stable codes, and none for a clean file', async () => {
        const diagnostics = await client.diagnosticsFor(map.uri, (found) => found.length > 0);
        const unresolved = diagnostics.find((diagnostic) => diagnostic.code === 'journey.unresolved-reference');
        expect(unresolved).toMatchObject({ severity: DiagnosticSeverity.Error, range: { start: { line: 6 } } });
        expect(unresolved!.message).toContain('nowhere');
        // The unfinished `owner }` being typed is a syntax error, reported as such.
        expect(diagnostics.some((diagnostic) => diagnostic.code === 'journey.syntax-error' && diagnostic.range.start.line === 5)).toBe(true);
        expect((await client.diagnosticsFor(teams.uri)).filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)).toEqual([]);
    });

    it('completes the teams of the workspace after `owner `', async () => {
        const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', {
            textDocument: { uri: map.uri },
            position: positionOf(map, '{ owner }', '{ owner '.length),
        });
        const labels = (Array.isArray(result) ? result : result.items).map((item) => item.label);
        expect(labels).toEqual(expect.arrayContaining(['cs', 'support']));
        expect(labels).not.toContain('enterprise'); // a segment is not a team
    });

    it('hovers a reference with its declaration\'s title', async () => {
        const hover = await client.request<Hover | null>('textDocument/hover', {
            textDocument: { uri: map.uri },
            position: positionOf(map, 'owner cs', 'owner c'.length),
        });
        expect(JSON.stringify(hover?.contents)).toContain('Customer Success');
    });

    it('goes to the definition of a team in the other file', async () => {
        const result = await client.request<Location | Location[] | LocationLink[]>('textDocument/definition', {
            textDocument: { uri: map.uri },
            position: positionOf(map, 'owner cs', 'owner c'.length),
        });
        const [target] = [result].flat();
        const uri = target && ('targetUri' in target ? target.targetUri : target.uri);
        const range = target && ('targetSelectionRange' in target ? target.targetSelectionRange : target.range);
        expect(uri).toBe(teams.uri);
        expect(range).toEqual({ start: { line: 0, character: 5 }, end: { line: 0, character: 7 } });
    });

    it('renames a team in both files, and to a keyword too (a name where a name belongs), refusing a name that is not one', async () => {
        const position = positionOf(map, 'owner cs', 'owner c'.length);
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: map.uri },
            position,
            newName: 'success',
        });
        expect(TextDocument.applyEdits(teams, edit.changes![teams.uri])).toBe(TEAMS.replace('team cs', 'team success'));
        expect(TextDocument.applyEdits(map, edit.changes![map.uri])).toBe(MAP.replaceAll('owner cs', 'owner success'));
        const keyword = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: map.uri }, position, newName: 'stage' });
        expect(TextDocument.applyEdits(map, keyword.changes![map.uri])).toBe(MAP.replaceAll('owner cs', 'owner stage'));
        await expect(
            client.request('textDocument/rename', { textDocument: { uri: map.uri }, position, newName: 'customer success' }),
        ).rejects.toThrow(/'customer success' is not a valid name/);
    });

    it('formats a document, changing only whitespace and keeping comments', async () => {
        const edits = await client.request<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri: teams.uri },
            options: { tabSize: 2, insertSpaces: true },
        });
        expect(edits).toEqual([]); // already canonical
        const other = TextDocument.create(teams.uri.replace('teams', 'messy'), 'journey', 1, 'team  ops   "Ops"   // who runs it\nsegment smb{description "Small"}');
        await client.notify('textDocument/didOpen', {
            textDocument: { uri: other.uri, languageId: 'journey', version: 1, text: other.getText() },
        });
        const formatting = await client.request<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri: other.uri },
            options: { tabSize: 2, insertSpaces: true },
        });
        expect(TextDocument.applyEdits(other, formatting)).toBe('team ops "Ops"   // who runs it\nsegment smb { description "Small" }\n');
    });

    it('completes the touchpoints after `next ` in a stage with a mistake earlier in it', async () => {
        const mistakes = ['touchpoint x "X" { emotion happy }', 'metric high  ttv "T" { target <= 14 }', 'touchpoint x "X" { channel 3 }', 'touchpoint x "X" { } }'];
        for (const [index, mistake] of mistakes.entries()) {
            const text = `journey j {\n  stage first { touchpoint z "Z" { } }\n  stage s {\n    ${mistake}\n    touchpoint a "A" { next  }\n  }\n}\n`;
            const document = TextDocument.create(teams.uri.replace('teams', `typing-${index}`), 'journey', 1, text);
            await client.notify('textDocument/didOpen', { textDocument: { uri: document.uri, languageId: 'journey', version: 1, text } });
            const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', {
                textDocument: { uri: document.uri },
                position: positionOf(document, '{ next ', '{ next '.length),
            });
            const labels = (Array.isArray(result) ? result : result.items).map((item) => item.label);
            expect(labels, mistake).toContain('z');
            expect(labels, mistake).not.toContain('a'); // a touchpoint does not follow itself
        }
    });
    it('answers semantic tokens after an edit as a delta that gives the tokens of the new text', async () => {
        const uri = pathToFileURL(join(folder, 'tokens.journey')).toString();
        const text = MAP.replace('journey saas', 'journey tokens');
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        expect(initialize.capabilities.semanticTokensProvider?.full).toEqual({ delta: true });
        const first = await client.request<{ resultId?: string; data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
        expect(first.resultId).toBeDefined();
        expect(first.data.length).toBeGreaterThan(0);

        const edited = text.replace('  stage onboarding {', '  stage onboarding {\n    touchpoint intro "Intro" { owner support }');
        await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
        const delta = await client.request<{ edits: { start: number; deleteCount: number; data?: number[] }[] }>(
            'textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: first.resultId });
        const applied = [...first.data];
        for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) applied.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
        const whole = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
        expect(applied).toEqual(whole.data);
        expect(delta.edits.reduce((n, edit) => n + (edit.data?.length ?? 0), 0)).toBeLessThan(whole.data.length);
    });
});
