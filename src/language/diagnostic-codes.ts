/**
 * Every diagnostic the language reports has one of these stable codes, so that
 * people can look them up and filter them, and code actions can fix them.
 * A code never changes meaning once released; add new codes instead.
 */
import type { SeverityName } from '../protocol/diagnostic-severity.js';

export const DiagnosticCode = {
    // Syntax
    SyntaxError: 'journey.syntax-error',
    // Errors
    DuplicateName: 'journey.duplicate-name',
    UnresolvedReference: 'journey.unresolved-reference',
    EmotionOutOfRange: 'journey.emotion-out-of-range',
    InvalidDate: 'journey.invalid-date',
    DuplicateProperty: 'journey.duplicate-property',
    SelfNext: 'journey.self-next',
    AtOtherJourney: 'journey.at-other-journey',
    MissingReviewDate: 'journey.missing-review-date',
    SharedAndInternal: 'journey.shared-and-internal',
    // Warnings
    EmptyStage: 'journey.empty-stage',
    MissingSeverity: 'journey.missing-severity',
    UnaddressedPainPoint: 'journey.unaddressed-pain-point',
    InitiativeWithoutOwner: 'journey.initiative-without-owner',
    PastDueInitiative: 'journey.past-due-initiative',
    StaleReview: 'journey.stale-review',
    NeverReviewed: 'journey.never-reviewed',
    FutureReviewDate: 'journey.future-review-date',
    FutureMetricDate: 'journey.future-metric-date',
    DuplicateMetricDate: 'journey.duplicate-metric-date',
    DuplicateSegmentInList: 'journey.duplicate-segment-in-list',
    UnusedSegment: 'journey.unused-segment',
    SegmentOutsideContainer: 'journey.segment-outside-container',
    ClosedLoop: 'journey.closed-loop',
    ProjectFile: 'journey.project-file',
    // Information
    UnknownChannel: 'journey.unknown-channel',
    MetricOffTarget: 'journey.metric-off-target',
    NegativeStage: 'journey.negative-stage',
} as const;

export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

/**
 * The level each code is reported at unless its project's `rules` say otherwise
 * (docs/diagnostics.md has a section per level; a test keeps them in step).
 */
export const DEFAULT_LEVEL: Readonly<Record<DiagnosticCode, SeverityName>> = {
    [DiagnosticCode.SyntaxError]: 'error',
    [DiagnosticCode.DuplicateName]: 'error',
    [DiagnosticCode.UnresolvedReference]: 'error',
    [DiagnosticCode.EmotionOutOfRange]: 'error',
    [DiagnosticCode.InvalidDate]: 'error',
    [DiagnosticCode.DuplicateProperty]: 'error',
    [DiagnosticCode.SelfNext]: 'error',
    [DiagnosticCode.AtOtherJourney]: 'error',
    [DiagnosticCode.MissingReviewDate]: 'error',
    [DiagnosticCode.SharedAndInternal]: 'error',
    [DiagnosticCode.EmptyStage]: 'warning',
    [DiagnosticCode.MissingSeverity]: 'warning',
    [DiagnosticCode.UnaddressedPainPoint]: 'warning',
    [DiagnosticCode.InitiativeWithoutOwner]: 'warning',
    [DiagnosticCode.PastDueInitiative]: 'warning',
    [DiagnosticCode.StaleReview]: 'warning',
    [DiagnosticCode.NeverReviewed]: 'warning',
    [DiagnosticCode.FutureReviewDate]: 'warning',
    [DiagnosticCode.FutureMetricDate]: 'warning',
    [DiagnosticCode.DuplicateMetricDate]: 'warning',
    [DiagnosticCode.DuplicateSegmentInList]: 'warning',
    [DiagnosticCode.UnusedSegment]: 'warning',
    [DiagnosticCode.SegmentOutsideContainer]: 'warning',
    [DiagnosticCode.ClosedLoop]: 'warning',
    [DiagnosticCode.ProjectFile]: 'warning',
    [DiagnosticCode.MetricOffTarget]: 'info',
    [DiagnosticCode.NegativeStage]: 'info',
    [DiagnosticCode.UnknownChannel]: 'hint',
};

/**
 * Whether a project may change a code's level or turn it off (as ESLint's and
 * TypeScript's configurations do): the rules about the map's content may; an
 * error may not — the map cannot be drawn right with it — and neither may a
 * problem in the project file itself, which would hide its own mistakes.
 */
export function isConfigurableRule(code: string): code is DiagnosticCode {
    return code in DEFAULT_LEVEL && DEFAULT_LEVEL[code as DiagnosticCode] !== 'error' && code !== DiagnosticCode.ProjectFile;
}
