import { afterAll, describe, expect, test } from 'vitest';
import { LEGIBLE_TEXT_PX, layoutJourney, layoutPages, smallestText, StageTooWide } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { stagesView } from '../../src/model/views.js';
import { checkGeometry } from '../helpers/diagram-geometry.js';
import { generatedJourney, saasJourney } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

const SLIDE_WIDTH = 1920;

/** A4 portrait at 150 dpi, as `render --fit page` uses it. */
const PAGE = { maxWidth: 1240, maxHeight: 1754 };

describe('a wide map wrapped into rows, and cut into pages', () => {
    test('a 20-stage map for a 1,920-px slide: rows as wide as the slide, card text ≥ 11 px, every flow edge joined across rows', async () => {
        const journey = generatedJourney(20, 3);
        const whole = await layoutJourney(journey, layouter);
        // Drawn in one row on the slide, its text would shrink far below legible.
        expect(smallestText(whole) * (SLIDE_WIDTH / whole.width)).toBeLessThan(LEGIBLE_TEXT_PX / 2);

        const [wrapped, ...more] = await layoutPages(journey, layouter, { maxWidth: SLIDE_WIDTH });
        expect(more).toEqual([]);
        expect(wrapped.width).toBeLessThanOrEqual(SLIDE_WIDTH);
        expect(smallestText(wrapped) * (SLIDE_WIDTH / wrapped.width)).toBeGreaterThanOrEqual(LEGIBLE_TEXT_PX);
        const rows = Math.max(...wrapped.stages.map((stage) => stage.row)) + 1;
        expect(rows).toBeGreaterThan(2);
        // The flow from each row's last stage into the next row's first is drawn, and checkGeometry follows it from card to card.
        expect(wrapped.edges.map((edge) => `${edge.from}->${edge.to}`).sort()).toEqual(journey.flow.map((edge) => `${edge.from}->${edge.to}`).sort());
        checkGeometry(journey, wrapped);
        // Rows are filled: no row but the last could have taken the next row's first stage.
        const rowWidth = (row: number) => wrapped.lanes.find((lane) => lane.row === row && lane.kind === 'touchpoints')!.width;
        for (let row = 0; row + 1 < rows; row++) {
            const next = wrapped.stages.find((stage) => stage.row === row + 1)!;
            expect(24 + rowWidth(row) + next.width + 24).toBeGreaterThan(SLIDE_WIDTH - 40);
        }
    });

    test('for a page format, pages of whole rows, each no taller than the page and readable', async () => {
        const journey = generatedJourney(20, 3);
        const pages = await layoutPages(journey, layouter, PAGE);
        expect(pages.length).toBeGreaterThan(1);
        for (const page of pages) {
            expect(page.width).toBeLessThanOrEqual(PAGE.maxWidth);
            expect(page.height).toBeLessThanOrEqual(PAGE.maxHeight);
            expect(smallestText(page) * Math.min(PAGE.maxWidth / page.width, PAGE.maxHeight / page.height)).toBeGreaterThanOrEqual(LEGIBLE_TEXT_PX);
            const view = stagesView(journey, page.stages.map((stage) => stage.name));
            checkGeometry({ ...view, title: page.journey.title }, page);
        }
        // Every stage and touchpoint on exactly one page, in order.
        expect(pages.flatMap((page) => page.stages.map((stage) => stage.name))).toEqual(journey.stages.map((stage) => stage.name));
        expect(pages.flatMap((page) => page.touchpoints.map((card) => card.name)).sort()).toEqual(journey.touchpoints.map((t) => t.name).sort());
        expect(pages.map((page) => page.journey.title)).toEqual(pages.map((_, i) => `${journey.title} (page ${i + 1} of ${pages.length})`));
    });

    test('a map that fits is one page, the same as the whole map', async () => {
        const journey = saasJourney();
        const pages = await layoutPages(journey, layouter, { maxWidth: 8192, maxHeight: 8192 });
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
        await expect(layoutPages(generatedJourney(3, 12), layouter, { maxWidth: 1000 })).rejects.toBeInstanceOf(StageTooWide);
    });
});
