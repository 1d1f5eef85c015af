// The tables of element kinds and properties are written by hand, and every
// tool reads them: these tests read the grammar (Langium's grammar API, as the
// TextMate and formatter tests do) and fail when a declaration or a property
// of the grammar is missing from the tables, differs from them, or when the
// tables hold something the grammar does not.
import { AstUtils, GrammarAST, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { ELEMENT_KINDS, ELEMENT_TYPES, elementKind } from '../../src/language/element-kinds.js';
import { PROPERTIES, propertiesOf, type KeywordProperty, type ValueKind } from '../../src/language/element-properties.js';
import { createTestServices } from '../helpers/services.js';

const grammar = createTestServices().Journey.Grammar;
const parserRules = grammar.rules.filter(GrammarAST.isParserRule);
const ruleNamed = new Map(parserRules.map((rule) => [rule.name, rule]));

/** The rules that declare a named element: they assign `name`. */
const declarationRules = parserRules.filter((rule) => contents(rule).some((node) => GrammarAST.isAssignment(node) && node.feature === 'name'));
const isDeclarationRule = (name: string) => declarationRules.some((rule) => rule.name === name);

function contents(node: AstNode): AstNode[] {
    return AstUtils.streamAllContents(node).toArray();
}

function calledRule(call: GrammarAST.RuleCall): GrammarAST.ParserRule | undefined {
    return ruleNamed.get(call.rule.$refText);
}

/** The top-level elements of a rule's definition, in order. */
function sequence(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement[] {
    return GrammarAST.isGroup(element) ? element.elements : [element];
}

function isKeyword(element: GrammarAST.AbstractElement | undefined, value: string): boolean {
    return GrammarAST.isKeyword(element) && element.value === value;
}

/** The keywords an element can start with, following rule calls. */
function firstKeywords(element: GrammarAST.AbstractElement): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isAssignment(element)) return firstKeywords(element.terminal);
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(firstKeywords);
    if (GrammarAST.isGroup(element)) return element.elements.length > 0 ? firstKeywords(element.elements[0]) : [];
    if (GrammarAST.isRuleCall(element)) {
        const rule = calledRule(element);
        return rule ? firstKeywords(rule.definition) : [];
    }
    return [];
}

/** What an assignment's value is, in the grammar's words: the rule it calls, `ref:<type>` for a reference, `flag` for a keyword. */
function grammarValue(terminal: GrammarAST.AbstractElement): string {
    if (GrammarAST.isCrossReference(terminal)) return `ref:${terminal.type.$refText}`;
    if (GrammarAST.isRuleCall(terminal)) return terminal.rule.$refText;
    if (GrammarAST.isKeyword(terminal)) return 'flag';
    throw new Error(`unexpected property value ${terminal.$type}`);
}

/** A property as the grammar declares it. */
interface GrammarProperty {
    keyword: string;
    feature: string;
    operator: string;
    commaList: boolean;
    inHeader: boolean;
    value: string;
}

/** `'kw' feature+=Value (',' feature+=Value)*`, or `feature+='kw'` (a flag). */
function keywordProperty(element: GrammarAST.AbstractElement, inHeader: boolean): GrammarProperty[] {
    if (GrammarAST.isAssignment(element) && GrammarAST.isKeyword(element.terminal)) {
        return [{ keyword: element.terminal.value, feature: element.feature, operator: element.operator, commaList: false, inHeader, value: 'flag' }];
    }
    if (GrammarAST.isAssignment(element) && GrammarAST.isRuleCall(element.terminal)) {
        // A rule that begins with keywords of its own (a change's Effect: `improves <stage>`): each keyword is a property.
        const rule = calledRule(element.terminal)!;
        const reference = contents(rule).find(GrammarAST.isCrossReference);
        const value = reference ? grammarValue(reference) : rule.name;
        return firstKeywords(rule.definition).map((keyword) => ({ keyword, feature: element.feature, operator: element.operator, commaList: false, inHeader, value }));
    }
    const [keyword, value, ...rest] = sequence(element);
    // One value, or alternatives into the same feature (`'channel' (channels+=ID | channels+=STRING)`).
    const assignments = GrammarAST.isAlternatives(value) ? value.elements : [value];
    if (!GrammarAST.isKeyword(keyword) || !assignments.every(GrammarAST.isAssignment) || new Set(assignments.map((one) => one.feature)).size !== 1) {
        throw new Error(`unexpected property shape in the grammar: ${element.$cstNode?.text}`);
    }
    const [assignment] = assignments;
    const commaList = rest.some((more) => isKeyword(sequence(more)[0], ','));
    const values = assignments.map((one) => grammarValue(one.terminal)).join('|');
    return [{ keyword: keyword.value, feature: assignment.feature, operator: assignment.operator, commaList, inHeader, value: values }];
}

/** The properties of a declaration rule, in grammar order: those of its header (after the name and title), then those of its block. */
function grammarProperties(rule: GrammarAST.ParserRule): GrammarProperty[] {
    const elements = sequence(rule.definition);
    const opensBlock = (element: GrammarAST.AbstractElement) => sequence(element).some((child) => isKeyword(child, '{'));
    // The block is either written inline (`'{' … '}'`) or optional (`('{' … '}')?`), at the end of the rule.
    const inline = elements.findIndex((element) => isKeyword(element, '{'));
    const last = elements[elements.length - 1];
    const header = inline >= 0 ? elements.slice(1, inline) : elements.slice(1, opensBlock(last) ? -1 : undefined);
    const block = inline >= 0 ? elements.slice(inline) : opensBlock(last) ? sequence(last) : [];
    const body = block[block.findIndex((element) => isKeyword(element, '{')) + 1];
    const headerProperties = header
        .filter((element) => !(GrammarAST.isAssignment(element) && (element.feature === 'name' || element.feature === 'title')))
        .flatMap((element) => keywordProperty(element, true));
    // One property alone in a block is its body; several are its alternatives.
    const blockProperties = (GrammarAST.isAlternatives(body) ? body.elements : body ? [body] : [])
        .filter((alternative) => !(GrammarAST.isAssignment(alternative) && GrammarAST.isRuleCall(alternative.terminal) && isDeclarationRule(alternative.terminal.rule.$refText)))
        .flatMap((alternative) => keywordProperty(alternative, false));
    return [...headerProperties, ...blockProperties];
}

/** The grammar rule each kind of value is written with. */
const VALUE_RULES: Readonly<Record<Exclude<ValueKind, 'reference'>, string>> = {
    text: 'STRING', date: 'DATE', emotion: 'Emotion', channel: 'ID|STRING', target: 'Target', quantity: 'Quantity', 'past-value': 'PastValue',
    severity: 'Severity', level: 'Level', status: 'Status', flag: 'flag',
};

function asGrammarDeclares(property: KeywordProperty): GrammarProperty {
    return {
        keyword: property.keyword,
        feature: property.feature,
        operator: '+=',
        commaList: property.cardinality === 'list',
        inHeader: property.inHeader ?? false,
        value: property.value === 'reference' ? `ref:${property.refersTo}` : VALUE_RULES[property.value],
    };
}

describe('the table of element kinds', () => {
    it('has every declaration of the grammar (a rule that assigns a name), and nothing else', () => {
        expect([...ELEMENT_TYPES].sort()).toEqual(declarationRules.map((rule) => rule.name).sort());
    });

    it('gives each kind the keyword its rule begins with', () => {
        for (const rule of declarationRules) {
            expect(sequence(rule.definition)[0], rule.name).toMatchObject({ value: elementKind(rule.name)?.keyword });
        }
    });

    it('scopes to the workspace exactly the declarations of the top level', () => {
        const entry = parserRules.find((rule) => rule.entry)!;
        const topLevel = new Set<string>();
        const visit = (node: AstNode) => {
            for (const call of contents(node).filter(GrammarAST.isRuleCall)) {
                const rule = calledRule(call);
                if (!rule || topLevel.has(rule.name)) continue;
                if (isDeclarationRule(rule.name)) topLevel.add(rule.name);
                else visit(rule);
            }
        };
        visit(entry);
        const workspaceScoped = ELEMENT_TYPES.filter((type) => ELEMENT_KINDS[type].scope === 'workspace');
        expect(workspaceScoped.sort()).toEqual([...topLevel].sort());
    });

    it('re-parses alone only declarations that begin with their keyword and end with their block', () => {
        for (const type of ELEMENT_TYPES.filter((name) => ELEMENT_KINDS[name].reparsedAlone)) {
            const elements = sequence(ruleNamed.get(type)!.definition);
            const last = elements[elements.length - 1];
            const endsWithBlock = isKeyword(last, '}') || isKeyword(sequence(last).at(-1), '}');
            expect({ type, beginsWithKeyword: GrammarAST.isKeyword(elements[0]), endsWithBlock }).toEqual({ type, beginsWithKeyword: true, endsWithBlock: true });
        }
    });
});

describe('the table of properties', () => {
    it.each(declarationRules.map((rule) => [rule.name, rule] as const))('lists the properties of %s as the grammar does, in its order', (_name, rule) => {
        expect(propertiesOf(rule.name).map(asGrammarDeclares)).toEqual(grammarProperties(rule));
    });

    it('has no property that no kind has', () => {
        const used = new Set(ELEMENT_TYPES.flatMap((type) => ELEMENT_KINDS[type].properties));
        expect(Object.keys(PROPERTIES).filter((keyword) => !used.has(keyword as keyof typeof PROPERTIES))).toEqual([]);
    });

    it('makes a header property the grammar allows once single-valued', () => {
        const header = ELEMENT_TYPES.flatMap((type) => propertiesOf(type)).filter((property) => property.inHeader);
        expect(header.filter((property) => property.cardinality !== 'one')).toEqual([]);
    });
});
