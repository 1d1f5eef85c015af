import { describe, expect, it } from 'vitest';
import { TODAY, createTestServices, validate } from '../../helpers/services.js';
import { findings } from '../../helpers/diagnostics.js';

/** A journey that breaks no rule unless the body does. */
function journey(body: string, header = 'reviewed 2026-11-01'): string {
    return `team cs
segment ent
journey j {
  owner cs
  ${header}
  ${body}
}`;
}

/** Touchpoints that break no rule on their own. */
const tp = (name: string, props = '') => `touchpoint ${name} { owner cs  for ent  ${props} }`;

describe('duplicate names inside a journey (journey.duplicate-name)', () => {
    it('is an error on both declarations of a touchpoint', async () => {
        const doc = await validate(journey(`stage a { ${tp('sso')} }  stage b { ${tp('sso')} }`));
        const duplicates = findings(doc, 'journey.duplicate-name');
        expect(duplicates).toHaveLength(2);
        for (const finding of duplicates) {
            expect(finding).toEqual({
                code: 'journey.duplicate-name',
                severity: 'error',
                text: 'sso',
                message: "Touchpoint 'sso' is declared twice in journey 'j'; names inside a journey must be unique",
            });
        }
    });

    it('is an error when a stage and a touchpoint share a name', async () => {
        const doc = await validate(journey(`stage onboarding { ${tp('onboarding')} }`));
        expect(findings(doc, 'journey.duplicate-name').map((f) => f.message)).toEqual([
            "The name 'onboarding' is declared twice in journey 'j' (stage, touchpoint); names inside a journey must be unique",
            "The name 'onboarding' is declared twice in journey 'j' (stage, touchpoint); names inside a journey must be unique",
        ]);
    });

    it('covers metrics, pain points, initiatives, reviews and changes', async () => {
        const doc = await validate(journey(`metric m { target 1 actual 1 }
  stage s { ${tp('t')}  metric m { target 1 actual 1 }  painpoint p { at t severity low }  painpoint p { at t severity low } }
  initiative i { owner cs }  initiative i { owner cs }
  review r on 2026-10-01 { change c  change c }
  review r on 2026-10-02`));
        const names = findings(doc, 'journey.duplicate-name').map((f) => f.text);
        expect(names.sort()).toEqual(['c', 'c', 'i', 'i', 'm', 'm', 'p', 'p', 'r', 'r']);
    });

    it('stays quiet for the same name in two journeys', async () => {
        const doc = await validate(`${journey(`stage s { ${tp('t')} }`)}
journey k { owner cs  reviewed 2026-11-01  stage s { ${tp('t')} } }`);
        expect(findings(doc, 'journey.duplicate-name')).toEqual([]);
    });
});

describe('duplicate top-level names in one file (journey.duplicate-name)', () => {
    it('is an error on both teams, naming the other place', async () => {
        const doc = await validate(`team cs "Customer Success"\nteam cs "Customer Support"\n${journey(`stage s { ${tp('t')} }`)}`);
        expect(findings(doc, 'journey.duplicate-name')).toEqual([
            { code: 'journey.duplicate-name', severity: 'error', text: 'cs', message: "Team 'cs' is declared 3 times in the workspace (also at line 2 and line 3); a team name must be unique across all .journey files" },
            { code: 'journey.duplicate-name', severity: 'error', text: 'cs', message: "Team 'cs' is declared 3 times in the workspace (also at line 1 and line 3); a team name must be unique across all .journey files" },
            { code: 'journey.duplicate-name', severity: 'error', text: 'cs', message: "Team 'cs' is declared 3 times in the workspace (also at line 1 and line 2); a team name must be unique across all .journey files" },
        ]);
    });

    it('treats teams, segments and journeys as separate kinds of name', async () => {
        const doc = await validate(`segment cs\n${journey(`stage s { ${tp('t', 'for cs')} }`)}\njourney cs { owner cs  reviewed 2026-11-01  stage s { ${tp('t')} } }`);
        expect(findings(doc, 'journey.duplicate-name')).toEqual([]);
    });

    it('is an error on two journeys of the same name', async () => {
        const doc = await validate(`${journey(`stage s { ${tp('t')} }`)}\njourney j { owner cs  reviewed 2026-11-01  stage s { ${tp('t')} } }`);
        expect(findings(doc, 'journey.duplicate-name').map((f) => [f.text, f.message])).toEqual([
            ['j', "Journey 'j' is declared twice in the workspace (also at line 8); a journey name must be unique across all .journey files"],
            ['j', "Journey 'j' is declared twice in the workspace (also at line 3); a journey name must be unique across all .journey files"],
        ]);
    });
});

describe('`next` to itself (journey.self-next)', () => {
    it('is an error on the reference', async () => {
        const doc = await validate(journey(`stage s { ${tp('a', 'next b, a')}  ${tp('b')} }`));
        expect(findings(doc, 'journey.self-next')).toEqual([{
            code: 'journey.self-next',
            severity: 'error',
            text: 'a',
            message: "Touchpoint 'a' names itself in `next`: `next` names the touchpoints that follow this one",
        }]);
    });

    it('stays quiet for `next` to another touchpoint', async () => {
        const doc = await validate(journey(`stage s { ${tp('a', 'next b')}  ${tp('b')} }`));
        expect(findings(doc)).toEqual([]);
    });
});

describe('a `next` loop no path leaves (journey.closed-loop)', () => {
    it('is a warning on the first touchpoint of the loop, naming every member', async () => {
        const doc = await validate(journey(`stage s { ${tp('start', 'next support')} }
  stage t { ${tp('support', 'next product')}  ${tp('product', 'next qa')}  ${tp('qa', 'next support')} }`));
        expect(findings(doc, 'journey.closed-loop')).toEqual([{
            code: 'journey.closed-loop',
            severity: 'warning',
            text: 'support',
            message: "Touchpoints 'support', 'product' and 'qa' form a `next` loop that no path leaves: add a `next` from one of them to a touchpoint outside the loop",
        }]);
    });

    it('stays quiet for a support ↔ product loop that a path leaves', async () => {
        const doc = await validate(journey(`stage s { ${tp('support', 'next product')}  ${tp('product', 'next support, renewal')}  ${tp('renewal')} }`));
        expect(findings(doc, 'journey.closed-loop')).toEqual([]);
    });

    it('stays quiet without any `next` (document order) and for a chain', async () => {
        expect(findings(await validate(journey(`stage s { ${tp('a')}  ${tp('b')} }`)), 'journey.closed-loop')).toEqual([]);
        expect(findings(await validate(journey(`stage s { ${tp('a', 'next b')}  ${tp('b', 'next c')}  ${tp('c')} }`)), 'journey.closed-loop')).toEqual([]);
    });
});

describe('a stage without touchpoints (journey.empty-stage)', () => {
    it('is a warning on the stage name, with or without a block', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')} }  stage later  stage goalsOnly { goal "Renew" }`));
        expect(findings(doc, 'journey.empty-stage')).toEqual([
            { code: 'journey.empty-stage', severity: 'warning', text: 'later', message: "Stage 'later' has no touchpoints: add the moments of contact of this stage, or remove it" },
            { code: 'journey.empty-stage', severity: 'warning', text: 'goalsOnly', message: "Stage 'goalsOnly' has no touchpoints: add the moments of contact of this stage, or remove it" },
        ]);
    });

    it('stays quiet for a stage with a touchpoint', async () => {
        expect(findings(await validate(journey(`stage s { ${tp('t')} }`)), 'journey.empty-stage')).toEqual([]);
    });
});

describe('pain points', () => {
    it('without severity: a warning on the name (journey.missing-severity)', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')}  painpoint slow "Slow setup" { at t } }`));
        expect(findings(doc, 'journey.missing-severity')).toEqual([{
            code: 'journey.missing-severity',
            severity: 'warning',
            text: 'slow',
            message: "Pain point 'slow' has no `severity`: add `severity` low, medium, high or critical",
        }]);
    });

    it('high or critical, addressed by no initiative: a warning on the severity (journey.unaddressed-pain-point)', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')}
    painpoint a { at t  severity high }
    painpoint b { at t  severity critical }
    painpoint c { at t  severity medium }
    painpoint d { at t  severity critical } }
  initiative fix { owner cs  addresses d }`));
        expect(findings(doc, 'journey.unaddressed-pain-point')).toEqual([
            { code: 'journey.unaddressed-pain-point', severity: 'warning', text: 'high', message: "Pain point 'a' is high severity and no initiative addresses it: add an initiative with `addresses a`" },
            { code: 'journey.unaddressed-pain-point', severity: 'warning', text: 'critical', message: "Pain point 'b' is critical severity and no initiative addresses it: add an initiative with `addresses b`" },
        ]);
        expect(findings(doc, 'journey.missing-severity')).toEqual([]);
    });

    it('stays quiet when an initiative anywhere in the journey addresses them', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')}  painpoint a { at t  severity high } }
  stage u { ${tp('u')}  painpoint b { at u  severity critical } }
  initiative one { owner cs  addresses b }
  initiative two { owner cs  addresses x, a }`));
        expect(findings(doc, 'journey.unaddressed-pain-point')).toEqual([]);
    });
});

describe('initiatives', () => {
    it('without owner: a warning on the name (journey.initiative-without-owner)', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')} }  initiative wizard "SSO wizard" { status planned }`));
        expect(findings(doc, 'journey.initiative-without-owner')).toEqual([{
            code: 'journey.initiative-without-owner',
            severity: 'warning',
            text: 'wizard',
            message: "Initiative 'wizard' has no `owner`: add `owner` with the team that drives it",
        }]);
    });

    it('past due and not done or dropped: a warning on the date (journey.past-due-initiative)', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')} }
  initiative a { owner cs  due 2026-11-22  status active }
  initiative b { owner cs  due 2026-01-31 }`));
        expect(findings(doc, 'journey.past-due-initiative')).toEqual([
            { code: 'journey.past-due-initiative', severity: 'warning', text: '2026-11-22', message: "Initiative 'a' was due on 2026-11-22 and is still active: set `status done` or `dropped`, or move `due` to a new date" },
            { code: 'journey.past-due-initiative', severity: 'warning', text: '2026-01-31', message: "Initiative 'b' was due on 2026-01-31 and is still planned: set `status done` or `dropped`, or move `due` to a new date" },
        ]);
    });

    it('stays quiet when done, dropped, due today or later, or without a due date', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')} }
  initiative a { owner cs  due 2026-01-31  status done }
  initiative b { owner cs  due 2026-01-31  status dropped }
  initiative c { owner cs  due ${TODAY} }
  initiative d { owner cs  due 2027-01-31  status active }
  initiative e { owner cs }`));
        expect(findings(doc)).toEqual([]);
    });

    it('depends on the injected clock, not on the machine date', async () => {
        const text = journey(`stage s { ${tp('t')} }  initiative a { owner cs  due 2026-12-01 }`, 'reviewed 2026-11-30');
        expect(findings(await validate(text, createTestServices('2026-12-02')), 'journey.past-due-initiative')).toHaveLength(1);
        expect(findings(await validate(text, createTestServices('2026-12-01')), 'journey.past-due-initiative')).toHaveLength(0);
    });
});

describe('review dates', () => {
    it('a stale map: a warning on `reviewed` after more than 90 days (journey.stale-review)', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')} }`, 'reviewed 2026-08-24'));
        expect(findings(doc, 'journey.stale-review')).toEqual([{
            code: 'journey.stale-review',
            severity: 'warning',
            text: '2026-08-24',
            message: "Journey 'j' was last reviewed on 2026-08-24, 91 days ago: a map not reviewed for 90 days is stale; hold a tune-up and update `reviewed`",
        }]);
    });

    it('stays quiet at exactly 90 days', async () => {
        expect(findings(await validate(journey(`stage s { ${tp('t')} }`, 'reviewed 2026-08-25')))).toEqual([]);
    });

    it('a map never reviewed: a warning on the journey name (journey.never-reviewed)', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')} }`, ''));
        expect(findings(doc)).toEqual([{
            code: 'journey.never-reviewed',
            severity: 'warning',
            text: 'j',
            message: "Journey 'j' has never been reviewed: after its next tune-up, add `reviewed` with the date (YYYY-MM-DD)",
        }]);
    });

    it('a recorded review counts as a review: the latest of `reviewed` and the reviews’ dates is the last review', async () => {
        const recent = journey(`stage s { ${tp('t')} }  review q3 "Q3 tune-up" on 2026-10-20 { change c }`, 'reviewed 2026-06-01');
        expect(findings(await validate(recent))).toEqual([]);
        const onlyReviews = journey(`stage s { ${tp('t')} }  review q2 on 2026-05-02  review q1 on 2026-02-01`, '');
        expect(findings(await validate(onlyReviews))).toEqual([{
            code: 'journey.stale-review',
            severity: 'warning',
            text: '2026-05-02',
            message: "Journey 'j' was last reviewed on 2026-05-02 (review 'q2'), 205 days ago: a map not reviewed for 90 days is stale; hold a tune-up and update `reviewed`",
        }]);
    });

    it('a review date in the future: a warning on that date, and the map is not stale (journey.future-review-date)', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')} }  review q4 on 2027-01-15`, 'reviewed 2062-11-01'));
        expect(findings(doc)).toEqual([
            {
                code: 'journey.future-review-date',
                severity: 'warning',
                text: '2062-11-01',
                message: "Journey 'j' is marked reviewed on 2062-11-01, after today (2026-11-23): write the date the last tune-up was held",
            },
            {
                code: 'journey.future-review-date',
                severity: 'warning',
                text: '2027-01-15',
                message: "Review 'q4' is dated 2027-01-15, after today (2026-11-23): a review records a tune-up that was held — write its date, or add the review after the meeting",
            },
        ]);
    });

    it('an undated or misdated review is one error, not also "never reviewed"', async () => {
        const undated = await validate(journey(`stage s { ${tp('t')} }  review q3 "Q3 tune-up"`, ''));
        expect(findings(undated).map((finding) => finding.code)).toEqual(['journey.missing-review-date']);
        const misdated = await validate(journey(`stage s { ${tp('t')} }  review q3 on 2026-02-30`, ''));
        expect(findings(misdated).map((finding) => finding.code)).toEqual(['journey.invalid-date']);
    });

    it('a review without `on`: an error on the review name (journey.missing-review-date)', async () => {
        const doc = await validate(journey(`stage s { ${tp('t')} }  review q3 "Q3 tune-up" { change c }  review q2 on 2026-07-01`));
        expect(findings(doc)).toEqual([{
            code: 'journey.missing-review-date',
            severity: 'error',
            text: 'q3',
            message: "Review 'q3' has no date: add `on YYYY-MM-DD` after its title",
        }]);
    });
});

describe('a `for` list naming a segment twice (journey.duplicate-segment-in-list)', () => {
    it('is a warning on the second mention, also across two `for` lines', async () => {
        const doc = await validate(`segment mid\n${journey(`stage s {
    touchpoint t { owner cs  for ent, mid  for ent }
    painpoint p { at t  severity low  for mid, mid }
  }
  initiative i { owner cs  for ent, ent }`)}`);
        expect(findings(doc, 'journey.duplicate-segment-in-list').map((f) => [f.text, f.severity, f.message])).toEqual([
            ['ent', 'warning', "Segment 'ent' is named more than once in the `for` list of touchpoint 't'; once is enough"],
            ['mid', 'warning', "Segment 'mid' is named more than once in the `for` list of pain point 'p'; once is enough"],
            ['ent', 'warning', "Segment 'ent' is named more than once in the `for` list of initiative 'i'; once is enough"],
        ]);
        const text = doc.textDocument.getText();
        const [first] = doc.diagnostics!.filter((d) => d.code === 'journey.duplicate-segment-in-list');
        expect(doc.textDocument.offsetAt(first.range.start)).toBe(text.indexOf('for ent }') + 4);
    });

    it('stays quiet for different segments', async () => {
        const doc = await validate(`segment mid\n${journey(`stage s { touchpoint t { owner cs  for ent, mid } }`)}`);
        expect(findings(doc)).toEqual([]);
    });
});

describe('a segment no element uses (journey.unused-segment)', () => {
    it('is a warning on the segment name', async () => {
        const doc = await validate(`segment smb "Small business"\n${journey(`stage s { ${tp('t')} }`)}`);
        expect(findings(doc, 'journey.unused-segment')).toEqual([{
            code: 'journey.unused-segment',
            severity: 'warning',
            text: 'smb',
            message: "Segment 'smb' is not used: no journey, stage, touchpoint, pain point or initiative names it in `for`; use it in a `for` list or remove it",
        }]);
    });

    it('stays quiet when a pain point or an initiative uses it', async () => {
        const doc = await validate(`segment a\nsegment b\n${journey(`stage s { ${tp('t')}  painpoint p { at t severity low  for a } }  initiative i { owner cs  for b }`)}`);
        expect(findings(doc, 'journey.unused-segment')).toEqual([]);
    });
});

describe('a metric that misses its target (journey.metric-off-target)', () => {
    it('is information on the actual value, `>=` by default', async () => {
        const doc = await validate(journey(`metric nps "Net Promoter Score" { target 40  actual 31 }  stage s { ${tp('t')} }`));
        expect(findings(doc)).toEqual([{
            code: 'journey.metric-off-target',
            severity: 'info',
            text: '31',
            message: "Metric 'nps' misses its target: actual 31 is below the target of at least 40",
        }]);
    });

    it('reads `<=`, percentages and units', async () => {
        const doc = await validate(journey(`metric retention { target >= 95%  actual 91% }
  stage s { ${tp('t')}  metric ttv { target <= 14  actual 21  unit "days" } }`));
        expect(findings(doc, 'journey.metric-off-target').map((f) => [f.text, f.message])).toEqual([
            ['91%', "Metric 'retention' misses its target: actual 91% is below the target of at least 95%"],
            ['21', "Metric 'ttv' misses its target: actual 21 days is above the target of at most 14 days"],
        ]);
    });

    it('stays quiet when the target is met exactly, or when target or actual is missing', async () => {
        const doc = await validate(journey(`metric a { target >= 40  actual 40 }  metric b { target <= 14  actual 14 }
  metric c { target 10 }  metric d { actual 3 }  stage s { ${tp('t')} }`));
        expect(findings(doc)).toEqual([]);
    });
});

describe('a stage that feels worse than good (journey.negative-stage)', () => {
    it('is information on the stage name when emotions add up below zero', async () => {
        const doc = await validate(journey(`stage onboarding { ${tp('a', 'emotion +1')}  ${tp('b', 'emotion -2')}  ${tp('c')} }`));
        expect(findings(doc)).toEqual([{
            code: 'journey.negative-stage',
            severity: 'info',
            text: 'onboarding',
            message: "Stage 'onboarding' is a churn risk: its touchpoints' emotions add up to -1 (b -2, a +1), so customers leave it feeling worse than good; lift the lowest ones",
        }]);
    });

    it('names a touchpoint still without a name as such, not as undefined', async () => {
        const doc = await validate(journey(`stage onboarding { ${tp('a', 'emotion -2')}  touchpoint "Typed title" { emotion -1 } }`));
        expect(findings(doc, 'journey.negative-stage').map((finding) => finding.message)).toEqual([
            "Stage 'onboarding' is a churn risk: its touchpoints' emotions add up to -3 (a -2, (no name yet) -1), so customers leave it feeling worse than good; lift the lowest ones",
        ]);
    });

    it('stays quiet at zero and ignores out-of-range emotions', async () => {
        const doc = await validate(journey(`stage s { ${tp('a', 'emotion +2')}  ${tp('b', 'emotion -2')}  ${tp('c', 'emotion -9')} }`));
        expect(findings(doc).map((f) => f.code)).toEqual(['journey.emotion-out-of-range']);
    });
});
