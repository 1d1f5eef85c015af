/**
 * The change list grouped as a reviewer reads it: teams and segments first,
 * then journey by journey, and within a journey its own changes, then stage by
 * stage, then the journey-level metrics, initiatives and reviews. The differ
 * already orders the changes so; this only cuts them into groups.
 */
import type { JourneyDiff, ModelChange, WorkspaceDiff } from '../../model/diff/changes.js';

export interface StageGroup {
    /** The stage's name, or undefined for the journey's own and journey-level changes. */
    stage?: string;
    title?: string;
    changes: ModelChange[];
}

export interface JourneyGroup {
    journey: JourneyDiff;
    groups: StageGroup[];
    warnings: number;
    count: number;
}

export interface GroupedDiff {
    /** Team and segment changes. */
    shared: ModelChange[];
    journeys: JourneyGroup[];
}

export function groupChanges(diff: WorkspaceDiff): GroupedDiff {
    const shared = diff.changes.filter((change) => change.journey === undefined);
    const journeys = diff.journeys
        .map((journey) => {
            const changes = diff.changes.filter((change) => change.journey === journey.name);
            return { journey, groups: stageGroups(journey, changes), warnings: changes.filter((c) => c.level === 'warning').length, count: changes.length };
        })
        .filter((group) => group.count > 0);
    return { shared, journeys };
}

function stageGroups(journey: JourneyDiff, changes: readonly ModelChange[]): StageGroup[] {
    const groups: StageGroup[] = [];
    for (const change of changes) {
        const stage = change.element.kind === 'stage' ? change.element.name : change.stage;
        const last = groups.at(-1);
        if (last && last.stage === stage) {
            last.changes.push(change);
        } else {
            const title = journey.stageEmotions.find((entry) => entry.stage === stage)?.title;
            groups.push({ stage, title, changes: [change] });
        }
    }
    return groups;
}

/** "3 changes in 2 journeys (1 warning)", "4 changes: 3 in 1 journey, 1 to teams and segments". */
export function changeSummary(diff: WorkspaceDiff): string {
    const inJourneys = diff.changes.filter((change) => change.journey !== undefined);
    const shared = diff.changes.length - inJourneys.length;
    const journeys = new Set(inJourneys.map((change) => change.journey)).size;
    const warnings = diff.changes.filter((change) => change.level === 'warning').length;
    const where = shared === 0 ? ` in ${plural(journeys, 'journey')}`
        : journeys === 0 ? ' to teams and segments'
        : `: ${inJourneys.length} in ${plural(journeys, 'journey')}, ${shared} to teams and segments`;
    return `${plural(diff.changes.length, 'change')}${where}${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}`;
}

export function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The mark in front of a change: added, removed, renamed or moved, a warning, or changed. */
export function changeMark(change: ModelChange): string {
    if (change.level === 'warning') return '!';
    switch (change.code) {
        case 'journey.diff.added': return '+';
        case 'journey.diff.removed': return '-';
        case 'journey.diff.renamed':
        case 'journey.diff.moved': return '>';
        default: return '~';
    }
}
