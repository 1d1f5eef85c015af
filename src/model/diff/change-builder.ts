/**
 * Turns what the differ found into change records with their one-line
 * messages, so that every message of `journey diff` is worded in one place.
 */
import type { DiffElement, DiffElementKind, ModelChange } from './changes.js';
import { levelOf, type DiffCode } from './diff-codes.js';
import { displayValue, type PropertyValue } from './element-properties.js';

/** Where a change happened: its journey and stage. */
export interface ChangePlace {
    journey?: string;
    stage?: string;
}

const KIND_WORDS: Record<DiffElementKind, string> = {
    team: 'team', segment: 'segment', journey: 'journey', stage: 'stage', touchpoint: 'touchpoint',
    painpoint: 'pain point', metric: 'metric', initiative: 'initiative', review: 'review', change: 'change',
};

export function kindWord(kind: DiffElementKind): string {
    return KIND_WORDS[kind];
}

/** `touchpoint kickoff "Kickoff call"` — how an element is named in a message. */
export function describeElement(element: DiffElement): string {
    const title = element.title === element.name ? '' : ` "${element.title}"`;
    return `${kindWord(element.kind)} ${element.name}${title}`;
}

export function elementOf(kind: DiffElementKind, element: { name: string; title: string }): DiffElement {
    return { kind, name: element.name, title: element.title };
}

export function change(
    code: DiffCode,
    place: ChangePlace,
    element: DiffElement,
    message: string,
    details: Pick<ModelChange, 'property' | 'before' | 'after'> = {},
): ModelChange {
    const record: ModelChange = { code, level: levelOf(code), ...definedOnly(place), element, ...definedOnly(details), message };
    return record;
}

/** `emotion +1 → -1`, `owner set to cs`, `channel email removed`. */
export function describeValueChange(property: string, before: PropertyValue, after: PropertyValue): string {
    const was = displayValue(before);
    const now = displayValue(after);
    if (was === undefined) return `${property} set to ${now}`;
    if (now === undefined) return `${property} ${was} removed`;
    return `${property} ${was} → ${now}`;
}

function definedOnly<T extends object>(object: T): Partial<T> {
    return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
