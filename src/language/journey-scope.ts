import { type AstNode, AstUtils, DefaultScopeComputation, type AstNodeDescription, type LangiumDocument, type MultiMap } from 'langium';
import { isJourney } from './generated/ast.js';

/**
 * Everything declared inside a journey (stages, touchpoints, pain points,
 * metrics, initiatives, reviews, changes) is visible by its simple name from
 * anywhere in that journey: a touchpoint in `renewal` may say `next kickoff`.
 * Langium's default puts a name in the scope of its direct container only, so
 * we attach every name inside a journey to the journey itself.
 * Teams, segments and journeys are exported to the workspace by the default
 * (they are the document's top-level elements).
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const journey = node.$container ? AstUtils.getContainerOfType(node.$container, isJourney) : undefined;
        if (!journey) {
            super.addLocalSymbol(node, document, symbols);
            return;
        }
        const name = this.nameProvider.getName(node);
        if (name) {
            symbols.add(journey, this.descriptions.createDescription(node, name, document));
        }
    }
}
