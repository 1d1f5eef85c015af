/**
 * Outline and breadcrumbs: journey › stages › touchpoints and pain points,
 * metrics, initiatives, reviews › changes — following the document's nesting.
 * Langium's default builds the tree from named AST nodes; we add the title as
 * the symbol's detail, so that the Outline reads `onboarding  Onboarding`.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';

export class JourneyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(
        document: LangiumDocument,
        astNode: AstNode,
        cstNode: CstNode,
        nameNode: CstNode,
        computedName?: string,
    ): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = titleOf(astNode);
        return title ? { ...symbol, detail: title } : symbol;
    }
}

/** The display title of a declaration, when it has one. */
export function titleOf(node: AstNode): string | undefined {
    const title = (node as { title?: unknown }).title;
    return typeof title === 'string' && title.length > 0 ? title : undefined;
}
