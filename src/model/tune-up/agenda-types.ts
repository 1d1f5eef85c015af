/**
 * The tune-up agenda of a journey as plain data: what the CLI prints as
 * Markdown, HTML or JSON and what the editor shows beside the map.
 */
import type { InitiativeStatus, Level, Severity, StageEffect } from '../types.js';
import type { DueState } from './due-dates.js';
import type { Quadrant } from './priorities.js';

export interface AgendaChange {
    review: { name: string; title: string; date?: string };
    change: { name: string; title: string };
    direction?: StageEffect['direction'];
    note?: string;
}

/** A change in the map's text since the last review (from `journey diff`), in its own words. */
export interface AgendaTextChange {
    code: string;
    level: 'info' | 'warning';
    message: string;
}

/**
 * How a pain point is being dealt with: no initiative at all; only done or
 * dropped ones; at least one open (planned or active) one.
 */
export type PainPointCoverage = 'none' | 'only-closed' | 'open';

export interface AgendaPainPoint {
    name: string;
    title: string;
    severity?: Severity;
    /** High or critical, and no initiative addresses it. */
    unaddressed: boolean;
    coverage: PainPointCoverage;
    internal: boolean;
    evidence: number;
    /** Names of the initiatives addressing it, in priority order. */
    initiatives: string[];
}

export interface AgendaInitiative {
    name: string;
    title: string;
    owner?: { name: string; title: string };
    status?: InitiativeStatus;
    due?: string;
    dueState: DueState;
    /** Days from today to the due date; negative when past. */
    daysUntilDue?: number;
    impact?: Level;
    effort?: Level;
    quadrant: Quadrant;
    /** 1-based place in the journey's priority order. */
    rank: number;
    /** Names of the pain points it addresses. */
    addresses: string[];
}

export interface AgendaMetric {
    name: string;
    title: string;
    target: string;
    actual: string;
    /** The values before `actual` at the last tune-ups, oldest first (the metric's `was`). */
    earlier: string[];
}

export interface StageAgenda {
    name: string;
    title: string;
    netEmotion: number;
    changes: AgendaChange[];
    textChanges: AgendaTextChange[];
    /** Unaddressed first, then by severity (critical first), then document order. */
    painPoints: AgendaPainPoint[];
    /** The initiatives addressing this stage's pain points, in priority order. */
    initiatives: AgendaInitiative[];
    metricsOffTarget: AgendaMetric[];
}

export type DecisionKind = 'stale' | 'never-reviewed' | 'unaddressed' | 'only-closed' | 'no-owner' | 'past-due';

export interface Decision {
    kind: DecisionKind;
    /** The element the decision is about (the journey for a stale map). */
    element: { kind: 'journey' | 'painpoint' | 'initiative'; name: string; title: string };
    /** One line: what is wrong and what to decide. */
    text: string;
}

export interface JourneyAgenda {
    journey: { name: string; title: string; owner?: { name: string; title: string } };
    today: string;
    lastReviewed?: string;
    reviewAgeDays?: number;
    stale: boolean;
    /** The date changes are counted from: --since, else the last review. */
    since?: string;
    /** Recorded changes that touch no stage, and text changes outside stages. */
    changes: AgendaChange[];
    textChanges: AgendaTextChange[];
    /** Whether the map's text was compared with its version at `since` (inside a git repository). */
    textCompared: boolean;
    stages: StageAgenda[];
    /** Journey-level metrics off target. */
    metricsOffTarget: AgendaMetric[];
    /** Every initiative, open ones first, in priority order. */
    initiatives: AgendaInitiative[];
    decisions: Decision[];
}

