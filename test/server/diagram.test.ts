import { afterAll, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import type { Document } from '../../src/language/generated/ast.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import type { DiagramParams, DiagramResult } from '../../src/protocol/diagram-requests.js';
import { diagramOf } from '../../src/server/diagram-requests.js';
import { mapElementAt } from '../../src/server/element-at.js';
import { createTestServices, TODAY } from '../helpers/services.js';

const SHARED = `team cs "Customer Success"
team product "Product"
segment enterprise "Enterprise"
segment midmarket "Mid-market"
`;

const MAP = `journey saas "B2B SaaS" {
  owner cs
  reviewed 2026-10-15
  stage onboarding "Onboarding" {
    touchpoint kickoff "Kickoff call" { channel call  owner cs  emotion +2  for enterprise  next sso }
    touchpoint guide "Self-serve guide" { channel docs  owner product  emotion 0  for midmarket  next sso }
    touchpoint sso "SSO setup" { channel product  owner product  emotion -2 }
    painpoint handoff "Handoff loses context" { at kickoff  severity medium  internal }
  }
}
journey other "Another map" {
  owner cs
  reviewed 2026-10-15
  stage only "Only stage" { touchpoint one "The one touchpoint" { emotion 0 } }
}
`;

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

async function workspace(text: string) {
    const services = createTestServices();
    const parse = parseHelper<Document>(services.Journey);
    const shared = await parse(SHARED, { documentUri: 'file:///w/shared.journey', validation: true });
    const document = await parse(text, { documentUri: 'file:///w/saas.journey', validation: true });
    return { document, all: [shared, document] as LangiumDocument[] };
}

async function diagram(text: string, params: Partial<DiagramParams> = {}): Promise<DiagramResult> {
    const { document, all } = await workspace(text);
    return diagramOf(document, { uri: document.uri.toString(), audience: 'internal', theme: 'light', ...params }, all, TODAY, layouter);
}

describe('the journey/diagram request', () => {
    it('wraps the stages into rows for the width the preview asks for, one row without', async () => {
        const stages = Array.from({ length: 6 }, (_, i) => `  stage s${i} "Stage ${i + 1}" { touchpoint t${i} "Step ${i + 1} of the customer" { emotion 0 } }`).join('\n');
        const long = `journey long "Six stages" {\n  owner cs\n  reviewed 2026-10-15\n${stages}\n}\n`;
        const wrapped = await diagram(long, { maxWidth: 900 });
        const row = await diagram(long);
        const svgWidth = (result: DiagramResult) => (result.kind === 'diagram' ? Number(/<svg[^>]* width="(\d+)"/.exec(result.svg)![1]) : NaN);
        expect(svgWidth(wrapped)).toBeLessThanOrEqual(900);
        expect(svgWidth(row)).toBeGreaterThan(1400);
        expect(wrapped.kind === 'diagram' && wrapped.svg).toContain('id="experience-2"');
        // A width that is no width draws one row.
        expect(svgWidth(await diagram(long, { maxWidth: Number.NaN }))).toBe(svgWidth(row));
    });

    it('draws the first journey of the document, with its cards and where each is declared', async () => {
        const result = await diagram(MAP);
        expect(result.kind).toBe('diagram');
        if (result.kind !== 'diagram') return;
        expect(result.journey).toBe('saas');
        expect(result.journeys.map((j) => j.name)).toEqual(['saas', 'other']);
        expect(result.segments.map((s) => s.title)).toEqual(['Enterprise', 'Mid-market']);
        expect(result.svg).toContain('Kickoff call');
        expect(result.svg).toContain('id="touchpoint-kickoff"');
        expect(result.sources?.['touchpoint-sso']).toMatchObject({ uri: 'file:///w/saas.journey', start: { line: 6, character: 15 } });
        for (const id of Object.keys(result.sources ?? {})) expect(result.svg).toContain(`id="${id}"`);
    });

    it('draws another journey of the same document on request', async () => {
        const result = await diagram(MAP, { journey: 'other' });
        expect(result.kind === 'diagram' && result.svg.includes('The one touchpoint')).toBe(true);
    });

    it('filters by segment and hides internal elements from customers', async () => {
        const enterprise = await diagram(MAP, { segment: 'enterprise' });
        expect(enterprise.kind === 'diagram' && enterprise.svg).toContain('Kickoff call');
        expect(enterprise.kind === 'diagram' && enterprise.svg).not.toContain('Self-serve guide');
        const customer = await diagram(MAP, { audience: 'customer' });
        expect(customer.kind === 'diagram' && customer.svg).not.toContain('Handoff loses context');
        const internal = await diagram(MAP);
        expect(internal.kind === 'diagram' && internal.svg).toContain('Handoff loses context');
    });

    it('reports the first error, not a map, while the text has errors', async () => {
        const broken = MAP.replace('touchpoint sso "SSO setup"', 'touchpoint "SSO setup"');
        const result = await diagram(broken);
        expect(result.kind).toBe('errors');
        if (result.kind !== 'errors') return;
        expect(result.errorCount).toBeGreaterThanOrEqual(1);
        expect(result.first.range.start.line).toBe(6);
        expect(result.first.message.length).toBeGreaterThan(0);
        expect(result.recovered, 'while typing the preview keeps its last good map: nothing is drawn').toBeUndefined();
    });

    it('draws the map of what parses under the error when the preview has no map yet', async () => {
        const broken = MAP.replace('touchpoint sso "SSO setup"', 'touchpoint "SSO setup"');
        const result = await diagram(broken, { recoverOnError: true });
        expect(result.kind).toBe('errors');
        if (result.kind !== 'errors' || !result.recovered) throw new Error('no recovered map');
        expect(result.first.range.start.line).toBe(6);
        expect(result.recovered.journey).toBe('saas');
        // The cards before and after the broken declaration are on the map; the broken one cannot be.
        expect(result.recovered.svg).toContain('Kickoff call');
        expect(result.recovered.svg).toContain('Self-serve guide');
        expect(result.recovered.svg).toContain('Handoff loses context');
        expect(result.recovered.sources?.['touchpoint-kickoff']).toMatchObject({ uri: 'file:///w/saas.journey' });
    });

    it('draws what parses of a file whose journey is cut off half-way (an unclosed block)', async () => {
        const cut = MAP.slice(0, MAP.indexOf('    touchpoint sso'));
        const result = await diagram(cut, { recoverOnError: true });
        expect(result.kind).toBe('errors');
        if (result.kind !== 'errors' || !result.recovered) throw new Error('no recovered map');
        expect(result.recovered.svg).toContain('Self-serve guide');
    });

    it('draws the priorities view on request: every initiative and the pain points on its card can be revealed', async () => {
        const text = MAP.replace('    painpoint handoff', '    painpoint ssoFails "SSO fails on first try" { at sso  severity high }\n    painpoint handoff')
            .replace('  }\n}\njourney other', '  }\n  initiative ssoWizard "SSO wizard" { addresses ssoFails, handoff  owner product  impact high  effort low  status active  due 2026-12-15 }\n}\njourney other');
        const result = await diagram(text, { view: 'priorities' });
        expect(result.kind).toBe('diagram');
        if (result.kind !== 'diagram') return;
        expect(result.svg).toMatch(/^<svg [^>]*data-view="priorities"/);
        expect(result.svg).toMatch(/<g id="initiative-ssoWizard"[^>]*data-kind="initiative"/);
        expect(result.sources?.['initiative-ssoWizard']).toMatchObject({ uri: 'file:///w/saas.journey' });
        // A pain point row on the card is known by kind and name; its source is there to reveal.
        for (const name of ['ssoFails', 'handoff']) {
            expect(result.svg).toMatch(new RegExp(`data-kind="painpoint" data-name="${name}"`));
            expect(result.sources?.[`painpoint-${name}`]).toMatchObject({ uri: 'file:///w/saas.journey' });
        }
        // No compare mode there: a base version is ignored.
        const compared = await diagram(text, { view: 'priorities', compare: { label: 'HEAD', text: MAP } });
        expect(compared.kind === 'diagram' && [compared.svg === result.svg, compared.changes]).toEqual([true, undefined]);
    });

    it('does not draw the priorities view for customers, and says why', async () => {
        const result = await diagram(MAP, { view: 'priorities', audience: 'customer' });
        expect(result).toMatchObject({ kind: 'empty', message: 'The priorities view shows impact, effort, owners and statuses, which customers do not see: switch the audience to Internal to see it.' });
    });

    it('says so when the document declares no journey', async () => {
        const result = await diagram('team support "Support"\n');
        expect(result).toMatchObject({ kind: 'empty' });
    });
});

describe('the journey/elementAt request', () => {
    it('finds the innermost declaration with a place on the map', async () => {
        const { document } = await workspace(MAP);
        const text = document.textDocument.getText();
        const at = (needle: string) => document.textDocument.positionAt(text.indexOf(needle));
        expect(mapElementAt(document, at('channel docs'))).toEqual({ kind: 'touchpoint', name: 'guide' });
        expect(mapElementAt(document, at('severity medium'))).toEqual({ kind: 'painpoint', name: 'handoff' });
        expect(mapElementAt(document, at('"Onboarding"'))).toEqual({ kind: 'stage', name: 'onboarding' });
        expect(mapElementAt(document, at('reviewed'))).toBeUndefined();
    });
});
