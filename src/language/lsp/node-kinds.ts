/**
 * How each kind of element looks in the editor: its symbol icon (Outline,
 * breadcrumbs, workspace symbols) and its completion icon, read from the
 * table of element kinds (element-kinds.ts), which also holds its semantic
 * token type — so that a touchpoint has the same identity everywhere.
 */
import { type AstNode, type AstNodeDescription, isAstNode } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import { elementKind } from '../element-kinds.js';

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
