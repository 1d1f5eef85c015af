/**
 * Every diagnostic the language reports has one of these stable codes, so that
 * people can look them up and filter them, and code actions can fix them.
 * A code never changes meaning once released; add new codes instead.
 */
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
    DuplicateSegmentInList: 'journey.duplicate-segment-in-list',
    UnusedSegment: 'journey.unused-segment',
    ClosedLoop: 'journey.closed-loop',
    ProjectFile: 'journey.project-file',
    // Information
    MetricOffTarget: 'journey.metric-off-target',
    NegativeStage: 'journey.negative-stage',
} as const;

export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];
