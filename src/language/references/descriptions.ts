import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    CstUtils,
    DefaultAstNodeDescriptionProvider,
    DefaultReferenceDescriptionProvider,
    type LangiumDocument,
    type NameProvider,
    type ReferenceDescription,
    type ReferenceInfo,
} from 'langium';

/**
 * The descriptions of named elements (exported names, local symbols) read
 * their name's and declaration's positions from the syntax tree when asked,
 * not when made: a keystroke that changes no name keeps the document's
 * descriptions (validation/document-builder.ts), and the positions of the
 * elements after it move. Langium's default computes the declaration's
 * position at once — most of the cost of computing scopes on a large map —
 * and keeps the name's first position.
 */
export class JourneyAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        const named = name ?? this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!named) throw new Error(`Node at path ${path} has no name.`);
        const nameProvider: NameProvider = this.nameProvider;
        return {
            node,
            name: named,
            get nameSegment() {
                return CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return CstUtils.toDocumentSegment(node.$cstNode);
            },
            type: node.$type,
            documentUri,
            path,
        };
    }
}

/**
 * The same for the reference index: each reference's position is read from
 * the tree when asked, so that a document whose links are kept keeps its
 * indexed references too.
 */
export class JourneyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** Langium's descriptions of a document's references, made at once (reference-index.ts makes them when first read). */
    descriptionsOf(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach((refInfo) => {
                if (!refInfo.reference.error) descriptions.push(...this.createInfoDescriptions(refInfo));
            });
        }
        return descriptions;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const at = refInfo.reference.$refNode;
        return super.createInfoDescriptions(refInfo).map((description) =>
            Object.defineProperty(description, 'segment', { get: () => CstUtils.toDocumentSegment(at), enumerable: true }),
        );
    }
}
