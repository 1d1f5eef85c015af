/**
 * The closing list of the tune-up agenda: what the meeting has to decide.
 * Each decision is one line that says what is wrong and what to decide.
 */
import type { Journey } from '../types.js';
import type { Decision, JourneyAgenda } from './agenda-types.js';

type AgendaWithoutDecisions = Omit<JourneyAgenda, 'decisions'>;

/** Stale map first, then pain points (in agenda order), then initiatives (in priority order). */
export function agendaDecisions(agenda: AgendaWithoutDecisions, journey: Pick<Journey, 'title' | 'name' | 'staleAfterDays'>): Decision[] {
    return [...staleness(agenda, journey), ...painPointDecisions(agenda), ...initiativeDecisions(agenda)];
}

function staleness(agenda: AgendaWithoutDecisions, journey: Pick<Journey, 'title' | 'name' | 'staleAfterDays'>): Decision[] {
    const element = { kind: 'journey' as const, name: journey.name, title: journey.title };
    if (agenda.lastReviewed === undefined) {
        return [{ kind: 'never-reviewed', element, text: 'The map has never been reviewed: hold a tune-up and give the journey its reviewed date' }];
    }
    if (!agenda.stale) return [];
    return [{
        kind: 'stale',
        element,
        text: `The map was last reviewed ${agenda.lastReviewed}, ${agenda.reviewAgeDays} days ago (stale after ${journey.staleAfterDays}): hold the tune-up and update the journey's reviewed date`,
    }];
}

function painPointDecisions(agenda: AgendaWithoutDecisions): Decision[] {
    const painPoints = agenda.stages.flatMap((stage) => stage.painPoints);
    return painPoints.flatMap((painPoint): Decision[] => {
        const element = { kind: 'painpoint' as const, name: painPoint.name, title: painPoint.title };
        if (painPoint.unaddressed) {
            return [{ kind: 'unaddressed', element, text: `${capitalized(painPoint.severity)} pain point "${painPoint.title}" has no initiative: start one, or lower its severity` }];
        }
        const serious = painPoint.severity === 'high' || painPoint.severity === 'critical';
        if (serious && painPoint.coverage === 'only-closed') {
            return [{
                kind: 'only-closed',
                element,
                text: `${capitalized(painPoint.severity)} pain point "${painPoint.title}": every initiative on it is done or dropped; confirm it is solved (remove it or lower its severity) or start a new one`,
            }];
        }
        return [];
    });
}

function initiativeDecisions(agenda: AgendaWithoutDecisions): Decision[] {
    return agenda.initiatives.flatMap((initiative): Decision[] => {
        const element = { kind: 'initiative' as const, name: initiative.name, title: initiative.title };
        const decisions: Decision[] = [];
        if (initiative.dueState === 'past-due') {
            const late = -(initiative.daysUntilDue ?? 0);
            decisions.push({
                kind: 'past-due',
                element,
                text: `"${initiative.title}" was due ${initiative.due} (${late} ${late === 1 ? 'day' : 'days'} ago) and is ${initiative.status ?? 'without status'}: move the date, finish it or drop it`,
            });
        }
        if (initiative.dueState !== 'closed' && initiative.owner === undefined) {
            decisions.push({ kind: 'no-owner', element, text: `"${initiative.title}" has no owner: name the team that runs it` });
        }
        return decisions;
    });
}

function capitalized(word: string | undefined): string {
    return word === undefined ? '' : word.charAt(0).toUpperCase() + word.slice(1);
}
