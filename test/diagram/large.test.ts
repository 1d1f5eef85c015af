/**
 * SLOW, skipped by default: a 5,000-touchpoint map lays out through the
 * product's layouter (each stage on its own, by src/diagram/layered; ELK in
 * its worker would take ~5.5 s on a busy 2-core machine). Run it with
 * `JOURNEY_SLOW_TESTS=1 npx vitest run test/diagram-large.test.ts`.
 */
import { afterAll, expect, test } from 'vitest';
import { createWorkerLayouter, layoutJourney, renderSvg } from '../../src/diagram/index.js';
import { generatedJourney } from '../fixtures/journeys.js';

const layouter = createWorkerLayouter();
afterAll(() => layouter.dispose());

test.runIf(process.env.JOURNEY_SLOW_TESTS === '1')('slow: a 5,000-touchpoint journey (1,000 stages × 5) lays out in the worker and renders', async () => {
    const started = performance.now();
    const layout = await layoutJourney(generatedJourney(1000, 5), layouter, { timeoutMs: 120_000 });
    const laidOut = performance.now() - started;
    const svg = renderSvg(layout);
    console.log(`5,000 touchpoints: layout ${Math.round(laidOut)} ms, SVG ${Math.round(svg.length / 1024)} KiB`);
    expect(layout.touchpoints).toHaveLength(5000);
    expect(layout.edges).toHaveLength(4999);
    for (let i = 1; i < layout.stages.length; i++) {
        expect(layout.stages[i].x).toBeGreaterThan(layout.stages[i - 1].x);
    }
}, 180_000);
