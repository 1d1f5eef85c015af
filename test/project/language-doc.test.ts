// docs/language.md is the users' reference of the language: it must document
// every keyword of the grammar (read from the generated grammar, as the
// TextMate test does), every setting of a project file, and its examples must
// be valid maps.
import { readFileSync } from 'node:fs';
import { AstUtils, GrammarAST } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { JourneyLanguageGrammar } from '../../src/language/generated/grammar.js';
import { DEFAULT_PROJECT_SETTINGS, PROJECT_FILE_NAME } from '../../src/language/projects/project-settings.js';
import { validate } from '../helpers/services.js';

const doc = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const journeyBlocks = [...doc.matchAll(/```journey\n([\s\S]*?)```/g)].map((match) => match[1]);

/** Keywords a reader looks up: words and operators; braces and commas are explained once under "Blocks". */
const keywords = [...new Set(AstUtils.streamAllContents(JourneyLanguageGrammar()).filter(GrammarAST.isKeyword).map((keyword) => keyword.value).toArray())]
    .filter((keyword) => !['{', '}', ','].includes(keyword))
    .sort();

describe('docs/language.md', () => {
    it('reads the keywords from the grammar', () => {
        expect(keywords).toEqual(expect.arrayContaining(['journey', 'touchpoint', 'painpoint', 'critical', 'dropped', 'improves', '>=', '%']));
    });

    it.each(keywords)('documents the keyword %s', (keyword) => {
        expect(doc).toContain(`\`${keyword}\``);
    });

    it('documents every declaration under its own heading', () => {
        const declarations = JourneyLanguageGrammar().rules
            .filter(GrammarAST.isParserRule)
            .flatMap((rule) => AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).head()?.value ?? [])
            .filter((keyword) => /^[a-z]+$/.test(keyword) && !['description'].includes(keyword));
        for (const declaration of ['team', 'segment', 'journey', 'stage', 'touchpoint', 'painpoint', 'metric', 'initiative', 'review', 'change']) {
            expect(declarations).toContain(declaration);
            expect(doc).toMatch(new RegExp(`^### \`${declaration}\`$`, 'm'));
        }
    });

    it('documents every setting of the project file', () => {
        expect(doc).toContain(PROJECT_FILE_NAME);
        for (const setting of ['name', ...Object.keys(DEFAULT_PROJECT_SETTINGS)]) {
            expect(doc, setting).toMatch(new RegExp(`^\\| \`${setting}\` \\|`, 'm'));
        }
    });

    it.each(journeyBlocks.map((block, index) => [index, block]))('example %i is a valid map (no errors)', async (_index, block) => {
        const document = await validate(block);
        const errors = (document.diagnostics ?? [])
            .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)
            .map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.code} ${diagnostic.message}`);
        expect(errors).toEqual([]);
    });

    it('is linked from the README', () => {
        expect(readme).toContain('](docs/language.md');
    });
});
