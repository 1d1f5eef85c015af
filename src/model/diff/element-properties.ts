/**
 * The properties `journey diff` compares, per kind of element: the keyword
 * people write and the value as they would write it. A list is compared as a
 * set (the order of `for`, `next`, `at`, `addresses`, `evidence` and `goal`
 * carries no meaning), a reference through the renames found on the way, so
 * that renaming a touchpoint does not also report every `next` that names it.
 */
import type {
    Change, Initiative, Journey, Metric, PainPoint, Quantity, Review, Segment, Stage, Team, Touchpoint,
} from '../types.js';

/** A property's value as people write it: one word or text, a set of them, or nothing. */
export type PropertyValue = string | readonly string[] | undefined;

/** Renames found so far, by kind: old name → new name. */
export type Renames = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface PropertyReader<T> {
    keyword: string;
    read(element: T, renames?: Renames): PropertyValue;
}

const renamed = (renames: Renames | undefined, kind: string, name: string): string => renames?.get(kind)?.get(name) ?? name;
const names = (renames: Renames | undefined, kind: string, list: readonly string[]): readonly string[] =>
    list.map((name) => renamed(renames, kind, name));

/** "+2", "0", "-1". */
export function formatEmotionValue(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}

export function formatQuantity(quantity: Quantity): string {
    return `${quantity.value}${quantity.percent ? '%' : ''}`;
}

const quoted = (text: string | undefined): string | undefined => (text === undefined ? undefined : `"${text}"`);
const flag = (on: boolean): string | undefined => (on ? 'yes' : undefined);

const title = { keyword: 'title', read: (element: { title: string }) => quoted(element.title) };
const description = { keyword: 'description', read: (element: { description?: string }) => quoted(element.description) };
const internal = { keyword: 'internal', read: (element: { internal: boolean }) => flag(element.internal) };
const shared = { keyword: 'shared', read: (element: { shared: boolean }) => flag(element.shared) };

export const TEAM_PROPERTIES: readonly PropertyReader<Team>[] = [title, description, internal];
export const SEGMENT_PROPERTIES: readonly PropertyReader<Segment>[] = [title, description, internal];

export const JOURNEY_PROPERTIES: readonly PropertyReader<Journey>[] = [
    title,
    description,
    { keyword: 'owner', read: (journey, renames) => journey.owner && renamed(renames, 'team', journey.owner) },
    { keyword: 'reviewed', read: (journey) => journey.reviewed },
    { keyword: 'for', read: (journey, renames) => names(renames, 'segment', journey.forSegments) },
    internal,
];

export const STAGE_PROPERTIES: readonly PropertyReader<Stage>[] = [
    title,
    description,
    { keyword: 'goal', read: (stage) => stage.goals.map((goal) => `"${goal}"`) },
    { keyword: 'for', read: (stage, renames) => names(renames, 'segment', stage.segments) },
    internal,
];

export const TOUCHPOINT_PROPERTIES: readonly PropertyReader<Touchpoint>[] = [
    title,
    description,
    { keyword: 'channel', read: (touchpoint) => touchpoint.channel },
    { keyword: 'owner', read: (touchpoint, renames) => touchpoint.owner && renamed(renames, 'team', touchpoint.owner) },
    { keyword: 'accountable', read: (touchpoint, renames) => touchpoint.accountable && renamed(renames, 'team', touchpoint.accountable) },
    { keyword: 'emotion', read: (touchpoint) => (touchpoint.emotion === undefined ? undefined : formatEmotionValue(touchpoint.emotion)) },
    {
        keyword: 'emotion for',
        read: (touchpoint, renames) => Object.entries(touchpoint.segmentEmotions ?? {}).map(([segment, emotion]) => `${renamed(renames, 'segment', segment)} ${formatEmotionValue(emotion)}`),
    },
    { keyword: 'for', read: (touchpoint, renames) => names(renames, 'segment', touchpoint.segments) },
    { keyword: 'next', read: (touchpoint, renames) => names(renames, 'touchpoint', touchpoint.next) },
    internal,
];

export const PAINPOINT_PROPERTIES: readonly PropertyReader<PainPoint>[] = [
    title,
    description,
    { keyword: 'at', read: (painPoint, renames) => names(renames, 'touchpoint', painPoint.at) },
    { keyword: 'severity', read: (painPoint) => painPoint.severity },
    { keyword: 'evidence', read: (painPoint) => painPoint.evidence.map((text) => `"${text}"`) },
    { keyword: 'for', read: (painPoint, renames) => names(renames, 'segment', painPoint.segments) },
    internal,
    shared,
];

export const METRIC_PROPERTIES: readonly PropertyReader<Metric>[] = [
    title,
    description,
    { keyword: 'target', read: (metric) => metric.target && `${metric.target.comparator} ${formatQuantity(metric.target)}` },
    { keyword: 'actual', read: (metric) => metric.actual && formatQuantity(metric.actual) },
    { keyword: 'was', read: (metric) => metric.history.map((past) => `${formatQuantity(past)} on ${past.date}`) },
    { keyword: 'unit', read: (metric) => quoted(metric.unit) },
    internal,
    shared,
];

export const INITIATIVE_PROPERTIES: readonly PropertyReader<Initiative>[] = [
    title,
    description,
    { keyword: 'owner', read: (initiative, renames) => initiative.owner && renamed(renames, 'team', initiative.owner) },
    { keyword: 'addresses', read: (initiative, renames) => names(renames, 'painpoint', initiative.addresses) },
    { keyword: 'impact', read: (initiative) => initiative.impact },
    { keyword: 'effort', read: (initiative) => initiative.effort },
    { keyword: 'due', read: (initiative) => initiative.due },
    { keyword: 'status', read: (initiative) => initiative.status },
    { keyword: 'for', read: (initiative, renames) => names(renames, 'segment', initiative.segments) },
    internal,
    shared,
];

export const REVIEW_PROPERTIES: readonly PropertyReader<Review>[] = [
    title,
    description,
    { keyword: 'on', read: (review) => review.date },
    internal,
];

export const CHANGE_PROPERTIES: readonly PropertyReader<Change>[] = [
    title,
    description,
    {
        keyword: 'effect',
        read: (change, renames) => change.effects.map((effect) =>
            `${effect.direction} ${renamed(renames, 'stage', effect.stage)}${effect.note === undefined ? '' : ` "${effect.note}"`}`),
    },
    internal,
];

/** The value compared: a list as a sorted set, so that reordering is no change. */
export function comparable(value: PropertyValue): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    return value.length === 0 ? undefined : [...new Set(value)].sort().join('\u0000');
}

/** A value for a message: a list joined with commas, nothing as "none". */
export function displayValue(value: PropertyValue): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    return value.length === 0 ? undefined : [...new Set(value)].sort().join(', ');
}
