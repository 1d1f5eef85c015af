import { type AstNode, type Cancellation, DefaultLangiumDocumentFactory, type LangiumDocument, type Mutable, type ParseResult, type URI } from 'langium';
import { type ReparseOptions, reparseIncrementally } from './incremental-reparse.js';

/**
 * Documents are re-parsed incrementally after an edit when that is certain
 * to give the same tree as a whole parse (see incremental-reparse.ts), and
 * parsed whole otherwise.
 */
export class JourneyDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse results of the documents being updated, by URI, until their new text is parsed. */
    private readonly previous = new Map<string, ParseResult>();

    override async update<T extends AstNode = AstNode>(
        document: Mutable<LangiumDocument<T>>,
        cancellationToken: Cancellation.CancellationToken,
    ): Promise<LangiumDocument<T>> {
        const uri = document.uri.toString();
        this.previous.set(uri, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous.delete(uri);
        }
    }

    protected override async parseAsync<T extends AstNode>(
        uri: URI,
        text: string,
        cancellationToken: Cancellation.CancellationToken,
    ): Promise<ParseResult<T>> {
        const previous = this.previous.get(uri.toString());
        const oldText = previous?.value.$cstNode?.root.fullText;
        if (previous && oldText !== undefined) {
            const updated = this.reparse(uri, previous, oldText, text);
            if (updated) return updated as ParseResult<T>;
        }
        return super.parseAsync(uri, text, cancellationToken);
    }

    /**
     * Brings the document to its open text by an update in place that leaves
     * every name and reference as it was (see ReparseOptions); false, with
     * nothing changed, when the edit is not such an update.
     */
    updateKeepingNamesAndReferences(document: Mutable<LangiumDocument>): boolean {
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        if (!textDocument || oldText === undefined) return false;
        const text = textDocument.getText();
        // The same text (a file opened as it is on disk) keeps its tree as it is: Langium does not parse it again either.
        if (text !== oldText && !this.reparse(document.uri, document.parseResult, oldText, text, { keepNamesAndReferences: true })) return false;
        // As Langium's update does: the document reads the open text document from now on.
        Object.defineProperty(document, 'textDocument', { value: textDocument });
        return true;
    }

    /**
     * Brings the document to its open text by an update in place; when that
     * update replaced one declaration, the old one and its replacement. With
     * `undefined`, the document is either updated in place otherwise (a name
     * typed in: Langium does not parse a text again that the tree already has)
     * or not at all.
     */
    updateDeclaration(document: Mutable<LangiumDocument>): { old: AstNode; parsed: AstNode } | undefined {
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        if (!textDocument || oldText === undefined) return undefined;
        let replaced: { old: AstNode; parsed: AstNode } | undefined;
        const onReplace = (old: AstNode, parsed: AstNode) => (replaced = { old, parsed });
        if (!this.reparse(document.uri, document.parseResult, oldText, textDocument.getText(), { onReplace })) return undefined;
        Object.defineProperty(document, 'textDocument', { value: textDocument });
        return replaced;
    }

    /** A failure of the incremental path must never cost the user their diagnostics: the whole text is parsed instead. */
    private reparse(uri: URI, previous: ParseResult, oldText: string, text: string, options?: ReparseOptions): ParseResult | undefined {
        try {
            return reparseIncrementally(previous, oldText, text, this.serviceRegistry.getServices(uri), options);
        } catch (error) {
            console.error(`Incremental re-parse of ${uri.toString()} failed; parsing the whole text.`, error);
            return undefined;
        }
    }
}
