/**
 * What the compare map adds to a laid-out map (plain JSON, like the rest of
 * `DiagramLayout`): how each element changed since the base version, the tag
 * drawn on its card, the old emotion curve and the change legend.
 */
import type { Box, Chip, EmotionPoint, TextLine } from '../diagram-types.js';

export type ChangeState = 'added' | 'changed' | 'removed' | 'unchanged';

export interface ChangeMark {
    state: ChangeState;
    /** NEW, CHANGED, RENAMED, MOVED (from the stage it left) or REMOVED, straddling the card's top edge; none for unchanged elements. */
    tag?: Chip;
    /** The changes, one line each ("touchpoint kickoff: emotion +2 → 0"), for the hover. */
    notes: string[];
    /**
     * The outline of an element that has no box of its own on the map (a
     * metric: a mark and a line of text); it gets no tag, which would cover
     * the text above it — a removed one is struck through instead.
     */
    outline?: Box;
}

export interface ChangeLegendItem {
    state: Exclude<ChangeState, 'unchanged'> | 'unchanged';
    count: number;
    sample: Box;
    chip?: Chip;
    label: TextLine;
}

export interface ChangeLegend extends Box {
    title: TextLine;
    items: ChangeLegendItem[];
    /** Changes with no place on the map (teams, segments, reviews, the journey's own properties), one line each. */
    offMap: TextLine[];
}

export interface CompareOverlay {
    /** What the map is compared with, as the user named it: `HEAD`, `main`, `old/onboarding.journey`. */
    base: string;
    /** By element id (src/protocol/element-id.ts); an element without an entry is unchanged. */
    marks: Record<string, ChangeMark>;
    /** Flow steps only the base version had (to or from a removed touchpoint), as connection ids. */
    ghostFlows: string[];
    /** The base version's emotion curve, under the cards where those touchpoints are now (or were). */
    oldCurve: EmotionPoint[];
    legend: ChangeLegend;
}
