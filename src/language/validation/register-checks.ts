import type { AstNode, ValidationCheck, ValidationChecks } from 'langium';
import type { JourneyLanguageAstType } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';

/**
 * The rules of LANGUAGE.md beyond syntax, one check per rule, each diagnostic
 * with a stable code (diagnostic-codes.ts). The rules live in one file per
 * group — values.ts, workspace-names.ts, references.ts, completeness.ts,
 * staleness.ts, signals.ts, channels.ts, emotions.ts, metric-history.ts — and this table says which runs on which node,
 * in the order their diagnostics are reported.
 *
 * Validation runs on every keystroke: rules that look at a whole journey
 * (names, flow, addressed pain points) walk it once from the Journey check,
 * never once per element; workspace-wide rules run once per document.
 */
export function registerValidationChecks(services: JourneyServices): void {
    const { ValueValidator: values, WorkspaceValidator: workspace, ReferenceValidator: references,
        CompletenessValidator: completeness, StalenessValidator: staleness, SignalValidator: signals, ChannelValidator: channels,
        EmotionValidator: emotions, MetricHistoryValidator: metricHistory } = services.validation;
    const checks: ValidationChecks<JourneyLanguageAstType> = {
        AstNode: values.checkSingleValuedProperties,
        Document: [workspace.checkWorkspaceDuplicates, workspace.checkUnusedSegments],
        Journey: [
            references.checkJourneyDuplicates, references.checkClosedLoops, completeness.checkUnaddressedPainPoints,
            values.checkReviewedDates, staleness.checkReviewed, staleness.checkFutureReviewed, references.checkDuplicateSegments,
        ].map(whenNamed),
        Stage: [
            completeness.checkEmptyStage, signals.checkNegativeStage, references.checkDuplicateSegments, references.checkSegmentsWithinContainer,
        ].map(whenNamed),
        Touchpoint: [
            emotions.checkEmotionRange, emotions.checkDuplicateEmotions, emotions.checkEmotionSegments,
            references.checkSelfNext, references.checkDuplicateSegments, references.checkSegmentsWithinContainer,
            channels.checkChannel,
        ].map(whenNamed),
        PainPoint: [
            completeness.checkMissingSeverity, references.checkDuplicateSegments, references.checkSegmentsWithinContainer, values.checkSharedAndInternal,
        ].map(whenNamed),
        Initiative: [
            completeness.checkInitiativeOwner, values.checkDueDates, staleness.checkDueDate, references.checkDuplicateSegments,
            references.checkSegmentsWithinContainer, values.checkSharedAndInternal,
        ].map(whenNamed),
        Metric: [signals.checkMetricTarget, metricHistory.checkHistoryDates, values.checkSharedAndInternal].map(whenNamed),
        Review: [values.checkReviewDates, completeness.checkReviewDate, staleness.checkFutureReview].map(whenNamed),
    };
    services.validation.ValidationRegistry.register(checks);
}

/**
 * A declaration still being typed has no name yet: the syntax error says what
 * is missing, and no rule speaks about an element it cannot name.
 */
function whenNamed<T extends AstNode & { name: string }>(check: ValidationCheck<T>): ValidationCheck<T> {
    return (node, accept, cancelToken) => (node.name ? check(node, accept, cancelToken) : undefined);
}
