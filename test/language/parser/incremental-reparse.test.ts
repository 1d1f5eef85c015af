import { readFileSync } from 'node:fs';
import { type AstNode, type CstNode, isCompositeCstNode, isLeafCstNode, isReference, type ParseResult, type Reference, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { reparseIncrementally } from '../../../src/language/parser/incremental-reparse.js';
import { lexerDiagnostics, parserDiagnostics } from '../../../src/language/parser/syntax-diagnostics.js';
import { generateJourney, sharedDeclarations } from '../../../bench/generate.js';
import { createTestServices } from '../../helpers/services.js';
import { Random } from '../../fuzz/random.js';

const services = createTestServices();
const parser = services.Journey.parser.LangiumParser;

const CORPUS: Record<string, string> = {
    'b2b-saas': readFileSync('examples/b2b-saas/saas.journey', 'utf8'),
    'support-heavy': readFileSync('examples/support-heavy/support.journey', 'utf8'),
    'comments everywhere': readFileSync('test/fixtures/comments-everywhere.journey', 'utf8'),
    'language reference': readFileSync('test/fixtures/language-reference.journey', 'utf8'),
    'generated, CRLF': generateJourney(30).replace(/\n/g, '\r\n'),
};

/** What a user types, deletes or pastes: characters, whole lines, declarations, comments, unbalanced braces and quotes. */
const INSERTIONS = [
    'a', 'Z', '_', '7', '+', '-', ' ', '  ', '\n', '\r\n', '\t', '"', '{', '}', ',', '%', '.', '>=', '/', '*', '\u00e9', '\u{1F600}',
    'x', 'tp', '12', '"New title"', 'owner ', 'high', 'internal', 'next ', '// note\n', '/* c */', '/*', '*/',
    ' touchpoint fresh "Fresh" { channel web }\n', '\n    painpoint pp_new "New" { severity low }', 'stage', 'journey', '2026-12-01',
];

/** The fuzzer's seeded source (mulberry32), as a function: the same seed gives the same edits. */
function random(seed: number): () => number {
    const source = new Random(seed);
    return () => source.next();
}

/** One random edit of `text`: an insertion, a deletion or a replacement near a random place. */
function randomEdit(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    const insertion = INSERTIONS[Math.floor(next() * INSERTIONS.length)];
    const deleted = next() < 0.5 ? 0 : 1 + Math.floor(next() * 6);
    switch (Math.floor(next() * 3)) {
        case 0: return text.slice(0, at) + insertion + text.slice(at);
        case 1: return text.slice(0, at) + text.slice(at + Math.max(1, deleted));
        default: return text.slice(0, at) + insertion + text.slice(at + deleted);
    }
}

function describeChange(before: string, after: string): string {
    // Bounded by the shorter text: an edit may change nothing (a deletion past the end), and past both ends undefined === undefined.
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    while (start < shorter && before[start] === after[start]) start++;
    let end = 0;
    while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
    return `${JSON.stringify(before.slice(Math.max(0, start - 15), start))} [${JSON.stringify(before.slice(start, before.length - end))} → ${JSON.stringify(after.slice(start, after.length - end))}] ${JSON.stringify(before.slice(before.length - end, before.length - end + 15))}`;
}

/** Every CST node and AST property of the incremental result must equal the whole parse's: positions, tokens, grammar, values, references, containment. */
function expectSameTree(incremental: ParseResult, whole: ParseResult, context: string): void {
    const root = incremental.value.$cstNode!.root;
    const compareCst = (a: CstNode, b: CstNode, parent: CstNode | undefined): void => {
        const where = `${context} at offset ${b.offset} ('${b.text.slice(0, 30)}')`;
        expect(a.root, where).toBe(root);
        if (parent) expect(a.container, where).toBe(parent);
        expect([a.offset, a.end, a.hidden, a.grammarSource], where).toEqual([b.offset, b.end, b.hidden, b.grammarSource]);
        expect(a.range, where).toEqual(b.range);
        expect(a.text, where).toBe(b.text);
        if (isLeafCstNode(a) && isLeafCstNode(b)) {
            expect(a.tokenType.name, where).toBe(b.tokenType.name);
        } else if (isCompositeCstNode(a) && isCompositeCstNode(b)) {
            expect(a.content.length, where).toBe(b.content.length);
            a.content.forEach((child, i) => compareCst(child, b.content[i], a));
        } else {
            expect.fail(`${where}: a leaf where the whole parse has a composite node, or the reverse`);
        }
    };
    const compareAst = (a: AstNode, b: AstNode, container: AstNode | undefined): void => {
        const where = `${context} in ${b.$type} at ${b.$cstNode?.offset}`;
        expect([a.$type, a.$containerProperty, a.$containerIndex], where).toEqual([b.$type, b.$containerProperty, b.$containerIndex]);
        expect(a.$container, where).toBe(container);
        expect(a.$cstNode?.astNode, where).toBe(a);
        expect([a.$cstNode?.offset, a.$cstNode?.end], where).toEqual([b.$cstNode?.offset, b.$cstNode?.end]);
        const keys = Object.keys(b).filter((key) => !key.startsWith('$'));
        expect(Object.keys(a).filter((key) => !key.startsWith('$')).sort(), where).toEqual([...keys].sort());
        for (const key of keys) {
            const [valuesA, valuesB] = [(a as never)[key], (b as never)[key]].map((value) => (Array.isArray(value) ? value : [value]));
            expect(valuesA.length, `${where}.${key}`).toBe(valuesB.length);
            valuesB.forEach((valueB: unknown, i: number) => {
                const valueA = valuesA[i];
                if (isReference(valueB)) {
                    const reference = valueA as Reference;
                    expect(isReference(reference) && [reference.$refText, reference.$refNode?.offset, reference.$refNode?.root], `${where}.${key}`).toEqual([valueB.$refText, valueB.$refNode?.offset, root]);
                } else if (typeof valueB === 'object' && valueB !== null && '$type' in valueB) {
                    compareAst(valueA, valueB as AstNode, a);
                } else {
                    expect(valueA, `${where}.${key}`).toEqual(valueB);
                }
            });
        }
    };
    expect(root.fullText).toBe(whole.value.$cstNode!.root.fullText);
    compareCst(root, whole.value.$cstNode!.root, undefined);
    compareAst(incremental.value, whole.value, undefined);
    expect(errorsOf(incremental), `${context}: errors`).toEqual(errorsOf(whole));
}

/** The errors of a parse and the diagnostics made of them, as the user sees them: where, what, and what was before. */
function errorsOf(result: ParseResult): string[] {
    const source = 'journey';
    return [
        ...result.lexerErrors.map((error) => `lexer ${error.offset}+${error.length} ${error.line}:${error.column} ${error.message}`),
        ...result.parserErrors.map((error) => {
            const { token } = error;
            const previous = (error as { previousToken?: { startOffset: number } }).previousToken;
            return `parser ${error.name} ${token.startOffset} ${token.startLine}:${token.startColumn}-${token.endLine}:${token.endColumn} after ${previous?.startOffset} ${error.message}`;
        }),
        ...[...lexerDiagnostics(result, source), ...parserDiagnostics(result, source)].map((d) => `diagnostic ${JSON.stringify(d.range)} ${d.message}`),
    ];
}

describe('incremental re-parsing', () => {
    for (const [name, original] of Object.entries(CORPUS)) {
        it(`gives the whole parse's tree after every one of 400 random edits of ${name}`, () => {
            const next = random(name.length * 7919);
            let text = original;
            let current = parser.parse(text);
            let incremental = 0;
            let withErrors = 0;
            const missed: string[] = [];
            for (let step = 0; step < 400; step++) {
                // Edits follow each other as typing does; sometimes the file is clean again (as after an undo), so that not every edit starts from a broken file.
                if (next() < 0.3) [text, current] = [original, parser.parse(original)];
                const edited = randomEdit(text, next);
                const whole = parser.parse(edited);
                const updated = reparseIncrementally(current, text, edited, services.Journey);
                if (updated) {
                    incremental++;
                    if (whole.lexerErrors.length + whole.parserErrors.length > 0) withErrors++;
                    expectSameTree(updated, whole, `${name}, step ${step}: ${describeChange(text, edited)}`);
                    current = updated;
                } else {
                    if (whole.lexerErrors.length + whole.parserErrors.length === 0 && current.lexerErrors.length + current.parserErrors.length === 0) missed.push(describeChange(text, edited));
                    current = whole;
                }
                text = edited;
            }
            // The comparison must have been exercised, not skipped by falling back every time.
            expect(incremental).toBeGreaterThan(40);
            // And edits that leave errors, or start from them, are compared too.
            expect(withErrors).toBeGreaterThan(10);
            // Nearly every edit between two clean texts is incremental (the rest: a comment swallowing the next line, a split \r\n…).
            expect(missed.length, `clean edits parsed whole:\n${missed.join('\n')}`).toBeLessThan(incremental / 10);
        });
    }

    it('re-parses only what changed for the edits of everyday typing', () => {
        const text = CORPUS['b2b-saas'];
        const replace = (from: string, to: string) => text.replace(from, to);
        const declaration = text.indexOf('    touchpoint ') + 4;
        const touchpoint = text.slice(declaration, text.indexOf('}', declaration));
        const edits: Record<string, string> = {
            'a letter typed in a journey title': replace('journey ', 'journey x'),
            'a letter typed in a touchpoint title': text.replace(touchpoint, touchpoint.replace('"', '"A')),
            'a touchpoint renamed': text.replace(touchpoint, touchpoint.replace('touchpoint ', 'touchpoint z')),
            'a blank line added': text.replace(touchpoint, `\n${touchpoint}`),
            'a property line added': text.replace(touchpoint, `${touchpoint}  internal\n`),
            'a touchpoint added in a stage': text.replace(touchpoint, `touchpoint added "Added" { channel web }\n    ${touchpoint}`),
            'a comment typed': text.replace(touchpoint, `// why\n    ${touchpoint}`),
            'a new line being typed (an error)': text.replace(touchpoint, `touchp\n    ${touchpoint}`),
            'a value typed wrong (an error)': text.replace(touchpoint, touchpoint.replace(/emotion [+-]?\d/, 'emotion happy')),
        };
        for (const [what, edited] of Object.entries(edits)) {
            expect(edited, what).not.toBe(text);
            const before = parser.parse(text);
            const updated = reparseIncrementally(before, text, edited, services.Journey);
            expect(updated, `${what}: the previous tree is updated`).toBe(before);
            expectSameTree(updated!, parser.parse(edited), what);
        }
    });
});

describe('a mistake whose reach the declaration cannot know', () => {
    const text = [
        'journey j "J" {',
        '  stage a "A" {',
        '    touchpoint t "T" { channel web }',
        '  }',
        '  stage b "B" {',
        '    touchpoint u "U" { channel web /* a note */ }',
        '  }',
        '}',
        '',
    ].join('\n');
    const at = (what: string) => text.indexOf(what);
    it.each([
        // The comment ends at the next '*/' of the file, in another stage.
        ['a block comment left open', text.slice(0, at('channel web }')) + '/*' + text.slice(at('channel web }'))],
    ])('%s is parsed with the whole text', (_what, edited) => {
        expect(edited).not.toBe(text);
        expect(reparseIncrementally(parser.parse(text), text, edited, services.Journey)).toBeUndefined();
    });
});

describe('editing a large map through the language server', () => {
    it('leaves the same diagnostics as building the edited text afresh', async () => {
        const workspace = services.shared.workspace;
        const shared = TextDocument.create('file:///inc/shared.journey', 'journey', 1, sharedDeclarations());
        let text = generateJourney(60);
        let document = TextDocument.create('file:///inc/map.journey', 'journey', 1, text);
        workspace.TextDocuments.set(shared);
        workspace.TextDocuments.set(document);
        const docs = [shared, document].map((d) => workspace.LangiumDocumentFactory.fromTextDocument(d));
        docs.forEach((d) => workspace.LangiumDocuments.addDocument(d));
        await workspace.DocumentBuilder.build(docs, { validation: true });

        const next = random(42);
        for (let step = 0; step < 60; step++) {
            text = randomEdit(text, next);
            document = TextDocument.create(document.uri, 'journey', document.version + 1, text);
            workspace.TextDocuments.set(document);
            await workspace.DocumentBuilder.update([URI.parse(document.uri)], []);
            const edited = workspace.LangiumDocuments.getDocument(URI.parse(document.uri))!;

            const fresh = createTestServices();
            const freshDocs = [
                fresh.shared.workspace.LangiumDocumentFactory.fromString(sharedDeclarations(), URI.parse('file:///inc/shared.journey')),
                fresh.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///inc/map.journey')),
            ];
            freshDocs.forEach((d) => fresh.shared.workspace.LangiumDocuments.addDocument(d));
            await fresh.shared.workspace.DocumentBuilder.build(freshDocs, { validation: true });
            const summary = (d: typeof edited) => (d.diagnostics ?? []).map((x) => `${x.range.start.line}:${x.range.start.character} ${x.code} ${x.message}`).sort();
            expect(summary(edited), `step ${step}`).toEqual(summary(freshDocs[1]));
        }
    });
});
