// `for` on a journey and on a stage: their elements inherit it, an element's
// own `for` must stay within its container's (journey.segment-outside-container),
// and the segment views follow (a journey for some segments has no view for the others).
import { describe, expect, it } from 'vitest';
import { segmentView } from '../../../src/model/views.js';
import { effectiveSegments, journeyHasSegment } from '../../../src/model/segments.js';
import { diffWorkspaces } from '../../../src/model/diff/diff-workspace.js';
import { hoverIn, validate } from '../../helpers/services.js';
import { journeyOf, modelOf } from '../../helpers/model.js';

const SEGMENTS = 'segment enterprise "Enterprise"\nsegment smb "Small business"\nsegment mid "Mid-market"\n';

const MAP = `${SEGMENTS}journey onboarding {
  for enterprise, mid
  stage kickoff {
    for enterprise
    touchpoint call "Kickoff call"
    touchpoint sso "SSO setup" { for enterprise }
    painpoint slow { at call  severity low }
  }
  stage adoption {
    touchpoint training "Training" { for mid }
  }
}`;

async function warnings(text: string): Promise<string[]> {
    const document = await validate(text);
    return (document.diagnostics ?? []).filter((diagnostic) => diagnostic.code === 'journey.segment-outside-container').map((diagnostic) => diagnostic.message);
}

describe('segments on journeys and stages', () => {
    it('are in the model as written, and inherited by what has no for of its own', async () => {
        const journey = await journeyOf(MAP);
        expect(journey.forSegments).toEqual(['enterprise', 'mid']);
        expect(journey.stages.map((stage) => stage.segments)).toEqual([['enterprise'], []]);
        const touchpoint = (name: string) => journey.touchpoints.find((candidate) => candidate.name === name)!;
        expect(touchpoint('call').segments).toEqual([]);
        expect(effectiveSegments(journey, touchpoint('call'))).toEqual(['enterprise']);
        expect(effectiveSegments(journey, journey.painPoints[0])).toEqual(['enterprise']);
        expect(effectiveSegments(journey, touchpoint('training'))).toEqual(['mid']);
        expect(effectiveSegments(journey, journey.stages[1])).toEqual(['enterprise', 'mid']);
    });

    it('decide what a segment view shows: a stage for enterprise is not in the mid-market view', async () => {
        const journey = await journeyOf(MAP);
        expect(segmentView(journey, 'enterprise').touchpoints.map((touchpoint) => touchpoint.name)).toEqual(['call', 'sso']);
        const mid = segmentView(journey, 'mid');
        expect(mid.stages.map((stage) => stage.name)).toEqual(['adoption']);
        expect(mid.touchpoints.map((touchpoint) => touchpoint.name)).toEqual(['training']);
        expect(journeyHasSegment(journey, 'smb')).toBe(false);
        expect(journeyHasSegment(journey, 'mid')).toBe(true);
    });

    it('need no for on the elements of a journey for one segment, and raise no warning when they stay within', async () => {
        expect(await warnings(MAP)).toEqual([]);
    });

    it('warn when an element is for a segment its stage or journey leaves out', async () => {
        const text = MAP
            .replace('touchpoint sso "SSO setup" { for enterprise }', 'touchpoint sso "SSO setup" { for enterprise, mid }')
            .replace('touchpoint training "Training" { for mid }', 'touchpoint training "Training" { for smb }')
            .replace('  stage adoption {', '  stage adoption {\n    for smb');
        expect((await warnings(text)).sort()).toEqual([
            "Stage 'adoption' is for segment 'smb', but its journey 'onboarding' is only for 'enterprise' and 'mid': remove 'smb' from this `for`, or add it to the journey's",
            "Touchpoint 'sso' is for segment 'mid', but its stage 'kickoff' is only for 'enterprise': remove 'mid' from this `for`, or add it to the stage's",
        ]);
        const initiative = MAP.replace('\n}', '\n  initiative fix { for smb  addresses slow }\n}');
        expect(await warnings(initiative)).toEqual([
            "Initiative 'fix' is for segment 'smb', but its journey 'onboarding' is only for 'enterprise' and 'mid': remove 'smb' from this `for`, or add it to the journey's",
        ]);
    });

    it('say nothing of a stage still being typed, which has no name yet', async () => {
        const document = await validate(`${SEGMENTS}journey j {\n  stage {\n    for enterprise\n    touchpoint t { for mid }\n  }\n}`);
        const messages = (document.diagnostics ?? []).map((diagnostic) => diagnostic.message);
        expect(messages).toContain("expected a stage name after 'stage'");
        expect(messages.filter((message) => message.includes('undefined'))).toEqual([]);
    });

    it('count as uses of a segment, and a segment named twice in a journey for is a warning', async () => {
        const document = await validate(`${SEGMENTS}journey j { for enterprise, enterprise  stage s { for mid, smb  touchpoint t } }`);
        const codes = (document.diagnostics ?? []).map((diagnostic) => diagnostic.code);
        expect(codes).not.toContain('journey.unused-segment');
        expect(codes).toContain('journey.duplicate-segment-in-list');
    });

    it('show in the hover, inherited ones with where they come from', async () => {
        const hover = hoverIn(MAP);
        expect(await hover('call "Kickoff')).toContain('segments: Enterprise (`enterprise`) (from stage `kickoff`)');
        expect(await hover('adoption {')).toMatch(/segments: Enterprise \(`enterprise`\).*Mid-market \(`mid`\) \(from journey `onboarding`\)/);
        expect(await hover('onboarding {')).toMatch(/segments: Enterprise \(`enterprise`\).*Mid-market \(`mid`\)\n/);
    });

    it('are compared by journey diff', async () => {
        const before = await modelOf(MAP);
        const after = await modelOf(MAP.replace('    for enterprise\n    touchpoint call', '    for enterprise, mid\n    touchpoint call'));
        const { changes } = diffWorkspaces(before, after);
        expect(changes.map((change) => [change.element.name, change.property, change.before, change.after])).toEqual([['kickoff', 'for', 'enterprise', 'enterprise, mid']]);
    });
});
