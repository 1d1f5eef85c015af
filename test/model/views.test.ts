import { describe, expect, it } from 'vitest';
import { customerView } from '../../src/model/customer-view.js';
import { journeyView, segmentView } from '../../src/model/views.js';
import { journeyOf } from '../helpers/model.js';

const SHARED = 'segment ent segment mid team cs';
const MAP = `journey j {
    stage onboarding {
        touchpoint welcome { emotion +1 next kickoff, guide }
        touchpoint kickoff { emotion +2 for ent next sso }
        touchpoint guide { emotion -1 for mid next sso }
        touchpoint sso { emotion -2 }
        touchpoint escalation { emotion -2 internal }
        painpoint ssoHard { at sso, kickoff severity high for ent evidence "38 tickets" }
        painpoint slowGuide { at guide severity critical for mid evidence "survey" }
        painpoint handoff { at kickoff, welcome severity medium internal evidence "CSM notes" }
    }
    initiative wizard { owner cs addresses ssoHard for ent }
    initiative notes { addresses handoff, ssoHard internal }
}`;

describe('segment view', () => {
    it('keeps the elements for every segment and for the named one', async () => {
        const view = segmentView(await journeyOf([SHARED, MAP]), 'mid');
        expect(view.touchpoints.map((t) => t.name)).toEqual(['welcome', 'guide', 'sso', 'escalation']);
        expect(view.painPoints.map((p) => p.name)).toEqual(['slowGuide', 'handoff']);
        expect(view.initiatives.map((i) => i.name)).toEqual(['notes']);
        expect(view.stages[0].touchpoints).toEqual(['welcome', 'guide', 'sso', 'escalation']);
        expect(view.stages[0].painPoints).toEqual(['slowGuide', 'handoff']);
        expect(view.view).toEqual({ segment: 'mid', audience: 'internal' });
    });

    it('drops flow edges and references to removed elements', async () => {
        const view = segmentView(await journeyOf([SHARED, MAP]), 'mid');
        expect(view.flow).toEqual([{ from: 'welcome', to: 'guide' }, { from: 'guide', to: 'sso' }]);
        expect(view.flowIsExplicit).toBe(true);
        expect(view.touchpoints[0].next).toEqual(['guide']);
        expect(view.painPoints.find((p) => p.name === 'handoff')!.at).toEqual(['welcome']);
        expect(view.initiatives[0].addresses).toEqual(['handoff']);
    });

    it('recomputes net emotion over the touchpoints shown', async () => {
        const journey = await journeyOf([SHARED, MAP]);
        expect(journey.stages[0].netEmotion).toBe(-2);
        expect(segmentView(journey, 'ent').stages[0].netEmotion).toBe(-1);
        expect(segmentView(journey, 'mid').stages[0].netEmotion).toBe(-4);
    });

    it('runs the document-order flow through the shown touchpoints only', async () => {
        const journey = await journeyOf([SHARED, 'journey j { stage s { touchpoint a touchpoint b { for ent } touchpoint c } }']);
        expect(segmentView(journey, 'mid').flow).toEqual([{ from: 'a', to: 'c' }]);
        expect(segmentView(journey, 'ent').flow).toEqual([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }]);
    });

    it('does not change the journey it was given', async () => {
        const journey = await journeyOf([SHARED, MAP]);
        const before = JSON.stringify(journey);
        segmentView(journey, 'mid');
        customerView(journey);
        expect(JSON.stringify(journey)).toBe(before);
    });
});

describe('a view bridges the flow over the touchpoints it leaves out', () => {
    const BRIDGE = `journey j {
        stage s {
            touchpoint handoff { next kickoff }
            touchpoint kickoff { for ent next workshop }
            touchpoint workshop { next a }
            touchpoint a { next b, c }
            touchpoint b { for ent next c }
            touchpoint c { internal next d }
            touchpoint d { }
        }
    }`;

    it('draws A → C for A → [a hidden B] → C, through several hidden ones, and keeps next in step', async () => {
        const view = segmentView(await journeyOf([SHARED, BRIDGE]), 'mid');
        expect(view.flow).toEqual([
            { from: 'handoff', to: 'workshop' },
            { from: 'workshop', to: 'a' },
            { from: 'a', to: 'c' },
            { from: 'c', to: 'd' },
        ]);
        expect(view.touchpoints.find((t) => t.name === 'handoff')!.next).toEqual(['workshop']);
        // The customer view leaves out the internal c as well: a → d, bridged over b and c.
        const customer = journeyView(await journeyOf([SHARED, BRIDGE]), { segment: 'mid', audience: 'customer' });
        expect(customer.flow).toEqual([
            { from: 'handoff', to: 'workshop' },
            { from: 'workshop', to: 'a' },
            { from: 'a', to: 'd' },
        ]);
    });

    it('adds no shortcut where the shown flow already leads there', async () => {
        // welcome → kickoff (ent) → sso, and welcome → guide → sso: the mid view keeps welcome → guide → sso only.
        const view = segmentView(await journeyOf([SHARED, MAP]), 'mid');
        expect(view.flow).toEqual([{ from: 'welcome', to: 'guide' }, { from: 'guide', to: 'sso' }]);
    });
});
