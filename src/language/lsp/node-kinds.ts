/**
 * How each kind of element looks in the editor: its symbol icon (Outline,
 * breadcrumbs, workspace symbols), its completion icon, and its semantic
 * token type. One table, so that a touchpoint has the same identity
 * everywhere.
 */
import { type AstNode, type AstNodeDescription, isAstNode } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import {
    Change, Initiative, Journey, Metric, PainPoint, Review, Segment, Stage, Team, Touchpoint,
} from '../generated/ast.js';

interface ElementKind {
    symbol: SymbolKind;
    completion: CompletionItemKind;
    /** A standard semantic token type, so that every color theme colors it. */
    token: string;
}

/** Keyed by AST type name; the types of every named element of the language. */
export const ELEMENT_KINDS: Readonly<Record<string, ElementKind>> = {
    [Team.$type]: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class, token: SemanticTokenTypes.class },
    [Segment.$type]: { symbol: SymbolKind.Enum, completion: CompletionItemKind.Enum, token: SemanticTokenTypes.enum },
    [Journey.$type]: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module, token: SemanticTokenTypes.namespace },
    [Stage.$type]: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct, token: SemanticTokenTypes.struct },
    [Touchpoint.$type]: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function, token: SemanticTokenTypes.function },
    [PainPoint.$type]: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event, token: SemanticTokenTypes.event },
    [Metric.$type]: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property, token: SemanticTokenTypes.property },
    [Initiative.$type]: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method, token: SemanticTokenTypes.method },
    [Review.$type]: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface, token: SemanticTokenTypes.interface },
    [Change.$type]: { symbol: SymbolKind.EnumMember, completion: CompletionItemKind.EnumMember, token: SemanticTokenTypes.enumMember },
};

/** The kind of a named element by its AST type, undefined for anything else. */
export function elementKind(type: string): ElementKind | undefined {
    return ELEMENT_KINDS[type];
}

export class JourneyNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return elementKind(typeOf(node))?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return elementKind(typeOf(node))?.completion ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNode(node) ? node.$type : node.type;
}
