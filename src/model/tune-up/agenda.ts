/**
 * The tune-up agenda of a journey (LANGUAGE.md, "Views"): for each stage the
 * changes since the last review, its pain points with the initiatives on them,
 * and its metrics off target; then the decisions the meeting has to take.
 * Deterministic: the day is given, never read from a clock.
 */
import type { ModelChange } from '../diff/changes.js';
import type { Comparator, Journey, Metric, Review } from '../types.js';
import type {
    AgendaChange, AgendaInitiative, AgendaMetric, AgendaPainPoint, AgendaTextChange, JourneyAgenda, PainPointCoverage, StageAgenda,
} from './agenda-types.js';
import { agendaDecisions } from './decisions.js';
import { daysUntilDue, dueState, isClosed } from './due-dates.js';
import { prioritizeInitiatives, SEVERITY_RANK } from './priorities.js';
import { reviewAge } from '../derived-facts.js';
import { quantityText, recentHistory } from '../metric-values.js';

export interface AgendaOptions {
    /** ISO date the agenda is drawn up on. */
    today: string;
    /** Count changes from this ISO date; default: the journey's last review. */
    since?: string;
    /** What `journey diff` found between the map at `since` and now; absent outside a git repository. */
    textChanges?: readonly ModelChange[];
}

export function journeyAgenda(journey: Journey, options: AgendaOptions): JourneyAgenda {
    const since = options.since ?? journey.lastReviewed;
    const initiatives = agendaInitiatives(journey, options.today);
    const painPoints = agendaPainPoints(journey, initiatives);
    const changes = recordedChanges(journey.reviews, since);
    const textChanges = (options.textChanges ?? []).filter((change) => change.journey === journey.name);
    const stageNames = new Set(journey.stages.map((stage) => stage.name));
    const owner = journey.owner === undefined ? undefined : teamOf(journey, journey.owner);
    const { reviewAgeDays, stale } = reviewAge(journey.lastReviewed, options.today, journey.staleAfterDays);
    const agenda: Omit<JourneyAgenda, 'decisions'> = {
        journey: { name: journey.name, title: journey.title, ...(owner ? { owner } : {}) },
        today: options.today,
        lastReviewed: journey.lastReviewed,
        reviewAgeDays,
        stale,
        since,
        changes: changes.filter((entry) => entry.stage === undefined).map((entry) => entry.change),
        textChanges: textChanges.filter((change) => change.stage === undefined || !stageNames.has(change.stage)).map(textChange),
        textCompared: options.textChanges !== undefined,
        stages: journey.stages.map((stage): StageAgenda => {
            const ownPainPoints = painPoints.filter((painPoint) => stage.painPoints.includes(painPoint.name));
            const addressing = new Set(ownPainPoints.flatMap((painPoint) => painPoint.initiatives));
            return {
                name: stage.name,
                title: stage.title,
                netEmotion: stage.netEmotion,
                changes: changes.filter((entry) => entry.stage === stage.name).map((entry) => entry.change),
                textChanges: textChanges.filter((change) => change.stage === stage.name).map(textChange),
                painPoints: ownPainPoints,
                initiatives: initiatives.filter((initiative) => addressing.has(initiative.name)),
                metricsOffTarget: metricsOffTarget(journey.metrics.filter((metric) => metric.stage === stage.name)),
            };
        }),
        metricsOffTarget: metricsOffTarget(journey.metrics.filter((metric) => metric.stage === undefined)),
        initiatives,
    };
    return { ...agenda, decisions: agendaDecisions(agenda, journey) };
}

/**
 * The changes recorded in reviews held on or after `since` (every review when
 * there is no date to count from; an undated review only then): one entry per
 * stage a change moves, and one without a stage for a change that names none.
 */
function recordedChanges(reviews: readonly Review[], since: string | undefined): { stage?: string; change: AgendaChange }[] {
    const counted = reviews.filter((review) => since === undefined || (review.date !== undefined && review.date >= since));
    return counted.flatMap((review) => {
        const reviewRef = { name: review.name, title: review.title, ...(review.date ? { date: review.date } : {}) };
        return review.changes.flatMap((change) => {
            const changeRef = { name: change.name, title: change.title };
            if (change.effects.length === 0) return [{ change: { review: reviewRef, change: changeRef } }];
            return change.effects.map((effect) => ({
                stage: effect.stage,
                change: { review: reviewRef, change: changeRef, direction: effect.direction, ...(effect.note ? { note: effect.note } : {}) },
            }));
        });
    });
}

function textChange(change: ModelChange): AgendaTextChange {
    return { code: change.code, level: change.level, message: change.message };
}

function teamOf(journey: Journey, name: string): { name: string; title: string } {
    return { name, title: journey.teams.find((team) => team.name === name)?.title ?? name };
}

function agendaInitiatives(journey: Journey, today: string): AgendaInitiative[] {
    return prioritizeInitiatives(journey).map(({ initiative, rank, quadrant }) => ({
        name: initiative.name,
        title: initiative.title,
        ...(initiative.owner ? { owner: teamOf(journey, initiative.owner) } : {}),
        status: initiative.status,
        due: initiative.due,
        dueState: dueState(initiative, today),
        daysUntilDue: daysUntilDue(initiative, today),
        impact: initiative.impact,
        effort: initiative.effort,
        quadrant,
        rank,
        addresses: initiative.addresses,
    }));
}

/** Unaddressed first, then the most severe, then document order. */
function agendaPainPoints(journey: Journey, initiatives: readonly AgendaInitiative[]): AgendaPainPoint[] {
    const entries = journey.painPoints.map((painPoint, index): AgendaPainPoint & { index: number } => {
        const onIt = initiatives.filter((initiative) => initiative.addresses.includes(painPoint.name));
        return {
            index,
            name: painPoint.name,
            title: painPoint.title,
            severity: painPoint.severity,
            unaddressed: painPoint.unaddressed,
            coverage: coverage(onIt),
            internal: painPoint.internal,
            evidence: painPoint.evidence.length,
            initiatives: onIt.map((initiative) => initiative.name),
        };
    });
    entries.sort((a, b) =>
        Number(b.unaddressed) - Number(a.unaddressed)
        || (b.severity ? SEVERITY_RANK[b.severity] : 0) - (a.severity ? SEVERITY_RANK[a.severity] : 0)
        || a.index - b.index);
    return entries.map(({ index: _index, ...painPoint }) => painPoint);
}

function coverage(initiatives: readonly AgendaInitiative[]): PainPointCoverage {
    if (initiatives.length === 0) return 'none';
    return initiatives.every((initiative) => isClosed(initiative.status)) ? 'only-closed' : 'open';
}

/** As the map writes a target (`≥ 92%`), not as the language does (`>= 92%`). */
const COMPARATOR_SIGNS: Record<Comparator, string> = { '>=': '\u2265', '<=': '\u2264' };

function metricsOffTarget(metrics: readonly Metric[]): AgendaMetric[] {
    return metrics.filter((metric) => metric.status === 'missed').map((metric) => ({
        name: metric.name,
        title: metric.title,
        target: metric.target ? `${COMPARATOR_SIGNS[metric.target.comparator]} ${quantityText(metric.target, metric.unit)}` : '',
        actual: metric.actual ? quantityText(metric.actual, metric.unit) : '',
        earlier: recentHistory(metric).map((past) => quantityText(past, undefined)),
    }));
}
