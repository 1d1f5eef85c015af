import { readFileSync } from 'node:fs';
import { expectSymbols, expectWorkspaceSymbols } from 'langium/test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../helpers/services.js';
import { workspaceOf } from '../../helpers/marked-workspace.js';
import { fixturePath } from '../../helpers/paths.js';

const REFERENCE = readFileSync(fixturePath('language-reference.journey'), 'utf8');

const KIND_NAMES = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

/** The Outline as lines: indentation for nesting, then kind, name and detail. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap((symbol) => [
        `${'  '.repeat(depth)}${KIND_NAMES[symbol.kind]} ${symbol.name}${symbol.detail ? ` — ${symbol.detail}` : ''}`,
        ...outline(symbol.children ?? [], depth + 1),
    ]);
}

describe('document symbols (Outline, breadcrumbs)', () => {
    it('nests journey › stages › touchpoints and pain points, with kinds and titles', async () => {
        await expectSymbols(createTestServices().Journey)({
            text: REFERENCE,
            assert: (symbols) => {
                expect(outline(symbols)).toEqual([
                    'Class cs — Customer Success',
                    'Class support — Support',
                    'Class product — Product',
                    'Class marketing — Marketing',
                    'Enum enterprise — Enterprise',
                    'Enum midmarket — Mid-market',
                    'Namespace saas — B2B SaaS customer journey',
                    '  Property nps — Net Promoter Score',
                    '  Property retention — Logo retention',
                    '  Struct awareness — Awareness',
                    '    Function website — Website and pricing page',
                    '    Function demo — Sales demo',
                    '  Struct onboarding — Onboarding',
                    '    Property ttv — Time to value',
                    '    Function welcome — Welcome email',
                    '    Function kickoff — Kickoff call',
                    '    Function selfServe — Self-serve setup guide',
                    '    Function sso — SSO setup',
                    '    Event ssoConfusion — SSO setup is confusing',
                    '    Event handoff — Sales-to-CS handoff loses context',
                    '  Struct renewal — Renewal',
                    '    Function qbr — Quarterly business review',
                    '  Method ssoWizard — Guided SSO wizard',
                    '  Interface q3 — 2026 Q3 tune-up',
                    '    EnumMember release42 — Release 4.2: in-app guides',
                ]);
            },
        });
    });

    it('selects the name and spans the whole declaration', async () => {
        await expectSymbols(createTestServices().Journey)({
            text: 'journey j {\n  stage onboarding {\n    touchpoint t\n  }\n}\n',
            assert: ([journey]) => {
                const stage = journey.children![0];
                expect(stage.selectionRange).toEqual({ start: { line: 1, character: 8 }, end: { line: 1, character: 18 } });
                expect(stage.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 3, character: 3 } });
                expect(stage.detail).toBeUndefined();
            },
        });
    });
});

describe('workspace symbols', () => {
    it('finds any element of any file by a fuzzy name, with where it lives', async () => {
        const { services, files } = await workspaceOf({
            'teams.journey': 'team cs "Customer Success"\n',
            'map.journey': 'journey saas {\n  stage onboarding {\n    touchpoint <|kickoff|> "Kickoff call"\n  }\n}\n',
        });
        await expectWorkspaceSymbols(services.shared)({
            query: 'kckf',
            expectedSymbols: [
                {
                    name: 'kickoff',
                    kind: SymbolKind.Function,
                    containerName: 'saas › onboarding',
                    location: { uri: files['map.journey'].uri, range: files['map.journey'].ranges[0] },
                },
            ],
        });
    });

    it('matches titles as well as names, and lists everything for an empty query', async () => {
        const { services } = await workspaceOf({
            'teams.journey': 'team cs "Customer Success"\nsegment enterprise\n',
            'map.journey': 'journey saas {\n  stage onboarding {\n    touchpoint kickoff\n  }\n}\n',
        });
        await expectWorkspaceSymbols(services.shared)({ query: 'success', expectedSymbols: ['cs'] });
        await expectWorkspaceSymbols(services.shared)({
            query: '',
            assert: (symbols) => expect(symbols.map((symbol) => symbol.name).sort()).toEqual(['cs', 'enterprise', 'kickoff', 'onboarding', 'saas']),
        });
    });
});
