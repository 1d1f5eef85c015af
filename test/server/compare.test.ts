import { afterAll, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import type { Document } from '../../src/language/generated/ast.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import type { CompareBase, DiagramResult } from '../../src/protocol/diagram-requests.js';
import { declarationText } from '../../src/server/compare-base.js';
import { diagramOf } from '../../src/server/diagram-requests.js';
import { createTestServices, TODAY } from '../helpers/services.js';

const SHARED = 'team cs "Customer Success"\nsegment enterprise "Enterprise"\n';
const BASE = `journey saas "B2B SaaS" {
  stage onboarding "Onboarding" {
    touchpoint kickoff "Kickoff call" { channel call  owner cs  emotion +2  next sso }
    touchpoint sso "SSO setup" {
      emotion -2
    }
    touchpoint survey "Onboarding survey" {
      channel email  emotion 0
    }
  }
}
`;
const NOW = BASE.replace('emotion +2', 'emotion 0').replace('    touchpoint survey "Onboarding survey" {\n      channel email  emotion 0\n    }\n', '');

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

async function compared(text: string, compare: CompareBase): Promise<DiagramResult> {
    const services = createTestServices();
    const parse = parseHelper<Document>(services.Journey);
    const shared = await parse(SHARED, { documentUri: 'file:///w/shared.journey', validation: true });
    const document = await parse(text, { documentUri: 'file:///w/saas.journey', validation: true });
    const all = [shared, document] as LangiumDocument[];
    return diagramOf(document, { uri: document.uri.toString(), audience: 'internal', theme: 'light', compare }, all, TODAY, layouter);
}

describe('the journey/diagram request in compare mode', () => {
    it('draws the compare map and lists its changes, a removed element with its old text', async () => {
        const result = await compared(NOW, { label: 'HEAD', text: BASE });
        expect(result.kind).toBe('diagram');
        if (result.kind !== 'diagram') return;
        expect(result.svg).toMatch(/<g id="touchpoint-kickoff"[^>]*data-change="changed"/);
        expect(result.svg).toMatch(/<g id="touchpoint-survey"[^>]*data-change="removed"/);
        expect(result.changes!.filter((c) => c.id.startsWith('touchpoint-'))).toEqual([
            { id: 'touchpoint-kickoff', state: 'changed', label: 'touchpoint "Kickoff call"', notes: ['touchpoint kickoff "Kickoff call": emotion +2 \u2192 0'], oldText: undefined },
            { id: 'touchpoint-survey', state: 'removed', label: 'touchpoint "Onboarding survey"', notes: ['touchpoint survey "Onboarding survey" removed'], oldText: 'touchpoint survey "Onboarding survey" {\n  channel email  emotion 0\n}' },
        ]);
        // The team of another file resolves in the base too: no "owner removed".
        expect(result.changes!.flatMap((c) => c.notes).join('\n')).not.toContain('owner');
    });

    it('a file the base version did not have: every card new', async () => {
        const result = await compared(NOW, { label: 'main', text: null });
        if (result.kind !== 'diagram') throw new Error(result.kind);
        expect(new Set(result.changes!.map((c) => c.state))).toEqual(new Set(['added']));
    });

    it('a base version with syntax errors: says so instead of a map', async () => {
        const result = await compared(NOW, { label: 'HEAD~1', text: 'journey saas "x" {\n  stage {\n' });
        expect(result).toMatchObject({ kind: 'empty', message: 'HEAD~1: the base version of this file has syntax errors: compare with another revision' });
    });
});

describe('declarationText', () => {
    it('takes the declaration to its closing brace, braces in strings and comments not counted', () => {
        const text = 'journey j {\n  stage s {\n    touchpoint a "a { b" { // }\n      emotion 0\n    }\n    touchpoint b "B"\n  }\n}\n';
        expect(declarationText(text, { uri: 'x', start: { line: 2, character: 15 }, end: { line: 2, character: 16 } })).toBe('touchpoint a "a { b" { // }\n  emotion 0\n}');
        expect(declarationText(text, { uri: 'x', start: { line: 5, character: 15 }, end: { line: 5, character: 16 } })).toBe('touchpoint b "B"');
    });
});
