/**
 * The properties of the language, each declared once: the keyword written in
 * the text, the AST property the grammar collects its values into, how many
 * values it takes and what they are. Which kind has which properties is in
 * element-kinds.ts; test/language/element-kinds.test.ts checks both against
 * the grammar.
 */
import { ELEMENT_KINDS, ELEMENT_TYPES } from './element-kinds.js';

/**
 * How many values a property takes. The grammar collects every property into
 * a list so that any order parses; the validator, not the parser, reports a
 * single-valued property given twice.
 * - `one`: single-valued (`severity high`);
 * - `many`: may be given again, one value each time (`goal "…"`);
 * - `list`: a comma-separated list of names, which may also be given again (`next a, b`).
 */
export type Cardinality = 'one' | 'many' | 'list';

/**
 * What a property's value is: text in double quotes, a date, an emotion, a
 * channel (a name, or a display name in quotes), a metric's target, quantity or earlier value (a quantity and its date), one of an enumeration's
 * keywords, no value at all (a flag), or the name of an element.
 */
export type ValueKind =
    | 'text' | 'date' | 'emotion' | 'channel' | 'target' | 'quantity' | 'past-value'
    | 'severity' | 'level' | 'status' | 'flag' | 'reference';

export interface Property {
    /** The AST property the values are collected into. */
    feature: string;
    cardinality: Cardinality;
    value: ValueKind;
    /** For a reference: the AST type of the element it names (an element kind; the test checks it against the grammar). */
    refersTo?: string;
    /** Written in the declaration's header (before its block), not inside the block. */
    inHeader?: boolean;
}

/** Keyed by the keyword written in the text. */
export const PROPERTIES = {
    description: { feature: 'descriptions', cardinality: 'one', value: 'text' },
    owner: { feature: 'owners', cardinality: 'one', value: 'reference', refersTo: 'Team' },
    // A touchpoint run by one team (`owner partners`) and accountable to another (`accountable cs`).
    accountable: { feature: 'accountables', cardinality: 'one', value: 'reference', refersTo: 'Team' },
    reviewed: { feature: 'reviewed', cardinality: 'one', value: 'date' },
    goal: { feature: 'goals', cardinality: 'many', value: 'text' },
    channel: { feature: 'channels', cardinality: 'one', value: 'channel' },
    // `emotion -1` once, and `emotion for enterprise +1` once per segment (validation/emotions.ts checks).
    emotion: { feature: 'emotions', cardinality: 'many', value: 'emotion' },
    next: { feature: 'next', cardinality: 'list', value: 'reference', refersTo: 'Touchpoint' },
    for: { feature: 'segments', cardinality: 'list', value: 'reference', refersTo: 'Segment' },
    internal: { feature: 'internal', cardinality: 'one', value: 'flag' },
    shared: { feature: 'shared', cardinality: 'one', value: 'flag' },
    at: { feature: 'at', cardinality: 'list', value: 'reference', refersTo: 'Touchpoint' },
    severity: { feature: 'severities', cardinality: 'one', value: 'severity' },
    evidence: { feature: 'evidence', cardinality: 'many', value: 'text' },
    target: { feature: 'targets', cardinality: 'one', value: 'target' },
    actual: { feature: 'actuals', cardinality: 'one', value: 'quantity' },
    // An earlier value and the day it was measured: `was 28 on 2026-07-01`.
    was: { feature: 'history', cardinality: 'many', value: 'past-value' },
    unit: { feature: 'units', cardinality: 'one', value: 'text' },
    addresses: { feature: 'addresses', cardinality: 'list', value: 'reference', refersTo: 'PainPoint' },
    impact: { feature: 'impacts', cardinality: 'one', value: 'level' },
    effort: { feature: 'efforts', cardinality: 'one', value: 'level' },
    due: { feature: 'due', cardinality: 'one', value: 'date' },
    status: { feature: 'statuses', cardinality: 'one', value: 'status' },
    on: { feature: 'dates', cardinality: 'one', value: 'date', inHeader: true },
    // A change's effects: `improves onboarding "…"` (the Effect rule, whose direction is its keyword).
    improves: { feature: 'effects', cardinality: 'many', value: 'reference', refersTo: 'Stage' },
    worsens: { feature: 'effects', cardinality: 'many', value: 'reference', refersTo: 'Stage' },
} as const satisfies Record<string, Property>;

export type PropertyKeyword = keyof typeof PROPERTIES;

/** A property with its keyword. */
export interface KeywordProperty extends Property {
    keyword: PropertyKeyword;
}

const withKeyword = (keyword: PropertyKeyword): KeywordProperty => ({ keyword, ...PROPERTIES[keyword] });
const ALL_PROPERTIES: readonly KeywordProperty[] = (Object.keys(PROPERTIES) as PropertyKeyword[]).map(withKeyword);
const PROPERTIES_OF_TYPE: ReadonlyMap<string, readonly KeywordProperty[]> = new Map(
    ELEMENT_TYPES.map((type) => [type, ELEMENT_KINDS[type].properties.map(withKeyword)]),
);
const SINGLE_VALUED_OF_TYPE: ReadonlyMap<string, readonly KeywordProperty[]> = new Map(
    [...PROPERTIES_OF_TYPE].map(([type, properties]) => [type, properties.filter((property) => property.cardinality === 'one')]),
);

/** The property a keyword starts, if it starts one. */
export function propertyOfKeyword(keyword: string): KeywordProperty | undefined {
    return ALL_PROPERTIES.find((property) => property.keyword === keyword);
}

/** The properties of an AST type, in grammar order (none for a type that is not an element kind). */
export function propertiesOf(type: string): readonly KeywordProperty[] {
    return PROPERTIES_OF_TYPE.get(type) ?? [];
}

/** The single-valued properties of an AST type: a second value is reported. */
export function singleValuedPropertiesOf(type: string): readonly KeywordProperty[] {
    return SINGLE_VALUED_OF_TYPE.get(type) ?? [];
}

/** The keywords that start a property inside a block (not in a declaration's header). */
export const BLOCK_PROPERTY_KEYWORDS: ReadonlySet<string> = new Set(
    ALL_PROPERTIES.filter((property) => !property.inHeader).map((property) => property.keyword),
);

/** The keyword a user writes for an AST property that holds references: `for` for `segments`. */
export function referenceKeyword(feature: string): string | undefined {
    return ALL_PROPERTIES.find((property) => property.feature === feature && property.value === 'reference')?.keyword;
}

/** The AST properties that hold comma-separated lists of names. */
export const LIST_FEATURES: ReadonlySet<string> = new Set(
    ALL_PROPERTIES.filter((property) => property.cardinality === 'list').map((property) => property.feature),
);

/** The keywords of the properties whose value is of this kind: `impact`, `effort` for `level`. */
export function keywordsTaking(value: ValueKind): PropertyKeyword[] {
    return ALL_PROPERTIES.filter((property) => property.value === value).map((property) => property.keyword);
}

/** The value kinds that are enumerations, by the grammar rule (a datatype rule of keywords) that lists their values. */
const ENUMERATION_RULES: Readonly<Record<string, ValueKind>> = { Severity: 'severity', Level: 'level', Status: 'status' };

/** The value kind a grammar rule enumerates: 'Level' → 'level'; undefined for any other rule. */
export function enumerationOfRule(ruleName: string): ValueKind | undefined {
    return Object.hasOwn(ENUMERATION_RULES, ruleName) ? ENUMERATION_RULES[ruleName] : undefined;
}
