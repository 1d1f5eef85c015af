/**
 * The document builder keeps a document's exported names, scopes and links
 * when a keystroke changes no name and no reference, and relinks only what
 * the names of a re-parsed declaration reach when it does (validation/
 * document-builder.ts). After every random edit of a workspace the result
 * must equal a whole build of the same texts in a fresh workspace: the
 * problems of every file, the exported names, the local symbols, the links
 * and the reference index, positions included.
 */
import { readFileSync } from 'node:fs';
import { type AstNodeDescription, AstUtils, DocumentState, type LangiumDocument, type ReferenceDescription, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { JourneyDocumentFactory } from '../../../src/language/parser/document-factory.js';
import type { JourneyIndexManager } from '../../../src/language/references/reference-index.js';
import { generateJourney, sharedDeclarations } from '../../../bench/generate.js';
import { createTestServices } from '../../helpers/services.js';
import { Random } from '../../fuzz/random.js';

type Workspace = ReturnType<typeof createTestServices>;
type Files = Record<string, string>;

const WORKSPACES: Record<string, { files: Files; edited: string }> = {
    'examples/workspace': {
        files: Object.fromEntries(['shared/teams', 'shared/segments', 'journeys/implementation', 'journeys/self-serve'].map((name) => [
            `memory:///ws/${name}.journey`, readFileSync(`examples/workspace/${name}.journey`, 'utf8'),
        ])),
        edited: 'memory:///ws/journeys/implementation.journey',
    },
    'b2b-saas': { files: { 'memory:///saas.journey': readFileSync('examples/b2b-saas/saas.journey', 'utf8') }, edited: 'memory:///saas.journey' },
    'language reference': {
        files: { 'memory:///reference.journey': readFileSync('test/fixtures/language-reference.journey', 'utf8') },
        edited: 'memory:///reference.journey',
    },
    'comments everywhere': {
        files: { 'memory:///comments.journey': readFileSync('test/fixtures/comments-everywhere.journey', 'utf8') },
        edited: 'memory:///comments.journey',
    },
    'generated, with shared declarations': {
        files: { 'memory:///shared.journey': sharedDeclarations(), 'memory:///bench.journey': generateJourney(40) },
        edited: 'memory:///bench.journey',
    },
};

/** Edits that keep names and references (typed in a title, a number, a comment, whitespace) and any others, which fall back to a whole build. */
const VALUE_TYPING = ['a', 'Z', ' ', '7', '\u00e9', '-'];
const OTHER_EDITS = ['x', '_', '"', '{', '}', '\n', 'owner ', 'next ', ' touchpoint fresh "Fresh" { channel web }\n', '// c\n', '2026-12-01'];

/** The fuzzer's seeded source (mulberry32), as a function: the same seed gives the same edits. */
function random(seed: number): () => number {
    const source = new Random(seed);
    return () => source.next();
}

/** Where typing changes a value: inside a quoted text, a number or a comment, or in whitespace. */
function valuePositions(text: string): number[] {
    const positions: number[] = [];
    for (const match of text.matchAll(/"[^"\n]*"|\b\d+\b|\/\/[^\n]*| {2,}/g)) {
        for (let offset = match.index + 1; offset < match.index + match[0].length; offset++) positions.push(offset);
    }
    return positions;
}

function randomEdit(text: string, next: () => number): string {
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    // The same text again: a file opened as it is on disk, or saved.
    if (next() < 0.05) return text;
    if (next() < 0.75) {
        const at = pick(valuePositions(text));
        const deleted = next() < 0.2 && !/["\n]/.test(text[at]) ? 1 : 0;
        return text.slice(0, at) + (deleted ? '' : pick(VALUE_TYPING)) + text.slice(at + deleted);
    }
    const at = Math.floor(next() * (text.length + 1));
    return next() < 0.3 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + pick(OTHER_EDITS) + text.slice(at);
}

function change(before: string, after: string): string {
    let start = 0;
    while (start < Math.min(before.length, after.length) && before[start] === after[start]) start++;
    const removed = before.length - after.length;
    return `at ${start}: ${JSON.stringify(before.slice(start, start + Math.max(removed, 0) + 1))} → ${JSON.stringify(after.slice(start, start + Math.max(-removed, 0) + 1))}`;
}

class MemoryWorkspace {
    readonly services: Workspace = createTestServices();
    private readonly documents = new Map<string, TextDocument>();
    /** How many updates kept the edited document's links. */
    linksKept = 0;
    /** How many updates replaced a declaration and relinked only around it. */
    declarationsReplaced = 0;

    constructor() {
        const factory = this.services.shared.workspace.LangiumDocumentFactory as JourneyDocumentFactory;
        const update = factory.updateKeepingNamesAndReferences.bind(factory);
        factory.updateKeepingNamesAndReferences = (document) => {
            const kept = update(document);
            if (kept) this.linksKept++;
            return kept;
        };
        const replace = factory.updateDeclaration.bind(factory);
        factory.updateDeclaration = (document) => {
            const replaced = replace(document);
            if (replaced) this.declarationsReplaced++;
            return replaced;
        };
    }

    async open(files: Files): Promise<void> {
        const { workspace } = this.services.shared;
        const opened = Object.entries(files).map(([uri, text]) => {
            const textDocument = TextDocument.create(uri, 'journey', 1, text);
            this.documents.set(uri, textDocument);
            workspace.TextDocuments.set(textDocument);
            const document = workspace.LangiumDocumentFactory.fromTextDocument(textDocument);
            workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await workspace.DocumentBuilder.build(opened, { validation: true });
    }

    /** As the language server does on didChange: the open text document changes in place, then the builder updates. */
    async edit(uri: string, text: string): Promise<void> {
        const textDocument = this.documents.get(uri)!;
        TextDocument.update(textDocument, [{ text }], textDocument.version + 1);
        await this.services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
    }

    all(): LangiumDocument[] {
        return this.services.shared.workspace.LangiumDocuments.all.toArray().sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    }
}

function description(d: AstNodeDescription) {
    return { name: d.name, type: d.type, uri: d.documentUri.toString(), path: d.path, nameSegment: d.nameSegment, selectionSegment: d.selectionSegment };
}

function referenceDescription(d: ReferenceDescription) {
    // Field by field: the position is a getter (references/descriptions.ts), which a spread would leave out.
    return { sourceUri: d.sourceUri.toString(), sourcePath: d.sourcePath, targetUri: d.targetUri.toString(), targetPath: d.targetPath, local: d.local, segment: d.segment };
}

/** Everything a build computes that later requests read, in a form two workspaces can be compared by. */
function builtState(workspace: MemoryWorkspace) {
    const { shared, Journey } = workspace.services;
    const index = shared.workspace.IndexManager as JourneyIndexManager;
    const locator = Journey.workspace.AstNodeLocator;
    const byName = (a: { name: string; path: string }, b: { name: string; path: string }) => `${a.name}\0${a.path}`.localeCompare(`${b.name}\0${b.path}`);
    return {
        exports: index.allElements().map(description).toArray().sort(byName),
        documents: workspace.all().map((document) => ({
            uri: document.uri.toString(),
            state: DocumentState[document.state],
            diagnostics: document.diagnostics,
            localSymbols: AstUtils.streamAst(document.parseResult.value).filter((node) => document.localSymbols?.has(node) ?? false).map((container) => ({
                container: locator.getAstNodePath(container),
                names: document.localSymbols!.getStream(container).map(description).toArray(),
            })).toArray(),
            // In the order of the text: an edit relinks some references, and they join the list at its end.
            references: [...document.references].sort((a, b) => (a.$refNode?.offset ?? 0) - (b.$refNode?.offset ?? 0)).map((reference) => ({
                text: reference.$refText,
                at: reference.$refNode?.range,
                target: 'ref' in reference && reference.ref ? locator.getAstNodePath(reference.ref) : undefined,
                error: reference.error?.message,
            })),
            referenceIndex: [...index.referencesOf(document.uri.toString()) ?? []].map(referenceDescription),
        })),
    };
}

async function wholeBuild(files: Files): Promise<MemoryWorkspace> {
    const fresh = new MemoryWorkspace();
    await fresh.open(files);
    return fresh;
}

describe('a keystroke keeps the scopes and links it cannot change, and builds what a whole build builds', () => {
    for (const [name, { files, edited }] of Object.entries(WORKSPACES)) {
        it(`${name}: 60 random edits, each compared with a whole build`, async () => {
            const workspace = new MemoryWorkspace();
            await workspace.open(files);
            const next = random(name.length * 7919);
            const texts = { ...files };
            let lastParsed = files[edited];
            for (let step = 0; step < 60; step++) {
                const before = texts[edited];
                // A text that no longer parses is undone at the next step, as a user fixes a typo.
                texts[edited] = before !== lastParsed ? lastParsed : randomEdit(before, next);
                await workspace.edit(edited, texts[edited]);
                const parse = workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(edited))!.parseResult;
                if (parse.lexerErrors.length === 0 && parse.parserErrors.length === 0) lastParsed = texts[edited];
                const whole = await wholeBuild(texts);
                expect(builtState(workspace), `${name}, edit ${step}: ${change(before, texts[edited])}`).toEqual(builtState(whole));
            }
            // Not a vacuous comparison: most edits took the path that keeps links, and some the one that relinks around a declaration.
            expect(workspace.linksKept).toBeGreaterThan(20);
            expect(workspace.declarationsReplaced).toBeGreaterThan(2);
        });
    }
});
