import { afterAll, describe, expect, test } from 'vitest';
import { layoutJourney } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { findJourneyFiles, loadJourneyFiles } from '../../src/language/workspace-loader.js';
import { checkGeometry, inside } from '../helpers/diagram-geometry.js';
import { TODAY } from '../helpers/services.js';
import type { Journey } from '../../src/model/types.js';
import { generatedJourney, saasJourney, withExtraTouchpoint } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

describe('the laid-out map', () => {
    test('the example journey: columns, cards, flow, no overlap', async () => {
        const journey = saasJourney();
        checkGeometry(journey, await layoutJourney(journey, layouter));
    });

    test('a generated journey of 12 stages × 6 touchpoints', async () => {
        const journey = generatedJourney(12, 6);
        checkGeometry(journey, await layoutJourney(journey, layouter));
    });

    test('pain points hang under their touchpoints (or their stage); initiatives under their pain points', async () => {
        const layout = await layoutJourney(saasJourney(), layouter);
        const painLane = layout.lanes.find((l) => l.kind === 'painpoints')!;
        const sso = layout.touchpoints.find((t) => t.name === 'sso')!;
        const kickoff = layout.touchpoints.find((t) => t.name === 'kickoff')!;
        const confusion = layout.painPoints.find((p) => p.name === 'ssoConfusion')!;
        const handoff = layout.painPoints.find((p) => p.name === 'handoff')!;
        expect(confusion.x).toBe(sso.x);
        expect(handoff.x).toBe(kickoff.x);
        for (const pain of layout.painPoints) {
            expect(inside(pain, painLane)).toBe(true);
        }
        const wizard = layout.initiatives.find((i) => i.name === 'ssoWizard')!;
        expect(wizard.x).toBe(confusion.x);
        expect(wizard.y).toBeGreaterThan(painLane.y + painLane.height);
        expect(layout.links).toEqual([expect.objectContaining({ painPoint: 'ssoConfusion', initiative: 'ssoWizard' })]);
    });

    test('a stage-level pain point sits in its stage column', async () => {
        const journey = saasJourney();
        journey.painPoints[1] = { ...journey.painPoints[1], at: [] };
        const layout = await layoutJourney(journey, layouter);
        const handoff = layout.painPoints.find((p) => p.name === 'handoff')!;
        const onboarding = layout.stages.find((s) => s.name === 'onboarding')!;
        expect(handoff.x).toBeGreaterThanOrEqual(onboarding.x);
        expect(handoff.x + handoff.width).toBeLessThanOrEqual(onboarding.x + onboarding.width);
    });

    test('the emotion curve has one point per touchpoint with an emotion, under its card, higher for better', async () => {
        const layout = await layoutJourney(saasJourney(), layouter);
        const { points } = layout.experience[0];
        expect(points).toHaveLength(7);
        for (const point of points) {
            const card = layout.touchpoints.find((t) => t.name === point.touchpoint)!;
            expect(point.x).toBeGreaterThan(card.x);
            expect(point.x).toBeLessThan(card.x + card.width);
        }
        const y = (name: string) => points.find((p) => p.touchpoint === name)!.y;
        expect(y('kickoff')).toBeLessThan(y('welcome'));
        expect(y('welcome')).toBeLessThan(y('website'));
        expect(y('website')).toBe(layout.experience[0].zeroY);
        expect(y('sso')).toBeGreaterThan(y('website'));
    });

    test('a long title wraps inside its card instead of spilling out', async () => {
        const journey = saasJourney();
        journey.touchpoints[0] = { ...journey.touchpoints[0], title: 'A very long touchpoint title that could never fit on one line of a card' };
        const layout = await layoutJourney(journey, layouter);
        const card = layout.touchpoints.find((t) => t.name === 'website')!;
        const titleLines = card.lines.filter((l) => l.weight === 'bold');
        expect(titleLines.length).toBeGreaterThan(2);
        expect(titleLines.map((l) => l.text).join(' ')).toBe(journey.touchpoints[0].title);
        checkGeometry(journey, layout);
    });

    test('a stage without touchpoints still gets its column', async () => {
        const journey = saasJourney();
        journey.stages.splice(2, 0, { ...journey.stages[2], name: 'empty', title: 'Empty stage', touchpoints: [], netEmotion: 0 });
        const layout = await layoutJourney(journey, layouter);
        checkGeometry(journey, layout);
        expect(layout.stages[2].width).toBeGreaterThanOrEqual(240);
    });

    test('steps across stages — to the next stage, over a stage, and back — run from card to card, around every card', async () => {
        const journey = saasJourney();
        journey.stages.splice(2, 0, { ...journey.stages[2], name: 'empty', title: 'Empty stage', touchpoints: [], netEmotion: 0 });
        journey.flow.push({ from: 'website', to: 'qbr' }, { from: 'qbr', to: 'welcome' }, { from: 'demo', to: 'sso' });
        const layout = await layoutJourney(journey, layouter);
        checkGeometry(journey, layout);
        const route = (from: string, to: string) => layout.edges.find((e) => e.from === from && e.to === to)!.points;
        const card = (name: string) => layout.touchpoints.find((t) => t.name === name)!;
        // Over the onboarding column and an empty one: out of the website's right side, into the review's left side.
        const skip = route('website', 'qbr');
        expect(skip[0].x).toBe(card('website').x + card('website').width);
        expect(skip.at(-1)!.x).toBe(card('qbr').x);
        // Back from renewal to onboarding: drawn from the review, ending on the welcome email's right side.
        const back = route('qbr', 'welcome');
        expect(back[0].x).toBe(card('qbr').x);
        expect(back.at(-1)!.x).toBe(card('welcome').x + card('welcome').width);
    });

    test('a step into the next stage whose ends are a few pixels apart runs straight, without a kink', async () => {
        const { model } = await loadJourneyFiles(await findJourneyFiles(['examples/b2b-saas']), { today: TODAY });
        const layout = await layoutJourney(model.journeys[0], layouter);
        const step = layout.edges.find((e) => e.from === 'firstDashboard' && e.to === 'guides')!;
        const [from, to] = [step.points[0], step.points.at(-1)!];
        expect(step.points).toEqual([from, { x: to.x, y: from.y }]);
    });

    test('the laid-out map is plain JSON', async () => {
        const layout = await layoutJourney(saasJourney(), layouter);
        expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
    });
});

describe('stability', () => {
    async function positions(journey: Journey) {
        const layout = await layoutJourney(journey, layouter);
        return new Map(layout.touchpoints.map((t) => [t.name, { x: t.x, y: t.y, stage: t.stage }]));
    }

    test.each([
        ['the example, one touchpoint added after the last of onboarding', saasJourney(), 'onboarding', 'sso'],
        ['a generated journey (document-order flow), one touchpoint added to the third stage', generatedJourney(6, 4), 's2', 't2_3'],
        ['a generated journey, one touchpoint added to the first stage', generatedJourney(4, 3), 's0', 't0_2'],
        ['the example, one touchpoint added to the first stage, reached from the demo', saasJourney(), 'awareness', 'demo'],
    ])('%s: other cards keep their height and their order in the column', async (_label, journey, stage, after) => {
        const before = await positions(journey);
        const after_ = await positions(withExtraTouchpoint(journey, stage, after));
        expect(after_.has('extra')).toBe(true);
        const shiftOf = new Map<string, number>();
        for (const [name, was] of before) {
            const now = after_.get(name)!;
            expect(now.y, `${name} keeps its height`).toBe(was.y);
            // Within a stage column, every card moves by the same amount (if at all): the order is kept.
            const shift = now.x - was.x;
            if (!shiftOf.has(was.stage)) {
                shiftOf.set(was.stage, shift);
            }
            if (was.stage !== stage) {
                expect(shift, `${name} moves with its column`).toBe(shiftOf.get(was.stage));
            }
        }
        // Columns before the changed one do not move at all.
        const stageIndex = journey.stages.findIndex((s) => s.name === stage);
        for (const earlier of journey.stages.slice(0, stageIndex)) {
            expect(shiftOf.get(earlier.name) ?? 0).toBe(0);
        }
    });
});

describe('empty lanes', () => {
    test('a journey without emotions, pain points or initiatives says so in each lane', async () => {
        const journey = saasJourney();
        journey.touchpoints = journey.touchpoints.map((t) => ({ ...t, emotion: undefined }));
        journey.painPoints = [];
        journey.initiatives = [];
        const layout = await layoutJourney(journey, layouter);
        expect(layout.experience[0].points).toEqual([]);
        expect(layout.notes.map((n) => n.text)).toEqual(['No emotions recorded.', 'No pain points recorded.', 'No initiatives recorded.']);
        checkGeometry(journey, layout);
    });
});

test('a journey without stages still renders its header, empty lanes and legend', async () => {
    const journey = { ...saasJourney(), stages: [], touchpoints: [], painPoints: [], initiatives: [], flow: [], metrics: [] };
    const layout = await layoutJourney(journey, layouter);
    expect(layout.stages).toEqual([]);
    expect(layout.header.lines[0].text).toBe('B2B SaaS customer journey');
    expect(layout.width).toBeGreaterThan(700);
});
