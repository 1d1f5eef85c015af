// `internal` and `shared` in the editor: accepted on every kind, a
// contradiction reported, offered by completion, explained by the hover.
import { parseHelper, expectCompletion } from 'langium/test';
import { type CompletionList, CompletionItemKind } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { ELEMENT_KINDS, ELEMENT_TYPES } from '../../src/language/element-kinds.js';
import { findings } from '../helpers/diagnostics.js';
import { createTestServices, validate } from '../helpers/services.js';

/** Where a declaration of each kind goes, with `internal` in its block. */
const INTERNAL_OF_KIND: Record<string, string> = {
    Team: 'team t { internal }',
    Segment: 'segment g { internal }',
    Journey: 'journey j { reviewed 2026-11-01 internal stage s { touchpoint x } }',
    Stage: 'journey j { reviewed 2026-11-01 stage s { touchpoint x internal } }',
    Touchpoint: 'journey j { reviewed 2026-11-01 stage s { touchpoint x { internal } } }',
    PainPoint: 'journey j { reviewed 2026-11-01 stage s { touchpoint x painpoint p { severity low internal } } }',
    Metric: 'journey j { reviewed 2026-11-01 metric m { target >= 1 actual 2 internal } stage s { touchpoint x } }',
    Initiative: 'journey j { reviewed 2026-11-01 initiative i { internal } stage s { touchpoint x } }',
    Review: 'journey j { reviewed 2026-11-01 stage s { touchpoint x } review r on 2026-11-01 { internal } }',
    Change: 'journey j { reviewed 2026-11-01 stage s { touchpoint x } review r on 2026-11-01 { change c { improves s internal } } }',
};

describe('internal on every element kind', () => {
    it.each(ELEMENT_TYPES)('is accepted on a %s, and listed among its properties', async (type) => {
        expect(ELEMENT_KINDS[type].properties as readonly string[]).toContain('internal');
        const document = await validate(INTERNAL_OF_KIND[type]);
        expect(findings(document).filter((finding) => finding.severity === 'error')).toEqual([]);
    });
});

describe('shared and internal together (journey.shared-and-internal)', () => {
    it.each([
        ['pain point', 'painpoint p { severity low shared internal }', "Pain point 'p'"],
        ['initiative', 'initiative i { internal shared }', "Initiative 'i'"],
        ['metric', 'metric m { shared internal }', "Metric 'm'"],
    ])('is an error on a %s, on `shared`, saying how to fix it', async (_kind, declaration, who) => {
        const body = declaration.startsWith('painpoint') ? `stage s { touchpoint x ${declaration} }` : `${declaration} stage s { touchpoint x }`;
        const document = await validate(`journey j { reviewed 2026-11-01 ${body} }`);
        expect(findings(document, 'journey.shared-and-internal')).toEqual([{
            code: 'journey.shared-and-internal',
            severity: 'error',
            text: 'shared',
            message: `${who} is both \`shared\` and \`internal\`: remove \`internal\` to show it to customers, or \`shared\` to keep it from them`,
        }]);
    });

    it('is not reported for shared alone, and shared twice is a duplicate flag', async () => {
        const document = await validate('journey j { reviewed 2026-11-01 metric m { shared shared } stage s { touchpoint x } }');
        expect(findings(document).map((finding) => `${finding.code}: ${finding.message}`)).toEqual([
            "journey.duplicate-property: `shared` is given twice in metric 'm'; it takes a flag: once is enough",
        ]);
    });
});

async function keywordsAt(text: string): Promise<string[]> {
    let labels: string[] = [];
    await expectCompletion(createTestServices().Journey)({
        text, index: 0,
        assert: (list: CompletionList) => { labels = list.items.filter((item) => item.kind === CompletionItemKind.Keyword).map((item) => item.label); },
    });
    return labels;
}

describe('completion', () => {
    it.each([
        ['a pain point', 'journey j { stage s { painpoint p { <|> } } }', ['internal', 'shared']],
        ['an initiative', 'journey j { initiative i { <|> } }', ['internal', 'shared']],
        ['a metric', 'journey j { metric m { <|> } }', ['internal', 'shared']],
        ['a stage', 'journey j { stage s { <|> } }', ['internal']],
        ['a review', 'journey j { review r { <|> } }', ['internal']],
    ])('offers the customer keywords in %s', async (_where, text, expected) => {
        expect(await keywordsAt(text)).toEqual(expect.arrayContaining(expected));
    });

    it('does not offer shared on a touchpoint (touchpoints are shown unless internal)', async () => {
        expect(await keywordsAt('journey j { stage s { touchpoint t { <|> } } }')).not.toContain('shared');
    });
});

async function customersLine(text: string): Promise<string | undefined> {
    const services = createTestServices();
    const offset = text.indexOf('<|>');
    const document = await parseHelper(services.Journey)(text.replace('<|>', ''));
    const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
    });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    return /- customers: (.*)/.exec(value)?.[1];
}

describe('the hover says what customers see', () => {
    it.each([
        ['journey j { stage s { touchpoint <|>t } }', 'shown'],
        ['journey j { stage s { touchpoint <|>t { internal } } }', 'hidden: marked `internal`'],
        ['journey j { stage s { internal touchpoint <|>t } }', 'hidden: its stage is `internal`'],
        ['journey j { stage s { painpoint <|>p } }', 'hidden: add `shared` to show it to customers'],
        ['journey j { stage s { painpoint <|>p { shared } } }', 'shown (`shared`), without its internal details'],
        ['journey j { metric <|>m { shared } }', 'shown (`shared`), without its internal details'],
        ['journey j { review <|>r }', 'never shown (customers see no teams, reviews or changes)'],
    ])('%s → %s', async (text, expected) => {
        expect(await customersLine(text)).toBe(expected);
    });
});
