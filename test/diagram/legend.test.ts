import { afterAll, describe, expect, test } from 'vitest';
import { layoutJourney, renderSvg } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { checkLegend } from '../helpers/diagram-geometry.js';
import { generatedJourney, saasJourney } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

describe('the legend', () => {
    test('explains only the marks the map uses', async () => {
        const journey = generatedJourney(2, 2); // no pain points, initiatives, segments or metrics
        const layout = await layoutJourney(journey, layouter);
        checkLegend(journey, layout);
        expect(layout.legend.items.map((item) => item.kind)).toEqual(['flow', 'emotion', 'net-emotion']);
        expect(renderSvg(layout)).not.toMatch(/NO INITIATIVE|PAST DUE|CRITICAL|pain point severity/);
    });

    test('explains the grey mark of a metric without a target, and a past-due initiative', async () => {
        const base = saasJourney();
        const journey = {
            ...base,
            metrics: [...base.metrics, { kind: 'metric' as const, internal: false, shared: false, name: 'csat', title: 'CSAT', history: [], status: 'no-target' as const }],
            initiatives: base.initiatives.map((initiative, i) => (i === 0 ? { ...initiative, pastDue: true } : initiative)),
        };
        const layout = await layoutJourney(journey, layouter);
        checkLegend(journey, layout);
        const kinds = layout.legend.items.map((item) => item.kind);
        expect(kinds).toContain('metric-unknown');
        expect(kinds).toContain('past-due');
        const svg = renderSvg(layout);
        expect(svg).toContain('metric without a target or a value yet');
    });
});
