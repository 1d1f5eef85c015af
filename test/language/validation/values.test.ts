import { describe, expect, it } from 'vitest';
import { validate } from '../../helpers/services.js';
import { findings } from '../../helpers/diagnostics.js';

/** A journey that breaks no rule, to put one thing at a time into. */
function journey(body: string, extra = ''): string {
    return `team cs
segment ent
journey j {
  owner cs
  reviewed 2026-11-01
  ${body}
}
${extra}`;
}

const touchpoint = (props: string) => journey(`stage s { touchpoint t { owner cs  for ent  ${props} } }`);

describe('the baseline journey', () => {
    it('has no diagnostics at all', async () => {
        expect(findings(await validate(touchpoint('emotion 1')))).toEqual([]);
    });
});

describe('a single-valued property given twice (journey.duplicate-property)', () => {
    it('is an error on the second occurrence, from keyword to value', async () => {
        const doc = await validate(touchpoint('channel web  emotion 1  channel email'));
        expect(findings(doc, 'journey.duplicate-property')).toEqual([{
            code: 'journey.duplicate-property',
            severity: 'error',
            text: 'channel email',
            message: "`channel` is given twice in touchpoint 't'; it takes one value: keep one and remove the others",
        }]);
    });

    it('flags the second and the third, never the first', async () => {
        const doc = await validate(journey(`description "a"  description "b"  description "c"  stage s { touchpoint t { owner cs  for ent } }`));
        expect(findings(doc, 'journey.duplicate-property').map((f) => f.text)).toEqual(['description "b"', 'description "c"']);
        expect(findings(doc, 'journey.duplicate-property')[0].message).toContain('given 3 times');
    });

    it('points at the right `owner` when a nested touchpoint has one too', async () => {
        const doc = await validate(`team cs
team support
segment ent
journey j {
  owner cs
  reviewed 2026-11-01
  stage s { touchpoint t { owner cs  for ent } }
  owner support
}`);
        const [finding] = findings(doc, 'journey.duplicate-property');
        expect(finding.text).toBe('owner support');
        expect(finding.message).toContain("journey 'j'");
    });

    it('covers flags, severities, metric targets, initiative statuses and review dates', async () => {
        const doc = await validate(journey(`
  metric m { target >= 1  target >= 2  actual 3  actual 4 }
  stage s {
    touchpoint t { owner cs  for ent  internal internal }
    painpoint p { at t  severity low  severity medium }
  }
  initiative i { owner cs  status active  status done  due 2027-01-01  due 2027-02-01  impact low  impact high  effort low  effort high }
`));
        expect(findings(doc, 'journey.duplicate-property').map((f) => f.text).sort()).toEqual([
            'target >= 2', 'actual 4', 'internal', 'severity medium',
            'status done', 'due 2027-02-01', 'impact high', 'effort high',
        ].sort());
        expect(findings(doc, 'journey.duplicate-property').find((f) => f.text === 'internal')?.message).toContain('a flag: once is enough');
    });

    it('stays quiet for the properties that may repeat', async () => {
        const doc = await validate(journey(`
  stage s {
    goal "one"  goal "two"
    touchpoint a { owner cs  for ent  next b  next c }
    touchpoint b { owner cs  for ent  next c }
    touchpoint c { owner cs  for ent }
    painpoint p { at a  at b  severity low  evidence "x"  evidence "y"  for ent }
    metric m1 { target 1 actual 1 }
    metric m2 { target 1 actual 1 }
  }
  review r on 2026-10-01 {
    change c1 { improves s "a"  improves s "b"  worsens s }
    change c2
  }
`));
        expect(findings(doc, 'journey.duplicate-property')).toEqual([]);
    });
});

describe('emotion out of range (journey.emotion-out-of-range)', () => {
    it('is an error on a value above +2, pointing at the value', async () => {
        const doc = await validate(touchpoint('emotion 3'));
        expect(findings(doc, 'journey.emotion-out-of-range')).toEqual([{
            code: 'journey.emotion-out-of-range',
            severity: 'error',
            text: '3',
            message: 'Emotion 3 is out of range: expected a whole number from -2 to +2',
        }]);
    });

    it('is an error below -2 and for a fraction', async () => {
        expect(findings(await validate(touchpoint('emotion -3')), 'journey.emotion-out-of-range').map((f) => f.text)).toEqual(['-3']);
        const fraction = findings(await validate(touchpoint('emotion 1.5')), 'journey.emotion-out-of-range');
        expect(fraction.map((f) => [f.text, f.message])).toEqual([['1.5', 'Emotion 1.5 is not a whole number: expected a whole number from -2 to +2']]);
    });

    it('accepts every whole number from -2 to +2', async () => {
        for (const emotion of ['-2', '-1', '0', '+1', '1', '+2']) {
            expect(findings(await validate(touchpoint(`emotion ${emotion}`)), 'journey.emotion-out-of-range')).toEqual([]);
        }
    });
});

describe('impossible dates (journey.invalid-date)', () => {
    it('is an error on `reviewed 2026-02-30`', async () => {
        const doc = await validate(journey('stage s { touchpoint t { owner cs  for ent } }').replace('reviewed 2026-11-01', 'reviewed 2026-02-30'));
        expect(findings(doc, 'journey.invalid-date')).toEqual([{
            code: 'journey.invalid-date',
            severity: 'error',
            text: '2026-02-30',
            message: 'Date 2026-02-30 does not exist: February 2026 has days 01 to 28',
        }]);
    });

    it('is an error on a due date with month 13 and a review on 2025-02-29', async () => {
        const doc = await validate(journey(`stage s { touchpoint t { owner cs  for ent } }
  initiative i { owner cs  due 2027-13-01 }
  review r on 2025-02-29`));
        expect(findings(doc, 'journey.invalid-date').map((f) => [f.text, f.message])).toEqual([
            ['2027-13-01', 'Date 2027-13-01 does not exist: the month must be from 01 to 12'],
            ['2025-02-29', 'Date 2025-02-29 does not exist: February 2025 has days 01 to 28'],
        ]);
    });

    it('accepts real dates, including 29 February of a leap year', async () => {
        const doc = await validate(journey(`stage s { touchpoint t { owner cs  for ent } }
  initiative i { owner cs  due 2028-02-29 }
  review r on 2024-02-29
  review r2 on 2026-12-31`));
        expect(findings(doc, 'journey.invalid-date')).toEqual([]);
    });

    it('does not also call an impossible date stale or past due', async () => {
        const doc = await validate(journey(`stage s { touchpoint t { owner cs  for ent } }
  initiative i { owner cs  due 2020-02-30 }`).replace('reviewed 2026-11-01', 'reviewed 2020-02-30'));
        expect(findings(doc).map((f) => f.code)).toEqual(['journey.invalid-date', 'journey.invalid-date']);
    });
});
