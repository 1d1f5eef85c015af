import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findJourneyFiles, loadJourneyFiles } from '../../src/language/workspace-loader.js';
import { journeyOf, modelOf } from '../helpers/model.js';
import { TODAY } from '../helpers/services.js';

const SAAS = path.resolve('test/fixtures/saas');

async function saasModel() {
    return (await loadJourneyFiles(await findJourneyFiles([SAAS]), { today: TODAY })).model;
}

describe('buildWorkspaceModel on the LANGUAGE.md example (split over two files)', () => {
    it('resolves teams and segments declared in another file', async () => {
        const model = await saasModel();
        expect(model.teams.map((team) => team.name)).toEqual(['cs', 'support', 'product', 'marketing']);
        expect(model.segments.map((segment) => segment.title)).toEqual(['Enterprise', 'Mid-market']);
        const [journey] = model.journeys;
        expect(journey.owner).toBe('cs');
        expect(journey.touchpoints.find((t) => t.name === 'demo')).toMatchObject({ owner: 'marketing', segments: ['enterprise'] });
    });

    it('keeps stages, touchpoints and pain points in document order with their stage', async () => {
        const [journey] = (await saasModel()).journeys;
        expect(journey.stages.map((stage) => stage.name)).toEqual(['awareness', 'onboarding', 'renewal']);
        expect(journey.stages[1].touchpoints).toEqual(['welcome', 'kickoff', 'selfServe', 'sso']);
        expect(journey.touchpoints.map((t) => `${t.stage}/${t.name}`)).toEqual([
            'awareness/website', 'awareness/demo', 'onboarding/welcome', 'onboarding/kickoff',
            'onboarding/selfServe', 'onboarding/sso', 'renewal/qbr',
        ]);
        expect(journey.painPoints.find((p) => p.name === 'ssoConfusion')).toMatchObject({
            stage: 'onboarding', at: ['sso'], severity: 'high', segments: ['enterprise'],
            evidence: ["38 support tickets tagged 'sso' in Q3"], addressedBy: ['ssoWizard'], unaddressed: false,
        });
        expect(journey.painPoints.find((p) => p.name === 'handoff')).toMatchObject({ internal: true, severity: 'medium' });
    });

    it('orders metrics journey-level first and reads targets with comparator and percent', async () => {
        const [journey] = (await saasModel()).journeys;
        expect(journey.metrics.map((m) => [m.name, m.stage, m.status])).toEqual([
            ['nps', undefined, 'missed'], ['retention', undefined, 'missed'], ['ttv', 'onboarding', 'missed'],
        ]);
        expect(journey.metrics[1]).toMatchObject({ target: { comparator: '>=', value: 95, percent: true }, actual: { value: 91, percent: true } });
        expect(journey.metrics[2]).toMatchObject({ target: { comparator: '<=', value: 14 }, unit: 'days' });
    });

    it('reads initiatives, reviews and changes', async () => {
        const [journey] = (await saasModel()).journeys;
        expect(journey.initiatives[0]).toMatchObject({
            name: 'ssoWizard', owner: 'product', addresses: ['ssoConfusion'], impact: 'high', effort: 'medium',
            due: '2027-01-31', status: 'active', pastDue: false,
        });
        expect(journey.reviews[0]).toMatchObject({ name: 'q3', title: '2026 Q3 tune-up', date: '2026-10-15' });
        expect(journey.reviews[0].changes[0].effects).toEqual([
            { direction: 'improves', stage: 'onboarding', note: 'Fewer questions about training material' },
            { direction: 'worsens', stage: 'renewal', note: 'Support tickets up 18% after the pricing change' },
        ]);
        expect(journey).toMatchObject({ reviewed: '2026-10-15', lastReviewed: '2026-10-15', reviewAgeDays: 39, stale: false });
    });

    it('locates every element by the range of its name, 0-based, with the file URI', async () => {
        const [journey] = (await saasModel()).journeys;
        const sso = journey.touchpoints.find((t) => t.name === 'sso')!;
        expect(sso.source?.uri).toMatch(/\/test\/fixtures\/saas\/saas\.journey$/);
        expect(sso.source!.end.character - sso.source!.start.character).toBe('sso'.length);
        const everything = [journey, ...journey.stages, ...journey.touchpoints, ...journey.painPoints, ...journey.metrics,
            ...journey.initiatives, ...journey.reviews, ...journey.reviews.flatMap((r) => r.changes), ...journey.teams];
        expect(everything.filter((element) => !element.source)).toEqual([]);
    });

    it('is plain JSON: serialising and parsing gives the same model', async () => {
        const model = await saasModel();
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });
});

describe('buildWorkspaceModel on documents with errors', () => {
    it('leaves unresolved references out instead of inventing them', async () => {
        const journey = await journeyOf(`journey j { owner ghost stage s {
            touchpoint a { owner nobody next b, missing for nowhere }
            touchpoint b
            painpoint p { at a, nothing severity high }
        }
        initiative i { addresses p, unknown } }`);
        expect(journey.owner).toBeUndefined();
        expect(journey.touchpoints[0]).toMatchObject({ next: ['b'], segments: [] });
        expect(journey.touchpoints[0].owner).toBeUndefined();
        expect(journey.painPoints[0].at).toEqual(['a']);
        expect(journey.initiatives[0].addresses).toEqual(['p']);
    });

    it('shows the name where the title is missing, and skips invalid values', async () => {
        const journey = await journeyOf(`journey j { reviewed 2026-02-30 stage s { touchpoint t { emotion 5 } } }`);
        expect(journey.title).toBe('j');
        expect(journey.touchpoints[0]).toMatchObject({ title: 't' });
        expect(journey.touchpoints[0].emotion).toBeUndefined();
        expect(journey.reviewed).toBeUndefined();
        expect(journey.stale).toBe(true);
    });

    it('leaves out a target or an actual whose number is a mistake (its agenda said "target ≥ undefined", found by the fuzzer)', async () => {
        const journey = await journeyOf('journey j { metric nps "NPS" { target >=evidence40 actual 31 }  metric csat "CSAT" { target >= 80 actual oops } }');
        expect(journey.metrics.map((metric) => [metric.name, metric.target, metric.actual])).toEqual([
            ['nps', undefined, { value: 31, percent: false }],
            ['csat', { comparator: '>=', value: 80, percent: false }, undefined],
        ]);
    });

    it('leaves out an effect whose stage is missing after a misspelt keyword (the model builder threw, found by the fuzzer)', async () => {
        const text = 'journey j "J" {\n  stage s "S" { }\n  review q "Q" on 2026-10-01 {\n    change c "C" {\n      improvn "Down from 14h to 9h median"\n    }\n    change d "D" { improves s "Kept" }\n  }\n}';
        const journey = await journeyOf(text);
        expect(journey.reviews[0].changes.map((change) => change.effects)).toEqual([[], [{ direction: 'improves', stage: 's', note: 'Kept' }]]);
    });

    it('survives a syntax error and keeps what parsed', async () => {
        const journey = await journeyOf(`journey j { stage s { touchpoint a { emotion +1 } touchpoint { } touchpoint b } stage`);
        expect(journey.stages.map((stage) => stage.name)).toContain('s');
        expect(journey.touchpoints.map((t) => t.name)).toContain('a');
    });

    it('builds one journey per declaration, across documents', async () => {
        const model = await modelOf(['segment ent journey one { stage s }', 'journey two { stage s { touchpoint t { for ent } } }']);
        expect(model.journeys.map((journey) => journey.name)).toEqual(['one', 'two']);
        expect(model.journeys[1].touchpoints[0].segments).toEqual(['ent']);
        expect(model.journeys[1].source?.uri).toMatch(/b\.journey$/);
    });
});
