// The TextMate grammar is hand-written, so it can drift from the Langium
// grammar. These tests tokenize with the engine VS Code itself uses
// (vscode-textmate over the oniguruma WASM build) and read the keywords from
// the generated Langium grammar: a keyword added without a colour fails here.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { AstUtils, GrammarAST } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { JourneyLanguageGrammar } from '../../src/language/generated/grammar.js';

const require = createRequire(import.meta.url);

let grammar: textmate.IGrammar;

beforeAll(async () => {
    const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm);
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text) => new oniguruma.OnigString(text),
        }),
        loadGrammar: async (scopeName) => {
            const path = new URL('../../syntaxes/journey.tmLanguage.json', import.meta.url);
            return scopeName === 'source.journey' ? textmate.parseRawGrammar(await readFile(path, 'utf8'), path.pathname) : null;
        },
    });
    const loaded = await registry.loadGrammar('source.journey');
    if (!loaded) throw new Error('syntaxes/journey.tmLanguage.json did not load');
    grammar = loaded;
});

interface Token {
    text: string;
    line: number;
    scopes: string[];
}

/** Tokenizes a whole document line by line, carrying the state across lines as VS Code does. */
function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let state = textmate.INITIAL;
    text.split('\n').forEach((line, index) => {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
            tokens.push({ text: line.slice(token.startIndex, token.endIndex), line: index, scopes: token.scopes });
        }
        state = result.ruleStack;
    });
    return tokens;
}

/** The scopes of the token whose text is exactly `text` (the `occurrence`-th one). */
function scopesOf(tokens: Token[], text: string, occurrence = 0): string[] {
    const matches = tokens.filter((token) => token.text === text);
    const token = matches[occurrence];
    if (!token) throw new Error(`no token "${text}" (#${occurrence}) in: ${tokens.map((t) => t.text).join('|')}`);
    return token.scopes;
}

function langiumKeywords(): string[] {
    const keywords = AstUtils.streamAllContents(JourneyLanguageGrammar())
        .filter(GrammarAST.isKeyword)
        .map((keyword) => keyword.value);
    return [...new Set(keywords)].sort();
}

describe('TextMate grammar covers the language', () => {
    const keywords = langiumKeywords();

    it('reads the keywords from the Langium grammar', () => {
        // A guard against the reader silently finding nothing.
        expect(keywords).toEqual(expect.arrayContaining(['journey', 'touchpoint', 'severity', 'critical', 'dropped', '>=', '%', '{']));
    });

    it.each(keywords)('colours the keyword %s as one token', (keyword) => {
        const tokens = tokenize(keyword);
        expect(tokens[0]?.text).toBe(keyword);
        const scopes = tokens[0].scopes;
        expect(scopes[0]).toBe('source.journey');
        expect(scopes.length, `"${keyword}" has no scope of its own`).toBeGreaterThan(1);
        expect(scopes.join(' ')).not.toContain('invalid');
    });

    it.each(keywords.filter((keyword) => /^[a-z]+$/.test(keyword)))('ends an open reference list at the keyword %s', (keyword) => {
        // Half-typed `next a,` followed by a keyword on the next line: the keyword stays a keyword.
        for (const property of ['next', 'for', 'addresses']) {
            const scopes = scopesOf(tokenize(`${property} a,\n${keyword}`), keyword);
            expect(scopes.join(' ')).not.toMatch(/variable\.other/);
        }
    });

    it.each(keywords.filter((keyword) => /^[a-z]+$/.test(keyword)))('colours the keyword %s as a name where a name belongs, on the same line', (keyword) => {
        const last = (text: string) => {
            const tokens = tokenize(text);
            return scopesOf(tokens, keyword, tokens.filter((token) => token.text === keyword).length - 1);
        };
        expect(last(`touchpoint ${keyword} "T"`)).toContain('entity.name.type.touchpoint.journey');
        expect(last(`owner ${keyword}`)).toContain('variable.other.team.journey');
        expect(last(`next ${keyword}, a`)).toContain('variable.other.touchpoint.journey');
        expect(last(`for a, ${keyword}`)).toContain('variable.other.segment.journey');
        expect(last(`addresses ${keyword}`)).toContain('variable.other.painpoint.journey');
        expect(last(`improves ${keyword} "note"`)).toContain('variable.other.stage.journey');
    });

    it('does not colour identifiers that merely start with a keyword', () => {
        for (const identifier of ['teams', 'highlight', 'stage_2', 'donee', 'onboarding', 'forecast']) {
            expect(tokenize(identifier)).toEqual([{ text: identifier, line: 0, scopes: ['source.journey'] }]);
        }
    });
});

describe('TextMate grammar on a real map', () => {
    const sample = [
        '// Shared definitions',
        'team cs "Customer Success"',
        'segment enterprise "Enterprise" { description "ARR above \\"$100k\\" \\\\ SSO" }',
        '/* block comment',
        '   spanning lines */',
        'journey saas "B2B SaaS" {',
        '  owner cs',
        '  reviewed 2026-10-15',
        '  metric retention "Logo retention" { target >= 95%  actual 91.5% }',
        '  stage onboarding "Onboarding" {',
        '    touchpoint welcome "Welcome email" { channel email  emotion +1  next kickoff,',
        '      selfServe  for enterprise }',
        '    touchpoint sso "SSO setup" { emotion -2 internal }',
        '    painpoint ssoConfusion { at sso  severity high }',
        '  }',
        '  initiative wizard { addresses ssoConfusion  due 2027-01-31  status active }',
        '  review q3 "Q3" on 2026-10-15 { change r42 { improves onboarding "Faster" } }',
        '}',
    ].join('\n');
    let tokens: Token[];
    beforeAll(() => {
        tokens = tokenize(sample);
    });

    it('colours declaration keywords and the names they declare', () => {
        expect(scopesOf(tokens, 'stage')).toContain('storage.type.stage.journey');
        expect(scopesOf(tokens, 'onboarding')).toContain('entity.name.type.stage.journey');
        expect(scopesOf(tokens, 'welcome')).toContain('entity.name.type.touchpoint.journey');
        expect(scopesOf(tokens, 'saas')).toContain('entity.name.type.journey.journey');
    });

    it('colours references by the kind of element they point to, across lines', () => {
        expect(scopesOf(tokens, 'cs', 1)).toContain('variable.other.team.journey');
        expect(scopesOf(tokens, 'kickoff')).toContain('variable.other.touchpoint.journey');
        expect(scopesOf(tokens, 'selfServe')).toContain('variable.other.touchpoint.journey');
        expect(scopesOf(tokens, 'enterprise', 1)).toContain('variable.other.segment.journey');
        expect(scopesOf(tokens, 'sso', 1)).toContain('variable.other.touchpoint.journey');
        expect(scopesOf(tokens, 'ssoConfusion', 1)).toContain('variable.other.painpoint.journey');
        expect(scopesOf(tokens, 'onboarding', 1)).toContain('variable.other.stage.journey');
    });

    it('ends a reference list at the next property', () => {
        expect(scopesOf(tokens, 'for')).toContain('keyword.other.property.for.journey');
        expect(scopesOf(tokens, 'severity')).toContain('keyword.other.property.severity.journey');
        expect(scopesOf(tokens, 'due')).toContain('keyword.other.property.due.journey');
    });

    it('colours strings with their escapes', () => {
        expect(scopesOf(tokens, 'Customer Success')).toContain('string.quoted.double.journey');
        expect(scopesOf(tokens, '\\"')).toContain('constant.character.escape.journey');
        expect(scopesOf(tokens, '\\\\')).toContain('constant.character.escape.journey');
    });

    it('colours dates as one token, not as a subtraction', () => {
        expect(scopesOf(tokens, '2026-10-15')).toContain('constant.numeric.date.journey');
        expect(scopesOf(tokens, '2027-01-31')).toContain('constant.numeric.date.journey');
    });

    it('colours signed numbers, decimals and percentages', () => {
        expect(scopesOf(tokens, '+1')).toContain('constant.numeric.decimal.journey');
        expect(scopesOf(tokens, '-2')).toContain('constant.numeric.decimal.journey');
        expect(scopesOf(tokens, '91.5')).toContain('constant.numeric.decimal.journey');
        expect(scopesOf(tokens, '%')).toContain('keyword.other.unit.percent.journey');
        expect(scopesOf(tokens, '>=')).toContain('keyword.operator.comparison.journey');
    });

    it('colours enumeration values, flags and channels', () => {
        expect(scopesOf(tokens, 'high')).toContain('constant.language.level.high.journey');
        expect(scopesOf(tokens, 'active')).toContain('constant.language.status.active.journey');
        expect(scopesOf(tokens, 'internal')).toContain('storage.modifier.internal.journey');
        expect(scopesOf(tokens, 'email')).toContain('variable.other.constant.channel.journey');
    });

    it('colours line and block comments, the block one across lines', () => {
        expect(scopesOf(tokens, ' Shared definitions')).toContain('comment.line.double-slash.journey');
        expect(scopesOf(tokens, '   spanning lines ')).toContain('comment.block.journey');
    });

    it('keeps an unterminated string on its own line', () => {
        const broken = tokenize('goal "never closed\nstage next');
        expect(scopesOf(broken, 'stage')).toContain('storage.type.stage.journey');
    });
});

describe('TextMate grammar on the examples', () => {
    it('gives every word of every example a colour', async () => {
        const examples = new URL('../../examples/', import.meta.url);
        const files = (await readdir(examples, { recursive: true })).filter((file) => file.endsWith('.journey'));
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
            const uncoloured = tokenize(await readFile(new URL(file, examples), 'utf8'))
                .filter((token) => token.text.trim() !== '' && token.scopes.length === 1)
                .map((token) => `${file}:${token.line + 1} "${token.text}"`);
            expect(uncoloured).toEqual([]);
        }
    });
});
