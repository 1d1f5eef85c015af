import { describe, expect, it } from 'vitest';
import { validate } from '../../helpers/services.js';

/** The syntax errors of a text as a user sees them in the Problems panel: "line:column message" (1-based). */
async function syntaxErrors(text: string): Promise<string[]> {
    const doc = await validate(text);
    return (doc.diagnostics ?? [])
        .filter((d) => d.code === 'journey.syntax-error')
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

describe('parser errors in the language\'s terms', () => {
    it('a declaration without its name', async () => {
        expect(await syntaxErrors('journey j {\n  stage s {\n    touchpoint }\n}')).toEqual([
            "3:16 expected a touchpoint name after 'touchpoint'",
        ]);
    });

    it('a half-typed declaration at the end of the file points just after the keyword', async () => {
        expect(await syntaxErrors('journey j { stage s { touchpoint')).toEqual([
            "1:33 expected a touchpoint name after 'touchpoint'",
        ]);
        expect(await syntaxErrors('team')).toEqual(["1:5 expected a team name after 'team'"]);
    });

    it('a keyword where a name belongs is the name (contextual keywords)', async () => {
        expect(await syntaxErrors('journey j {\n  stage s {\n    touchpoint high "High touch"\n  }\n}')).toEqual([]);
        expect(await syntaxErrors('segment done')).toEqual([]);
        expect(await syntaxErrors('team critical\njourney j { owner critical }')).toEqual([]);
    });

    it('a declaration keyword alone on its line is a missing name, not a name taken from the next line', async () => {
        expect(await syntaxErrors('journey j {\n  stage s {\n    touchpoint\n    touchpoint b "B"\n  }\n}')).toEqual([
            "3:15 expected a touchpoint name after 'touchpoint'",
        ]);
        expect(await syntaxErrors('team cs\njourney j {\n  owner\n  review q3 on 2026-10-01\n}')).toEqual([
            "3:8 expected a team name after 'owner'",
        ]);
    });

    it('a date that is not a date', async () => {
        expect(await syntaxErrors('journey j {\n  initiative i { due tomorrow }\n}')).toEqual([
            "2:22 expected a date like 2026-10-15 after 'due', found 'tomorrow'",
        ]);
        expect(await syntaxErrors('journey j { review r on { } }')).toEqual([
            "1:25 expected a date like 2026-10-15 after 'on'",
        ]);
    });

    it('an enumeration value that does not exist', async () => {
        expect(await syntaxErrors('journey j { stage s {\n  painpoint p { severity huge }\n} }')).toEqual([
            "2:26 expected one of low, medium, high, critical after 'severity', found 'huge'",
        ]);
        expect(await syntaxErrors('journey j { initiative i { status ongoing } }')).toEqual([
            "1:35 expected one of planned, active, done, dropped after 'status', found 'ongoing'",
        ]);
    });

    it('a number that is missing', async () => {
        expect(await syntaxErrors('journey j { metric m { target >= } }')).toEqual([
            "1:34 expected a number like 40 or 95% after '>='",
        ]);
        expect(await syntaxErrors('journey j { stage s { touchpoint t { emotion } } }')).toEqual([
            "1:46 expected a number from -2 to +2 after 'emotion'",
        ]);
    });

    it('a reference list that ends with a comma or is empty', async () => {
        expect(await syntaxErrors('journey j { stage s { touchpoint t { next } } }')).toEqual([
            "1:43 expected a touchpoint name after 'next'",
        ]);
        expect(await syntaxErrors('journey j { stage s { touchpoint a touchpoint t { next a, } } }')).toEqual([
            "1:57 expected another touchpoint name after ','; remove the ',' at the end of the list: next a",
        ]);
    });

    it('an unknown property lists the properties of that element', async () => {
        expect(await syntaxErrors('journey j { stage s {\n  touchpoint t { foo "x" }\n} }')).toEqual([
            "2:18 'foo' is not a property of a touchpoint; expected one of description, channel, owner, accountable, emotion, next, for, internal",
        ]);
        expect(await syntaxErrors('journey j { stage s { touchpoint t { severity high } } }')).toEqual([
            "1:38 'severity' is not a property of a touchpoint; expected one of description, channel, owner, accountable, emotion, next, for, internal",
        ]);
    });

    it('a declaration in the wrong place says where it belongs', async () => {
        expect(await syntaxErrors('journey j {\n  touchpoint t\n}')).toEqual([
            "2:3 'touchpoint' cannot appear in a journey: a touchpoint belongs in a stage",
        ]);
        expect(await syntaxErrors('stage s { }')).toEqual([
            "1:1 'stage' cannot appear at the top level; a stage belongs in a journey; expected team, segment or journey",
        ]);
    });

    it('a missing } names the block and the line that opened it', async () => {
        const text = 'team cs\n\njourney j {\n  stage onboarding "Onboarding" {\n    touchpoint t\n\n  stage renewal {\n  }\n}\n';
        expect(await syntaxErrors(text)).toEqual([
            "7:3 missing '}' to close stage 'onboarding' (opened at line 4)",
        ]);
    });

    it('a missing } at the end of the file points just after the last token', async () => {
        expect(await syntaxErrors('journey j {\n  stage onboarding {\n    touchpoint t { emotion 1 }\n\n')).toEqual([
            "3:31 missing '}' to close stage 'onboarding' (opened at line 2)",
        ]);
    });

    it('a } too many', async () => {
        expect(await syntaxErrors('journey j {\n}\n}')).toEqual([
            "3:1 unexpected '}': there is no open '{' for it to close; remove this '}'",
        ]);
    });

    it('something that is not a declaration at the top level', async () => {
        expect(await syntaxErrors('hello world')).toEqual([
            "1:1 'hello' cannot appear at the top level; expected team, segment or journey",
        ]);
    });
});

describe('lexer errors in the language\'s terms', () => {
    it('an unterminated string is one error up to the block opened on its line, without a cascade', async () => {
        const doc = await validate('journey j {\n  stage s "Onboarding {\n  }\n}');
        const errors = (doc.diagnostics ?? []).filter((d) => d.severity === 1);
        expect(errors.map((d) => d.message)).toEqual([
            'unterminated string: text in double quotes must end with " on the same line',
        ]);
        expect(errors[0].range).toEqual({ start: { line: 1, character: 10 }, end: { line: 1, character: 21 } });
        expect(errors[0].code).toBe('journey.syntax-error');
    });

    it('an unexpected character is quoted; an invisible one is named by its code point', async () => {
        expect(await syntaxErrors('journey j { § }')).toEqual(["1:13 unexpected character '§'"]);
        expect(await syntaxErrors('journey j {\u0007}')).toEqual(['1:12 unexpected character U+0007']);
        expect(await syntaxErrors('journey j { \u202e }')).toEqual(['1:13 unexpected character U+202E']);
    });

    it('an emoji is one character, not two halves', async () => {
        expect(await syntaxErrors('journey 🎉 { }')).toEqual([
            "1:9 unexpected character '🎉'",
            "1:12 expected a journey name after 'journey'",
        ]);
    });
});

describe('cascades', () => {
    it('one mistake gives one error, not one per following token', async () => {
        const errors = await syntaxErrors('journey j { stage s { touchpoint t { channel web owner } } }\nteam cs');
        expect(errors).toEqual(["1:56 expected a team name after 'owner'"]);
    });

    it('every syntax diagnostic has the stable code', async () => {
        const doc = await validate('journey { § stage "x\n}}}');
        const syntax = (doc.diagnostics ?? []).filter((d) => d.severity === 1 && !String((d.data as { code?: string } | undefined)?.code ?? '').startsWith('linking'));
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax.every((d) => d.code === 'journey.syntax-error')).toBe(true);
    });
});
