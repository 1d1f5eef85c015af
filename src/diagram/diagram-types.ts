/**
 * The laid-out map as plain JSON: every position is final and every text is
 * already wrapped into lines, so that rendering is a pure function of this
 * value and the preview can receive it over LSP.
 *
 * Coordinates are in SVG user units (px at 100 %), origin top left.
 */
import type { CompareOverlay } from './compare/compare-types.js';

export interface Box {
    x: number;
    y: number;
    width: number;
    height: number;
}

export interface Point {
    x: number;
    y: number;
}

/** One line of text, already wrapped; `y` is the baseline. */
export interface TextLine {
    text: string;
    x: number;
    y: number;
    size: number;
    weight: 'normal' | 'bold';
    /** Which palette colour draws it. */
    tone: 'strong' | 'normal' | 'muted' | 'danger';
}

/** A small rounded label: a segment, a severity, a status. */
export interface Chip extends Box {
    text: string;
    textX: number;
    textY: number;
    tone: ChipTone;
}

export type ChipTone =
    | 'segment'
    | 'neutral'
    | 'severity-low'
    | 'severity-medium'
    | 'severity-high'
    | 'severity-critical'
    | 'danger'
    | 'ok';

export type LaneKind = 'stages' | 'touchpoints' | 'experience' | 'painpoints' | 'initiatives';

export interface Lane extends Box {
    kind: LaneKind;
    /** The row of a wrapped map the lane belongs to. */
    row: number;
    label: string;
}

export interface MetricMark {
    /** Metric name. */
    name: string;
    status: 'met' | 'missed' | 'no-target' | 'no-actual';
    /** Centre of the met/missed mark. */
    mark: Point;
    lines: TextLine[];
}

export interface DiagramHeader extends Box {
    lines: TextLine[];
    /** Shown when the last review is older than 90 days, or missing. */
    staleChip?: Chip;
    metrics: MetricMark[];
}

export interface StageColumn extends Box {
    name: string;
    /** The row of a wrapped map the stage is in (0: the first, or the only one). */
    row: number;
    title: string;
    /** The column header inside the stages lane. */
    header: Box;
    lines: TextLine[];
    metrics: MetricMark[];
    netEmotion: number;
    netEmotionBadge: Chip;
    /** The last review's changes that improved or worsened the stage (↑/↓ lines in its header). */
    changes: { change: string; direction: 'improves' | 'worsens' }[];
}

export interface TouchpointCard extends Box {
    name: string;
    stage: string;
    lines: TextLine[];
    chips: Chip[];
    internal: boolean;
    /** Top-left of the lock mark when internal. */
    lock?: Point;
    emotion?: number;
    /** The whole title, when the card cuts it short (shown on hover). */
    fullTitle?: string;
}

export interface FlowEdgeRoute {
    from: string;
    to: string;
    /** Start, bends, end: an orthogonal polyline ending at the target card. */
    points: Point[];
}

export interface EmotionPoint extends Point {
    touchpoint: string;
    emotion: number;
    /** The segments whose own emotion this is (`emotion for enterprise -2`), by display title; absent for the touchpoint's emotion. */
    feltBy?: string[];
    /** Where its value is written (baseline, left end): clear of the line. */
    label?: Point;
}

/**
 * A line of the emotion curve through points that one customer passes: the
 * main path (touchpoints for every segment), or a segment's own way where it
 * leaves the main path (dashed).
 */
export interface CurveLine {
    /** The segment whose customers take this way; absent for the main path. */
    segment?: string;
    dashed: boolean;
    /** Left to right, each the centre of a dot. */
    points: Point[];
}

/** The experience lane of one row of the map. */
export interface ExperienceCurve {
    /** The dots, in left-to-right order. */
    points: EmotionPoint[];
    /** The lines joining them, none through touchpoints of different segments. */
    lines: CurveLine[];
    zeroY: number;
    /** y of +2 and −2. */
    topY: number;
    bottomY: number;
    /** Horizontal extent of the zero line. */
    left: number;
    right: number;
}

export interface PainPointCard extends Box {
    name: string;
    stage: string;
    severity?: 'low' | 'medium' | 'high' | 'critical';
    at: string[];
    unaddressed: boolean;
    internal: boolean;
    lock?: Point;
    lines: TextLine[];
    chips: Chip[];
    /** The evidence, numbered in the footnotes and shown on hover (empty in the customer-facing view). */
    evidence: string[];
    /** Footnote number of the first piece of evidence. */
    firstNote?: number;
    /** The whole title, when the card cuts it short (shown on hover). */
    fullTitle?: string;
}

export interface InitiativeCard extends Box {
    name: string;
    pastDue: boolean;
    status?: 'planned' | 'active' | 'done' | 'dropped';
    internal: boolean;
    lock?: Point;
    lines: TextLine[];
    chips: Chip[];
    /** The whole title, when the card cuts it short (shown on hover). */
    fullTitle?: string;
}

/**
 * On a wrapped map, an initiative in the row of a pain point it addresses
 * whose card is in another row: its title and where the card is, linked to the
 * pain point like the card itself would be.
 */
export interface InitiativeReference extends Box {
    initiative: string;
    /** The row (from 1, top to bottom) that holds the initiative's card. */
    cardRow: number;
    lines: TextLine[];
    fullTitle?: string;
}

/** A connector from a pain point to an initiative that addresses it (or to its reference in another row). */
export interface AddressLink {
    painPoint: string;
    initiative: string;
    points: Point[];
}

export interface LegendItem {
    kind: 'severity' | 'emotion' | 'segment-way' | 'net-emotion' | 'review-change' | 'segment' | 'internal' | 'metric-met' | 'metric-missed' | 'metric-unknown' | 'past-due' | 'unaddressed' | 'flow';
    /** Where the sample mark is drawn. */
    sample: Box;
    /** The sample, for the kinds drawn as a chip. */
    chip?: Chip;
    label: TextLine;
}

export interface Legend extends Box {
    title: TextLine;
    items: LegendItem[];
}

/** Evidence as numbered footnotes, under the legend. */
export interface EvidenceNotes extends Box {
    title: TextLine;
    lines: TextLine[];
}

export interface DiagramLayout {
    /** Format version of this JSON, bumped on incompatible change. */
    version: 1;
    journey: { name: string; title: string };
    width: number;
    height: number;
    header: DiagramHeader;
    lanes: Lane[];
    stages: StageColumn[];
    touchpoints: TouchpointCard[];
    edges: FlowEdgeRoute[];
    /** One per row of stages (a wrapped map has several), top to bottom. */
    experience: ExperienceCurve[];
    painPoints: PainPointCard[];
    initiatives: InitiativeCard[];
    /** A wrapped map's stand-ins for initiatives whose cards are in other rows. */
    initiativeReferences: InitiativeReference[];
    links: AddressLink[];
    legend: Legend;
    /** Absent when the view shows no evidence. */
    evidence?: EvidenceNotes;
    /** Emptiness notes shown in an empty lane ("no pain points recorded"). */
    notes: TextLine[];
    /** Set on a compare map: what changed since the base version (src/diagram/compare). */
    compare?: CompareOverlay;
}
