import {
    type AstNode,
    type AstNodeDescription,
    type AstReflection,
    AstUtils,
    type CstNode,
    CstUtils,
    DefaultAstNodeDescriptionProvider,
    DefaultReferenceDescriptionProvider,
    type DocumentSegment,
    isReference,
    type LangiumCoreServices,
    type LangiumDocument,
    type NameProvider,
    type ReferenceDescription,
    type ReferenceInfo,
    type URI,
    UriUtils,
} from 'langium';
import { forEachReference } from './reference-walk.js';

/**
 * The descriptions of named elements (exported names, local symbols) read
 * their name's and declaration's positions from the syntax tree when asked,
 * not when made: a keystroke that changes no name keeps the document's
 * descriptions (validation/document-builder.ts), and the positions of the
 * elements after it move. Langium's default computes the declaration's
 * position at once — most of the cost of computing scopes on a large map —
 * and keeps the name's first position.
 *
 * Descriptions and indexed references are instances of small classes with
 * the position getters on the prototype: an object literal with getters of
 * its own is a hash table in V8 (about half a kilobyte each), and a large map
 * has one per name and one per reference.
 */
export class JourneyAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        const named = name ?? this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!named) throw new Error(`Node at path ${path} has no name.`);
        return new TreeNodeDescription(node, named, node.$type, documentUri, path, this.nameProvider);
    }
}

class TreeNodeDescription implements AstNodeDescription {
    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        readonly path: string,
        private readonly nameProvider: NameProvider,
    ) {}

    get nameSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

/**
 * The same for the reference index: each reference's position is read from
 * the tree when asked, so that a document whose links are kept keeps its
 * indexed references too. As Langium's createInfoDescriptions otherwise.
 */
export class JourneyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly reflection: AstReflection;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    /**
     * Langium's descriptions of a document's references, made at once
     * (reference-index.ts makes them when first read), with the document's
     * URI and each element's path computed once for all its references, not
     * once per reference: a path is a string built from the root down, and an
     * element has several references.
     */
    descriptionsOf(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            let sourcePath: string | undefined;
            forEachReference(node, this.reflection, (refInfo) => {
                sourcePath ??= this.nodeLocator.getAstNodePath(node);
                descriptions.push(...this.describe(refInfo, document.uri, sourcePath));
            });
        }
        return descriptions;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        return this.describe(refInfo, AstUtils.getDocument(refInfo.container).uri, this.nodeLocator.getAstNodePath(refInfo.container));
    }

    private describe(refInfo: ReferenceInfo, sourceUri: URI, sourcePath: string): ReferenceDescription[] {
        const reference = refInfo.reference;
        const at = reference.$refNode;
        if (reference.error || !at) return [];
        const targets = isReference(reference) ? [reference.$nodeDescription] : reference.items.map((item) => item.$nodeDescription);
        return targets
            .filter((target): target is AstNodeDescription => target !== undefined)
            .map((target) => new IndexedReference(sourceUri, sourcePath, target.documentUri, target.path, UriUtils.equals(target.documentUri, sourceUri), at));
    }
}

class IndexedReference implements ReferenceDescription {
    constructor(
        readonly sourceUri: URI,
        readonly sourcePath: string,
        readonly targetUri: URI,
        readonly targetPath: string,
        readonly local: boolean,
        private readonly at: CstNode,
    ) {}

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.at);
    }
}
