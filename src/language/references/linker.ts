import { type AstNode, AstUtils, Cancellation, type CstNode, DefaultLinker, interruptAndCheck, type LangiumDocument, type Reference } from 'langium';
import { LinkedReference, type LinkerSteps } from './linked-reference.js';
import { forEachReference } from './reference-walk.js';

/**
 * Langium's linker, which can be told that only some nodes hold references
 * that are not linked: the document builder does so after a keystroke that
 * replaced one declaration (validation/document-builder.ts), and the next
 * link of that document visits those nodes instead of every node of it.
 * Its references are small class instances (linked-reference.ts), found by
 * their properties' names (reference-walk.ts).
 */
export class JourneyLinker extends DefaultLinker {
    private readonly onlyUnlinked = new WeakMap<LangiumDocument, AstNode[]>();

    /** The next link of the document links the references of these nodes: every other reference of it is linked. */
    linkOnly(document: LangiumDocument, nodes: AstNode[]): void {
        this.onlyUnlinked.set(document, nodes);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const nodes = this.onlyUnlinked.get(document);
        this.onlyUnlinked.delete(document);
        if (nodes) {
            for (const node of nodes) forEachReference(node, this.reflection, (info) => this.doLink(info, document));
            return;
        }
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            await interruptAndCheck(cancelToken);
            forEachReference(node, this.reflection, (info) => this.doLink(info, document));
        }
    }

    override unlink(document: LangiumDocument): void {
        this.onlyUnlinked.delete(document);
        super.unlink(document);
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new LinkedReference(this as unknown as LinkerSteps, node, property, refNode, refText);
    }
}
