/**
 * Which initiative to do first: the order the agenda, the health report and
 * the priorities matrix share. Impact against effort first (high impact for
 * low effort leads), then the severity of the worst pain point it addresses,
 * then the earliest due date, then document order. Closed initiatives (done,
 * dropped) come after every open one.
 *
 * An initiative without an impact or effort estimate sorts as if its impact
 * were low and its effort high: an estimate is what earns it a place.
 */
import type { Initiative, Journey, Level, Severity } from '../types.js';
import { isClosed } from './due-dates.js';

const LEVEL_RANK: Record<Level, number> = { low: 1, medium: 2, high: 3 };
export const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/** The quadrant of the impact × effort matrix an initiative falls in. */
export type Quadrant = 'quick-win' | 'major-project' | 'fill-in' | 'thankless' | 'not-rated';

export interface RankedInitiative {
    initiative: Initiative;
    /** 1-based position in the priority order. */
    rank: number;
    quadrant: Quadrant;
    /** The most severe pain point it addresses, if any has a severity. */
    worstSeverity?: Severity;
    open: boolean;
}

/**
 * Quick win: low effort for medium or high impact. Major project: high impact
 * that takes more. Fill-in: low impact, low or medium effort. Thankless: high
 * effort for less than high impact.
 */
export function quadrantOf(impact: Level | undefined, effort: Level | undefined): Quadrant {
    if (impact === undefined || effort === undefined) return 'not-rated';
    if (effort === 'low') return impact === 'low' ? 'fill-in' : 'quick-win';
    if (impact === 'high') return 'major-project';
    if (effort === 'high') return 'thankless';
    return impact === 'low' ? 'fill-in' : 'thankless';
}

/** The most severe of the pain points an initiative addresses. */
export function worstSeverity(initiative: Initiative, journey: Pick<Journey, 'painPoints'>): Severity | undefined {
    let worst: Severity | undefined;
    for (const name of initiative.addresses) {
        const severity = journey.painPoints.find((painPoint) => painPoint.name === name)?.severity;
        if (severity !== undefined && (worst === undefined || SEVERITY_RANK[severity] > SEVERITY_RANK[worst])) {
            worst = severity;
        }
    }
    return worst;
}

/** Impact minus effort, with a missing estimate counted as the worst case. */
function value(initiative: Initiative): number {
    return (initiative.impact ? LEVEL_RANK[initiative.impact] : 1) - (initiative.effort ? LEVEL_RANK[initiative.effort] : 3);
}

/** The journey's initiatives, every one of them, in priority order. */
export function prioritizeInitiatives(journey: Pick<Journey, 'initiatives' | 'painPoints'>): RankedInitiative[] {
    const entries = journey.initiatives.map((initiative, index) => ({
        initiative,
        index,
        open: !isClosed(initiative.status),
        worstSeverity: worstSeverity(initiative, journey),
    }));
    entries.sort((a, b) =>
        Number(b.open) - Number(a.open)
        || value(b.initiative) - value(a.initiative)
        || (b.initiative.impact ? LEVEL_RANK[b.initiative.impact] : 0) - (a.initiative.impact ? LEVEL_RANK[a.initiative.impact] : 0)
        || (b.worstSeverity ? SEVERITY_RANK[b.worstSeverity] : 0) - (a.worstSeverity ? SEVERITY_RANK[a.worstSeverity] : 0)
        || compareDue(a.initiative.due, b.initiative.due)
        || a.index - b.index);
    return entries.map((entry, index) => ({
        initiative: entry.initiative,
        rank: index + 1,
        quadrant: quadrantOf(entry.initiative.impact, entry.initiative.effort),
        worstSeverity: entry.worstSeverity,
        open: entry.open,
    }));
}

/** Earlier first; no date last. ISO dates compare as strings. */
function compareDue(a: string | undefined, b: string | undefined): number {
    if (a === b) return 0;
    if (a === undefined) return 1;
    if (b === undefined) return -1;
    return a < b ? -1 : 1;
}
