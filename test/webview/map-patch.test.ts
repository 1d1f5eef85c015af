// @vitest-environment happy-dom
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { renderJourneySvg } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import type { ToWebview } from '../../src/protocol/preview-messages.js';
import { diffSvg, type SvgPatch, splitSvg } from '../../src/protocol/svg-patch.js';
import type { PreviewApp } from '../../src/webview/preview-app.js';
import { svgTextOf } from '../../src/webview/svg-insert.js';
import type { Journey } from '../../src/model/types.js';
import { generatedJourney } from '../fixtures/journeys.js';
import { FakeHost, NONCE, openPreviewPage } from './preview-page.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

const MAP = { fileName: 'big.journey', journeys: [{ name: 'big', title: 'Big' }], segments: [], settings: { journey: 'big', audience: 'internal' as const, locked: false } };
const full = (svg: string): ToWebview => ({ type: 'diagram', svg, ...MAP });
const patched = (patch: SvgPatch): ToWebview => ({ type: 'diagramPatch', patch, ...MAP });
const canvas = () => document.getElementById('canvas')!;

function retitled(journey: Journey, index: number, title: string): Journey {
    return { ...journey, touchpoints: journey.touchpoints.map((t, i) => (i === index ? { ...t, title } : t)) };
}

describe('the preview page, patched', () => {
    let host: FakeHost;
    let app: PreviewApp;

    beforeEach(() => {
        ({ host, app } = openPreviewPage());
    });

    it('redraws only the card a keystroke changed, and the page then shows what the whole new map shows', async () => {
        const journey = generatedJourney(8, 5);
        const before = await renderJourneySvg(journey, layouter, { maxWidth: 900 });
        const after = await renderJourneySvg(retitled(journey, 17, 'A title typed <anew>'), layouter, { maxWidth: 900 });
        app.handle(full(before));
        const untouched = canvas().querySelector(`[id="touchpoint-${journey.touchpoints[3].name}"]`);
        const card = canvas().querySelector(`[id="touchpoint-${journey.touchpoints[17].name}"]`);

        app.handle(patched(diffSvg(splitSvg(before)!, splitSvg(after)!)));
        expect(canvas().querySelector(`[id="touchpoint-${journey.touchpoints[3].name}"]`)).toBe(untouched);
        expect(canvas().querySelector(`[id="touchpoint-${journey.touchpoints[17].name}"]`)).not.toBe(card);
        expect(canvas().querySelector(`[id="touchpoint-${journey.touchpoints[17].name}"]`)?.textContent).toContain('A title typed <anew>');
        const patchedPage = canvas().innerHTML;

        app.handle(full(after));
        expect(patchedPage).toBe(canvas().innerHTML);
        expect(host.posted.filter((m) => m.type === 'rendered')).toHaveLength(3);
    });

    it('leaves the size of the map alone when a keystroke does not change it (setting it lays out every text of a big map again)', async () => {
        const journey = generatedJourney(8, 5);
        const before = await renderJourneySvg(journey, layouter, { maxWidth: 900 });
        const after = await renderJourneySvg(retitled(journey, 17, 'Short'), layouter, { maxWidth: 900 });
        app.handle(full(before));
        const svg = canvas().querySelector('svg')!;
        const changed: string[] = [];
        const observer = new MutationObserver((records) => changed.push(...records.map((record) => record.attributeName!)));
        observer.observe(svg, { attributes: true });
        const patch = diffSvg(splitSvg(before)!, splitSvg(after)!);
        expect(patch.open).toBe(splitSvg(before)!.open);

        app.handle(patched(patch));
        await Promise.resolve();
        observer.disconnect();
        expect(changed).toEqual([]);
        expect(canvas().querySelector(`[id="touchpoint-${journey.touchpoints[17].name}"]`)?.textContent).toContain('Short');
    });

    it('keeps the map style sheet nonced in the page, and gives it back on export', async () => {
        const journey = generatedJourney(2, 3);
        const before = await renderJourneySvg(journey, layouter);
        const dark = await renderJourneySvg(retitled(journey, 1, 'Renamed'), layouter, { theme: 'dark' });
        app.handle(full(before));
        app.handle(patched(diffSvg(splitSvg(before)!, splitSvg(dark)!)));
        const adopted = Array.from(document.head.querySelectorAll('style[data-map-style]'));
        expect(adopted).toHaveLength(1);
        expect(adopted[0].getAttribute('nonce')).toBe(NONCE);
        expect(canvas().querySelector('svg style')).toBeNull();
        expect(canvas().querySelector('svg')!.getAttribute('class')).toContain('jm-theme-dark');
        const exported = svgTextOf(canvas().querySelector('svg')!, document.head);
        expect(exported).toContain(adopted[0].textContent.trim().slice(0, 40));
        expect(new DOMParser().parseFromString(exported, 'image/svg+xml').querySelector('parsererror')).toBeNull();
    });

    it('sanitizes what a patch inserts as it does a whole map', () => {
        app.handle(full('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g id="touchpoints"><g id="touchpoint-a"><text>a</text></g></g></svg>'));
        app.handle(patched({
            open: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">',
            close: '</svg>',
            edits: [{ group: 0, start: 0, deleteCount: 1, insert: ['<g id="touchpoint-a" onclick="alert(1)"><script>alert(2)</script><a href="https://evil.example/"><text>b</text></a></g>'] }],
        }));
        const card = canvas().querySelector('[id="touchpoint-a"]')!;
        expect(card.textContent).toBe('b');
        expect(card.outerHTML).not.toMatch(/onclick|script|evil\.example/);
    });

    it('asks for the whole map when it has none to patch, or not the one the patch was made against', () => {
        app.handle(patched({ open: '<svg xmlns="http://www.w3.org/2000/svg">', close: '</svg>', edits: [] }));
        expect(host.posted).toContainEqual({ type: 'ready' });
        host.posted = [];
        app.handle(full('<svg xmlns="http://www.w3.org/2000/svg"><g id="touchpoints"><g id="touchpoint-a"/></g></svg>'));
        app.handle(patched({ open: '<svg xmlns="http://www.w3.org/2000/svg">', close: '</svg>', edits: [{ group: 0, start: 3, deleteCount: 1, insert: [] }] }));
        expect(host.posted).toContainEqual({ type: 'ready' });
        expect(canvas().querySelector('[id="touchpoint-a"]')).not.toBeNull();
    });
});
