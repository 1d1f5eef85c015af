/**
 * Outline and breadcrumbs: journey › stages › touchpoints and pain points,
 * metrics, initiatives, reviews › changes — following the document's nesting.
 * Langium's default builds the tree from named AST nodes; we add the title as
 * the symbol's detail, so that the Outline reads `onboarding  Onboarding`.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';

export class JourneyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    /**
     * The symbols of each document's last text: VS Code asks twice after
     * every change (the Outline and the breadcrumbs), ~150 ms each at 5,000
     * touchpoints.
     */
    private readonly symbolsOf = new WeakMap<LangiumDocument, { text: string; symbols: DocumentSymbol[] }>();

    override async getSymbols(document: LangiumDocument, params: DocumentSymbolParams, cancelToken?: CancellationToken): Promise<DocumentSymbol[]> {
        const text = document.textDocument.getText();
        const known = this.symbolsOf.get(document);
        if (known?.text === text) return known.symbols;
        const symbols = await super.getSymbols(document, params, cancelToken);
        this.symbolsOf.set(document, { text, symbols });
        return symbols;
    }

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
