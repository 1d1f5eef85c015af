import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstUtils, GrammarAST, type AstNode } from 'langium';
import { expectFormatting } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { VALUE_KEYWORDS, formatJourneyText } from '../../../src/language/lsp/formatter.js';
import { DECLARATION_KEYWORDS } from '../../../src/language/element-kinds.js';
import { BLOCK_PROPERTY_KEYWORDS } from '../../../src/language/element-properties.js';
import { fixturePath, REPO_ROOT } from '../../helpers/paths.js';
import { createTestServices } from '../../helpers/services.js';

const services = createTestServices();
const format = (text: string) => formatJourneyText(services.Journey, text);
const expectFormatted = expectFormatting(services.Journey);

/** Wraps formatted lines in `journey j { stage s { … } }`, indented as the formatter does. */
function inStage(body: string): string {
    const indented = body.split('\n').map((line) => (line ? `    ${line}` : line)).join('\n');
    return `journey j {\n  stage s {\n${indented}\n  }\n}\n`;
}

function journeyFiles(dir: string): string[] {
    let entries: string[];
    try {
        entries = readdirSync(dir);
    } catch {
        return [];
    }
    return entries.flatMap((entry) => {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) return journeyFiles(path);
        return path.endsWith('.journey') ? [path] : [];
    });
}

/** Every token, comments included, with whitespace left out: what formatting must not change. */
function tokenStream(text: string): string[] {
    const { tokens, hidden, errors } = services.Journey.parser.Lexer.tokenize(text);
    expect(errors).toEqual([]);
    return [...tokens, ...hidden]
        .sort((a, b) => a.startOffset - b.startOffset)
        .map((token) => `${token.tokenType.name}:${token.image}`);
}

/** The AST as plain data, without positions or CST: equal when the meaning is equal. */
function astShape(text: string): unknown {
    const { value } = services.Journey.parser.LangiumParser.parse(text);
    return JSON.parse(JSON.stringify(value, (key, field: unknown) => {
        if (key.startsWith('$') && key !== '$type') return undefined;
        if (field && typeof field === 'object' && '$refText' in field) return field.$refText;
        return field;
    }));
}

const files = [
    ...journeyFiles(join(REPO_ROOT, 'examples')),
    ...journeyFiles(fixturePath()).filter((file) => !file.includes('syntax-error')),
];

describe('formatter on every example and fixture', () => {
    it('finds files to check', () => {
        expect(files.length).toBeGreaterThanOrEqual(2);
    });

    for (const file of files) {
        describe(relative(REPO_ROOT, file), () => {
            const text = readFileSync(file, 'utf8');
            const formatted = format(text);

            it('formats it (no syntax error)', () => {
                expect(formatted).toBeTypeOf('string');
            });
            it('changes only whitespace: same tokens and comments, in the same order', () => {
                expect(tokenStream(formatted!)).toEqual(tokenStream(text));
            });
            it('parses to the same AST', () => {
                expect(astShape(formatted!)).toEqual(astShape(text));
            });
            it('is idempotent', () => {
                expect(format(formatted!)).toBe(formatted);
            });
            it('indents with two spaces and leaves no trailing whitespace', () => {
                const withoutBlockComments = formatted!.replace(/\/\*[\s\S]*?\*\//g, '/**/');
                for (const line of withoutBlockComments.split('\n')) {
                    expect(line).not.toMatch(/[ \t]$/);
                    expect(line).not.toMatch(/^\t/);
                    expect(line.match(/^ */)![0].length % 2).toBe(0);
                }
            });
        });
    }
});

describe('canonical layout', () => {
    it('indents nested blocks by two spaces and puts each declaration on its own line', async () => {
        await expectFormatted({
            before: 'journey j "J" { stage s { touchpoint a "A" touchpoint b { owner cs } } }',
            after: [
                'journey j "J" {',
                '  stage s {',
                '    touchpoint a "A"',
                '    touchpoint b { owner cs }',
                '  }',
                '}',
                '',
            ].join('\n'),
        });
    });

    it('keeps a one-line block of properties on one line, with canonical spacing', () => {
        expect(format('journey j {\nmetric nps{target>=40    actual 31}}')).toBe(
            'journey j {\n  metric nps { target >= 40  actual 31 }\n}\n',
        );
        expect(format('journey j {\nmetric r { target >= 95 %  actual 91 % }}')).toBe(
            'journey j {\n  metric r { target >= 95%  actual 91% }\n}\n',
        );
        expect(format(inStage('touchpoint t { next a ,b,   c }'))).toBe(inStage('touchpoint t { next a, b, c }'));
    });

    it('writes an emotion of some segments and an earlier value of a metric as one property each', () => {
        expect(format(inStage('touchpoint t { emotion +1 emotion   for a ,b -2  for a,b }'))).toBe(inStage('touchpoint t { emotion +1  emotion for a, b -2  for a, b }'));
        expect(format('journey j {\nmetric nps { actual 31 was 28   on 2026-07-01 was 25 % on 2026-04-01 }}')).toBe(
            'journey j {\n  metric nps { actual 31  was 28 on 2026-07-01  was 25% on 2026-04-01 }\n}\n',
        );
    });

    it('expands a block that the author wrote on several lines', () => {
        expect(format('team cs {\ndescription "x" }')).toBe('team cs {\n  description "x"\n}\n');
    });

    it('keeps the author\'s line breaks between properties, two spaces between properties on one line', () => {
        const before = inStage('touchpoint sso {\n channel product owner product emotion -2\n\n\n description "d"\n}');
        expect(format(before)).toBe(inStage('touchpoint sso {\n  channel product  owner product  emotion -2\n\n  description "d"\n}'));
    });

    it('joins a declaration header and its opening brace, and a list, onto one line', () => {
        expect(format('journey j {\nreview q3\n"Q3"\non 2026-10-15\n{\nchange c { improves s }\n}}')).toBe(
            'journey j {\n  review q3 "Q3" on 2026-10-15 {\n    change c { improves s }\n  }\n}\n',
        );
    });

    it('lays out a keyword used as a name as a name, not as the keyword', () => {
        expect(format('journey j {\nstage review {\ntouchpoint stage { owner high  next done }\ntouchpoint done\n}}')).toBe(
            'journey j {\n  stage review {\n    touchpoint stage { owner high  next done }\n    touchpoint done\n  }\n}\n',
        );
    });

    it('writes an empty block as {}', () => {
        expect(format('team cs {\n\n}')).toBe('team cs {}\n');
    });

    it('keeps at most one blank line, none at the start or end of a block or file', () => {
        expect(format('\n\nteam a\n\n\n\nteam b\nsegment s {\n\n  description "x"\n\n}\n\n\n')).toBe(
            'team a\n\nteam b\nsegment s {\n  description "x"\n}\n',
        );
    });

    it('keeps the file\'s CRLF line endings', () => {
        expect(format('team a {\r\ndescription "x"}\r\n')).toBe('team a {\r\n  description "x"\r\n}\r\n');
    });

    it('leaves an empty file empty', () => {
        expect(format('')).toBe('');
        expect(format('\n  \n')).toBe('');
    });
});

describe('comments', () => {
    it('keeps a trailing comment on its line, with the author\'s spacing', () => {
        expect(format('team cs   // the owners\nteam b')).toBe('team cs   // the owners\nteam b\n');
    });

    it('indents a comment on its own line like the line after it', () => {
        expect(format('journey j {\n// about s\nstage s\n    // at the end\n}')).toBe(
            'journey j {\n  // about s\n  stage s\n  // at the end\n}\n',
        );
    });

    it('keeps a block comment inline where it was written inline', () => {
        expect(format('team cs /* c */ "CS"')).toBe('team cs /* c */ "CS"\n');
    });

    it('keeps a line comment inside a list and indents what follows as a continuation', () => {
        expect(format(inStage('touchpoint t {\nnext a, // first\nb\n}'))).toBe(
            inStage('touchpoint t {\n  next a, // first\n    b\n}'),
        );
    });

    it('keeps a trailing comment after an opening brace on that line', () => {
        expect(format('journey j { // note\nowner cs }')).toBe('journey j { // note\n  owner cs\n}\n');
    });
});

describe('syntax errors and range formatting', () => {
    it('leaves a file with syntax errors untouched', async () => {
        expect(format('journey j {  stage  s { touchpoint }')).toBeUndefined();
        expect(format('team   cs ยง')).toBeUndefined();
        await expectFormatted({ before: 'journey   j {  stage  s {', after: 'journey   j {  stage  s {' });
    });

    it('formats only the requested range', async () => {
        await expectFormatted({
            before: 'team   a\nteam   b\nteam   c\n',
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } },
            after: 'team   a\nteam b\nteam   c\n',
        });
    });
});

describe('keyword classification', () => {
    it('knows every keyword of the grammar (a new keyword must be given a place in the layout)', () => {
        const keywords = AstUtils.streamAst(services.Journey.Grammar as AstNode)
            .filter(GrammarAST.isKeyword)
            .map((keyword) => keyword.value)
            .toSet();
        const known = new Set([...DECLARATION_KEYWORDS, ...BLOCK_PROPERTY_KEYWORDS, ...VALUE_KEYWORDS]);
        expect([...keywords].filter((keyword) => !known.has(keyword))).toEqual([]);
    });
});
