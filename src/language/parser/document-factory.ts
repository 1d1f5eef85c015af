import { type AstNode, type Cancellation, DefaultLangiumDocumentFactory, type LangiumDocument, type Mutable, type ParseResult, type URI } from 'langium';
import { reparseIncrementally } from './incremental-reparse.js';

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

    /** A failure of the incremental path must never cost the user their diagnostics: the whole text is parsed instead. */
    private reparse(uri: URI, previous: ParseResult, oldText: string, text: string): ParseResult | undefined {
        try {
            return reparseIncrementally(previous, oldText, text, this.serviceRegistry.getServices(uri));
        } catch (error) {
            console.error(`Incremental re-parse of ${uri.toString()} failed; parsing the whole text.`, error);
            return undefined;
        }
    }
}
