import { afterAll, describe, expect, test } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { escapeXml, layoutJourney, renderJourneySvg, renderSvg } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { parseElementId } from '../../src/protocol/element-id.js';
import { THEMES } from '../../src/protocol/theme.js';
import type { Journey } from '../../src/model/types.js';
import { saasJourney } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

/** Rasterising is only a strict XML parser and painter here: loading system fonts would take seconds. */
const NO_FONTS = { font: { loadSystemFonts: false } };

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', ']]> & <![CDATA[', "it's & \"quoted\"", 'bell\u0007 and \ud800 lone'];

/** The example with every user-visible string replaced by hostile text. */
function hostileJourney(): Journey {
    const journey = saasJourney();
    const pick = (i: number) => HOSTILE[i % HOSTILE.length];
    journey.title = pick(0);
    journey.description = pick(1);
    journey.stages = journey.stages.map((s, i) => ({ ...s, title: pick(i + 1), goals: [pick(i + 2)] }));
    journey.touchpoints = journey.touchpoints.map((t, i) => ({ ...t, title: pick(i), channel: pick(i + 3) }));
    journey.painPoints = journey.painPoints.map((p, i) => ({ ...p, title: pick(i + 2), evidence: [pick(i + 1)] }));
    journey.initiatives = journey.initiatives.map((x) => ({ ...x, title: pick(1) }));
    journey.metrics = journey.metrics.map((m, i) => ({ ...m, title: pick(i), unit: pick(i + 1) }));
    journey.teams = journey.teams.map((t, i) => ({ ...t, title: pick(i + 4) }));
    journey.segments = journey.segments.map((s, i) => ({ ...s, title: pick(i) }));
    return journey;
}

describe('escaping', () => {
    test('escapeXml escapes markup, quotes and ampersands, and drops what XML forbids', () => {
        expect(escapeXml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
        expect(escapeXml(']]>')).toBe(']]&gt;');
        expect(escapeXml('a\u0000b\u001fc\ud800d\u{1f600}')).toBe('a\ufffdb\ufffdc\ufffdd\u{1f600}');
    });

    test('hostile titles come out as text, never as markup', async () => {
        const svg = await renderJourneySvg(hostileJourney(), layouter);
        expect(svg).not.toMatch(/<script/i);
        expect(svg).not.toMatch(/<img/i);
        expect(svg).not.toMatch(/\sonerror="/i);
        expect(svg).not.toContain('<![CDATA[');
        expect(svg).not.toContain('\u0007');
        expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(svg).toContain('&quot;&gt;&lt;img');
        // The document is still well-formed XML: a strict parser renders it.
        expect(() => new Resvg(svg, NO_FONTS).render()).not.toThrow();
        // Every element is one we write: nothing smuggled in.
        const tags = new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
        expect([...tags].sort()).toEqual(['circle', 'desc', 'g', 'path', 'rect', 'style', 'svg', 'text', 'title']);
    });
});

describe('the SVG', () => {
    test('is byte-identical for the same input, in every theme', async () => {
        for (const theme of THEMES) {
            const first = await renderJourneySvg(saasJourney(), layouter, { theme });
            const second = await renderJourneySvg(saasJourney(), layouter, { theme });
            expect(second).toBe(first);
        }
    });

    test('is self-contained: no scripts, no external fonts, links or images', async () => {
        const svg = await renderJourneySvg(saasJourney(), layouter);
        expect(svg).not.toMatch(/<script|<image|<a |<foreignObject|href=|@import|@font-face|url\((?!#)/i);
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    });

    test('is accessible: role, title, description and labelled groups', async () => {
        const svg = await renderJourneySvg(saasJourney(), layouter);
        expect(svg).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="jm-title jm-desc"/);
        expect(svg).toContain('<title id="jm-title">Journey map: B2B SaaS customer journey</title>');
        expect(svg).toContain('<desc id="jm-desc">Customer journey map with 3 stages (Awareness, Onboarding, Renewal), 7 touchpoints, 2 pain points and 1 initiative.</desc>');
        expect(svg).toMatch(/<g id="touchpoint-sso" data-kind="touchpoint" data-name="sso" data-stage="onboarding" role="group" aria-label="Touchpoint SSO setup product · Product, emotion −2">/);
    });

    test('has stable ids derived from the names, for every element the preview maps back', async () => {
        const layout = await layoutJourney(saasJourney(), layouter);
        const svg = renderSvg(layout);
        for (const name of ['awareness', 'onboarding', 'renewal']) {
            expect(svg).toContain(`id="stage-${name}" data-kind="stage" data-name="${name}"`);
        }
        for (const t of layout.touchpoints) {
            expect(svg).toContain(`id="touchpoint-${t.name}" data-kind="touchpoint" data-name="${t.name}"`);
        }
        expect(svg).toContain('id="painpoint-ssoConfusion" data-kind="painpoint" data-name="ssoConfusion"');
        expect(svg).toContain('id="initiative-ssoWizard" data-kind="initiative" data-name="ssoWizard"');
        expect(svg).toContain('<g id="flow-welcome-kickoff" data-kind="flow" data-from="welcome" data-to="kickoff">');
        expect(svg).toContain('id="metric-ttv" data-kind="metric" data-name="ttv" data-status="missed"');
        const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(ids).size).toBe(ids.length);
    });

    test('every element id reads back (src/protocol/element-id.ts) to the kind and names the element carries', async () => {
        const svg = renderSvg(await layoutJourney(saasJourney(), layouter));
        const marks = [...svg.matchAll(/ id="([^"]+)" data-kind="([^"]+)" (?:data-name="([^"]+)"|data-from="([^"]+)" data-to="([^"]+)")?/g)]
            // The journey's header is not an element of the map.
            .filter(([, id]) => id !== 'header');
        expect(new Set(marks.map((mark) => mark[2]))).toEqual(new Set(['stage', 'touchpoint', 'painpoint', 'initiative', 'metric', 'emotion', 'flow', 'link']));
        for (const [, id, kind, name, from, to] of marks) {
            // A link carries no data-from/data-to: only its kind is checked.
            const names = name !== undefined ? { name } : from !== undefined ? { from, to } : {};
            expect(parseElementId(id), id).toMatchObject({ kind, ...names });
        }
    });

    test('shows what a reader needs: evidence on hover, the lock on internal elements, stale and past-due marks', async () => {
        const journey = saasJourney();
        journey.stale = true;
        journey.reviewAgeDays = 120;
        journey.initiatives[0] = { ...journey.initiatives[0], pastDue: true, due: '2026-09-30' };
        journey.painPoints[0] = { ...journey.painPoints[0], unaddressed: true };
        const svg = await renderJourneySvg(journey, layouter);
        expect(svg).toContain("Evidence:\n• 38 support tickets tagged &#39;sso&#39; in Q3</title>");
        const handoff = svg.slice(svg.indexOf('id="painpoint-handoff"'));
        expect(handoff.slice(0, handoff.indexOf('</g>\n') + 1)).toContain('internal: hidden from customers');
        expect(svg).toContain('STALE: not reviewed for 120 days');
        expect(svg).toMatch(/id="initiative-ssoWizard"[^]*?PAST DUE/);
        expect(svg).toMatch(/id="painpoint-ssoConfusion"[^]*?NO INITIATIVE/);
    });

    test('has light, dark and high-contrast palettes as CSS variables, with plain colours for rasterisers', async () => {
        const layout = await layoutJourney(saasJourney(), layouter);
        const light = renderSvg(layout, { theme: 'light' });
        const dark = renderSvg(layout, { theme: 'dark' });
        expect(light).toContain('class="jm jm-theme-light"');
        expect(dark).toContain('class="jm jm-theme-dark"');
        for (const svg of [light, dark]) {
            expect(svg).toContain('.jm.jm-theme-light{--jm-bg:#ffffff');
            expect(svg).toContain('.jm.jm-theme-dark{--jm-bg:#1e1e1e');
            expect(svg).toContain('.jm.jm-theme-high-contrast{--jm-bg:#000000');
            expect(svg).toContain('.jm-bg{fill:var(--jm-bg)}');
        }
        expect(light).toMatch(/^\.jm-bg\{fill:#ffffff\}$/m);
        expect(dark).toMatch(/^\.jm-bg\{fill:#1e1e1e\}$/m);
        // A rasteriser without CSS variables paints the chosen theme's background.
        const pixel = (svg: string) => Array.from(new Resvg(svg, NO_FONTS).render().pixels.subarray(0, 3));
        expect(pixel(light)).toEqual([255, 255, 255]);
        expect(pixel(dark)).toEqual([0x1e, 0x1e, 0x1e]);
    });

    test('never draws text smaller than 11 px', async () => {
        const svg = await renderJourneySvg(saasJourney(), layouter);
        const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(sizes.length).toBeGreaterThan(20);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    });
});
