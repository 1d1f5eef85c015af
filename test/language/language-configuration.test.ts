// VS Code reads these patterns as JavaScript regular expressions; check that
// they do what a person typing a .journey file expects.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LanguageConfiguration {
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    wordPattern: string;
    comments: unknown;
    autoClosingPairs: { open: string }[];
}

const config = JSON.parse(readFileSync(new URL('../../language-configuration.json', import.meta.url), 'utf8')) as LanguageConfiguration;

describe('language configuration', () => {
    it('indents after an opening brace and outdents on a closing one', () => {
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
        expect(increase.test('  stage onboarding "Onboarding" {')).toBe(true);
        expect(increase.test('touchpoint sso { // the painful one')).toBe(true);
        expect(increase.test('  touchpoint web "Website" { channel web }')).toBe(false);
        expect(increase.test('// a comment about {')).toBe(false);
        expect(decrease.test('  }')).toBe(true);
        expect(decrease.test('  touchpoint web { }')).toBe(false);
    });

    it('selects whole identifiers, dates and numbers as words', () => {
        const word = new RegExp(config.wordPattern, 'g');
        const words = (text: string) => text.match(word);
        expect(words('next kickoff, self_serve2')).toEqual(['next', 'kickoff', 'self_serve2']);
        expect(words('due 2027-01-31')).toEqual(['due', '2027-01-31']);
        expect(words('target >= 95%  emotion -2')).toEqual(['target', '95%', 'emotion', '-2']);
    });

    it('comments with the syntax of the language', () => {
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    });

    it('closes braces and quotes as they are typed', () => {
        const opens = config.autoClosingPairs.map((pair) => pair.open);
        expect(opens).toEqual(expect.arrayContaining(['{', '"']));
    });
});
