import { DefaultIndexManager, type LangiumDocument, type ReferenceDescription, type URI } from 'langium';
import type { JourneyReferenceDescriptionProvider } from './descriptions.js';

/**
 * The index of every document's references, made when it is first read
 * instead of at the end of every build. Only "find references", rename and
 * the check whether a change in one file affects another read it; a
 * keystroke needs none of them, and on a large map indexing every reference
 * again costs as much as linking. The index read is the one a build would
 * have made: a document's pending entry is dropped whenever its links change
 * (Langium removes its references first), and made from the links it has.
 */
export class JourneyIndexManager extends DefaultIndexManager {
    /** Documents whose references are linked but not indexed yet, by URI. */
    private readonly pending = new Map<string, LangiumDocument>();

    override updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.pending.set(uri, document);
        return Promise.resolve();
    }

    override removeReferences(uri: URI): void {
        this.pending.delete(uri.toString());
        super.removeReferences(uri);
    }

    /** The indexed references of one document (undefined before its first build). */
    referencesOf(uri: string): readonly ReferenceDescription[] | undefined {
        this.indexPending(uri);
        return this.referenceIndex.get(uri);
    }

    override findAllReferences(...args: Parameters<DefaultIndexManager['findAllReferences']>): ReturnType<DefaultIndexManager['findAllReferences']> {
        this.indexPending();
        return super.findAllReferences(...args);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.indexPending(document.uri.toString());
        return super.isAffected(document, changedUris);
    }

    /** Indexes the pending documents (only the one with this URI, if given). */
    private indexPending(uri?: string): void {
        const documents = uri === undefined ? [...this.pending.values()] : [this.pending.get(uri)].filter((document) => document !== undefined);
        for (const document of documents) {
            const key = document.uri.toString();
            this.pending.delete(key);
            this.referenceIndex.set(key, this.descriptionsOf(document));
        }
    }

    private descriptionsOf(document: LangiumDocument): ReferenceDescription[] {
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider as JourneyReferenceDescriptionProvider;
        return provider.descriptionsOf(document);
    }
}
