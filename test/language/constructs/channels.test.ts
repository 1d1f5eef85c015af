// `channel` takes a name (`channel email`) or a display name in quotes
// (`channel "Shared Slack"`): the map, the hover and the exports show it as written.
import { afterAll, describe, expect, it } from 'vitest';
import { renderJourneySvg } from '../../../src/diagram/index.js';
import { createInThreadLayouter } from '../../../src/diagram/elk/in-thread-layouter.js';
import { journeyToMarkdown } from '../../../src/cli/formats/markdown.js';
import { hoverIn, validate } from '../../helpers/services.js';
import { journeyOf } from '../../helpers/model.js';

const TEXT = `journey j {
  stage s {
    touchpoint standup "Weekly stand-up" { channel "Shared Slack"  emotion +1 }
    touchpoint welcome "Welcome" { channel email }
  }
}`;

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

describe('a channel with a display name', () => {
    it('parses without a problem, as a name does', async () => {
        const document = await validate(TEXT);
        expect((document.diagnostics ?? []).filter((diagnostic) => diagnostic.severity === 1)).toEqual([]);
    });

    it('is the touchpoint\'s channel in the model, without its quotes', async () => {
        const journey = await journeyOf(TEXT);
        expect(journey.touchpoints.map((touchpoint) => touchpoint.channel)).toEqual(['Shared Slack', 'email']);
    });

    it('is shown on the map card and in the Markdown export', async () => {
        const journey = await journeyOf(TEXT);
        const svg = await renderJourneySvg(journey, layouter);
        expect(svg).toContain('Shared Slack');
        expect(journeyToMarkdown(journey)).toContain('| Weekly stand-up | Shared Slack |');
    });

    it('is shown in the hover as text, a channel name as code', async () => {
        const hover = hoverIn(TEXT);
        expect(await hover('standup')).toMatch(/channel.*Shared Slack/);
        expect(await hover('standup')).not.toContain('`Shared Slack`');
        expect(await hover('welcome')).toMatch(/channel.*`email`/);
    });

    it('is still an error where it is not closed, and a missing channel says what a channel looks like', async () => {
        const document = await validate('journey j { stage s { touchpoint t { channel } } }');
        expect(document.diagnostics?.map((diagnostic) => diagnostic.message)).toContain(`expected a channel such as web, email or "Shared Slack" after 'channel'`);
    });
});

describe('a display name close to a channel of the vocabulary', () => {
    it('is no typo: only a channel name gets the "did you mean" hint', async () => {
        const codes = async (text: string) => ((await validate(text)).diagnostics ?? []).map((diagnostic) => diagnostic.code);
        expect(await codes('journey j { stage s { touchpoint t { channel "emial" } } }')).not.toContain('journey.unknown-channel');
        expect(await codes('journey j { stage s { touchpoint t { channel emial } } }')).toContain('journey.unknown-channel');
    });
});
