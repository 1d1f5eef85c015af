/**
 * What `journey diff` finds between two versions of a workspace, as plain
 * data: one record per change, in map order, ready for any output format.
 */
import type { DiffCode, DiffLevel } from './diff-codes.js';

/** The kinds of element a change can be about. */
export type DiffElementKind =
    | 'team' | 'segment' | 'journey' | 'stage' | 'touchpoint' | 'painpoint'
    | 'metric' | 'initiative' | 'review' | 'change';

export interface DiffElement {
    kind: DiffElementKind;
    /** The name in the new version (the old one for a removed element). */
    name: string;
    title: string;
}

export interface ModelChange {
    code: DiffCode;
    level: DiffLevel;
    /** The journey it happened in (its new name); absent for teams and segments. */
    journey?: string;
    /** The stage the element sits in (the old one for a removed element). */
    stage?: string;
    element: DiffElement;
    /** The property keyword for a property change (`emotion`, `owner`…), or the fact (`net emotion`, `status`). */
    property?: string;
    /** Old and new values as people write them; a rename's names; a move's stages. */
    before?: string;
    after?: string;
    /** One line in the words of the trade. */
    message: string;
}

/** A stage's net emotion in both versions, for the summary and the review comment. */
export interface StageEmotion {
    stage: string;
    title: string;
    before?: number;
    after?: number;
}

export interface JourneyDiff {
    /** The journey's name in the new version (the old name when it was removed). */
    name: string;
    title: string;
    status: 'added' | 'removed' | 'changed' | 'unchanged';
    /** Every stage of either version, in the new version's order, removed ones after. */
    stageEmotions: StageEmotion[];
}

export interface WorkspaceDiff {
    changes: ModelChange[];
    journeys: JourneyDiff[];
}
