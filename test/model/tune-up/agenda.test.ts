import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '../../../src/model/diff/diff-workspace.js';
import { journeyAgenda } from '../../../src/model/tune-up/agenda.js';
import type { JourneyAgenda } from '../../../src/model/tune-up/agenda-types.js';
import { journeyOf, modelOf } from '../../helpers/model.js';
import { loadExample, loadExampleWorkspace } from './examples.js';

const decisionTexts = (agenda: JourneyAgenda) => agenda.decisions.map((decision) => `${decision.kind} ${decision.element.name}`);

describe('the tune-up agenda of the support example', () => {
    it('counts changes from the last review: the Q3 tune-up, on the stages it moved', async () => {
        const agenda = journeyAgenda(await loadExample('support-heavy', 'support'), { today: '2026-11-23' });
        expect(agenda.since).toBe('2026-10-20');
        const changes = agenda.stages.map((stage) => [stage.name, stage.changes.map((entry) => `${entry.direction} ${entry.change.name}`)]);
        expect(changes).toEqual([
            ['selfHelp', []],
            ['contact', []],
            ['triage', ['improves apacPilot']],
            ['escalation', ['worsens payoutIncident']],
            ['productFix', ['worsens payoutIncident']],
            ['followUp', []],
        ]);
        expect(agenda.textCompared).toBe(false);
    });

    it('lists open pain points unaddressed first, then by severity, with the initiatives on them', async () => {
        const agenda = journeyAgenda(await loadExample('support-heavy', 'support'), { today: '2026-11-23' });
        const productFix = agenda.stages.find((stage) => stage.name === 'productFix')!;
        expect(productFix.painPoints.map((p) => [p.name, p.severity, p.coverage])).toEqual([
            ['bugLimbo', 'high', 'open'],
            ['fixesDoNotHold', 'high', 'open'],
        ]);
        expect(productFix.initiatives.map((i) => [i.name, i.dueState, i.daysUntilDue])).toEqual([['bugSla', 'past-due', -10]]);
        const selfHelp = agenda.stages.find((stage) => stage.name === 'selfHelp')!;
        expect(selfHelp.painPoints.map((p) => [p.name, p.coverage])).toEqual([['botLoops', 'only-closed'], ['staleArticles', 'open']]);
        expect(selfHelp.metricsOffTarget).toEqual([]);
        const triage = agenda.stages.find((stage) => stage.name === 'triage')!;
        expect(triage.metricsOffTarget).toEqual([{ name: 'frtP1', title: 'First response time, P1', target: '\u2264 1 hours', actual: '1.6 hours', earlier: [] }]);
        expect(agenda.metricsOffTarget.map((metric) => metric.name)).toEqual(['csat', 'reopenRate', 'backlog']);
    });

    it('closes with the decisions: a high pain point whose initiatives are all closed, the past-due initiative', async () => {
        const agenda = journeyAgenda(await loadExample('support-heavy', 'support'), { today: '2026-11-23' });
        expect(decisionTexts(agenda)).toEqual(['only-closed botLoops', 'past-due bugSla']);
        expect(agenda.decisions[1].text).toBe('"Bug triage SLA between Support and Product" was due 2026-11-13 (10 days ago) and is active: move the date, finish it or drop it');
    });

    it('is the same agenda for the same day, and a later day moves the due dates and the staleness', async () => {
        const journey = await loadExample('support-heavy', 'support');
        expect(journeyAgenda(journey, { today: '2026-11-23' })).toEqual(journeyAgenda(journey, { today: '2026-11-23' }));
        const later = journeyAgenda(journey, { today: '2027-03-01' });
        expect(later.stale).toBe(true);
        expect(decisionTexts(later)).toEqual(['stale support', 'only-closed botLoops', 'past-due bugSla', 'past-due caseSummary', 'past-due articleOwners']);
    });
});

describe('stale around the 90-day line', () => {
    const source = 'journey j { owner t reviewed 2026-01-01 stage s { touchpoint x } } team t';
    it.each([
        ['2026-03-31', 89, false],
        ['2026-04-01', 90, false],
        ['2026-04-02', 91, true],
    ])('on %s the map is %i days old: stale %s', async (today, days, stale) => {
        const agenda = journeyAgenda(await journeyOf(source), { today });
        expect([agenda.reviewAgeDays, agenda.stale]).toEqual([days, stale]);
        expect(agenda.decisions.some((decision) => decision.kind === 'stale')).toBe(stale);
    });
});

describe('edge cases', () => {
    it('a journey with a recorded review and no `reviewed`: the review is its last review, and its changes count', async () => {
        const agenda = journeyAgenda(await journeyOf(`journey j { stage s { touchpoint t }
            review r on 2026-01-10 { change c { improves s "better" } } }`), { today: '2026-11-23' });
        expect([agenda.lastReviewed, agenda.since, agenda.stale]).toEqual(['2026-01-10', '2026-01-10', true]);
        expect(agenda.stages[0].changes.map((entry) => entry.note)).toEqual(['better']);
        expect(decisionTexts(agenda)).toEqual(['stale j']);
    });

    it('a journey never reviewed: the decision is to hold a first tune-up', async () => {
        const agenda = journeyAgenda(await journeyOf('journey j { stage s { touchpoint t } }'), { today: '2026-11-23' });
        expect(agenda.lastReviewed).toBeUndefined();
        expect(decisionTexts(agenda)).toEqual(['never-reviewed j']);
    });

    it('no reviews and no initiatives: an agenda with unaddressed pain points and nothing else to decide', async () => {
        const agenda = journeyAgenda(await journeyOf(`journey j { reviewed 2026-11-01 stage s { touchpoint t
            painpoint a { severity critical } painpoint b { severity low } painpoint c { severity high } } }`), { today: '2026-11-23' });
        expect(agenda.initiatives).toEqual([]);
        expect(agenda.stages[0].changes).toEqual([]);
        expect(agenda.stages[0].painPoints.map((p) => p.name)).toEqual(['a', 'c', 'b']);
        expect(decisionTexts(agenda)).toEqual(['unaddressed a', 'unaddressed c']);
        expect(agenda.decisions[0].text).toBe('Critical pain point "a" has no initiative: start one, or lower its severity');
    });

    it('everything done: no decisions, pain points covered only by closed initiatives are low enough to leave', async () => {
        const agenda = journeyAgenda(await journeyOf(`journey j { owner t reviewed 2026-11-01 stage s { touchpoint x painpoint p { severity medium } }
            initiative i { owner t addresses p due 2026-01-01 status done } } team t`), { today: '2026-11-23' });
        expect(agenda.initiatives.map((i) => i.dueState)).toEqual(['closed']);
        expect(agenda.decisions).toEqual([]);
    });

    it('calls out an initiative due within 30 days and one without owner', async () => {
        const agenda = journeyAgenda(await journeyOf(`journey j { reviewed 2026-11-01 stage s { touchpoint x }
            initiative soon { due 2026-12-23 status active } initiative far { due 2026-12-24 status planned } }`), { today: '2026-11-23' });
        expect(agenda.initiatives.map((i) => [i.name, i.dueState])).toEqual([['soon', 'due-soon'], ['far', 'later']]);
        expect(decisionTexts(agenda)).toEqual(['no-owner soon', 'no-owner far']);
    });

    it('--since picks earlier reviews; a change that moves no stage is listed for the journey', async () => {
        const journey = await loadExample('support-heavy', 'support');
        const agenda = journeyAgenda(journey, { today: '2026-11-23', since: '2026-07-01' });
        expect(agenda.changes.map((entry) => entry.change.name)).toEqual(['callbackDropped']);
        expect(agenda.stages[0].changes.map((entry) => entry.change.name)).toEqual(['botV2']);
    });

    it('a journey whose teams are declared in other files names their titles', async () => {
        const model = await loadExampleWorkspace('workspace');
        for (const journey of model.journeys) {
            const agenda = journeyAgenda(journey, { today: '2026-11-23' });
            expect(agenda.journey.owner?.title).not.toBe(agenda.journey.owner?.name);
            for (const initiative of agenda.initiatives.filter((entry) => entry.owner)) {
                expect(model.teams.map((team) => team.title)).toContain(initiative.owner!.title);
            }
        }
    });

    it('places the text changes since the last review on their stages', async () => {
        const before = `journey j { stage s { touchpoint a { emotion 0 } } stage u { touchpoint b } }`;
        const after = `journey j { stage s { touchpoint a { emotion -2 } } stage u { touchpoint b } stage v { touchpoint c } }`;
        const textChanges = diffWorkspaces(await modelOf(before), await modelOf(after)).changes;
        const agenda = journeyAgenda(await journeyOf(after), { today: '2026-11-23', textChanges });
        expect(agenda.textCompared).toBe(true);
        expect(agenda.stages[0].textChanges.map((change) => change.message)).toEqual(
            textChanges.filter((change) => change.stage === 's').map((change) => change.message));
        expect(agenda.stages[0].textChanges.length).toBeGreaterThan(0);
        expect(agenda.stages[2].textChanges.length + agenda.textChanges.length).toBeGreaterThan(0);
    });
});
