// A touchpoint that feels different to some segments: `emotion +1` and `emotion for enterprise -2`.
import { afterAll, describe, expect, it } from 'vitest';
import { renderJourneySvg } from '../../../src/diagram/index.js';
import { createInThreadLayouter } from '../../../src/diagram/elk/in-thread-layouter.js';
import { layoutJourney } from '../../../src/diagram/layout/map-layout.js';
import { journeyToMarkdown } from '../../../src/cli/formats/markdown.js';
import { customerView } from '../../../src/model/customer-view.js';
import { diffWorkspaces } from '../../../src/model/diff/diff-workspace.js';
import { journeyView } from '../../../src/model/views.js';
import { hoverIn, validate } from '../../helpers/services.js';
import { journeyOf, modelOf } from '../../helpers/model.js';

const TEXT = `segment smb "Small business"
segment enterprise "Enterprise"
journey j {
  reviewed 2026-10-01
  stage onboarding "Onboarding" {
    touchpoint welcome "Welcome email" { emotion +1  emotion for smb +2  next sso }
    touchpoint sso "SSO setup" {
      emotion +1
      emotion for enterprise -2
      next done
    }
    touchpoint done "First report" { emotion +2 }
  }
}`;

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

const messages = async (text: string) => ((await validate(text)).diagnostics ?? []).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);

describe('emotion for some segments', () => {
    it('parses and builds: the emotion for everyone and the segment\'s own', async () => {
        expect(await messages(TEXT)).toEqual([]);
        const journey = await journeyOf(TEXT);
        expect(journey.touchpoints[1]).toMatchObject({ emotion: 1, segmentEmotions: { enterprise: -2 } });
        expect(journey.touchpoints[2].segmentEmotions).toBeUndefined();
    });

    it('keeps the touchpoint\'s own `for` written after an emotion on one line', async () => {
        const journey = await journeyOf(TEXT.replace('emotion +1  emotion for smb +2  next sso', 'emotion +1  for smb  next sso'));
        expect(journey.touchpoints[0]).toMatchObject({ emotion: 1, segments: ['smb'] });
    });

    it('gives each segment view the segment\'s emotion, on the curve and in the net emotion', async () => {
        const journey = await journeyOf(TEXT);
        const enterprise = journeyView(journey, { audience: 'internal', segment: 'enterprise' });
        const smb = journeyView(journey, { audience: 'internal', segment: 'smb' });
        expect(enterprise.touchpoints.map((touchpoint) => touchpoint.emotion)).toEqual([1, -2, 2]);
        expect(enterprise.stages[0].netEmotion).toBe(1);
        expect(smb.touchpoints.map((touchpoint) => touchpoint.emotion)).toEqual([2, 1, 2]);
        expect(smb.stages[0].netEmotion).toBe(5);
        const layout = await layoutJourney(enterprise, layouter);
        expect(layout.experience[0].points.map((point) => point.emotion)).toEqual([1, -2, 2]);
    });

    it('draws the segment\'s way dashed through its own emotion on the map of all segments, and says it on the card', async () => {
        const journey = await journeyOf(TEXT);
        const layout = await layoutJourney(journey, layouter);
        const [curve] = layout.experience;
        const own = curve.points.find((point) => point.touchpoint === 'sso' && point.feltBy !== undefined)!;
        expect(own).toMatchObject({ touchpoint: 'sso', emotion: -2, feltBy: ['Enterprise'] });
        const enterpriseWay = curve.lines.find((line) => line.segment === 'enterprise')!;
        expect(enterpriseWay.dashed).toBe(true);
        expect(enterpriseWay.points).toContainEqual({ x: own.x, y: own.y });
        expect(curve.lines.find((line) => line.segment === undefined)!.points).not.toContainEqual({ x: own.x, y: own.y });
        const card = layout.touchpoints.find((touchpoint) => touchpoint.name === 'sso')!;
        expect(card.lines.map((line) => line.text)).toContain('emotion \u22122 for Enterprise');
        const svg = await renderJourneySvg(journey, layouter);
        expect(svg).toContain('emotion \u22122 for Enterprise');
        expect(journeyToMarkdown(journey)).toContain('| SSO setup |  |  | +1 (Enterprise -2) | all |');
    });

    it('is one error for a value out of range, a second emotion for everyone or for one segment', async () => {
        expect(await messages(TEXT.replace('for enterprise -2', 'for enterprise -3'))).toEqual([
            'journey.emotion-out-of-range: Emotion -3 is out of range: expected a whole number from -2 to +2',
        ]);
        expect(await messages(TEXT.replace('emotion for enterprise -2', 'emotion for enterprise -2\n      emotion for enterprise -1'))).toEqual([
            "journey.duplicate-property: `emotion for enterprise` is given twice in touchpoint 'sso'; it takes one value: keep one and remove the other",
        ]);
        expect(await messages(TEXT.replace('emotion +1\n', 'emotion +1\n      emotion 0\n'))).toEqual([
            "journey.duplicate-property: `emotion` is given twice in touchpoint 'sso'; it takes one value: keep one and remove the other",
        ]);
    });

    it('warns about an emotion for a segment the touchpoint is not for, and an unknown segment is unresolved', async () => {
        expect(await messages(TEXT.replace('emotion for enterprise -2', 'emotion for enterprise -2\n      for smb'))).toEqual([
            "journey.segment-outside-container: Touchpoint 'sso' has an emotion for segment 'enterprise', but it is only for 'smb': remove 'enterprise' from this `emotion for`, or add it to the touchpoint's `for`",
        ]);
        expect(await messages(TEXT.replace('for enterprise -2', 'for enterprse -2'))).toContain(
            "journey.unresolved-reference: No segment named 'enterprse' in the workspace; did you mean 'enterprise'?",
        );
    });

    it('a missing value is one syntax error that asks for it', async () => {
        const errors = await messages(TEXT.replace('emotion for enterprise -2', 'emotion for enterprise'));
        expect(errors, errors.join('\n')).toHaveLength(1);
        expect(errors).toEqual(["journey.syntax-error: expected a number from -2 to +2 after 'enterprise'"]);
    });

    it('shows in the hover, is compared by journey diff, and is hidden from customers', async () => {
        const markdown = await hoverIn(TEXT)('sso "');
        expect(markdown).toMatch(/emotion for enterprise: -2/);
        const { changes } = diffWorkspaces(await modelOf(TEXT), await modelOf(TEXT.replace('for enterprise -2', 'for enterprise -1')));
        expect(changes.map((change) => [change.element.name, change.property, change.before, change.after])).toEqual([['sso', 'emotion for', 'enterprise -2', 'enterprise -1']]);
        const forCustomers = customerView(await journeyOf(TEXT));
        expect(forCustomers.touchpoints[1].segmentEmotions).toBeUndefined();
        expect(await renderJourneySvg(forCustomers, layouter)).not.toContain('Enterprise');
    });
});
