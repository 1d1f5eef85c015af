/**
 * What a change does, beyond what was edited: a stage's net emotion before
 * and after, a metric that crossed its target, a pain point left without an
 * initiative, an initiative that became past due. Read from the two models,
 * which already derive these facts the same way for both versions.
 */
import type { Initiative, Journey, Metric, PainPoint, Stage } from '../types.js';
import type { ModelChange, StageEmotion } from './changes.js';
import { change, describeElement, elementOf } from './change-builder.js';
import { EMOTION_DROP_WARNING } from './diff-codes.js';
import { formatEmotionValue } from './element-properties.js';
import type { Matching } from './match-elements.js';

export interface JourneyMatchings {
    stages: Matching<Stage>;
    metrics: Matching<Metric>;
    painPoints: Matching<PainPoint>;
    initiatives: Matching<Initiative>;
}

export function journeyConsequences(after: Journey, matched: JourneyMatchings): { changes: ModelChange[]; stageEmotions: StageEmotion[] } {
    const journey = after.name;
    return {
        changes: [
            ...netEmotionChanges(journey, matched.stages),
            ...metricStatusChanges(journey, matched.metrics),
            ...unaddressedPainPoints(journey, matched.painPoints),
            ...pastDueInitiatives(journey, matched.initiatives),
        ],
        stageEmotions: stageEmotions(after, matched.stages),
    };
}

/** Every stage of either version: the new version's in its order, then the removed ones. */
function stageEmotions(after: Journey, stages: Matching<Stage>): StageEmotion[] {
    const old = new Map(stages.pairs.map(([was, stage]) => [stage.name, was]));
    return [
        ...after.stages.map((stage) => {
            const was = old.get(stage.name);
            return { stage: stage.name, title: stage.title, ...(was ? { before: was.netEmotion } : {}), after: stage.netEmotion };
        }),
        ...stages.removed.map((was) => ({ stage: was.name, title: was.title, before: was.netEmotion })),
    ];
}

function netEmotionChanges(journey: string, stages: Matching<Stage>): ModelChange[] {
    return stages.pairs
        .filter(([old, stage]) => old.netEmotion !== stage.netEmotion)
        .map(([old, stage]) => {
            const dropped = old.netEmotion - stage.netEmotion >= EMOTION_DROP_WARNING;
            const before = formatEmotionValue(old.netEmotion);
            const after = formatEmotionValue(stage.netEmotion);
            return change(dropped ? 'journey.diff.net-emotion-dropped' : 'journey.diff.net-emotion-changed', { journey, stage: stage.name },
                elementOf('stage', stage), `${describeElement(elementOf('stage', stage))}: net emotion ${before} → ${after}`,
                { property: 'net emotion', before, after });
        });
}

function metricStatusChanges(journey: string, metrics: Matching<Metric>): ModelChange[] {
    return metrics.pairs.flatMap(([old, metric]) => {
        const label = describeElement(elementOf('metric', metric));
        const place = { journey, stage: metric.stage };
        const details = { property: 'status', before: old.status, after: metric.status };
        if (old.status === 'met' && metric.status === 'missed') {
            return [change('journey.diff.metric-now-missed', place, elementOf('metric', metric), `${label} now misses its target`, details)];
        }
        if (old.status === 'missed' && metric.status === 'met') {
            return [change('journey.diff.metric-now-met', place, elementOf('metric', metric), `${label} now meets its target`, details)];
        }
        return [];
    });
}

function unaddressedPainPoints(journey: string, painPoints: Matching<PainPoint>): ModelChange[] {
    const newlyUnaddressed = [
        ...painPoints.pairs.filter(([old, painPoint]) => painPoint.unaddressed && !old.unaddressed).map(([, painPoint]) => painPoint),
        ...painPoints.added.filter((painPoint) => painPoint.unaddressed),
    ];
    return newlyUnaddressed.map((painPoint) => change('journey.diff.painpoint-unaddressed', { journey, stage: painPoint.stage },
        elementOf('painpoint', painPoint),
        `${describeElement(elementOf('painpoint', painPoint))} (${painPoint.severity}) is addressed by no initiative`));
}

function pastDueInitiatives(journey: string, initiatives: Matching<Initiative>): ModelChange[] {
    const newlyPastDue = [
        ...initiatives.pairs.filter(([old, initiative]) => initiative.pastDue && !old.pastDue).map(([, initiative]) => initiative),
        ...initiatives.added.filter((initiative) => initiative.pastDue),
    ];
    return newlyPastDue.map((initiative) => change('journey.diff.initiative-past-due', { journey }, elementOf('initiative', initiative),
        `${describeElement(elementOf('initiative', initiative))} is past due (due ${initiative.due})`));
}
