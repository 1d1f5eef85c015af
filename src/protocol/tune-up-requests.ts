/**
 * The custom LSP requests behind the editor's tune-up features — the
 * Journeys view, the status-bar item and the agenda beside the editor. The
 * language server answers them from the documents it has built: the
 * extension never parses. Plain types and method names only.
 */
import type { SourceRange } from './diagram-requests.js';

/** `journey/journeys`: every journey of the workspace as a tree with badges. */
export const JourneysRequestMethod = 'journey/journeys';

/**
 * The whole workspace. `journeysOnly`: the journeys without their stages
 * and elements (the status bar's summary; the tree of a map of 5,000
 * touchpoints is 2 MB to send after every keystroke).
 */
export interface JourneysParams {
    journeysOnly?: boolean;
}

/** What needs attention: shown as badges in the Journeys view. */
export type JourneyBadge = 'stale' | 'never-reviewed' | 'past-due' | 'due-soon' | 'unaddressed';

export type JourneyNodeKind = 'journey' | 'stage' | 'touchpoint' | 'painpoint' | 'initiative';

export interface JourneyNode {
    kind: JourneyNodeKind;
    name: string;
    title: string;
    /** Short facts shown after the title: severity, status and due date, emotion. */
    detail?: string;
    badges: JourneyBadge[];
    /** Where it is declared (the range of its name). */
    source?: SourceRange;
    children: JourneyNode[];
}

export interface JourneySummary extends JourneyNode {
    kind: 'journey';
    /** The status bar's words: "Map reviewed 47 days ago · 1 past due". */
    summary: string;
}

export interface JourneysResult {
    /** The day the badges were computed for. */
    today: string;
    journeys: JourneySummary[];
}

/** `journey/agenda`: the tune-up agenda of a journey declared in a document, as Markdown. */
export const AgendaRequestMethod = 'journey/agenda';

export interface AgendaParams {
    uri: string;
    /** A journey name; the document's first journey when absent or unknown. */
    journey?: string;
}

export type AgendaResult =
    | { kind: 'agenda'; journey: string; title: string; markdown: string }
    | { kind: 'empty'; message: string };
