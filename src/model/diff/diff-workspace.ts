/**
 * `journey diff`'s engine: what changed between two versions of a workspace,
 * in the words of the trade. Teams and segments are matched across the
 * workspace, journeys by name (or as renamed), and each journey's elements
 * within it. Plain data in, plain data out: whitespace, comments, formatting
 * and declaration order never reach the model, so they are never a change.
 */
import type { Journey, WorkspaceModel } from '../types.js';
import type { JourneyDiff, ModelChange, WorkspaceDiff } from './changes.js';
import { change, describeElement, elementOf } from './change-builder.js';
import { diffJourney, propertyChanges } from './diff-journey.js';
import { JOURNEY_PROPERTIES, SEGMENT_PROPERTIES, TEAM_PROPERTIES, type Renames } from './element-properties.js';
import { matchElements, type Matching } from './match-elements.js';

export function diffWorkspaces(before: WorkspaceModel, after: WorkspaceModel): WorkspaceDiff {
    const teams = matchElements(before.teams, after.teams, TEAM_PROPERTIES);
    const segments = matchElements(before.segments, after.segments, SEGMENT_PROPERTIES);
    const renames: Renames = new Map([['team', renameMap(teams)], ['segment', renameMap(segments)]]);
    const changes: ModelChange[] = [
        ...sharedChanges('team', teams, TEAM_PROPERTIES, renames),
        ...sharedChanges('segment', segments, SEGMENT_PROPERTIES, renames),
    ];
    const journeys = matchElements(before.journeys, after.journeys, JOURNEY_PROPERTIES, renames);
    const journeyDiffs: JourneyDiff[] = [];
    for (const journey of after.journeys) {
        const old = journeys.pairs.find(([, now]) => now === journey)?.[0];
        if (!old) {
            changes.push(change('journey.diff.added', { journey: journey.name }, elementOf('journey', journey), `${describeElement(elementOf('journey', journey))} added`));
            journeyDiffs.push({ name: journey.name, title: journey.title, status: 'added', stageEmotions: emotions(journey, 'after') });
            continue;
        }
        const result = diffJourney(old, journey, renames);
        changes.push(...result.changes);
        journeyDiffs.push({ name: journey.name, title: journey.title, status: result.changes.length > 0 ? 'changed' : 'unchanged', stageEmotions: result.stageEmotions });
    }
    for (const old of journeys.removed) {
        changes.push(change('journey.diff.removed', { journey: old.name }, elementOf('journey', old), `${describeElement(elementOf('journey', old))} removed`));
        journeyDiffs.push({ name: old.name, title: old.title, status: 'removed', stageEmotions: emotions(old, 'before') });
    }
    return { changes, journeys: journeyDiffs };
}

function emotions(journey: Journey, side: 'before' | 'after'): JourneyDiff['stageEmotions'] {
    return journey.stages.map((stage) => ({ stage: stage.name, title: stage.title, [side]: stage.netEmotion }));
}

function sharedChanges<T extends { name: string; title: string }>(
    kind: 'team' | 'segment',
    matching: Matching<T>,
    properties: Parameters<typeof propertyChanges<T>>[3],
    renames: Renames,
): ModelChange[] {
    const label = (element: T) => describeElement(elementOf(kind, element));
    return [
        ...matching.pairs.flatMap(([old, element]) => [
            ...(old.name === element.name ? [] : [change('journey.diff.renamed', {}, elementOf(kind, element), `${label(old)} renamed to ${element.name}`, { before: old.name, after: element.name })]),
            ...propertyChanges(kind, old, element, properties, renames, {}),
        ]),
        ...matching.added.map((element) => change('journey.diff.added', {}, elementOf(kind, element), `${label(element)} added`)),
        ...matching.removed.map((old) => change('journey.diff.removed', {}, elementOf(kind, old), `${label(old)} removed`)),
    ];
}

function renameMap<T extends { name: string }>(matching: Matching<T>): ReadonlyMap<string, string> {
    return new Map(matching.pairs.filter(([old, element]) => old.name !== element.name).map(([old, element]) => [old.name, element.name]));
}
