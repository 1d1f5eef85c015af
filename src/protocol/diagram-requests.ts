/**
 * The custom LSP messages between the language server and the VS Code
 * extension's preview. Plain types and method names only: both sides import
 * this file, nothing else crosses.
 */
import type { Audience } from './audience.js';
import type { SvgPatch } from './svg-patch.js';
import type { Theme } from './theme.js';

/** What is drawn of a journey: its map, or the impact × effort matrix of its initiatives. */
export const MAP_VIEWS = ['map', 'priorities'] as const;
export type MapView = (typeof MAP_VIEWS)[number];

export function isMapView(value: unknown): value is MapView {
    return (MAP_VIEWS as readonly unknown[]).includes(value);
}

/** `journey/diagram`: the laid-out map of one journey of a document, as SVG. */
export const DiagramRequestMethod = 'journey/diagram';

export interface DiagramParams {
    uri: string;
    /** A journey name; the document's first journey when absent or unknown. */
    journey?: string;
    /** A segment name, or absent for all segments. */
    segment?: string;
    audience: Audience;
    theme: Theme;
    /** The map when absent. The priorities view has no compare mode: `compare` is ignored there. */
    view?: MapView;
    /**
     * When the document has errors, draw the map of what parses too (the
     * preview has no map yet: first open, reload). Otherwise the preview keeps
     * its last good map while the person types, and nothing is drawn.
     */
    recoverOnError?: boolean;
    /** Compare mode: draw the changes since this base version on the map. */
    compare?: CompareBase;
    /** Wrap the stages into rows so that the map is at most this wide (px at 100 %). */
    maxWidth?: number;
    /** The map this preview holds (`DrawnMap.mapId`): the answer may be what changed since. */
    since?: string;
}

/**
 * The base version of the document, as the extension read it from git: the
 * server resolves it with the workspace's other documents as they are now.
 */
export interface CompareBase {
    /** What the person compares with, as they named it: `HEAD`, `main`, a commit's short hash. */
    label: string;
    /** The document's text in the base version; null when the file did not exist there. */
    text: string | null;
}

/** One change the compare map marks, for the preview's "Changes" list. */
export interface MapChange {
    /** The element id (element-id.ts) of the card that shows it. */
    id: string;
    state: 'added' | 'changed' | 'removed';
    /** Kind and title: `touchpoint "Kickoff call"`. */
    label: string;
    /** The changes, one line each, in the words of `journey diff`. */
    notes: string[];
    /** For a removed element: its declaration as the base version had it. */
    oldText?: string;
}

/** A 0-based source position range, as LSP has it. */
export interface SourceRange {
    uri: string;
    start: { line: number; character: number };
    end: { line: number; character: number };
}

export interface DiagramProblem {
    message: string;
    code?: string;
    range: SourceRange;
}

/** A drawn map: the journey shown, the pickers' choices, the SVG and where its elements are declared. */
export interface DrawnMap {
    journey: string;
    /** Every journey of the document, for the journey picker. */
    journeys: { name: string; title: string }[];
    /** The project's segments, for the segment filter. */
    segments: { name: string; title: string }[];
    /** The map; empty when `patch` is given. */
    svg: string;
    /** The map as what changed since the map the request named (`since`): a keystroke in a big map changes a card, not 9 MB of SVG. */
    patch?: { since: string; patch: SvgPatch };
    /** What to name this map as `since` in the next request. */
    mapId?: string;
    /**
     * Element id (element-id.ts) → where the element is declared (the range of
     * its name). Absent when they are those of the map named `since`: a
     * keystroke in a title moves no declaration, and at 5,000 touchpoints they
     * are 1 MB to send with every map.
     */
    sources?: Record<string, SourceRange>;
    /** In compare mode: the changes marked on the map, in map order. */
    changes?: MapChange[];
}

export type DiagramResult =
    | ({
          kind: 'diagram';
          /** Document version the map was built from. */
          version: number;
      } & DrawnMap)
    | {
          /** The document has errors: the preview keeps its last good map and shows the first one. */
          kind: 'errors';
          version: number;
          errorCount: number;
          first: DiagramProblem;
          /** With `recoverOnError`: the map of what parses (the parser's recovered tree), to show under the error banner. */
          recovered?: DrawnMap;
      }
    | {
          /** Nothing to draw: no journey in the document, or the document is not known. */
          kind: 'empty';
          version: number;
          message: string;
      };

/** `journey/elementAt`: the diagram element declared around a position (for cursor sync). */
export const ElementAtRequestMethod = 'journey/elementAt';

export interface ElementAtParams {
    uri: string;
    position: { line: number; character: number };
}

/** The SVG element id of the innermost declaration around the position, if any. */
export interface ElementAtResult {
    id?: string;
}

/** `journey/documentsChanged` (server → client): documents whose map may have changed. */
export const DocumentsChangedNotification = 'journey/documentsChanged';

export interface DocumentsChangedParams {
    uris: string[];
}
