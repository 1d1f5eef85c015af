// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { AUDIENCES } from '../../src/protocol/audience.js';
import { type PageState, PREVIEW_LAYOUTS, type ToWebview } from '../../src/protocol/preview-messages.js';
import { PreviewApp } from '../../src/webview/preview-app.js';
import { MAP_VIEWS } from '../../src/protocol/diagram-requests.js';
import { renderPrioritiesSvg } from '../../src/diagram/index.js';
import { journeyOf } from '../helpers/model.js';
import { readFileSync } from 'node:fs';
import { FakeHost, NONCE, openPreviewPage } from './preview-page.js';

const MAP = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400">
<style>.card { fill: var(--card); }</style>
<g id="stage-onboarding" data-kind="stage"><rect width="400" height="400"/>
  <g id="touchpoint-sso" data-kind="touchpoint" data-x="600" data-y="300" data-width="100" data-height="50"><rect class="card" width="100" height="50"/><text>SSO setup</text></g>
</g></svg>`;

function diagram(svg = MAP, segments = [{ name: 'enterprise', title: 'Enterprise' }]): ToWebview {
    return {
        type: 'diagram',
        svg,
        fileName: 'saas.journey',
        journeys: [{ name: 'saas', title: 'SaaS' }],
        segments,
        settings: { journey: 'saas', audience: 'internal', locked: false },
    };
}

const canvas = () => document.getElementById('canvas')!;

describe('the preview page', () => {
    let host: FakeHost;
    let app: PreviewApp;

    beforeEach(() => {
        ({ host, app } = openPreviewPage());
    });

    it('draws the map it receives and lists the segments in the filter', () => {
        app.handle(diagram());
        expect(canvas().querySelector('#touchpoint-sso')?.textContent).toContain('SSO setup');
        const options = Array.from(document.querySelectorAll('#segment option')).map((o) => o.textContent);
        expect(options).toEqual(['All segments', 'Enterprise']);
        expect(document.getElementById('placeholder')!.hidden).toBe(true);
    });

    it('reports which cards it drew', () => {
        app.handle(diagram());
        expect(host.posted).toContainEqual({ type: 'rendered', ids: ['stage-onboarding', 'touchpoint-sso'] });
    });

    it('moves the map style sheet into a nonced style element', () => {
        app.handle(diagram());
        const adopted = document.head.querySelector('style[data-map-style]');
        expect(adopted?.getAttribute('nonce')).toBe(NONCE);
        expect(adopted?.textContent).toContain('.card');
        expect(canvas().querySelector('style')).toBeNull();
    });

    it('drops scripts, event handlers and external links from the SVG', () => {
        const hostile = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
            <script>alert(2)</script><a href="https://evil.example/"><text onclick="alert(3)">x</text></a>
            <image xlink:href="https://evil.example/x.png"/><foreignObject><div>y</div></foreignObject></svg>`;
        app.handle(diagram(hostile));
        const svg = canvas().querySelector('svg')!;
        expect(svg.querySelector('script')).toBeNull();
        expect(svg.querySelector('foreignObject')).toBeNull();
        expect(svg.outerHTML).not.toMatch(/onload|onclick|evil\.example/);
    });

    it('shows hostile segment titles and error messages as text, never as markup', () => {
        app.handle(diagram(MAP, [{ name: 'x', title: '<img src=x onerror=alert(1)>' }]));
        app.handle({ type: 'problem', message: '<b>bold</b> "quoted"', location: 'a.journey:3:5', errorCount: 2 });
        expect(document.querySelector('#segment img')).toBeNull();
        expect(document.querySelectorAll('#segment option')[1].textContent).toBe('<img src=x onerror=alert(1)>');
        expect(document.querySelector('#banner b')).toBeNull();
        expect(document.getElementById('banner-text')!.textContent).toBe('a.journey:3:5: <b>bold</b> "quoted" (and 1 more)');
    });

    it('keeps the last good map while the text has errors, and asks to reveal the error', () => {
        app.handle(diagram());
        app.handle({ type: 'problem', message: "expected a touchpoint name after 'touchpoint'", location: 'a.journey:3:5', errorCount: 1 });
        expect(document.getElementById('banner')!.hidden).toBe(false);
        expect(canvas().querySelector('#touchpoint-sso')).not.toBeNull();
        document.getElementById('banner-link')!.click();
        expect(host.posted).toContainEqual({ type: 'revealProblem' });
        app.handle(diagram());
        expect(document.getElementById('banner')!.hidden).toBe(true);
    });

    it('asks the editor to reveal a card that is clicked, not one that is dragged', () => {
        app.handle(diagram());
        const text = canvas().querySelector('#touchpoint-sso text')!;
        const viewport = document.getElementById('viewport')!;
        text.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, clientX: 10, clientY: 10 }));
        text.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0, clientX: 10, clientY: 10 }));
        expect(host.posted).toContainEqual({ type: 'select', id: 'touchpoint-sso' });
        host.posted = [];
        viewport.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, clientX: 10, clientY: 10 }));
        viewport.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 60, clientY: 40 }));
        text.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0, clientX: 60, clientY: 40 }));
        expect(host.posted).toEqual([]);
        expect(canvas().style.transform).toContain('translate(');
    });

    it('keeps zoom and pan across map updates and in the page state', () => {
        app.handle(diagram());
        document.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
        const zoomed = canvas().style.transform;
        expect(document.getElementById('zoom-level')!.textContent).not.toBe('100%');
        app.handle(diagram());
        expect(canvas().style.transform).toBe(zoomed);
        const state = host.state as PageState;
        expect(state.view?.scale).toBeGreaterThan(0);
        expect(state.fitted).toBe(false);
        const restored = new PreviewApp(document, host, NONCE);
        restored.handle(diagram());
        expect(canvas().style.transform).toBe(zoomed);
    });

    it('zooms with Ctrl + wheel and scrolls with a plain wheel', () => {
        app.handle(diagram());
        document.dispatchEvent(new KeyboardEvent('keydown', { key: '0' }));
        const viewport = document.getElementById('viewport')!;
        viewport.dispatchEvent(new WheelEvent('wheel', { deltaY: 50, bubbles: true, cancelable: true }));
        expect(document.getElementById('zoom-level')!.textContent).toBe('100%');
        const zoomWheel = new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true });
        // happy-dom's WheelEvent lacks MouseEvent's modifier keys; a browser's has them.
        Object.defineProperty(zoomWheel, 'ctrlKey', { value: true });
        viewport.dispatchEvent(zoomWheel);
        expect(document.getElementById('zoom-level')!.textContent).not.toBe('100%');
    });

    it('highlights the element under the editor cursor and brings it into view', () => {
        app.handle(diagram());
        document.dispatchEvent(new KeyboardEvent('keydown', { key: '0' }));
        app.handle({ type: 'highlight', id: 'touchpoint-sso' });
        expect(canvas().querySelector('#touchpoint-sso')!.classList.contains('journey-highlight')).toBe(true);
        app.handle({ type: 'highlight', id: undefined });
        expect(canvas().querySelectorAll('.journey-highlight')).toHaveLength(0);
    });

    it('offers exactly the audiences of the protocol', () => {
        const options = (document.getElementById('audience') as HTMLSelectElement).options;
        expect(Array.from(options, (option) => option.value)).toEqual(AUDIENCES);
    });

    it('posts toolbar changes: segment, audience, lock, export', () => {
        app.handle(diagram());
        const segment = document.getElementById('segment') as HTMLSelectElement;
        segment.value = 'enterprise';
        segment.dispatchEvent(new Event('change'));
        segment.value = '';
        segment.dispatchEvent(new Event('change'));
        const audience = document.getElementById('audience') as HTMLSelectElement;
        audience.value = 'customer';
        audience.dispatchEvent(new Event('change'));
        document.getElementById('lock')!.click();
        document.getElementById('export-svg')!.click();
        expect(host.posted.filter((m) => m.type !== 'rendered')).toEqual([
            { type: 'setSegment', segment: 'enterprise' },
            { type: 'setSegment' },
            { type: 'setAudience', audience: 'customer' },
            { type: 'toggleLock' },
            { type: 'exportSvg' },
        ]);
    });

    it('offers exactly the views of the protocol, shows the one drawn and posts a change', () => {
        const select = document.getElementById('view') as HTMLSelectElement;
        expect(Array.from(select.options, (option) => option.value)).toEqual([...MAP_VIEWS]);
        app.handle({ ...diagram(), settings: { journey: 'saas', audience: 'internal', locked: false, view: 'priorities' } } as ToWebview);
        expect(select.value).toBe('priorities');
        select.value = 'map';
        select.dispatchEvent(new Event('change'));
        expect(host.posted.at(-1)).toEqual({ type: 'setView', view: 'map' });
    });

    it('in the priorities view, reveals the initiative clicked, or the pain point named on its card', async () => {
        const support = await journeyOf(readFileSync('examples/support-heavy/support.journey', 'utf8'));
        app.handle(diagram(renderPrioritiesSvg(support, { theme: 'light', today: '2026-11-23' })));
        const click = (target: Element) => {
            target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, clientX: 10, clientY: 10 }));
            target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0, clientX: 10, clientY: 10 }));
        };
        const card = canvas().querySelector('#initiative-bugSla')!;
        click(card.querySelector('text')!);
        expect(host.posted.at(-1)).toEqual({ type: 'select', id: 'initiative-bugSla' });
        const row = card.querySelector('[data-kind="painpoint"][data-name="fixesDoNotHold"]')!;
        click(row.querySelector('text') ?? row);
        expect(host.posted.at(-1)).toEqual({ type: 'select', id: 'painpoint-fixesDoNotHold' });
    });

    it('offers the layouts of the protocol, and posts the one chosen', () => {
        app.handle(diagram());
        const layout = document.getElementById('layout') as HTMLSelectElement;
        expect(Array.from(layout.options, (option) => option.value)).toEqual([...PREVIEW_LAYOUTS]);
        expect(layout.value).toBe('rows');
        layout.value = 'row';
        layout.dispatchEvent(new Event('change'));
        expect(host.posted.filter((m) => m.type === 'setLayout')).toEqual([{ type: 'setLayout', layout: 'row' }]);
        app.handle({ ...diagram(), settings: { audience: 'internal', locked: false, layout: 'row' } } as ToWebview);
        expect(layout.value).toBe('row');
    });

    it('tells the extension how wide a map fits the panel, again after a noticeable resize', async () => {
        const viewport = document.getElementById('viewport')!;
        let width = 900;
        Object.defineProperty(viewport, 'clientWidth', { get: () => width, configurable: true });
        const own = new FakeHost();
        const sized = new PreviewApp(document, own, NONCE);
        expect(own.posted.filter((m) => m.type === 'panelWidth')).toEqual([{ type: 'panelWidth', width: 868 }]);
        width = 910; // a few pixels: not worth a new layout
        sized.panelWidth.report();
        width = 500;
        window.dispatchEvent(new Event('resize'));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(own.posted.filter((m) => m.type === 'panelWidth')).toEqual([
            { type: 'panelWidth', width: 868 },
            { type: 'panelWidth', width: 468 },
        ]);
    });

    it('opens a tall map (wrapped into rows) as wide as the panel, from its top, not shrunk to fit its height', () => {
        const viewport = document.getElementById('viewport')!;
        Object.defineProperty(viewport, 'clientWidth', { get: () => 1000, configurable: true });
        Object.defineProperty(viewport, 'clientHeight', { get: () => 600, configurable: true });
        const tall = MAP.replace('width="800" height="400" viewBox="0 0 800 400"', 'width="960" height="4000" viewBox="0 0 960 4000"');
        app.handle(diagram(tall));
        expect(canvas().style.transform).toBe('translate(20px, 16px) scale(1)');
    });

    it('remembers the document and settings for a window reload', () => {
        app.handle({ type: 'settings', documentUri: 'file:///w/saas.journey', settings: { audience: 'customer', locked: true, segment: 'enterprise' } });
        expect(host.state).toMatchObject({ documentUri: 'file:///w/saas.journey', settings: { audience: 'customer', locked: true } });
        expect(document.getElementById('lock')!.getAttribute('aria-pressed')).toBe('true');
    });
});
