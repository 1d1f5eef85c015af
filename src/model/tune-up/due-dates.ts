/**
 * Where an initiative stands against its due date on a given day: what the
 * tune-up agenda calls out and the health row counts.
 */
import { daysBetween } from '../dates.js';
import { isPastDue } from '../derived-facts.js';
import type { Initiative, InitiativeStatus } from '../types.js';

/** An initiative due within this many days is called out in the agenda. */
export const DUE_SOON_DAYS = 30;

export type DueState = 'past-due' | 'due-soon' | 'later' | 'no-date' | 'closed';

/** Done and dropped initiatives are closed: no due date, owner or priority is asked of them. */
export function isClosed(status: InitiativeStatus | undefined): boolean {
    return status === 'done' || status === 'dropped';
}

export function dueState(initiative: Pick<Initiative, 'due' | 'status'>, today: string): DueState {
    if (isClosed(initiative.status)) return 'closed';
    if (initiative.due === undefined) return 'no-date';
    if (isPastDue(initiative.due, initiative.status, today)) return 'past-due';
    const daysLeft = daysBetween(today, initiative.due);
    return daysLeft !== undefined && daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'later';
}

/** Days from today to the due date (negative when past); undefined without a date. */
export function daysUntilDue(initiative: Pick<Initiative, 'due'>, today: string): number | undefined {
    return initiative.due === undefined ? undefined : daysBetween(today, initiative.due);
}
