import { describe, expect, it } from 'vitest';
import { GrammarAST } from 'langium';
import { createTestServices, validate } from '../../helpers/services.js';
import { ELEMENT_KINDS, ELEMENT_TYPES, type ElementType } from '../../../src/language/element-kinds.js';

/*
 * One error per mistake, on the mistake, saying how to fix it; the rest of the
 * file parses as if the mistake were fixed. Each row is a mistake and its fix:
 * the mistaken text must have exactly the diagnostics of the fixed text plus
 * the one expected message, on the mistake's line.
 */

/** A valid map with no diagnostics; `<<Kind>>` lines are where a declaration of that kind may be added. */
const MAP = `<<Team>>
<<Segment>>
team ops "Operations"
team support "Support"
segment smb "Small business"

journey j "Onboarding" {
  owner ops
  reviewed 2026-11-01
<<Metric>>
  stage signup "Sign up" {
<<Touchpoint>>
<<PainPoint>>
    touchpoint signupForm "Sign-up form" {
      channel web
      owner ops
      emotion +1
      for smb
      next welcome
    }
    touchpoint welcome "Welcome email" { channel email  owner support  emotion 0 }
    painpoint p "Slow form" {
      at signupForm
      severity high
      evidence "Tickets"
    }
  }
<<Stage>>
  initiative fix "Faster form" {
    owner ops
    addresses p
    impact high  effort low
    due 2027-01-31
    status planned
  }
<<Initiative>>
<<Review>>
  review q4 "Q4 review" on 2026-11-01 {
<<Change>>
    change c "Faster form shipped" { improves signup "Sign-ups up" }
  }
}
<<Journey>>
`;

/** A declaration of each kind, complete enough to add no problem of its own, named NAME. */
const DECLARATIONS: Record<ElementType, string> = {
    Team: 'team NAME "New team"',
    Segment: 'segment NAME "New segment"',
    Journey: 'journey NAME "Second" {\n  owner ops\n  reviewed 2026-11-01\n  stage s2 "S" { touchpoint t2 "T" { channel web } }\n}',
    Stage: '  stage NAME "New stage" { touchpoint extra "Extra" { channel web  emotion 0 } }',
    Touchpoint: '    touchpoint NAME "New touchpoint" { channel web  emotion 0 }',
    PainPoint: '    painpoint NAME "New pain" { at welcome  severity low }',
    Metric: '  metric NAME "New metric" { target >= 40  actual 50 }',
    Initiative: '  initiative NAME "New initiative" { owner ops  addresses p  due 2027-03-01  status planned }',
    Review: '  review NAME "New review" on 2026-11-02 { }',
    Change: '    change NAME "New change" { improves signup }',
};

function mapWith(kind?: ElementType, name = ''): string {
    return MAP.replace(/^<<(\w+)>>\n/gm, (_, at: string) => (at === kind ? `${DECLARATIONS[kind].replace('NAME', name)}\n` : ''));
}

/** Diagnostics as "line: message", without columns: a fix may change a line's length. A renamed element's messages are written with the other name. */
async function problems(text: string, renamed?: [from: string, to: string]): Promise<string[]> {
    const document = await validate(text);
    return (document.diagnostics ?? []).map((diagnostic) => {
        const message = renamed ? diagnostic.message.replaceAll(`'${renamed[0]}'`, `'${renamed[1]}'`) : diagnostic.message;
        return `${diagnostic.range.start.line + 1}: ${message}`;
    });
}

/** The mistake's diagnostics are the fix's plus exactly the expected one, on the line of the mistake. */
async function expectOneError(mistaken: string, fixed: string, expected: string, renamed?: [string, string]): Promise<void> {
    const line = mistaken.split('\n').findIndex((text, index) => text !== fixed.split('\n')[index]) + 1;
    const got = await problems(mistaken);
    const want = await problems(fixed, renamed);
    expect(got.sort()).toEqual([...want, `${line}: ${expected}`].sort());
}

it('the map of the table is valid, also with each added declaration', async () => {
    expect(await problems(mapWith())).toEqual([]);
    for (const type of ELEMENT_TYPES) {
        const document = await validate(mapWith(type, 'fresh'));
        expect(document.diagnostics?.filter((diagnostic) => diagnostic.severity === 1), type).toEqual([]);
    }
});

describe('a keyword as a name is no mistake (contextual keywords), in every declaration, for every keyword of the grammar', () => {
    const grammar = createTestServices().Journey.Grammar;
    const keywords = [...new Set(grammar.rules.filter(GrammarAST.isParserRule)
        .flatMap((rule) => collectKeywords(rule.definition)))].filter((keyword) => /^[a-z]/.test(keyword)).sort();

    for (const type of ELEMENT_TYPES) {
        it(`${ELEMENT_KINDS[type].keyword} <keyword>`, async () => {
            for (const keyword of keywords) {
                const other = `${keyword}X`;
                expect(await problems(mapWith(type, keyword)), keyword).toEqual(await problems(mapWith(type, other), [other, keyword]));
            }
        });
    }
});

/** [what, mistaken line, fixed line, the one message]; the mistaken line replaces the fixed one in the map. */
const MISTAKES: Array<[string, string, string, string]> = [
    ['a missing name before a keyword on the next line', '      owner ops\n      emotion', '      owner\n      emotion',
        "expected a team name after 'owner'"],
    ['a word as an emotion', 'emotion +1', 'emotion happy', "expected a number from -2 to +2 after 'emotion', found 'happy'"],
    ['a quoted date', 'due 2027-01-31', 'due "2027-01-31"', "expected a date like 2026-10-15 after 'due'; a date is written without quotes: due 2027-01-31"],
    ['a date with slashes', 'reviewed 2026-11-01', 'reviewed 12/01/2026',
        "expected a date like 2026-10-15 after 'reviewed', found 12/01/2026: write dates as year-month-day (YYYY-MM-DD)"],
    ['a date with a one-digit month', 'due 2027-01-31', 'due 2027-1-31',
        "expected a date like 2026-10-15 after 'due', found 2027-1-31: write the month and the day with two digits: 2027-01-31"],
    ['a severity that does not exist', 'severity high', 'severity urgent', "expected one of low, medium, high, critical after 'severity', found 'urgent'"],
    ['a status that does not exist', 'status planned', 'status ongoing', "expected one of planned, active, done, dropped after 'status', found 'ongoing'"],
    ['a missing closing quote', 'touchpoint welcome "Welcome email" {', 'touchpoint welcome "Welcome email {',
        'unterminated string: text in double quotes must end with " on the same line'],
    ['a typo in a team name', 'owner support', 'owner suport', "No team named 'suport' in the workspace; did you mean 'support'?"],
    ['a typo in a touchpoint name', 'next welcome', 'next welcom', "No touchpoint named 'welcom' in journey 'j'; did you mean 'welcome'?"],
    ['a missing closing quote before a block', 'touchpoint signupForm "Sign-up form" {', 'touchpoint signupForm "Sign-up form {',
        'unterminated string: text in double quotes must end with " on the same line'],
    ['an extra }', '      next welcome\n    }\n', '      next welcome\n    }\n    }\n',
        "extra '}': it ends stage 'signup' (opened at line 8) before the declarations after it; remove this '}'"],
    ['an extra } at the end', '  }\n}\n', '  }\n}\n}\n', "unexpected '}': there is no open '{' for it to close; remove this '}'"],
    ['a touchpoint title without quotes', 'touchpoint signupForm "Sign-up form" {', 'touchpoint signupForm Sign-up form {',
        'a title is written in double quotes: touchpoint signupForm "Sign-up form"'],
    ['a stage title without quotes', 'stage signup "Sign up" {', 'stage signup Sign up {', 'a title is written in double quotes: stage signup "Sign up"'],
    ['a title without quotes with words of the language in it', 'stage signup "Sign up" {', 'stage signup Sign up for free {',
        'a title is written in double quotes: stage signup "Sign up for free"'],
    ['a review title without quotes, before its date', 'review q4 "Q4 review" on', 'review q4 Quarter four on',
        'a title is written in double quotes: review q4 "Quarter four"'],
    ['a quoted segment name', 'for smb', 'for "smb"', "expected a segment name after 'for'; write it as one word without quotes: for smb"],
    ['a quoted team name', 'owner support', 'owner "support"', "expected a team name after 'owner'; write it as one word without quotes: owner support"],
    ['a quoted severity', 'severity high', 'severity "high"', "expected one of low, medium, high, critical after 'severity'; write it without quotes: severity high"],
    ['a missing , in a list', 'at signupForm', 'at signupForm welcome', "missing ',' between 'signupForm' and 'welcome' in the list of touchpoints: at signupForm, welcome"],
    ['a , at the end of a list', 'for smb', 'for smb,', "expected another segment name after ','; remove the ',' at the end of the list: for smb"],
    ['a misspelt declaration keyword', 'touchpoint signupForm "Sign-up form" {', 'touchpont signupForm "Sign-up form" {',
        "'touchpont' is not a word of the language; did you mean 'touchpoint'?"],
    ['a keyword with a capital', 'initiative fix "Faster form" {', 'Initiative fix "Faster form" {', "'Initiative' is not a word of the language; did you mean 'initiative'?"],
    ['a keyword written as two words', 'painpoint p "Slow form" {', 'pain point p "Slow form" {', "'pain point' is not a word of the language; did you mean 'painpoint'?"],
    ['a misspelt property', 'severity high', 'severty high', "'severty' is not a word of the language; did you mean 'severity'?"],
    ['a text without quotes', 'evidence "Tickets"', 'evidence Tickets from Zendesk', 'text is written in double quotes: evidence "Tickets from Zendesk"'],
    ['a text without its opening quote', 'evidence "Tickets"', 'evidence Tickets"', 'text is written in double quotes: evidence "Tickets"'],
    ['a text without its closing quote', 'evidence "Tickets"', 'evidence "Tickets', 'unterminated string: text in double quotes must end with " on the same line'],
    ['a level in quotes without the closing one', 'severity high', 'severity "high', 'unterminated string: text in double quotes must end with " on the same line'],
    ['a note without quotes', 'improves signup "Sign-ups up"', 'improves signup Sign-ups up', 'text is written in double quotes: improves signup "Sign-ups up"'],
    ['a team title without quotes', 'team ops "Operations"', 'team ops Operations', 'a title is written in double quotes: team ops "Operations"'],
    ['a name of two words', 'touchpoint signupForm "Sign-up form" {', 'touchpoint signup form "Sign-up form" {', 'a name is one word, without spaces: touchpoint signupForm'],
    ['a quoted name before the title', 'touchpoint signupForm "Sign-up form" {', 'touchpoint "signupForm" "Sign-up form" {',
        "expected a touchpoint name after 'touchpoint'; write it as one word without quotes: touchpoint signupForm"],
    ['a number as a channel', 'channel web', 'channel 3', `expected a channel such as web, email or "Shared Slack" after 'channel', found the number 3`],
    ['a date with the day first', 'reviewed 2026-11-01', 'reviewed 01-11-2026',
        "expected a date like 2026-10-15 after 'reviewed', found 01-11-2026: write dates as year-month-day (YYYY-MM-DD)"],
    ['a date with a time', 'due 2027-01-31', 'due 2027-01-31T10:00', "expected a date like 2026-10-15 after 'due', found 2027-01-31T10:00: a date has no time: due 2027-01-31"],
    ['a title in single quotes', 'touchpoint signupForm "Sign-up form" {', "touchpoint signupForm 'Sign-up form' {", 'text is written in double quotes, not single ones: "Sign-up form"'],
    ['a name in single quotes', 'for smb', "for 'smb'", 'a name is written without quotes: for smb'],
    ['a missing channel at the end of its line', 'channel web', 'channel', `expected a channel such as web, email or "Shared Slack" after 'channel'`],
    ['a keyword written with a -', 'painpoint p "Slow form" {', 'pain-point p "Slow form" {', "'pain-point' is not a word of the language; did you mean 'painpoint'?"],
    ["a review's date without on", 'review q4 "Q4 review" on 2026-11-01 {', 'review q4 "Q4 review" 2026-11-01 {',
        `missing 'on' before the review's date: review q4 "Q4 review" on 2026-11-01`],
    ['a missing { of a block on the lines below', 'touchpoint signupForm "Sign-up form" {', 'touchpoint signupForm "Sign-up form"',
        `missing '{' at the end of this line: touchpoint signupForm "Sign-up form" {`],
    ['an extra { after a property', 'channel web', 'channel web {', "extra '{': no block opens here; remove this '{'"],
    ['an extra { after a block opens', 'stage signup "Sign up" {', 'stage signup "Sign up" { {', "extra '{': no block opens here; remove this '{'"],
    ['a title with a keyword in it, without its opening quote', 'review q4 "Q4 review" on', 'review q4 Q4 review" on',
        'a title is written in double quotes: review q4 "Q4 review"'],
    ['a missing }', '      next welcome\n    }\n', '      next welcome\n',
        "missing '}' to close touchpoint 'signupForm' (opened at line 9)"],
];

describe('one error per mistake', () => {
    for (const [what, fixed, mistaken, message] of MISTAKES) {
        it(what, async () => {
            const map = mapWith();
            expect(map).toContain(fixed);
            await expectOneError(map.replace(fixed, mistaken), map, message);
        });
    }

    it('a missing , in a segment list (the names after it stay in the list)', async () => {
        const fixed = mapWith('Segment', 'ent').replace('for smb', 'for smb, ent');
        await expectOneError(fixed.replace('for smb, ent', 'for smb ent'), fixed, "missing ',' between 'smb' and 'ent' in the list of segments: for smb, ent");
    });

    it('a quoted date does not hide the real error in the next review', async () => {
        const map = mapWith().replace('on 2026-11-01 {', 'on 2026-02-30 {');
        const dateError = (await problems(map)).find((problem) => problem.includes('2026-02-30'));
        expect(dateError).toBeDefined();
        await expectOneError(map.replace('due 2027-01-31', 'due "2027-01-31"'), map,
            "expected a date like 2026-10-15 after 'due'; a date is written without quotes: due 2027-01-31");
    });
});

function collectKeywords(element: GrammarAST.AbstractElement): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        return element.elements.flatMap(collectKeywords);
    }
    return GrammarAST.isAssignment(element) ? collectKeywords(element.terminal) : [];
}
