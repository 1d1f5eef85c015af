import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS, customerView, NotForCustomers, SHOWN } from '../../src/model/customer-view.js';
import { journeyView, segmentView } from '../../src/model/views.js';
import type { Journey } from '../../src/model/types.js';
import { canaryTexts, CANARY_TODAY, leaks, valuesOf, VISIBLE } from '../helpers/canaries.js';
import { journeyOf, modelOf } from '../helpers/model.js';

type Kind = keyof typeof CUSTOMER_FIELDS;
type Element = Record<string, unknown> & { kind: Kind };

async function canaryJourney(): Promise<Journey> {
    const model = await modelOf(canaryTexts(), CANARY_TODAY);
    return model.journeys.find((journey) => journey.name === 'onboarding')!;
}

/** Every element the customer view may copy, reached through the fields its tables show. */
function shownElements(element: Element): Element[] {
    const table = CUSTOMER_FIELDS[element.kind] as Record<string, unknown>;
    const nested = Object.keys(table)
        .filter((field) => table[field] === SHOWN)
        .flatMap((field) => [element[field]].flat())
        .filter((value): value is Element => typeof value === 'object' && value !== null && (value as Element).kind in CUSTOMER_FIELDS);
    return [element, ...nested.flatMap(shownElements)];
}

describe('the customer view classifies every field of the model', () => {
    it('knows every field the model builds (a new field fails here until customer-view.ts classifies it)', async () => {
        const unclassified = shownElements((await canaryJourney()) as unknown as Element).flatMap((element) =>
            Object.keys(element).filter((field) => !Object.hasOwn(CUSTOMER_FIELDS[element.kind], field)).map((field) => `${element.kind}.${field}`),
        );
        expect([...new Set(unclassified)]).toEqual([]);
    });

    it('is tested on a fixture that fills every field of every table', async () => {
        const elements = shownElements((await canaryJourney()) as unknown as Element);
        const unfilled = (Object.keys(CUSTOMER_FIELDS) as Kind[]).flatMap((kind) =>
            Object.keys(CUSTOMER_FIELDS[kind])
                .filter((field) => !elements.some((element) => element.kind === kind && isFilled(element[field])))
                .map((field) => `${kind}.${field}`),
        );
        expect(unfilled).toEqual([]);
    });
});

/** A flag counts when present (false is a value); a list only when it holds something. */
function isFilled(value: unknown): boolean {
    return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

describe('the customer view', () => {
    it('holds no canary, and the visible text', async () => {
        const journey = await canaryJourney();
        expect(leaks(valuesOf(journey)).length).toBeGreaterThan(50);
        for (const segment of [undefined, 'ent', 'mid', 'canarySecretSegment']) {
            const text = valuesOf(journeyView(journey, { segment, audience: 'customer' }));
            expect(leaks(text), `segment ${segment}`).toEqual([]);
            expect(text).toContain('VISIBLE journey title');
        }
        const all = JSON.stringify(customerView(journey));
        for (const visible of VISIBLE) expect(all).toContain(visible);
    });

    it('shows stages and touchpoints unless internal; pain points, initiatives and metrics only when shared', async () => {
        const view = customerView(await canaryJourney());
        expect(view.stages.map((stage) => stage.name)).toEqual(['signup', 'activation']);
        expect(view.touchpoints.map((touchpoint) => touchpoint.name)).toEqual(['visibleWelcome', 'visibleSetup', 'visibleKickoff']);
        expect(view.painPoints.map((painPoint) => painPoint.name)).toEqual(['visibleSetupPain']);
        expect(view.initiatives.map((initiative) => initiative.name)).toEqual(['visibleWizard']);
        expect(view.metrics.map((metric) => metric.name)).toEqual(['visibleNps']);
        expect(view.stages[0].metrics).toEqual([]);
        expect(view.reviews).toEqual([]);
        expect(view.teams).toEqual([]);
    });

    it('keeps a shared element without its internal details', async () => {
        const view = customerView(await canaryJourney());
        expect(view.painPoints[0]).toEqual({
            kind: 'painpoint', name: 'visibleSetupPain', title: 'VISIBLE shared pain point', description: 'VISIBLE shared pain point description',
            internal: false, shared: true, stage: 'signup', at: ['visibleSetup'], addressedBy: ['visibleWizard'],
            evidence: [], unaddressed: false, segments: [],
        });
        expect(view.initiatives[0]).toEqual({
            kind: 'initiative', name: 'visibleWizard', title: 'VISIBLE shared initiative', description: 'VISIBLE shared initiative description',
            internal: false, shared: true, addresses: ['visibleSetupPain'], pastDue: false, segments: [],
        });
        expect(view.touchpoints[1]).toEqual({
            kind: 'touchpoint', name: 'visibleSetup', title: 'VISIBLE touchpoint setup', internal: false,
            stage: 'signup', channel: 'product', emotion: -2, next: ['visibleKickoff'], segments: [],
        });
    });

    it('draws the flow and the emotion through the shown touchpoints only', async () => {
        const view = customerView(await canaryJourney());
        expect(view.flow).toEqual([{ from: 'visibleWelcome', to: 'visibleSetup' }, { from: 'visibleSetup', to: 'visibleKickoff' }]);
        expect(view.stages.map((stage) => stage.netEmotion)).toEqual([-1, 2]);
    });

    it('names the segment of a segment view, unless the segment is internal', async () => {
        const journey = await canaryJourney();
        expect(journeyView(journey, { segment: 'ent', audience: 'customer' }).view).toEqual({ segment: 'ent', audience: 'customer' });
        expect(journeyView(journey, { segment: 'ent', audience: 'customer' }).segments).toEqual([{ kind: 'segment', name: 'ent', title: 'Enterprise', internal: false }]);
        const secret = journeyView(journey, { segment: 'canarySecretSegment', audience: 'customer' });
        expect(secret.view).toEqual({ audience: 'customer' });
        expect(secret.segments).toEqual([]);
    });

    it('refuses an internal journey, saying how to share it', async () => {
        const model = await modelOf(canaryTexts(), CANARY_TODAY);
        const secret = model.journeys.find((journey) => journey.name === 'canarySecretJourney')!;
        expect(() => customerView(secret)).toThrow(NotForCustomers);
        expect(() => customerView(secret)).toThrow("journey 'canarySecretJourney' is internal: it has no customer view (remove `internal` from it to share it, or use the internal audience)");
    });

    it('does not change the journey it was given', async () => {
        const journey = await canaryJourney();
        const before = JSON.stringify(journey);
        customerView(journey);
        customerView(segmentView(journey, 'mid'));
        expect(JSON.stringify(journey)).toBe(before);
    });

    it('drops the flow through an internal touchpoint and its stage', async () => {
        const view = customerView(await journeyOf('journey j { stage a { touchpoint x touchpoint y { internal } touchpoint z } stage b { touchpoint w } stage c { touchpoint v internal } }'));
        expect(view.flow).toEqual([{ from: 'x', to: 'z' }, { from: 'z', to: 'w' }]);
        expect(view.stages.map((stage) => stage.name)).toEqual(['a', 'b']);
    });
});
