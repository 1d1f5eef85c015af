// A metric's earlier values: `was 28 on 2026-07-01`, the trend across tune-ups.
import { afterAll, describe, expect, it } from 'vitest';
import { renderJourneySvg } from '../../../src/diagram/index.js';
import { createInThreadLayouter } from '../../../src/diagram/elk/in-thread-layouter.js';
import { journeyToMarkdown } from '../../../src/cli/formats/markdown.js';
import { customerView } from '../../../src/model/customer-view.js';
import { diffWorkspaces } from '../../../src/model/diff/diff-workspace.js';
import { journeyAgenda } from '../../../src/model/tune-up/agenda.js';
import { hoverIn, TODAY, validate } from '../../helpers/services.js';
import { journeyOf, modelOf } from '../../helpers/model.js';

const TEXT = `journey j {
  reviewed 2026-10-01
  metric nps "Net Promoter Score" {
    target >= 40  actual 31
    was 28 on 2026-07-01
    was 25 on 2026-04-01
    was 22 on 2026-01-10
    shared
  }
  stage onboarding {
    metric ttv "Time to value" { target <= 10  actual 13  unit "days"  was 15 on 2026-07-01 }
    touchpoint welcome { emotion +1 }
  }
}`;

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

const messages = async (text: string) => ((await validate(text)).diagnostics ?? [])
    .filter((diagnostic) => diagnostic.code !== 'journey.metric-off-target')
    .map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);

describe('metric history', () => {
    it('parses and builds the earlier values, oldest first', async () => {
        expect(await messages(TEXT)).toEqual([]);
        const journey = await journeyOf(TEXT);
        expect(journey.metrics[0].history.map((past) => [past.value, past.date])).toEqual([[22, '2026-01-10'], [25, '2026-04-01'], [28, '2026-07-01']]);
    });

    it('shows the trend on the map, in the Markdown export and the agenda: the last two earlier values, then the actual', async () => {
        const journey = await journeyOf(TEXT);
        const svg = await renderJourneySvg(journey, layouter);
        expect(svg).toContain('Net Promoter Score: 25 \u2192 28 \u2192 31 (target \u2265 40)');
        expect(svg).toContain('Time to value: 15 \u2192 13 days (target \u2264 10 days)');
        expect(journeyToMarkdown(journey)).toContain('| 25 \u2192 28 \u2192 31 |');
        const agenda = journeyAgenda(journey, { today: TODAY });
        expect(agenda.metricsOffTarget.find((metric) => metric.name === 'nps')).toMatchObject({ actual: '31', earlier: ['25', '28'] });
    });

    it('lists every earlier value in the hover, newest first', async () => {
        const markdown = await hoverIn(TEXT)('nps "');
        expect(markdown.indexOf('was: 28 on 2026-07-01')).toBeGreaterThan(markdown.indexOf('actual: 31'));
        expect(markdown.indexOf('was: 22 on 2026-01-10')).toBeGreaterThan(markdown.indexOf('was: 25 on 2026-04-01'));
    });

    it('warns about a value dated after today or two on one day; a date that does not exist is an error', async () => {
        expect(await messages(TEXT.replace('was 28 on 2026-07-01', 'was 28 on 2027-07-01'))).toEqual([
            `journey.future-metric-date: Metric 'nps' was 28 on 2027-07-01, after today (${TODAY}): \`was\` records a value measured earlier — give the date it was measured, and today's value as \`actual\``,
        ]);
        expect(await messages(TEXT.replace('was 25 on 2026-04-01', 'was 25 on 2026-07-01'))).toEqual([
            "journey.duplicate-metric-date: Metric 'nps' has two earlier values on 2026-07-01: keep the one that was measured that day and remove the other",
        ]);
        expect(await messages(TEXT.replace('2026-04-01', '2026-04-31'))).toEqual(['journey.invalid-date: Date 2026-04-31 does not exist: April 2026 has days 01 to 30']);
    });

    it('a value without its date is one syntax error that says what to write', async () => {
        expect(await messages(TEXT.replace('was 28 on 2026-07-01', 'was 28'))).toEqual([expect.stringMatching(/^journey\.syntax-error: expected 'on'/)]);
        expect(await messages(TEXT.replace('was 28 on 2026-07-01', 'was on 2026-07-01'))).toEqual([
            "journey.syntax-error: expected an earlier value like '28 on 2026-07-01' after 'was'",
        ]);
    });

    it('is compared by journey diff, and shared with customers with the metric', async () => {
        const { changes } = diffWorkspaces(await modelOf(TEXT), await modelOf(TEXT.replace('actual 31', 'actual 33  was 31 on 2026-10-01')));
        expect(changes.map((change) => [change.element.name, change.property])).toEqual([['nps', 'actual'], ['nps', 'was']]);
        const forCustomers = customerView(await journeyOf(TEXT));
        expect(forCustomers.metrics.find((metric) => metric.name === 'nps')!.history).toHaveLength(3);
    });
});
