import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findJourneyFiles, loadJourneyFiles } from '../../src/language/workspace-loader.js';
import { layoutJourney, renderSvg } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { journeyView } from '../../src/model/views.js';
import { checkGeometry } from '../helpers/diagram-geometry.js';
import { TODAY } from '../helpers/services.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

/** Every example workspace, the LANGUAGE.md example and the diagram's own rich fixture. */
const workspaces = [
    path.resolve('test/fixtures/saas'),
    path.resolve('test/fixtures/diagram'),
    ...(existsSync('examples') ? readdirSync('examples', { withFileTypes: true }) : [])
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.resolve('examples', entry.name)),
];

describe.each(workspaces)('the maps of %s', (folder) => {
    test.each([
        ['one row', undefined],
        ['wrapped for a pull request (1,000 px)', 1000],
        ['wrapped for a slide (1,920 px)', 1920],
    ])('every journey, in every segment and audience view, %s, is laid out without overlap, columns in order, flow joined', async (_, maxWidth) => {
        const { model } = await loadJourneyFiles(await findJourneyFiles([folder]), { today: TODAY });
        expect(model.journeys.length).toBeGreaterThan(0);
        for (const journey of model.journeys) {
            for (const segment of [undefined, ...journey.segments.map((s) => s.name)]) {
                for (const audience of ['internal', 'customer'] as const) {
                    const view = journeyView(journey, { segment, audience });
                    const layout = await layoutJourney(view, layouter, { maxWidth });
                    checkGeometry(view, layout);
                    if (maxWidth !== undefined) {
                        // As narrow as asked, unless one stage alone is wider: then that stage is a row of its own.
                        const lanes = layout.lanes.filter((lane) => lane.kind === 'touchpoints');
                        const widest = lanes.reduce((most, lane) => (lane.width > most.width ? lane : most));
                        const alone = layout.stages.filter((stage) => stage.row === widest.row).length === 1;
                        expect(layout.width <= maxWidth || alone, `${journey.name} fits ${maxWidth} px`).toBe(true);
                    }
                    if (audience === 'customer') {
                        const svg = renderSvg(layout);
                        for (const evidence of journey.painPoints.flatMap((p) => p.evidence)) {
                            expect(svg).not.toContain(evidence.replace(/'/g, '&#39;'));
                        }
                        const cards = [...layout.touchpoints, ...layout.painPoints, ...layout.initiatives];
                        expect(cards.filter((card) => card.internal || card.lock)).toEqual([]);
                    }
                }
            }
        }
    });
});

test('a support loop is drawn back to where it came from, and the cards keep document order', async () => {
    const { model } = await loadJourneyFiles(await findJourneyFiles([path.resolve('test/fixtures/diagram')]), { today: TODAY });
    const layout = await layoutJourney(model.journeys[0], layouter);
    const card = (name: string) => layout.touchpoints.find((t) => t.name === name)!;
    // importData → ticket → importData: the ticket comes after the import it is about.
    expect(card('ticket').x).toBeGreaterThan(card('importData').x);
    const back = layout.edges.find((e) => e.from === 'ticket' && e.to === 'importData')!;
    expect(back.points.at(-1)!.x).toBe(card('importData').x + card('importData').width);
    // The handover sync flows into the kickoff: it stands before it, although declared later.
    expect(card('internalSync').x).toBeLessThan(card('kickoff').x);
});

test('on a wrapped map, an initiative in the row of its first pain point is linked to the others through a reference in their rows', async () => {
    const { model } = await loadJourneyFiles(await findJourneyFiles([path.resolve('test/fixtures/diagram')]), { today: TODAY });
    const journey = model.journeys.find((j) => j.name === 'billingClarity')!;
    const layout = await layoutJourney(journey, layouter, { maxWidth: 1000 });
    const rowOf = (name: string) => layout.stages.find((stage) => stage.name === name)!.row;
    expect(rowOf('billing'), 'the fixture wraps the two pain points into different rows').toBeGreaterThan(rowOf('signUp'));
    expect(layout.initiatives.map((card) => card.name)).toEqual(['simplify']);
    expect(layout.initiativeReferences.map(({ initiative, cardRow }) => ({ initiative, cardRow }))).toEqual([{ initiative: 'simplify', cardRow: 1 }]);
    expect(layout.links.map((link) => link.painPoint).sort()).toEqual(['formLong', 'invoiceConfusing']);
    const svg = renderSvg(layout);
    expect(svg).toContain('\u2191 initiative, card in row 1');
    // A click on the reference reveals the initiative, as one on its card does.
    expect(svg).toContain('<g data-kind="initiative" data-name="simplify" data-card-row="1"');
    // One row: the card, no reference.
    const whole = await layoutJourney(journey, layouter);
    expect(whole.initiativeReferences).toEqual([]);
    expect(whole.links).toHaveLength(2);
});
