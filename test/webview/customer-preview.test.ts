// @vitest-environment happy-dom
/**
 * The leak test of the preview: the server's journey/diagram answer for the
 * canary fixture, for customers, drawn by the preview page, holds no canary
 * in the page — text, SVG, titles, aria labels, data attributes, the pickers —
 * nor in what Export saves; and the page says it shows the customer view.
 */
import type { LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import type { Document } from '../../src/language/generated/ast.js';
import type { DiagramResult } from '../../src/protocol/diagram-requests.js';
import { THEMES } from '../../src/protocol/theme.js';
import { diagramOf } from '../../src/server/diagram-requests.js';
import { CANARY_FILES, CANARY_TODAY, canaryTexts, leaks } from '../helpers/canaries.js';
import { createTestServices } from '../helpers/services.js';
import { openPreviewPage } from './preview-page.js';

let documents: LangiumDocument<Document>[] = [];

beforeAll(async () => {
    const services = createTestServices(CANARY_TODAY);
    const parse = parseHelper<Document>(services.Journey);
    const texts = canaryTexts();
    documents = [];
    for (const [index, text] of texts.entries()) {
        documents.push(await parse(text, { documentUri: `file://${CANARY_FILES[index]}`, validation: true }));
    }
});

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

async function customerDiagram(segment: string | undefined, theme: (typeof THEMES)[number]): Promise<Extract<DiagramResult, { kind: 'diagram' }>> {
    const map = documents[1];
    const result = await diagramOf(map, { uri: map.uri.toString(), segment, audience: 'customer', theme }, documents, CANARY_TODAY, layouter);
    if (result.kind !== 'diagram') throw new Error(`expected a diagram, got ${JSON.stringify(result)}`);
    return result;
}

/** Everything of the page a person or a screen reader can get at: text, every attribute, the style sheets. */
function pageContents(): string {
    const attributes = Array.from(document.querySelectorAll('*')).flatMap((element) => Array.from(element.attributes, (attribute) => `${attribute.name}=${attribute.value}`));
    return [document.body.textContent ?? '', document.documentElement.outerHTML, ...attributes].join('\n');
}

describe.each([undefined, 'ent', 'mid', 'canarySecretSegment'])('the customer-facing preview, segment %s', (segment) => {
    it.each(THEMES)('shows no canary with the %s theme, and says it is the customer view', async (theme) => {
        const { app } = openPreviewPage();
        const result = await customerDiagram(segment, theme);
        app.handle({
            type: 'diagram', svg: result.svg, fileName: 'map.journey', journeys: result.journeys, segments: result.segments,
            settings: { journey: result.journey, segment, audience: 'customer', locked: false },
        });
        expect(leaks(pageContents())).toEqual([]);
        expect(document.querySelector('#canvas svg')).not.toBeNull();
        expect(document.querySelectorAll('#canvas [aria-label]').length).toBeGreaterThan(5);
        expect(document.getElementById('canvas')!.textContent).toContain('VISIBLE touchpoint kickoff');
        const banner = document.getElementById('audience-banner')!;
        expect(banner.hidden).toBe(false);
        expect(banner.textContent).toContain('Customer-facing view');
        // Export saves the SVG the extension got from the server: the same customer view.
        expect(leaks(result.svg)).toEqual([]);
        expect(result.segments.map((option) => option.name)).not.toContain('canarySecretSegment');
    });
});

describe('the internal preview', () => {
    it('shows the canaries and no customer banner (the check works)', async () => {
        const { app } = openPreviewPage();
        const map = documents[1];
        const result = await diagramOf(map, { uri: map.uri.toString(), audience: 'internal', theme: 'light' }, documents, CANARY_TODAY, layouter);
        if (result.kind !== 'diagram') throw new Error(result.kind);
        app.handle({ type: 'diagram', svg: result.svg, fileName: 'map.journey', journeys: result.journeys, segments: result.segments, settings: { journey: result.journey, audience: 'internal', locked: false } });
        expect(leaks(pageContents())).toEqual(expect.arrayContaining(['CANARY', '98765']));
        expect(document.getElementById('audience-banner')!.hidden).toBe(true);
    });
});
