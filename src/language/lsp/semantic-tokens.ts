/**
 * Semantic tokens: names colored by the kind of element they name (a team,
 * a touchpoint…), with the `declaration` modifier where the element is
 * declared, so that themes can tell `touchpoint kickoff` from `next kickoff`.
 * Keywords, strings, numbers and dates are left to the TextMate grammar.
 * A reference is colored by the kind it expects, resolved or not, so that
 * colors do not flicker while a name is being typed.
 */
import { type AstNode, type AstReflection, AstUtils, isNamed } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isTouchpoint } from '../generated/ast.js';
import { elementKind } from '../element-kinds.js';

export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;

    constructor(services: LangiumServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const kind = elementKind(node.$type);
        if (kind && isNamed(node)) {
            acceptor({ node, property: 'name', type: kind.token, modifier: SemanticTokenModifiers.declaration });
        }
        for (const info of AstUtils.streamReferences(node)) {
            const expected = elementKind(this.reflection.getReferenceType(info));
            const cst = info.reference.$refNode;
            if (expected && cst) {
                acceptor({ cst, type: expected.token });
            }
        }
        if (isTouchpoint(node)) {
            node.channels.forEach((_, index) => acceptor({ node, property: 'channels', index, type: SemanticTokenTypes.enumMember }));
        }
    }
}
