/**
 * The element kinds of the language, each declared once: every tool (parser
 * messages, validation, linking errors, the formatter, the incremental
 * re-parse, completion, symbols, semantic tokens) reads this table instead of
 * keeping a list of its own. Adding a kind means adding it to the grammar and
 * here; test/language/element-kinds.test.ts checks the table against the
 * grammar and fails until both agree. The properties each kind may have are
 * declared in element-properties.ts.
 */
import { CompletionItemKind, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import type { PropertyKeyword } from './element-properties.js';

export interface ElementKind {
    /** The keyword that declares an element of this kind: `painpoint`. */
    keyword: string;
    /** How people call the kind, in messages, hovers and completion details: "pain point". */
    label: string;
    /**
     * Where the name must be unique and can be referenced from: the whole
     * workspace (the top-level declarations) or the journey that declares it.
     */
    scope: 'workspace' | 'journey';
    /**
     * The declaration's text begins with its keyword and, when it has a block,
     * ends with its `}`: the incremental re-parse may re-parse it alone with
     * the rule of its type.
     */
    reparsedAlone: boolean;
    /** The keywords of its properties, in grammar order (see element-properties.ts). */
    properties: readonly PropertyKeyword[];
    /** Its icon in Outline, breadcrumbs and workspace symbols. */
    symbol: SymbolKind;
    /** Its icon in completion lists. */
    completion: CompletionItemKind;
    /** A standard semantic token type, so that every color theme colors it. */
    token: string;
}

/** Keyed by AST type name (the grammar rule); the types of every named element of the language. */
export const ELEMENT_KINDS = {
    Team: {
        keyword: 'team', label: 'team', scope: 'workspace', reparsedAlone: true,
        properties: ['description', 'internal'],
        symbol: SymbolKind.Class, completion: CompletionItemKind.Class, token: SemanticTokenTypes.class,
    },
    Segment: {
        keyword: 'segment', label: 'segment', scope: 'workspace', reparsedAlone: true,
        properties: ['description', 'internal'],
        symbol: SymbolKind.Enum, completion: CompletionItemKind.Enum, token: SemanticTokenTypes.enum,
    },
    Journey: {
        keyword: 'journey', label: 'journey', scope: 'workspace', reparsedAlone: true,
        properties: ['description', 'owner', 'reviewed', 'for', 'internal'],
        symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module, token: SemanticTokenTypes.namespace,
    },
    Stage: {
        keyword: 'stage', label: 'stage', scope: 'journey', reparsedAlone: true,
        properties: ['description', 'goal', 'for', 'internal'],
        symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct, token: SemanticTokenTypes.struct,
    },
    Touchpoint: {
        keyword: 'touchpoint', label: 'touchpoint', scope: 'journey', reparsedAlone: true,
        properties: ['description', 'channel', 'owner', 'accountable', 'emotion', 'next', 'for', 'internal'],
        symbol: SymbolKind.Function, completion: CompletionItemKind.Function, token: SemanticTokenTypes.function,
    },
    PainPoint: {
        keyword: 'painpoint', label: 'pain point', scope: 'journey', reparsedAlone: true,
        properties: ['description', 'at', 'severity', 'evidence', 'for', 'internal', 'shared'],
        symbol: SymbolKind.Event, completion: CompletionItemKind.Event, token: SemanticTokenTypes.event,
    },
    Metric: {
        keyword: 'metric', label: 'metric', scope: 'journey', reparsedAlone: true,
        properties: ['description', 'target', 'actual', 'was', 'unit', 'internal', 'shared'],
        symbol: SymbolKind.Property, completion: CompletionItemKind.Property, token: SemanticTokenTypes.property,
    },
    Initiative: {
        keyword: 'initiative', label: 'initiative', scope: 'journey', reparsedAlone: true,
        properties: ['description', 'owner', 'addresses', 'impact', 'effort', 'due', 'status', 'for', 'internal', 'shared'],
        symbol: SymbolKind.Method, completion: CompletionItemKind.Method, token: SemanticTokenTypes.method,
    },
    Review: {
        keyword: 'review', label: 'review', scope: 'journey', reparsedAlone: true,
        properties: ['on', 'description', 'internal'],
        symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface, token: SemanticTokenTypes.interface,
    },
    Change: {
        keyword: 'change', label: 'change', scope: 'journey', reparsedAlone: true,
        properties: ['description', 'improves', 'worsens', 'internal'],
        symbol: SymbolKind.EnumMember, completion: CompletionItemKind.EnumMember, token: SemanticTokenTypes.enumMember,
    },
} as const satisfies Record<string, ElementKind>;

/** The AST type of a named element: 'Team', 'PainPoint'… */
export type ElementType = keyof typeof ELEMENT_KINDS;

/** Every element type, in the table's order. */
export const ELEMENT_TYPES = Object.keys(ELEMENT_KINDS) as ElementType[];

/** The kind of a named element by its AST type, undefined for anything else (a property, a target…). */
export function elementKind(type: string): ElementKind | undefined {
    return Object.hasOwn(ELEMENT_KINDS, type) ? ELEMENT_KINDS[type as ElementType] : undefined;
}

/** The kind a declaration keyword declares: 'painpoint' → PainPoint's kind. */
export function kindOfKeyword(keyword: string): ElementKind | undefined {
    return ELEMENT_TYPES.map((type) => ELEMENT_KINDS[type]).find((kind) => kind.keyword === keyword);
}

/** The keywords that start a declaration. */
export const DECLARATION_KEYWORDS: ReadonlySet<string> = new Set(ELEMENT_TYPES.map((type) => ELEMENT_KINDS[type].keyword));

/** The types whose names are workspace-global (the top-level declarations); all others are looked up in their journey. */
export const WORKSPACE_GLOBAL_TYPES: readonly ElementType[] = ELEMENT_TYPES.filter((type) => ELEMENT_KINDS[type].scope === 'workspace');

/** "touchpoint", "pain point"… for an AST type name. */
export function kindLabel(type: string): string {
    return elementKind(type)?.label ?? type.toLowerCase();
}

/** The label of a named element's AST type, or undefined for anything else (a property, a target…). */
export function declarationKindLabel(type: string): string | undefined {
    return elementKind(type)?.label;
}

/** The keyword that declares an element of this AST type (`painpoint` for `PainPoint`). */
export function kindKeyword(type: string): string {
    return elementKind(type)?.keyword ?? type.toLowerCase();
}
