import { type Grammar, GrammarAST } from 'langium';
import { declarationKindLabel } from '../element-kinds.js';

/**
 * What may appear inside the braces of each kind of block, read from the grammar
 * so that the messages follow the language when a property is added.
 */
export interface BlockContents {
    /** The keywords that start something inside a block of this rule: properties and nested declarations. */
    contentsOf(ruleName: string): ReadonlySet<string>;
    /** The keywords that start something inside any block (or top level) that can contain a block of this rule. */
    enclosingContents(ruleName: string): ReadonlySet<string>;
    /** The kinds of block in which a declaration keyword may appear. */
    homesOf(keyword: string): string[];
}

export function analyseBlocks(grammar: Grammar): BlockContents {
    const rules = new Map(grammar.rules.filter(GrammarAST.isParserRule).map((rule) => [rule.name, rule]));
    const contents = new Map<string, Set<string>>();
    const children = new Map<string, Set<string>>();
    for (const rule of rules.values()) {
        const inside = blockBody(rule) ?? (rule.entry ? rule.definition : undefined);
        if (!inside) continue;
        contents.set(rule.name, new Set(firstKeywords(inside, rules)));
        children.set(rule.name, new Set(calledRules(inside, rules)));
    }
    const parentsOf = (name: string) => [...children].filter(([, called]) => called.has(name)).map(([parent]) => parent);
    const ancestorsOf = (name: string, seen = new Set<string>()): Set<string> => {
        for (const parent of parentsOf(name)) {
            if (!seen.has(parent)) {
                seen.add(parent);
                ancestorsOf(parent, seen);
            }
        }
        return seen;
    };
    const declaringRule = (keyword: string) => [...rules.values()].find((rule) => firstKeywords(rule.definition, rules).includes(keyword) && declarationKindLabel(rule.name));
    return {
        contentsOf: (name) => contents.get(name) ?? new Set(),
        enclosingContents: (name) => new Set([...ancestorsOf(name)].flatMap((ancestor) => [...(contents.get(ancestor) ?? [])])),
        homesOf: (keyword) => {
            const rule = declaringRule(keyword);
            if (!rule) return [];
            return parentsOf(rule.name).map((parent) => declarationKindLabel(parent)).filter((kind): kind is string => kind !== undefined);
        },
    };
}

/** The element between a rule's '{' and '}', if the rule has a block. */
function blockBody(rule: GrammarAST.ParserRule): GrammarAST.AbstractElement | undefined {
    for (const element of streamElements(rule.definition)) {
        const container: unknown = element.$container;
        if (GrammarAST.isKeyword(element) && element.value === '{' && GrammarAST.isGroup(container)) {
            const siblings = container.elements;
            return siblings[siblings.indexOf(element) + 1];
        }
    }
    return undefined;
}

function* streamElements(element: GrammarAST.AbstractElement): Generator<GrammarAST.AbstractElement> {
    yield element;
    if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        for (const child of element.elements) yield* streamElements(child);
    } else if (GrammarAST.isAssignment(element)) {
        yield* streamElements(element.terminal);
    }
}

/** The keywords an element can start with; for a called rule, the keywords that rule starts with. */
function firstKeywords(element: GrammarAST.AbstractElement, rules: Map<string, GrammarAST.ParserRule>): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isAssignment(element)) return firstKeywords(element.terminal, rules);
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap((child) => firstKeywords(child, rules));
    if (GrammarAST.isGroup(element)) return element.elements.length > 0 ? firstKeywords(element.elements[0], rules) : [];
    if (GrammarAST.isRuleCall(element)) {
        const called = rules.get(element.rule.$refText);
        return called ? firstKeywords(called.definition, rules) : [];
    }
    return [];
}

function calledRules(element: GrammarAST.AbstractElement, rules: Map<string, GrammarAST.ParserRule>): string[] {
    return [...streamElements(element)]
        .filter(GrammarAST.isRuleCall)
        .map((call) => call.rule.$refText)
        .filter((name) => rules.has(name));
}

