import { afterAll, describe, expect, test } from 'vitest';
import { LEGIBLE_TEXT_PX, layoutJourney, layoutPages, smallestText, StageTooWide } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { stagesView } from '../../src/model/views.js';
import { checkGeometry } from '../helpers/diagram-geometry.js';
import { generatedJourney, saasJourney } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

const SLIDE_WIDTH = 1920;

describe('a wide map cut into pages', () => {
    test('a 20-stage map for a 1,920-px slide: every page fits and keeps card text ≥ 11 px', async () => {
        const journey = generatedJourney(20, 3);
        const whole = await layoutJourney(journey, layouter);
        // Drawn whole on the slide, its text would shrink far below legible.
        expect(smallestText(whole) * (SLIDE_WIDTH / whole.width)).toBeLessThan(LEGIBLE_TEXT_PX / 2);

        const pages = await layoutPages(journey, layouter, SLIDE_WIDTH);
        expect(pages.length).toBeGreaterThan(1);
        for (const page of pages) {
            expect(page.width).toBeLessThanOrEqual(SLIDE_WIDTH);
            const zoom = SLIDE_WIDTH / page.width;
            expect(smallestText(page) * zoom).toBeGreaterThanOrEqual(LEGIBLE_TEXT_PX);
            const view = stagesView(journey, page.stages.map((stage) => stage.name));
            checkGeometry({ ...view, title: page.journey.title }, page);
        }
        // Every stage and touchpoint on exactly one page, in order.
        expect(pages.flatMap((page) => page.stages.map((stage) => stage.name))).toEqual(journey.stages.map((stage) => stage.name));
        expect(pages.flatMap((page) => page.touchpoints.map((card) => card.name)).sort()).toEqual(journey.touchpoints.map((t) => t.name).sort());
        expect(pages.map((page) => page.journey.title)).toEqual(pages.map((_, i) => `${journey.title} (page ${i + 1} of ${pages.length})`));
        // Pages are filled: no page but the last could have taken the next page's first stage.
        for (let i = 0; i + 1 < pages.length; i++) {
            expect(pages[i].width + pages[i + 1].stages[0].width).toBeGreaterThan(SLIDE_WIDTH);
        }
    });

    test('a map that fits is one page, the same as the whole map', async () => {
        const journey = saasJourney();
        const pages = await layoutPages(journey, layouter, 8192);
        expect(pages).toEqual([await layoutJourney(journey, layouter)]);
    });

    test('a page keeps the pain points and metrics of its stages and the initiatives that address them', () => {
        const journey = saasJourney();
        const onboarding = stagesView(journey, ['onboarding']);
        expect(onboarding.painPoints.every((p) => p.stage === 'onboarding')).toBe(true);
        expect(onboarding.painPoints.length).toBeGreaterThan(0);
        expect(onboarding.metrics.every((m) => m.stage === undefined || m.stage === 'onboarding')).toBe(true);
        for (const initiative of onboarding.initiatives) {
            expect(initiative.addresses.some((name) => onboarding.painPoints.some((p) => p.name === name))).toBe(true);
        }
        expect(onboarding.flow.every((edge) => onboarding.touchpoints.some((t) => t.name === edge.from) && onboarding.touchpoints.some((t) => t.name === edge.to))).toBe(true);
    });

    test('a stage too wide for the page on its own is refused, not shrunk', async () => {
        await expect(layoutPages(generatedJourney(3, 12), layouter, 1000)).rejects.toBeInstanceOf(StageTooWide);
    });
});
