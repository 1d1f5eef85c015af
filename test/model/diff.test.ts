import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '../../src/model/diff/diff-workspace.js';
import { DIFF_CODES } from '../../src/model/diff/diff-codes.js';
import type { ModelChange } from '../../src/model/diff/changes.js';
import { modelOf } from '../helpers/model.js';

const BASE = `team cs "Customer Success"
team product "Product"
segment smb "SMB"
segment ent "Enterprise"

journey saas "SaaS journey" {
  owner cs
  reviewed 2026-10-01

  stage trial "Trial" {
    metric conv "Trial to paid" { target >= 15%  actual 16% }
    touchpoint signup "Sign-up form" { channel web  owner product  emotion +1  next tour }
    touchpoint tour "Product tour" { channel in_app  emotion 0  next kickoff }
    painpoint slowSignup "Sign-up is slow" { at signup  severity high  evidence "3 tickets" }
  }

  stage onboarding "Onboarding" {
    touchpoint kickoff "Kickoff call" { channel meeting  owner cs  emotion +2  for ent  next guide }
    touchpoint guide "Self-serve guide" { channel docs  emotion 0  for smb }
    painpoint noGuide "Guide is outdated" { at guide  severity medium }
  }

  initiative faster "Faster sign-up" { owner product  addresses slowSignup  impact high  effort low  due 2026-12-15  status active }

  review q3 "Q3 tune-up" on 2026-10-01 {
    change newTour "New product tour" { improves trial "tour shipped" }
  }
}
`;

async function diff(before: string, after: string): Promise<ModelChange[]> {
    return diffWorkspaces(await modelOf(before), await modelOf(after)).changes;
}

/** Each change as `code element: message`, short enough to read in a failing test. */
const lines = (changes: ModelChange[]) => changes.map((change) => `${change.code.replace('journey.diff.', '')} ${change.message}`);

describe('journey diff: what changed between two models', () => {
    it('finds no change in whitespace, comments, formatting or declaration order', async () => {
        const reordered = BASE
            .replace('team cs "Customer Success"\nteam product "Product"', 'team product   "Product"\n// who runs CS\nteam cs "Customer Success"')
            .replace('channel web  owner product  emotion +1  next tour', 'emotion +1\n      owner product /* moved */ channel web next tour');
        expect(await diff(BASE, reordered)).toEqual([]);
    });

    it('reports a touchpoint added, removed and changed, in map order', async () => {
        const after = BASE
            .replace('touchpoint tour "Product tour" { channel in_app  emotion 0  next kickoff }',
                'touchpoint tour "Guided product tour" { channel in_app  emotion +1  next kickoff }\n    touchpoint pricing "Pricing page" { channel web }');
        expect(lines(await diff(BASE, after))).toEqual([
            'changed touchpoint tour "Guided product tour": title "Product tour" → "Guided product tour"',
            'changed touchpoint tour "Guided product tour": emotion 0 → +1',
            'added touchpoint pricing "Pricing page" added',
            'net-emotion-changed stage trial "Trial": net emotion +1 → +2',
        ]);
    });

    it('reports a rename as a rename, and the references that follow it as no change', async () => {
        const after = BASE.replace('touchpoint tour "Product tour"', 'touchpoint productTour "Product tour"').replace('next tour', 'next productTour');
        expect(lines(await diff(BASE, after))).toEqual(['renamed touchpoint tour "Product tour" renamed to productTour']);
    });

    it('reports a touchpoint moved to another stage as a move', async () => {
        const after = BASE
            .replace('    touchpoint tour "Product tour" { channel in_app  emotion 0  next kickoff }\n', '')
            .replace('  stage onboarding "Onboarding" {\n', '  stage onboarding "Onboarding" {\n    touchpoint tour "Product tour" { channel in_app  emotion 0  next kickoff }\n');
        const changes = await diff(BASE, after);
        expect(lines(changes)).toEqual(['moved touchpoint tour "Product tour" moved from stage trial to stage onboarding']);
        expect(changes[0]).toMatchObject({ stage: 'onboarding', before: 'trial', after: 'onboarding', level: 'info' });
    });

    it('warns when an emotion drops by 2 and when a stage net emotion drops by 2', async () => {
        const after = BASE.replace('emotion +2  for ent', 'emotion 0  for ent');
        const changes = await diff(BASE, after);
        expect(lines(changes)).toEqual([
            'emotion-dropped touchpoint kickoff "Kickoff call": emotion +2 → 0',
            'net-emotion-dropped stage onboarding "Onboarding": net emotion +2 → 0',
        ]);
        expect(changes.map((change) => change.level)).toEqual(['warning', 'warning']);
    });

    it('warns when an owner is removed, a target lowered, a metric now misses', async () => {
        const after = BASE.replace('owner product  emotion +1', 'emotion +1').replace('target >= 15%  actual 16%', 'target >= 12%  actual 11%');
        expect(lines(await diff(BASE, after))).toEqual([
            'owner-removed touchpoint signup "Sign-up form": owner product removed',
            'metric-target-lowered metric conv "Trial to paid": target >= 15% → >= 12%',
            'changed metric conv "Trial to paid": actual 16% → 11%',
            'metric-now-missed metric conv "Trial to paid" now misses its target',
        ]);
    });

    it('warns when a pain point becomes unaddressed, or is removed while unaddressed', async () => {
        const dropped = BASE.replace('addresses slowSignup  ', '');
        expect(lines(await diff(BASE, dropped))).toEqual([
            'painpoint-unaddressed pain point slowSignup "Sign-up is slow" (high) is addressed by no initiative',
            'changed initiative faster "Faster sign-up": addresses slowSignup removed',
        ]);
        const removed = dropped.replace('    painpoint slowSignup "Sign-up is slow" { at signup  severity high  evidence "3 tickets" }\n', '');
        expect(lines(await diff(dropped, removed))).toEqual([
            'unaddressed-painpoint-removed pain point slowSignup "Sign-up is slow" removed while no initiative addressed it (severity high)',
        ]);
    });

    it('warns when a touchpoint others flowed to is removed', async () => {
        const after = BASE.replace('    touchpoint tour "Product tour" { channel in_app  emotion 0  next kickoff }\n', '').replace('next tour', 'next kickoff');
        expect(lines(await diff(BASE, after))).toEqual([
            'changed touchpoint signup "Sign-up form": next tour → kickoff',
            'flow-target-removed touchpoint tour "Product tour" removed; signup flowed to it',
        ]);
    });

    it('reports initiatives done, dropped and past due, and a moved review date', async () => {
        const done = BASE.replace('status active', 'status done').replace('reviewed 2026-10-01', 'reviewed 2026-11-20');
        expect(lines(await diff(BASE, done))).toEqual([
            'review-date-moved journey saas "SaaS journey": reviewed 2026-10-01 → 2026-11-20',
            'initiative-done initiative faster "Faster sign-up": status active → done',
        ]);
        const late = BASE.replace('due 2026-12-15', 'due 2026-11-01');
        expect(lines(await diff(BASE, late))).toEqual([
            'changed initiative faster "Faster sign-up": due 2026-12-15 → 2026-11-01',
            'initiative-past-due initiative faster "Faster sign-up" is past due (due 2026-11-01)',
        ]);
        const dropped = BASE.replace('status active', 'status dropped');
        expect((await diff(BASE, dropped)).map((change) => change.code)).toContain('journey.diff.initiative-dropped');
    });

    it('reports teams, segments, journeys, stages, reviews and changes', async () => {
        const after = BASE
            .replace('team product "Product"', 'team product "Product & Design"\nteam partner "Implementation partner"')
            .replace('segment smb "SMB"\n', '')
            .replace('for smb', 'for ent')
            .replace('  stage onboarding "Onboarding" {', '  stage adoption "Adoption" { touchpoint webinar "Webinar" }\n\n  stage onboarding "Onboarding" {')
            .replace('change newTour "New product tour" { improves trial "tour shipped" }', 'change newTour "New product tour" { improves onboarding "tour shipped" }')
            .concat('\njourney renewal "Renewal" { stage renew { touchpoint qbr } }\n');
        expect(lines(await diff(BASE, after))).toEqual([
            'changed team product "Product & Design": title "Product" → "Product & Design"',
            'added team partner "Implementation partner" added',
            'removed segment smb "SMB" removed',
            'added stage adoption "Adoption" added',
            'added touchpoint webinar "Webinar" added',
            'changed touchpoint guide "Self-serve guide": for smb → ent',
            'changed change newTour "New product tour": effect improves trial "tour shipped" → improves onboarding "tour shipped"',
            'added journey renewal "Renewal" added',
        ]);
    });

    it('documents every code with a level', () => {
        for (const [code, info] of Object.entries(DIFF_CODES)) {
            expect(code).toMatch(/^journey\.diff\.[a-z-]+$/);
            expect(['info', 'warning']).toContain(info.level);
        }
    });
});
