import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { createTestServices, TODAY } from '../../helpers/services.js';

const SUPPORT = readFileSync('examples/support-heavy/support.journey', 'utf8');

async function open(text: string) {
    const services = createTestServices();
    const document = await parseHelper(services.Journey)(text, { documentUri: 'file:///workspace/support.journey', validation: true });
    const actionsOn = async (line: number): Promise<CodeAction[]> => {
        // On the line's first word, as a cursor would be.
        const character = text.split('\n')[line].search(/\S/) + 1;
        const range = { start: { line, character }, end: { line, character } };
        const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.textDocument.uri }, range, context: { diagnostics: [] } });
        return ((actions ?? []) as CodeAction[]).filter((action) => action.kind === 'refactor.startReview');
    };
    return { services, document, actionsOn };
}

const lineOf = (text: string, pattern: RegExp) => text.split('\n').findIndex((line) => pattern.test(line));

function applied(document: LangiumDocument, action: CodeAction): string {
    const edits = action.edit?.changes?.[document.textDocument.uri] ?? [];
    return TextDocument.applyEdits(TextDocument.create('file:///x.journey', 'journey', 0, document.textDocument.getText()), edits);
}

describe('Start the next review', () => {
    it("adds today's review after the last one, with the support example's open items as a checklist", async () => {
        const { document, actionsOn } = await open(SUPPORT);
        const [action] = await actionsOn(lineOf(SUPPORT, /^\s+reviewed /));
        expect(action.title).toBe(`Start the next review (${TODAY}) with the agenda's open items`);
        const text = applied(document, action);
        const added = text.slice(text.indexOf(`// Tune-up ${TODAY}`), text.indexOf(`on ${TODAY} {`) + 200);
        const checklist = added.split('\n').filter((line) => line.trim().startsWith('// - [ ]')).map((line) => line.trim());
        expect(checklist).toEqual([
            '// - [ ] Decide: High pain point "Chatbot loops without a way to a human": every initiative on it is done or dropped; confirm it is solved (remove it or lower its severity) or start a new one',
            '// - [ ] Decide: "Bug triage SLA between Support and Product" was due 2026-11-13 (10 days ago) and is active: move the date, finish it or drop it',
            '// - [ ] Initiative #1 Bug triage SLA between Support and Product: active, Product, due 2026-11-13, past due',
            '// - [ ] Initiative #2 Case summary handed over at escalation: planned, Support Operations, due 2027-01-29',
            '// - [ ] Initiative #3 Follow-the-sun P1 coverage (APAC hub): active, Support, due 2027-03-31',
            '// - [ ] Initiative #4 Every help article gets an owner and a release check: planned, Support Operations, due 2027-02-26',
            '// - [ ] Metric off target: Support CSAT, 88% (target \u2265 92%)',
            '// - [ ] Metric off target: Reopened tickets, 11% (target \u2264 8%)',
            '// - [ ] Metric off target: Open tickets older than 7 days, 164 (target \u2264 120)',
            '// - [ ] Metric off target: First response time, P1, 1.6 hours (target \u2264 1 hours)',
            '// - [ ] Metric off target: Escalated to tier 2, 18% (target \u2264 15%)',
        ]);
        expect(added).toContain(`  review tuneUp${TODAY.replace(/-/g, '')} "Tune-up ${TODAY}" on ${TODAY} {`);
        // After the last review, inside the journey; the result is a valid map with one more review.
        expect(text.indexOf(`review tuneUp`)).toBeGreaterThan(text.lastIndexOf('review q3'));
        const reparsed = await parseHelper(createTestServices().Journey)(text, { documentUri: 'file:///workspace/support.journey', validation: true });
        expect(reparsed.diagnostics?.filter((d) => d.severity === 1)).toEqual([]);
    });

    it('is offered on the journey line, its reviewed date and its reviews, not elsewhere', async () => {
        const { actionsOn } = await open(SUPPORT);
        expect(await actionsOn(lineOf(SUPPORT, /^journey support/))).toHaveLength(1);
        expect(await actionsOn(lineOf(SUPPORT, /^\s+review q3/) + 1)).toHaveLength(1);
        expect(await actionsOn(lineOf(SUPPORT, /touchpoint chatbot/))).toEqual([]);
        expect(await actionsOn(0)).toEqual([]);
    });

    it('names a second review of the day apart, and keeps a hostile title on its comment line', async () => {
        const text = `journey j "J" {\n  reviewed 2026-01-01\n  stage s { touchpoint t }\n  initiative i "Fix\\nit */ <b>" { status planned }\n  review tuneUp${TODAY.replace(/-/g, '')} on ${TODAY}\n}\n`;
        const { document, actionsOn } = await open(text);
        const result = applied(document, (await actionsOn(1))[0]);
        expect(result).toContain(`review tuneUp${TODAY.replace(/-/g, '')}b "Tune-up ${TODAY}"`);
        const item = result.split('\n').filter((line) => line.trim().startsWith('//') && line.includes('Fix'));
        // The title's line break is a space: the item stays one comment line.
        expect(item).toEqual([
            '  // - [ ] Decide: "Fix it */ <b>" has no owner: name the team that runs it',
            '  // - [ ] Initiative #1 Fix it */ <b>: planned, no owner, no due date',
        ]);
    });
});
