/**
 * The resolved journey map as plain, JSON-serialisable data: what the CLI, the
 * preview (over LSP), the diagram and the exports all consume.
 *
 * Invariants:
 * - No Langium, VS Code, LSP or DOM types: references are resolved to the
 *   referenced element's `name` (unique within its journey, or workspace-wide
 *   for teams and segments); look the element up in the journey's lists.
 * - Lists keep document order.
 * - Titles are never empty: where the source has no title, `title` is the name.
 * - Unresolved references (a document with errors) are left out, never invented.
 */

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type Level = 'low' | 'medium' | 'high';
export type InitiativeStatus = 'planned' | 'active' | 'done' | 'dropped';
export type Comparator = '>=' | '<=';

/** Where an element is declared: the range of its name, 0-based like LSP. */
export interface SourceLocation {
    uri: string;
    start: { line: number; character: number };
    end: { line: number; character: number };
}

interface Named {
    name: string;
    title: string;
    description?: string;
    source?: SourceLocation;
    /** Marked `internal`: never in the customer view (customer-view.ts), nor anything inside it. */
    internal: boolean;
}

/** An element the customer view leaves out unless it is marked `shared` (pain points, initiatives, metrics). */
interface Shareable {
    /** Marked `shared`: shown to customers (without its internal details, see customer-view.ts). */
    shared: boolean;
}

export interface Team extends Named {
    kind: 'team';
}

export interface Segment extends Named {
    kind: 'segment';
}

/** An element that can be limited to segments. */
interface Scoped {
    /** Segment names from its own `for`, as written; empty means those of its stage and journey (segments.ts). */
    segments: string[];
}

/** Segment names from the stage's `for`; its elements without a `for` of their own inherit them (segments.ts). */
export interface Stage extends Named, Scoped {
    kind: 'stage';
    goals: string[];
    /** Touchpoint names, in document order. */
    touchpoints: string[];
    /** Pain point names, in document order. */
    painPoints: string[];
    /** Metric names declared inside the stage. */
    metrics: string[];
    /** Sum of the emotions of its touchpoints (those without emotion count 0). */
    netEmotion: number;
}

export interface Touchpoint extends Named, Scoped {
    kind: 'touchpoint';
    stage: string;
    channel?: string;
    /** Team name: the team that runs it. */
    owner?: string;
    /** Team name from `accountable`: the team answerable for it when another runs it (internal, like the owner). */
    accountable?: string;
    /** −2…+2: how it feels to every segment without an emotion of its own below. */
    emotion?: number;
    /** From `emotion for enterprise -1`: the emotion of those segments, by segment name (−2…+2); absent when none. */
    segmentEmotions?: Readonly<Record<string, number>>;
    /** Touchpoint names from explicit `next` (the derived flow is Journey.flow). */
    next: string[];
}

export interface PainPoint extends Named, Scoped, Shareable {
    kind: 'painpoint';
    stage: string;
    /** Touchpoint names; empty means the pain point hangs under its stage. */
    at: string[];
    severity?: Severity;
    evidence: string[];
    /** Initiative names that address it. */
    addressedBy: string[];
    /** High or critical, and no initiative addresses it. */
    unaddressed: boolean;
}

export interface Quantity {
    value: number;
    percent: boolean;
}

/** An earlier value of a metric, from `was 28 on 2026-07-01`. */
export interface PastValue extends Quantity {
    /** ISO date. */
    date: string;
}

export interface Metric extends Named, Shareable {
    kind: 'metric';
    /** The stage it is declared in; absent for journey-level metrics. */
    stage?: string;
    target?: Quantity & { comparator: Comparator };
    actual?: Quantity;
    /** Earlier values with valid dates, oldest first (`was`); the trend up to `actual`. */
    history: PastValue[];
    unit?: string;
    /** 'met' / 'missed' when both target and actual are known. */
    status: 'met' | 'missed' | 'no-target' | 'no-actual';
}

export interface Initiative extends Named, Scoped, Shareable {
    kind: 'initiative';
    /** Team name. */
    owner?: string;
    /** Pain point names. */
    addresses: string[];
    impact?: Level;
    effort?: Level;
    /** ISO date. */
    due?: string;
    status?: InitiativeStatus;
    /** Due before today and neither done nor dropped. */
    pastDue: boolean;
}

export interface StageEffect {
    direction: 'improves' | 'worsens';
    /** Stage name. */
    stage: string;
    note?: string;
}

export interface Change extends Named {
    kind: 'change';
    effects: StageEffect[];
}

export interface Review extends Named {
    kind: 'review';
    /** ISO date from `on`. */
    date?: string;
    changes: Change[];
}

/** One step of the flow between touchpoints. */
export interface FlowEdge {
    from: string;
    to: string;
}

export interface Journey extends Named {
    kind: 'journey';
    /** Team name. */
    owner?: string;
    /** ISO date written after `reviewed`. */
    reviewed?: string;
    /** ISO date of the last tune-up: the latest of `reviewed` and the reviews' dates. */
    lastReviewed?: string;
    /** Days between `lastReviewed` and today; absent when never reviewed. */
    reviewAgeDays?: number;
    /** More than `staleAfterDays` since the last review, or never reviewed. */
    stale: boolean;
    /** The staleness window of the journey's project, in days (its project file's `staleAfterDays`; 90 by default). */
    staleAfterDays: number;
    /**
     * Segment names from the journey's own `for`; empty means every segment. Its
     * stages and elements without a `for` of their own inherit them (segments.ts).
     */
    forSegments: string[];
    stages: Stage[];
    /** All touchpoints of all stages, in document order. */
    touchpoints: Touchpoint[];
    painPoints: PainPoint[];
    /** Journey-level metrics first, then each stage's, in document order. */
    metrics: Metric[];
    initiatives: Initiative[];
    reviews: Review[];
    /**
     * The flow: the explicit `next` edges when the journey has any `next`,
     * otherwise each touchpoint to the following one in document order.
     */
    flow: FlowEdge[];
    flowIsExplicit: boolean;
    /** The teams and segments of the workspace this journey can refer to. */
    teams: Team[];
    segments: Segment[];
    /** What view this is: all segments or one, internal or customer-facing. */
    view: JourneyView;
}

export interface JourneyView {
    /** A segment name, or undefined for all segments. */
    segment?: string;
    audience: 'internal' | 'customer';
}

/** Everything the workspace declares, resolved. */
export interface WorkspaceModel {
    journeys: Journey[];
    teams: Team[];
    segments: Segment[];
}
