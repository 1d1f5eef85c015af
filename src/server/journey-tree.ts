/**
 * A journey as the editor's Journeys view shows it: stages with their
 * touchpoints, pain points and the initiatives on those pain points (in
 * priority order); initiatives that address nothing hang under the journey.
 * Badges say what needs attention; the health summary is the status bar's.
 */
import { dueState } from '../model/tune-up/due-dates.js';
import { healthSummary, journeyHealth } from '../model/tune-up/health.js';
import { prioritizeInitiatives } from '../model/tune-up/priorities.js';
import { groupBy } from '../model/group-by.js';
import type { Initiative, Journey, PainPoint, Touchpoint } from '../model/types.js';
import type { JourneyBadge, JourneyNode, JourneySummary } from '../protocol/tune-up-requests.js';

export function journeyTree(journey: Journey, today: string): JourneySummary {
    const health = journeyHealth(journey, today);
    const ranked = prioritizeInitiatives(journey).map((entry) => entry.initiative);
    const initiativeNodes = new Map(ranked.map((initiative) => [initiative.name, initiativeNode(initiative, today)]));
    // Grouped by stage once: the status bar asks after every keystroke, and a big map has 500 stages.
    const touchpointsOf = groupBy(journey.touchpoints, (touchpoint) => [touchpoint.stage]);
    const painPointsOf = groupBy(journey.painPoints, (painPoint) => [painPoint.stage]);
    const painPointsNamed = groupBy(journey.painPoints, (painPoint) => [painPoint.name]);
    // In priority order, once under each stage whose pain points they address.
    const addressingIn = groupBy(ranked, (initiative) => initiative.addresses.flatMap((name) => (painPointsNamed.get(name) ?? []).map((painPoint) => painPoint.stage)));
    const stages = journey.stages.map((stage): JourneyNode => {
        const children = [
            ...(touchpointsOf.get(stage.name) ?? []).map(touchpointNode),
            ...(painPointsOf.get(stage.name) ?? []).map(painPointNode),
            ...(addressingIn.get(stage.name) ?? []).map((initiative) => initiativeNodes.get(initiative.name)!),
        ];
        return {
            kind: 'stage', name: stage.name, title: stage.title,
            detail: `net emotion ${stage.netEmotion > 0 ? '+' : ''}${stage.netEmotion}`,
            badges: uniqueBadges(children.flatMap((child) => child.badges)),
            ...(stage.source ? { source: stage.source } : {}),
            children,
        };
    });
    const unattached = ranked.filter((initiative) => initiative.addresses.length === 0).map((initiative) => initiativeNode(initiative, today));
    const badges: JourneyBadge[] = [
        ...(health.lastReviewed === undefined ? ['never-reviewed' as const] : health.stale ? ['stale' as const] : []),
        ...(health.pastDue > 0 ? ['past-due' as const] : []),
        ...(health.unaddressed > 0 ? ['unaddressed' as const] : []),
    ];
    return {
        kind: 'journey', name: journey.name, title: journey.title,
        detail: health.lastReviewed === undefined ? 'never reviewed' : `reviewed ${health.lastReviewed}`,
        badges,
        ...(journey.source ? { source: journey.source } : {}),
        children: [...stages, ...unattached],
        summary: healthSummary(health),
    };
}

function touchpointNode(touchpoint: Touchpoint): JourneyNode {
    const emotion = touchpoint.emotion === undefined ? undefined : `emotion ${touchpoint.emotion > 0 ? '+' : ''}${touchpoint.emotion}`;
    return {
        kind: 'touchpoint', name: touchpoint.name, title: touchpoint.title, badges: [],
        ...(emotion ? { detail: emotion } : {}),
        ...(touchpoint.source ? { source: touchpoint.source } : {}),
        children: [],
    };
}

function painPointNode(painPoint: PainPoint): JourneyNode {
    return {
        kind: 'painpoint', name: painPoint.name, title: painPoint.title,
        detail: painPoint.severity ?? 'no severity',
        badges: painPoint.unaddressed ? ['unaddressed'] : [],
        ...(painPoint.source ? { source: painPoint.source } : {}),
        children: [],
    };
}

function initiativeNode(initiative: Initiative, today: string): JourneyNode {
    const state = dueState(initiative, today);
    const due = initiative.due ? `, due ${initiative.due}` : '';
    return {
        kind: 'initiative', name: initiative.name, title: initiative.title,
        detail: `${initiative.status ?? 'no status'}${due}`,
        badges: state === 'past-due' ? ['past-due'] : state === 'due-soon' ? ['due-soon'] : [],
        ...(initiative.source ? { source: initiative.source } : {}),
        children: [],
    };
}

function uniqueBadges(badges: readonly JourneyBadge[]): JourneyBadge[] {
    return [...new Set(badges)];
}
