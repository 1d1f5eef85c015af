import { afterAll, describe, expect, test } from 'vitest';
import { layoutJourney, renderSvg } from '../../src/diagram/index.js';
import { MAX_TITLE_LINES } from '../../src/diagram/card-content.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { clampLines, measureText } from '../../src/diagram/text-measure.js';
import { checkGeometry } from '../helpers/diagram-geometry.js';
import { saasJourney } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

const LONG = 'Customer success manager walks the new admin through single sign-on, SCIM provisioning, audit logs, data residency options and the security questionnaire answers, then books a follow-up with legal and procurement to review the data processing agreement and the subprocessor list before go-live'.slice(0, 300);

describe('long titles', () => {
    test('a 300-character title takes at most three lines, ends in an ellipsis, and is whole in the hover', async () => {
        const base = saasJourney();
        const journey = {
            ...base,
            touchpoints: base.touchpoints.map((t) => (t.name === 'sso' ? { ...t, title: LONG } : t)),
            painPoints: base.painPoints.map((p, i) => (i === 0 ? { ...p, title: LONG } : p)),
        };
        const layout = await layoutJourney(journey, layouter);
        checkGeometry(journey, layout);
        for (const card of [layout.touchpoints.find((t) => t.name === 'sso')!, layout.painPoints.find((p) => p.name === base.painPoints[0].name)!]) {
            const titleLines = card.lines.filter((line) => line.weight === 'bold');
            expect(titleLines.map((line) => line.text), card.name).toHaveLength(MAX_TITLE_LINES);
            expect(titleLines.at(-1)!.text.endsWith('\u2026')).toBe(true);
            expect(card.fullTitle).toBe(LONG);
            for (const line of titleLines) {
                expect(line.x + measureText(line.text, line.size, 'bold')).toBeLessThanOrEqual(card.x + card.width);
            }
        }
        const svg = renderSvg(layout);
        expect(svg).toContain(`<title>${LONG.replace(/'/g, '&#39;')}\n`);
        // A short title is left whole, with no hover line of its own.
        expect(layout.touchpoints.find((t) => t.name === 'kickoff')!.fullTitle).toBeUndefined();
    });

    test('clampLines keeps short texts and cuts long ones to fit with the ellipsis', () => {
        expect(clampLines(['a', 'b'], 3, 100, 13)).toEqual(['a', 'b']);
        const cut = clampLines(['one two three', 'four five six', 'seven eight nine', 'ten'], 2, 80, 13, 'bold');
        expect(cut).toHaveLength(2);
        expect(cut[1].endsWith('\u2026')).toBe(true);
        expect(measureText(cut[1], 13, 'bold')).toBeLessThanOrEqual(80);
    });
});
