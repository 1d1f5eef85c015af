/**
 * The health row of a journey: the portfolio at a glance, one row per journey
 * in `journey status` and the editor's Journeys view. Deterministic: the day
 * is given, never read from a clock.
 */
import { reviewAge } from '../derived-facts.js';
import type { InitiativeStatus, Journey, Severity } from '../types.js';
import { dueState } from './due-dates.js';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export const INITIATIVE_STATUSES: readonly InitiativeStatus[] = ['planned', 'active', 'done', 'dropped'];

export interface JourneyHealth {
    name: string;
    title: string;
    /** Where the journey is declared (its URI), when known. */
    uri?: string;
    owner?: { name: string; title: string };
    lastReviewed?: string;
    reviewAgeDays?: number;
    /** Not reviewed within its project's staleness window (90 days by default), or never. */
    stale: boolean;
    /** The staleness window of the journey's project, in days. */
    staleAfterDays: number;
    touchpoints: number;
    netEmotion: number;
    /** Pain points by severity; `unrated` for those without one. */
    painPoints: Record<Severity | 'unrated', number> & { total: number };
    /** High or critical pain points no initiative addresses. */
    unaddressed: number;
    /** Initiatives by status; `none` for those without one. */
    initiatives: Record<InitiativeStatus | 'none', number> & { total: number };
    pastDue: number;
    dueSoon: number;
    metrics: { met: number; missed: number; unknown: number };
    /** Pain points with at least one piece of evidence, and their share (absent without pain points). */
    evidence: { withEvidence: number; share?: number };
}

export function journeyHealth(journey: Journey, today: string): JourneyHealth {
    const owner = journey.owner;
    const { reviewAgeDays, stale } = reviewAge(journey.lastReviewed, today, journey.staleAfterDays);
    const painPoints = { critical: 0, high: 0, medium: 0, low: 0, unrated: 0, total: journey.painPoints.length };
    for (const painPoint of journey.painPoints) painPoints[painPoint.severity ?? 'unrated']++;
    const initiatives = { planned: 0, active: 0, done: 0, dropped: 0, none: 0, total: journey.initiatives.length };
    for (const initiative of journey.initiatives) initiatives[initiative.status ?? 'none']++;
    const states = journey.initiatives.map((initiative) => dueState(initiative, today));
    const withEvidence = journey.painPoints.filter((painPoint) => painPoint.evidence.length > 0).length;
    return {
        name: journey.name,
        title: journey.title,
        ...(journey.source ? { uri: journey.source.uri } : {}),
        ...(owner ? { owner: { name: owner, title: journey.teams.find((team) => team.name === owner)?.title ?? owner } } : {}),
        ...(journey.lastReviewed ? { lastReviewed: journey.lastReviewed } : {}),
        ...(reviewAgeDays === undefined ? {} : { reviewAgeDays }),
        stale,
        staleAfterDays: journey.staleAfterDays,
        touchpoints: journey.touchpoints.length,
        netEmotion: journey.stages.reduce((sum, stage) => sum + stage.netEmotion, 0),
        painPoints,
        unaddressed: journey.painPoints.filter((painPoint) => painPoint.unaddressed).length,
        initiatives,
        pastDue: states.filter((state) => state === 'past-due').length,
        dueSoon: states.filter((state) => state === 'due-soon').length,
        metrics: {
            met: journey.metrics.filter((metric) => metric.status === 'met').length,
            missed: journey.metrics.filter((metric) => metric.status === 'missed').length,
            unknown: journey.metrics.filter((metric) => metric.status === 'no-target' || metric.status === 'no-actual').length,
        },
        evidence: {
            withEvidence,
            ...(journey.painPoints.length > 0 ? { share: withEvidence / journey.painPoints.length } : {}),
        },
    };
}

/** A one-line summary for the editor's status bar: "Map reviewed 47 days ago · 1 past due". */
export function healthSummary(health: JourneyHealth): string {
    const review = health.reviewAgeDays === undefined
        ? 'Map never reviewed'
        : `Map reviewed ${ageText(health.reviewAgeDays)}${health.stale ? ' (stale)' : ''}`;
    const extras = [
        health.pastDue > 0 ? `${health.pastDue} past due` : '',
        health.unaddressed > 0 ? `${health.unaddressed} unaddressed` : '',
    ].filter((part) => part !== '');
    return [review, ...extras].join(' · ');
}

function ageText(days: number): string {
    if (days === 0) return 'today';
    if (days === 1) return 'yesterday';
    if (days < 0) return `${-days} days from now`;
    return `${days} days ago`;
}
