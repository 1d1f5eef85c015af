import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { layoutJourney, renderSvg } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { findJourneyFiles, loadJourneyFiles } from '../../src/language/workspace-loader.js';
import { journeyView } from '../../src/model/views.js';
import type { Journey } from '../../src/model/types.js';
import { changedStages } from '../helpers/diagram-geometry.js';
import { TODAY } from '../helpers/services.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

async function example(folder: string): Promise<Journey> {
    const { model } = await loadJourneyFiles(await findJourneyFiles([path.resolve('examples', folder)]), { today: TODAY });
    return model.journeys[0];
}

const stageText = (svg: string, stage: string) => /<g id="stage-[^"]+"[^>]*>.*?<\/g>/gs.exec(svg.slice(svg.indexOf(`<g id="stage-${stage}"`)))![0];

describe('the last tune-up on the map', () => {
    test('its changes as ↑/↓ lines on the stages they improved or worsened, its name and date in the header', async () => {
        const journey = await example('b2b-saas');
        const layout = await layoutJourney(journey, layouter);
        const svg = renderSvg(layout);
        expect(layout.stages.find((s) => s.name === 'adoption')!.changes).toEqual([
            { change: 'release42', direction: 'improves' },
            { change: 'triage', direction: 'improves' },
        ]);
        expect(layout.stages.find((s) => s.name === 'renewal')!.changes).toEqual([{ change: 'pricing', direction: 'worsens' }]);
        expect(layout.stages.filter((s) => s.changes.length > 0).map((s) => s.name).sort()).toEqual([...new Set(changedStages(journey))].sort());
        expect(stageText(svg, 'adoption')).toContain('\u2191 Release 4.2: in-app guides');
        expect(stageText(svg, 'adoption')).toContain('Weekly active seats up from 41% to 48%');
        expect(stageText(svg, 'renewal')).toMatch(/class="jm-t-danger"[^>]*>\u2193 New price list \(June 2026\)/);
        expect(layout.header.lines.map((line) => line.text).join(' ')).toContain('last review: 2026 Q3 tune-up, 2026-10-15');
        expect(layout.legend.items.map((item) => item.kind)).toContain('review-change');
    });

    test('of several reviews, the last held: not an earlier one', async () => {
        const journey = await example('support-heavy');
        expect(journey.reviews.length).toBeGreaterThan(1);
        const last = [...journey.reviews].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).at(-1)!;
        const layout = await layoutJourney(journey, layouter);
        const marked = layout.stages.flatMap((stage) => stage.changes.map((c) => c.change));
        expect(new Set(marked)).toEqual(new Set(last.changes.filter((c) => c.effects.length > 0).map((c) => c.name)));
        expect(layout.header.lines.map((line) => line.text).join(' ')).toContain(`last review: ${last.title}`);
    });

    test('the header names the day once when the map was reviewed at its last review, and both days when not', async () => {
        // As static outputs see it: no today, no age.
        const journey = { ...(await example('b2b-saas')), reviewAgeDays: undefined };
        const headerText = async (j: Journey) => (await layoutJourney(j, layouter)).header.lines.map((line) => line.text).join(' ');
        expect(journey.lastReviewed).toBe('2026-10-15');
        const sameDay = await headerText(journey);
        expect(sameDay).toContain('last review: 2026 Q3 tune-up, 2026-10-15');
        expect(sameDay.split('2026-10-15')).toHaveLength(2);
        expect(sameDay).not.toContain('reviewed 2026-10-15');
        const aged = await headerText({ ...journey, reviewAgeDays: 39 });
        expect(aged).toContain('last review: 2026 Q3 tune-up, 2026-10-15 (39 days ago)');
        const later = await headerText({ ...journey, lastReviewed: '2026-11-02' });
        expect(later).toContain('reviewed 2026-11-02 \u00b7 last review: 2026 Q3 tune-up, 2026-10-15');
        expect(await headerText({ ...journey, reviews: [] })).toContain('reviewed 2026-10-15');
    });

    test('the customer view shows no review, and a map without reviews no marks', async () => {
        const journey = await example('b2b-saas');
        const customer = await layoutJourney(journeyView(journey, { audience: 'customer' }), layouter);
        expect(customer.stages.flatMap((s) => s.changes)).toEqual([]);
        expect(renderSvg(customer)).not.toMatch(/\u2191|\u2193|last review/);
        const unreviewed = await layoutJourney({ ...journey, reviews: [] }, layouter);
        expect(unreviewed.stages.flatMap((s) => s.changes)).toEqual([]);
        expect(unreviewed.legend.items.map((item) => item.kind)).not.toContain('review-change');
    });
});
