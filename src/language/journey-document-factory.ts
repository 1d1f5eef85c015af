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
            const services = this.serviceRegistry.getServices(uri);
            const updated = reparseIncrementally(previous, oldText, text, services);
            if (updated) return updated as ParseResult<T>;
        }
        return super.parseAsync(uri, text, cancellationToken);
    }
}
