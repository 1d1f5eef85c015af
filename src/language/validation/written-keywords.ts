import { type AstNode, CstUtils, GrammarAST, isLeafCstNode } from 'langium';

/**
 * Whether an element's own text has a property's keyword, even if the value
 * after it did not parse: `severity urgent` is a syntax error about the value,
 * so a rule must not also say that the pain point has no severity. Called only
 * when the property is missing, so walking the element's text is rare.
 */
export function writesKeyword(node: AstNode, keyword: string): boolean {
    const cst = node.$cstNode;
    return cst !== undefined && CstUtils.streamCst(cst).some((child) =>
        isLeafCstNode(child) && !child.hidden && child.text === keyword && GrammarAST.isKeyword(child.grammarSource) && child.astNode === node);
}
