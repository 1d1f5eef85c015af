import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseHelper } from 'langium/test';
import type { Position } from 'vscode-languageserver';
import { createTestServices } from '../../helpers/services.js';
import { fixturePath } from '../../helpers/paths.js';

/*
 * Completion runs on half-typed text, where the parser's recovery keeps
 * declarations without their names. It must still answer, with snippets that
 * offer only the names that exist.
 */

async function completionLabels(text: string, position: Position): Promise<string[]> {
    const services = createTestServices();
    const document = await parseHelper(services.Journey)(text);
    const list = await services.Journey.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
    return list?.items.map((item) => item.insertText ?? item.label) ?? [];
}

function endOf(text: string): Position {
    const lines = text.split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('completion next to a declaration that has no name yet', () => {
    it('says where a touchpoint is declared without the name of a stage that has none yet (it said "undefined", found by the fuzzer)', async () => {
        const text = 'journey j {\n  stage "Title" { touchpoint k "K" }\n  stage s { touchpoint a "A" { next  } }\n}\n';
        const services = createTestServices();
        const document = await parseHelper(services.Journey)(text);
        const list = await services.Journey.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: { line: 2, character: 36 } });
        const k = list?.items.find((item) => item.label === 'k');
        expect(k?.detail).toMatch(/^touchpoint “K” \(\d+\.journey\)$/);
    });

    it('answers at the position of the repro found by random edits', async () => {
        const text = readFileSync(fixturePath('syntax-errors', 'completion-internal-error.journey'), 'utf8');
        // The file's first line gives the position: line 10, column 75 (1-based).
        await expect(completionLabels(text, { line: 9, character: 74 })).resolves.toBeInstanceOf(Array);
    });

    it('answers at the very start of a text that begins with an empty line (it looped forever, found by the fuzzer)', async () => {
        const labels = await completionLabels('\nteam cs "Customer Success"\n', { line: 0, character: 0 });
        expect(labels).toContain('journey');
    });

    it('offers the touchpoints after `next` in a stage whose parse an earlier mistake broke (it logged an internal error, found by the fuzzer)', async () => {
        const text = 'journey j {\n  stage first { touchpoint z "Z" { } }\n  stage s {\n    metric high  ttv "T" { target <= 14 }\n    touchpoint a "A" { next z }\n  }\n}\n';
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const labels = await completionLabels(text, { line: 4, character: 28 });
            expect(errors).not.toHaveBeenCalled();
            expect(labels).toContain('z');
        } finally {
            errors.mockRestore();
        }
    });

    it('offers the touchpoints after `next` when a value, a word or a brace earlier in the stage is a mistake', async () => {
        for (const mistake of ['touchpoint x "X" { emotion happy }', 'touchpoint x "X" { channel 3 }', 'ttv "T" { target <= 14 }', 'touchpoint x "X" { } }']) {
            const text = `journey j {\n  stage first { touchpoint z "Z" { } }\n  stage s {\n    ${mistake}\n    touchpoint a "A" { next  }\n  }\n}\n`;
            const line = text.split('\n')[4];
            expect(await completionLabels(text, { line: 4, character: line.indexOf('next ') + 5 }), mistake).toContain('z');
        }
    });

    it('offers a review snippet that lists only the stages that have a name', async () => {
        const text = 'journey j {\n  stage "Trial" { }\n  stage onboard "Onboard"\n  ';
        const review = (await completionLabels(text, endOf(text))).find((item) => item.startsWith('review '));
        expect(review).toContain('${7|onboard|}');
        expect(review).not.toContain('undefined');
    });

    it('offers an initiative snippet that lists only the pain points that have a name', async () => {
        const text = 'journey j { stage s { painpoint { }  painpoint slow }\n  ';
        const initiative = (await completionLabels(text, endOf(text))).find((item) => item.startsWith('initiative '));
        expect(initiative).toContain('addresses ${3|slow|}');
    });
});
