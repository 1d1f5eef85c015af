/**
 * Messages between the preview panel (extension host) and its webview.
 * The webview is untrusted: everything it posts goes through
 * `parseWebviewMessage`, which drops what it does not recognise.
 */
import { type Audience, isAudience } from './audience.js';
import { isMapView, type MapChange, type MapView } from './diagram-requests.js';
import { isDeclaredElementId } from './element-id.js';
import type { SvgPatch } from './svg-patch.js';

export interface NamedOption {
    name: string;
    title: string;
}

/**
 * How the preview lays the map out: `rows` wraps the stages into rows as wide
 * as the panel, so that text stays readable at 100 % (the default); `row`
 * draws them in one long row, as the map is on a wide screen.
 */
export const PREVIEW_LAYOUTS = ['rows', 'row'] as const;
export type PreviewLayout = (typeof PREVIEW_LAYOUTS)[number];

export function isPreviewLayout(value: unknown): value is PreviewLayout {
    return (PREVIEW_LAYOUTS as readonly unknown[]).includes(value);
}

/** The narrowest and widest panel the map is wrapped for, in CSS px. */
export const PANEL_WIDTH_RANGE = { min: 200, max: 20_000 } as const;

/** What the toolbar shows and what the map was drawn for. */
export interface PreviewSettings {
    journey?: string;
    segment?: string;
    audience: Audience;
    locked: boolean;
    /** The map when absent. */
    view?: MapView;
    /** Absent in settings saved before there was a choice: `rows`. */
    layout?: PreviewLayout;
}

/** What comes with every map the page draws. */
export interface MapMessage {
    /** The document the map comes from, shown in the toolbar. */
    fileName: string;
    journeys: NamedOption[];
    segments: NamedOption[];
    settings: PreviewSettings;
    /** In compare mode: what the map is compared with, and the changes it marks. */
    compare?: { base: string; changes: MapChange[] };
}

export type ToWebview =
    | ({ type: 'diagram'; svg: string } & MapMessage)
    /** The map the page shows, changed where `patch` says (src/protocol/svg-patch.ts); the page answers `ready` when it has no such map. */
    | ({ type: 'diagramPatch'; patch: SvgPatch } & MapMessage)
    | { type: 'problem'; message: string; location: string; errorCount: number }
    | { type: 'empty'; message: string }
    | { type: 'highlight'; id?: string }
    /** Sent when the preview is (re)attached to a document; the page keeps it for a window reload. */
    | { type: 'settings'; documentUri: string; settings: PreviewSettings }
    | { type: 'exported'; path: string };

export type FromWebview =
    | { type: 'ready' }
    | { type: 'select'; id: string }
    | { type: 'revealProblem' }
    | { type: 'setJourney'; journey: string }
    | { type: 'setSegment'; segment?: string }
    | { type: 'setAudience'; audience: Audience }
    | { type: 'setView'; view: MapView }
    | { type: 'setLayout'; layout: PreviewLayout }
    /** The width of the map's area (CSS px), on opening and when it changes: the rows layout wraps to it. */
    | { type: 'panelWidth'; width: number }
    | { type: 'toggleLock' }
    | { type: 'exportSvg' }
    | { type: 'exportPng'; base64: string }
    /** After drawing: the ids of the map's cards now on screen (stages, touchpoints, pain points…). */
    | { type: 'rendered'; ids: string[] }
    /** Esc or the toolbar's button in compare mode: back to the plain map. */
    | { type: 'leaveCompare' };

/** Journey and segment names are identifiers of the language, element ids are element ids: anything else is refused. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]{0,200}$/;
const MAX_PNG_BASE64 = 64 * 1024 * 1024;
const MAX_RENDERED_IDS = 100_000;

function isIdentifier(value: unknown): value is string {
    return typeof value === 'string' && IDENTIFIER.test(value);
}

/** Returns the message if it is one the webview may send, well-formed; otherwise undefined. */
export function parseWebviewMessage(raw: unknown): FromWebview | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const message = raw as Record<string, unknown>;
    switch (message.type) {
        case 'ready':
        case 'revealProblem':
        case 'toggleLock':
        case 'exportSvg':
        case 'leaveCompare':
            return { type: message.type };
        case 'select':
            return isDeclaredElementId(message.id) ? { type: 'select', id: message.id } : undefined;
        case 'setJourney':
            return isIdentifier(message.journey) ? { type: 'setJourney', journey: message.journey } : undefined;
        case 'setSegment':
            if (message.segment === undefined) return { type: 'setSegment' };
            return isIdentifier(message.segment) ? { type: 'setSegment', segment: message.segment } : undefined;
        case 'setAudience':
            return isAudience(message.audience) ? { type: 'setAudience', audience: message.audience } : undefined;
        case 'setView':
            return isMapView(message.view) ? { type: 'setView', view: message.view } : undefined;
        case 'setLayout':
            return isPreviewLayout(message.layout) ? { type: 'setLayout', layout: message.layout } : undefined;
        case 'panelWidth':
            return typeof message.width === 'number' &&
                Number.isInteger(message.width) &&
                message.width >= PANEL_WIDTH_RANGE.min &&
                message.width <= PANEL_WIDTH_RANGE.max
                ? { type: 'panelWidth', width: message.width }
                : undefined;
        case 'exportPng':
            return typeof message.base64 === 'string' &&
                message.base64.length <= MAX_PNG_BASE64 &&
                /^[A-Za-z0-9+/]+={0,2}$/.test(message.base64)
                ? { type: 'exportPng', base64: message.base64 }
                : undefined;
        case 'rendered':
            return Array.isArray(message.ids) && message.ids.length <= MAX_RENDERED_IDS && message.ids.every(isDeclaredElementId)
                ? { type: 'rendered', ids: [...message.ids] }
                : undefined;
        default:
            return undefined;
    }
}

/** What the page keeps across a window reload (VS Code's webview state). */
export interface PageState {
    view?: { x: number; y: number; scale: number };
    fitted?: boolean;
    documentUri?: string;
    settings?: PreviewSettings;
}

/** Reads back a restored page state, keeping only what is well-formed. */
export function parsePageState(raw: unknown): { documentUri?: string; settings?: PreviewSettings } {
    if (typeof raw !== 'object' || raw === null) return {};
    const state = raw as Record<string, unknown>;
    const documentUri = typeof state.documentUri === 'string' ? state.documentUri : undefined;
    const settings = parseSettings(state.settings);
    return { documentUri, settings };
}

function parseSettings(raw: unknown): PreviewSettings | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const settings = raw as Record<string, unknown>;
    if (!isAudience(settings.audience)) return undefined;
    return {
        audience: settings.audience,
        locked: settings.locked === true,
        journey: isIdentifier(settings.journey) ? settings.journey : undefined,
        segment: isIdentifier(settings.segment) ? settings.segment : undefined,
        view: isMapView(settings.view) ? settings.view : undefined,
        layout: isPreviewLayout(settings.layout) ? settings.layout : undefined,
    };
}
