// A touchpoint run by one team and accountable to another: `owner partners  accountable cs`.
import { afterAll, describe, expect, it } from 'vitest';
import { renderJourneySvg } from '../../../src/diagram/index.js';
import { createInThreadLayouter } from '../../../src/diagram/elk/in-thread-layouter.js';
import { journeyToMarkdown } from '../../../src/cli/formats/markdown.js';
import { customerView } from '../../../src/model/customer-view.js';
import { diffWorkspaces } from '../../../src/model/diff/diff-workspace.js';
import { hoverIn, validate } from '../../helpers/services.js';
import { journeyOf, modelOf } from '../../helpers/model.js';

const TEXT = `team partners "Partner Success"
team cs "Customer Success"
journey j {
  stage rollout {
    touchpoint migration "Data migration" { channel product  owner partners  accountable cs  emotion -1 }
  }
}`;

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

describe('shared ownership', () => {
    it('parses, links and builds: the team that runs it and the team accountable for it', async () => {
        const document = await validate(TEXT);
        expect((document.diagnostics ?? []).filter((diagnostic) => diagnostic.severity === 1)).toEqual([]);
        const journey = await journeyOf(TEXT);
        expect(journey.touchpoints[0]).toMatchObject({ owner: 'partners', accountable: 'cs' });
    });

    it('is an error to give accountable twice, and an unknown team is unresolved', async () => {
        const twice = await validate(TEXT.replace('accountable cs', 'accountable cs  accountable partners'));
        expect(twice.diagnostics?.map((diagnostic) => diagnostic.code)).toContain('journey.duplicate-property');
        const unknown = await validate(TEXT.replace('accountable cs', 'accountable csm'));
        expect(unknown.diagnostics?.map((diagnostic) => diagnostic.message)).toContain("No team named 'csm' in the workspace; did you mean 'cs'?");
    });

    it('shows both teams on the map card, in the hover and in the Markdown export', async () => {
        const journey = await journeyOf(TEXT);
        expect(await renderJourneySvg(journey, layouter)).toContain('Partner Success for Customer Success');
        expect(journeyToMarkdown(journey)).toContain('Partner Success (accountable: Customer Success)');
        const markdown = await hoverIn(TEXT)('migration "');
        expect(markdown).toMatch(/owner: Partner Success \(`partners`\)/);
        expect(markdown).toMatch(/accountable: Customer Success \(`cs`\)/);
    });

    it('is internal: the customer view has neither team', async () => {
        const journey = customerView(await journeyOf(TEXT));
        expect(journey.touchpoints[0].owner).toBeUndefined();
        expect(journey.touchpoints[0].accountable).toBeUndefined();
    });

    it('is compared by journey diff', async () => {
        const { changes } = diffWorkspaces(await modelOf(TEXT), await modelOf(TEXT.replace('accountable cs', 'accountable partners')));
        expect(changes.map((change) => [change.element.name, change.property, change.before, change.after])).toEqual([['migration', 'accountable', 'cs', 'partners']]);
    });
});
