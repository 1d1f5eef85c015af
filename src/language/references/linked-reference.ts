/**
 * References as instances of a small class instead of Langium's object
 * literal with three getters of its own: such a literal is a hash table in V8
 * with three closures (about 700 bytes); a map of 20,000 touchpoints has some
 * 60,000 references. The resolution is Langium's own (DefaultLinker's
 * buildReference, Langium 4.2.1), step for step.
 */
import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    type CstNode,
    type DefaultReference,
    DocumentState,
    isAstNode,
    isAstNodeDescription,
    isLinkingError,
    type LinkingError,
    type ReferenceInfo,
    RefResolving,
} from 'langium';

/** DefaultLinker's protected steps that a reference calls, as its own literal's getters do. */
export interface LinkerSteps {
    loadAstNode(nodeDescription: AstNodeDescription): AstNode | undefined;
    createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError;
    getLinkedNode(refInfo: ReferenceInfo): { node?: AstNode; descr?: AstNodeDescription; error?: LinkingError };
    throwCyclicReferenceError(node: AstNode, property: string, refText: string): never;
}

export class LinkedReference implements DefaultReference {
    _ref?: AstNode | LinkingError | typeof RefResolving = undefined;
    _nodeDescription?: AstNodeDescription = undefined;

    constructor(
        private readonly linker: LinkerSteps,
        private readonly container: AstNode,
        private readonly property: string,
        readonly $refNode: CstNode | undefined,
        readonly $refText: string,
    ) {}

    get ref(): AstNode | undefined {
        if (isAstNode(this._ref)) return this._ref;
        if (isAstNodeDescription(this._nodeDescription)) {
            // A candidate was found before, but its document is not loaded yet.
            this._ref = this.linker.loadAstNode(this._nodeDescription) ?? this.linker.createLinkingError(this.info(), this._nodeDescription);
        } else if (this._ref === undefined) {
            this._ref = RefResolving;
            const document = AstUtils.findRootNode(this.container).$document;
            const found = this.linker.getLinkedNode(this.info());
            if (found.error && document && document.state < DocumentState.ComputedScopes) {
                // The document's scopes are not computed yet: the linker tries again later.
                return (this._ref = undefined);
            }
            this._ref = found.node ?? found.error;
            this._nodeDescription = found.descr;
            document?.references.push(this);
        } else if (this._ref === RefResolving) {
            this.linker.throwCyclicReferenceError(this.container, this.property, this.$refText);
        }
        return isAstNode(this._ref) ? this._ref : undefined;
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }

    private info(): ReferenceInfo {
        return { reference: this, container: this.container, property: this.property };
    }
}
