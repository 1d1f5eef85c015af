import type { ValidationAcceptor } from 'langium';
import type { Metric, Stage } from '../generated/ast.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { emotionOf, formatEmotion, stageNetEmotion } from '../element-info.js';
import { metricStatus } from '../../model/derived-facts.js';

/**
 * What the map's numbers signal (information, not mistakes): a stage whose
 * emotions add up below zero, a metric whose actual misses its target.
 */
export class SignalValidator {
    readonly checkNegativeStage = (stage: Stage, accept: ValidationAcceptor): void => {
        const sum = stageNetEmotion(stage);
        if (sum >= 0) return;
        accept('info', `Stage '${stage.name}' is a churn risk: its touchpoints' emotions add up to ${sum} (${emotionTerms(stage)}), so customers leave it feeling worse than good; lift the lowest ones`, {
            node: stage,
            property: 'name',
            code: DiagnosticCode.NegativeStage,
        });
    };

    readonly checkMetricTarget = (metric: Metric, accept: ValidationAcceptor): void => {
        const [target] = metric.targets;
        const [actual] = metric.actuals;
        if (!target || !actual || target.value === undefined || actual.value === undefined) return;
        const atMost = target.comparator === '<=';
        if (metricStatus({ ...target, comparator: target.comparator ?? '>=' }, actual) !== 'missed') return;
        const unit = metric.units[0] ? ` ${metric.units[0]}` : '';
        const show = (quantity: { value: number; percent: boolean }) => `${quantity.value}${quantity.percent ? '%' : ''}${unit}`;
        accept('info', `Metric '${metric.name}' misses its target: actual ${show(actual)} is ${atMost ? 'above' : 'below'} the target of ${atMost ? 'at most' : 'at least'} ${show(target)}`, {
            node: metric,
            property: 'actuals',
            index: 0,
            code: DiagnosticCode.MetricOffTarget,
        });
    };
}

/** What the sum is made of, lowest first: "sso -2, kickoff -1, guide +1" (the first four, then "…"). */
function emotionTerms(stage: Stage): string {
    const terms = stage.touchpoints
        .flatMap((touchpoint) => {
            const emotion = emotionOf(touchpoint);
            // A touchpoint still being typed has no name yet, but its emotion counts in the sum.
            return emotion === undefined ? [] : [{ name: touchpoint.name || '(no name yet)', emotion }];
        })
        .sort((a, b) => a.emotion - b.emotion);
    const shown = terms.slice(0, 4).map((term) => `${term.name} ${formatEmotion(term.emotion)}`);
    return terms.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}
