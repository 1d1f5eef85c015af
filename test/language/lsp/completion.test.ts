import { beforeEach, describe, expect, it } from 'vitest';
import { parseHelper, expectCompletion } from 'langium/test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { createTestServices, TODAY } from '../../helpers/services.js';

let services: ReturnType<typeof createTestServices>;
let complete: ReturnType<typeof expectCompletion>;

beforeEach(() => {
    services = createTestServices();
    complete = expectCompletion(services.Journey);
});

/** The completion items at the `<|>` in the text. */
async function itemsAt(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await complete({ text, index: 0, assert: (list: CompletionList) => { items = list.items; } });
    return items;
}

async function labelsAt(text: string, kind?: CompletionItemKind): Promise<string[]> {
    return (await itemsAt(text)).filter((item) => kind === undefined || item.kind === kind).map((item) => item.label);
}

const keywords = (text: string) => labelsAt(text, CompletionItemKind.Keyword);

/** Declares shared teams and segments in another file of the same workspace. */
async function addSharedFile(): Promise<void> {
    await parseHelper(services.Journey)(
        'team cs "Customer Success"\nteam support "Support"\nsegment enterprise "Enterprise"\nsegment midmarket "Mid-market"\n',
        { documentUri: 'file:///workspace/shared.journey' },
    );
}

describe('keywords where the cursor is', () => {
    it('offers the top-level declarations in an empty file', async () => {
        expect(await keywords('<|>')).toEqual(expect.arrayContaining(['team', 'segment', 'journey']));
        expect(await keywords('<|>')).not.toContain('touchpoint');
    });

    it('offers only touchpoint properties inside a touchpoint', async () => {
        const labels = await keywords('journey j { stage s { touchpoint t { <|> } } }');
        expect(labels.sort()).toEqual(['accountable', 'channel', 'description', 'emotion', 'for', 'internal', 'next', 'owner']);
    });

    it('leaves out a single-valued property already set in the block', async () => {
        const labels = await keywords('journey j { stage s { touchpoint t { channel web  owner x  emotion +1  next u  <|> } touchpoint u } }');
        expect(labels).not.toContain('channel');
        expect(labels).not.toContain('owner');
        expect(labels).toContain('next'); // a list may repeat
        expect(labels).toContain('emotion'); // again for a segment: `emotion for enterprise -1`
        expect(labels).toContain('accountable');
    });

    it('still offers a property that another block has set', async () => {
        const labels = await keywords('journey j { stage s { touchpoint a { channel web } touchpoint b { <|> } } }');
        expect(labels).toContain('channel');
    });

    it('offers journey-level declarations in a journey, not the ones already set', async () => {
        const labels = await keywords('journey j {\n  reviewed 2026-10-01\n  <|>\n}');
        expect(labels).toEqual(expect.arrayContaining(['description', 'owner', 'metric', 'stage', 'initiative', 'review']));
        expect(labels).not.toContain('reviewed');
        expect(labels).not.toContain('touchpoint');
    });

    it('offers stage content in a stage', async () => {
        const labels = await keywords('journey j { stage s {\n  touchpoint t { channel web }\n  <|>\n} }');
        expect(labels.sort()).toEqual(['description', 'for', 'goal', 'internal', 'metric', 'painpoint', 'touchpoint']);
    });
});

describe('enumerations', () => {
    it('offers the severities after severity', async () => {
        expect(await labelsAt('journey j { stage s { painpoint p { severity <|> } } }', CompletionItemKind.EnumMember))
            .toEqual(['low', 'medium', 'high', 'critical']);
    });

    it('offers the statuses after status and the levels after impact', async () => {
        expect(await labelsAt('journey j { initiative i { status <|> } }')).toEqual(['planned', 'active', 'done', 'dropped']);
        expect(await labelsAt('journey j { initiative i { impact <|> } }')).toEqual(['low', 'medium', 'high']);
    });

    it('offers the channel list after channel', async () => {
        expect(await labelsAt('journey j { stage s { touchpoint t { channel <|> } } }')).toEqual([
            'web', 'email', 'call', 'meeting', 'chat', 'in_app', 'product', 'docs',
            'support', 'community', 'event', 'social', 'sms', 'other',
        ]);
    });

    it('offers the channel vocabulary of the project file, in its project only', async () => {
        services.Journey.projects.ProjectRegistry.setProjectFile('file:///maps/emea/journeys.json', '{ "channels": ["portal", "webinar", "email"] }');
        const text = 'journey j { stage s { touchpoint t { channel <|> } } }';
        let items: CompletionItem[] = [];
        await complete({ text, index: 0, parseOptions: { documentUri: 'file:///maps/emea/j.journey' }, assert: (list: CompletionList) => { items = list.items; } });
        expect(items.map((item) => item.label)).toEqual(['portal', 'webinar', 'email']);
        await complete({ text, index: 0, parseOptions: { documentUri: 'file:///maps/apac/j.journey' }, assert: (list: CompletionList) => { items = list.items; } });
        expect(items.map((item) => item.label)).toContain('in_app');
    });

    it('narrows the channels to what is typed', async () => {
        expect(await labelsAt('journey j { stage s { touchpoint t { channel so<|> } } }')).toEqual(expect.arrayContaining(['social']));
        expect(await labelsAt('journey j { stage s { touchpoint t { channel so<|> } } }')).not.toContain('web');
    });

    it('offers the emotion scale and today for reviewed', async () => {
        // As the editor lists them: by sortText, the scale before the keyword.
        const items = await itemsAt('journey j { stage s { touchpoint t { emotion <|> } } }');
        const listed = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => item.label);
        expect(listed).toEqual(['+2', '+1', '0', '-1', '-2', 'for']);
        expect(await labelsAt('segment ent journey j { stage s { touchpoint t { emotion for ent <|> } } }')).toEqual(['+2', '+1', '0', '-1', '-2']);
        expect(await labelsAt('segment alpha segment beta journey j { stage s { touchpoint t { emotion for <|> } } }')).toEqual(expect.arrayContaining(['alpha', 'beta']));
        expect(await labelsAt('journey j { reviewed <|> }')).toEqual([TODAY]);
    });
});

describe('references filtered by kind', () => {
    const journey = [
        'team cs "Customer Success"',
        'segment enterprise "Enterprise"',
        'journey j {',
        '  stage onboarding "Onboarding" {',
        '    touchpoint welcome "Welcome email" { channel email }',
        '    touchpoint kickoff "Kickoff call" { channel call }',
        '    painpoint slow "Slow start" { at kickoff }',
        '  }',
        '  stage renewal "Renewal" {',
        '    touchpoint qbr "Quarterly business review"',
        '  }',
        '  initiative fix { %CURSOR% }',
        '}',
    ].join('\n');

    it('offers teams after owner, with title and file', async () => {
        const items = await itemsAt(journey.replace('%CURSOR%', 'owner <|>'));
        expect(items.map((item) => item.label)).toEqual(['cs']);
        expect(items[0].labelDetails?.detail).toContain('Customer Success');
        expect(items[0].labelDetails?.description).toMatch(/\.journey$/);
        expect(items[0].detail).toContain('team');
    });

    it('offers pain points after addresses, with their stage', async () => {
        const items = await itemsAt(journey.replace('%CURSOR%', 'addresses <|>'));
        expect(items.map((item) => item.label)).toEqual(['slow']);
        expect(items[0].labelDetails?.description).toMatch(/^onboarding · /);
    });

    it('offers segments after for', async () => {
        expect(await labelsAt(journey.replace('%CURSOR%', 'for <|>'))).toEqual(['enterprise']);
    });

    it('offers the touchpoints of this journey after next, without the touchpoint itself or those already listed', async () => {
        const text = journey.replace('{ channel email }', '{ channel email  next kickoff, <|> }').replace('%CURSOR%', '');
        expect((await labelsAt(text)).sort()).toEqual(['qbr']);
    });

    it('offers touchpoints after at, with their stage and title', async () => {
        const text = journey.replace('{ at kickoff }', '{ at <|> }').replace('%CURSOR%', '');
        const items = await itemsAt(text);
        expect(items.map((item) => item.label).sort()).toEqual(['kickoff', 'qbr', 'welcome']);
        const qbr = items.find((item) => item.label === 'qbr')!;
        expect(qbr.labelDetails).toMatchObject({ detail: '  Quarterly business review' });
        expect(qbr.labelDetails?.description).toMatch(/^renewal · /);
    });

    it('does not offer the touchpoints of another journey', async () => {
        const text = `${journey.replace('%CURSOR%', '')}\njourney other { stage s { touchpoint mine painpoint p { at <|> } } }`;
        expect(await labelsAt(text)).toEqual(['mine']);
    });

    it('offers stages after improves', async () => {
        const text = journey.replace('%CURSOR%', '').replace(/\}$/, '  review r on 2026-10-01 { change c { improves <|> } }\n}');
        expect((await labelsAt(text)).sort()).toEqual(['onboarding', 'renewal']);
    });

    it('offers teams and segments declared in another file of the workspace', async () => {
        await addSharedFile();
        const owners = await itemsAt('journey j { owner <|> }');
        expect(owners.map((item) => item.label).sort()).toEqual(['cs', 'support']);
        expect(owners.find((item) => item.label === 'cs')?.labelDetails?.description).toBe('shared.journey');
        expect((await labelsAt('journey j { stage s { touchpoint t { for enterprise, <|> } } }')).sort()).toEqual(['midmarket']);
    });
});

describe('snippets', () => {
    const snippets = async (text: string) => (await itemsAt(text)).filter((item) => item.kind === CompletionItemKind.Snippet);

    it('offers a whole new journey at the top level, with the workspace teams as owner choices', async () => {
        await addSharedFile();
        const [journey] = await snippets('<|>');
        expect(journey.label).toBe('journey');
        expect(journey.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(journey.textEdit?.newText).toContain('owner ${3|cs,support|}');
        expect(journey.textEdit?.newText).toContain(`reviewed \${4:${TODAY}}`);
    });

    it('offers stage, metric, initiative and review snippets in a journey', async () => {
        const labels = (await snippets('journey j {\n  <|>\n}')).map((item) => item.label).sort();
        expect(labels).toEqual(['initiative', 'metric', 'review', 'stage']);
    });

    it('offers a pain point whose `at` chooses among the stage touchpoints', async () => {
        const items = await snippets('journey j { stage s {\n  touchpoint a\n  touchpoint b\n  <|>\n} }');
        const painPoint = items.find((item) => item.label === 'painpoint');
        expect(painPoint?.textEdit?.newText).toBe(
            'painpoint ${1:newPainPoint} "${2:What goes wrong}" {\n' +
            '  at ${3|a,b|}\n' +
            '  severity ${4|medium,low,high,critical|}\n' +
            '  evidence "${5:What shows it: tickets, usage, churn}"\n' +
            '}',
        );
        expect(items.map((item) => item.label)).toContain('touchpoint');
    });

    it('offers an initiative due in 90 days', async () => {
        const items = await snippets('journey j {\n  <|>\n}');
        expect(items.find((item) => item.label === 'initiative')?.textEdit?.newText).toContain('due ${5:2027-02-21}');
    });
});

describe('names that are keywords (contextual keywords)', () => {
    it('offers a team named with a keyword after owner, and no keyword there', async () => {
        const text = 'team review "Review board"\nteam high\njourney j { owner <|> }';
        expect((await labelsAt(text)).sort()).toEqual(['high', 'review']);
    });

    it('completes a team named with a keyword from its first letters', async () => {
        expect(await labelsAt('team review "Review board"\njourney j { owner rev<|> }', CompletionItemKind.Class)).toEqual(['review']);
    });

    it('offers the properties after a touchpoint named with a keyword', async () => {
        const labels = await keywords('journey j { stage s { touchpoint done { <|> } } }');
        expect(labels.sort()).toEqual(['accountable', 'channel', 'description', 'emotion', 'for', 'internal', 'next', 'owner']);
    });
});
