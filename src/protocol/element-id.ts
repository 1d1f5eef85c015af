/**
 * The ids of the map's SVG elements: the renderer writes them, the server
 * maps them to source locations and to the element under the cursor, the
 * webview reports and selects them, the extension checks them. An id is
 * `kind-name` (`touchpoint-sso`), or `kind-from-to` for what joins two
 * elements (`flow-sso-kickoff`); names are identifiers of the language and
 * never contain `-`, so an id reads back without ambiguity.
 */
import type { Initiative, Metric, PainPoint, Stage, Touchpoint } from '../model/types.js';

/** Elements with a declaration and a place on the map: a click reveals their source. */
export type DeclaredKind = (Stage | Touchpoint | PainPoint | Initiative | Metric)['kind'];
export const DECLARED_KINDS: readonly DeclaredKind[] = ['stage', 'touchpoint', 'painpoint', 'initiative', 'metric'];

/** Marks named after one element that are not its declaration: a touchpoint's point on the emotion curve. */
export type MarkKind = 'emotion';
const MARK_KINDS: readonly MarkKind[] = ['emotion'];
/** Lines between two elements: a step of the flow, a pain point's link to an initiative. */
export type ConnectionKind = 'flow' | 'link';
const CONNECTION_KINDS: readonly ConnectionKind[] = ['flow', 'link'];

export type ElementRef =
    | { kind: DeclaredKind | MarkKind; name: string }
    | { kind: ConnectionKind; from: string; to: string };

/** The grammar's ID terminal (src/language/journey.langium), bounded: a longer string is not one of ours. */
const NAME = '[A-Za-z_][A-Za-z0-9_]{0,200}';
const ONE_NAME = new RegExp(`^(${[...DECLARED_KINDS, ...MARK_KINDS].join('|')})-(${NAME})$`);
const TWO_NAMES = new RegExp(`^(${CONNECTION_KINDS.join('|')})-(${NAME})-(${NAME})$`);

export function elementId(kind: DeclaredKind | MarkKind, name: string): string {
    return `${kind}-${name}`;
}

export function connectionId(kind: ConnectionKind, from: string, to: string): string {
    return `${kind}-${from}-${to}`;
}

export function isDeclaredKind(kind: unknown): kind is DeclaredKind {
    return typeof kind === 'string' && (DECLARED_KINDS as readonly string[]).includes(kind);
}

/** What an id names, if it is a well-formed element id; undefined for anything else. */
export function parseElementId(id: unknown): ElementRef | undefined {
    if (typeof id !== 'string') return undefined;
    const one = ONE_NAME.exec(id);
    if (one) return { kind: one[1] as DeclaredKind | MarkKind, name: one[2] };
    const two = TWO_NAMES.exec(id);
    if (two) return { kind: two[1] as ConnectionKind, from: two[2], to: two[3] };
    return undefined;
}

/** True for the id of a declared element (`stage-onboarding`), the only ids the preview may select. */
export function isDeclaredElementId(id: unknown): id is string {
    const element = parseElementId(id);
    return element !== undefined && isDeclaredKind(element.kind);
}
