/**
 * Re-parsing after an edit without parsing the whole text again.
 *
 * Why: parsing is most of what a keystroke costs on a large map (a 5,000-
 * touchpoint file takes ~0.5 s to parse; linking and validation take less),
 * and Langium always re-parses the whole document. Most keystrokes change one
 * token or one declaration, so the previous tree is updated in place:
 *
 * - an edit inside one token (a title, a name, a number, a comment) gives
 *   that token its new text and its AST property its new value;
 * - an edit of whitespace between two tokens changes nothing but positions;
 * - any other edit strictly inside a declaration with a `{ … }` block
 *   re-parses that declaration's text alone, with the rule of its type, and
 *   puts the new subtree in place of the old one.
 *
 * In every case the positions of everything after the edit are shifted.
 *
 * This only happens when the result is certain to equal a whole-text parse:
 * the previous text parsed without errors, the changed text lexes exactly as
 * it would in its context, and the re-parsed declaration parses without error
 * and to its last character. Anything else returns `undefined` and the caller
 * parses the whole text. test/incremental-reparse.test.ts compares both on
 * thousands of random edits.
 */
import {
    type AstNode,
    AstUtils,
    type CompositeCstNode,
    type CstNode,
    GrammarAST,
    type LangiumCoreServices,
    type LeafCstNode,
    type LexerResult,
    type ParseResult,
    isCompositeCstNode,
    isLeafCstNode,
} from 'langium';
import {
    type PositionShift,
    type TextChange,
    firstLeafEndingAfter,
    leavesOf,
    moveLeaf,
    nextLeaf,
    nodesOf,
    positionShift,
    previousLeaf,
    resizeLeaf,
    shiftFrom,
    shiftLeavesAfter,
    splitsLineBreak,
    textChange,
} from './cst-shift.js';
import { ELEMENT_TYPES, ELEMENT_KINDS } from '../element-kinds.js';

/** Declarations that begin with their keyword and, when they have a block, end with its `}`: their text parses alone with the rule of their type. */
const REPARSEABLE_TYPES: ReadonlySet<string> = new Set(ELEMENT_TYPES.filter((type) => ELEMENT_KINDS[type].reparsedAlone));

/** Applies a planned update once every leaf after the edit has moved. */
type Update = (shift: PositionShift) => void;

export interface ReparseOptions {
    /**
     * Only an update that leaves every name and every reference as it was
     * (whitespace, a comment, a title, a number): the document builder then
     * keeps the document's scopes and links (validation/document-builder.ts).
     */
    keepNamesAndReferences?: boolean;
}

export function reparseIncrementally(previous: ParseResult, oldText: string, newText: string, services: LangiumCoreServices, options: ReparseOptions = {}): ParseResult | undefined {
    if (previous.lexerErrors.length > 0 || previous.parserErrors.length > 0) return undefined;
    const root = previous.value.$cstNode?.root;
    if (!root || root.fullText !== oldText) return undefined;
    const change = textChange(oldText, newText);
    if (!change || splitsLineBreak(oldText, newText, change)) return undefined;

    // Nothing is changed until an update is certain to succeed: on `undefined` the caller parses the whole text.
    const update =
        whitespaceUpdate(root, change, oldText, newText, services) ??
        tokenUpdate(root, change, newText, services, options) ??
        (options.keepNamesAndReferences ? undefined : declarationUpdate(root, change, newText, services));
    if (!update) return undefined;

    const shift = positionShift(root, change, oldText, newText);
    shiftLeavesAfter(root, change, shift);
    update(shift);
    (root as unknown as { _text: string })._text = newText;
    return previous;
}

/** An edit of the whitespace between two tokens, which stay two tokens: nothing but positions change. */
function whitespaceUpdate(root: CstNode, change: TextChange, oldText: string, newText: string, services: LangiumCoreServices): Update | undefined {
    if (!isBlank(oldText.slice(change.start, change.oldEnd)) || !isBlank(newText.slice(change.start, change.newEnd))) return undefined;
    const next = firstLeafEndingAfter(root, change.start);
    if (next && next.offset < change.oldEnd) return undefined;
    const before = next ? previousLeaf(next) : undefined;
    return stillLexes(services, newText, change, [before, next]) ? () => {} : undefined;
}

/** An edit inside one token (a title, a name, a number, a comment), which stays one token of the same type. */
function tokenUpdate(root: CstNode, change: TextChange, newText: string, services: LangiumCoreServices, options: ReparseOptions): Update | undefined {
    const after = firstLeafEndingAfter(root, change.start);
    // Typing at the end of a word edits the token that ends there; typing at the start of one, the token that starts there.
    const candidates = [after && after.offset === change.start ? previousLeaf(after) : undefined, after];
    for (const edited of candidates) {
        if (!edited || edited.offset > change.start || change.oldEnd > edited.end) continue;
        if (options.keepNamesAndReferences && isNameOrReference(edited)) continue;
        if (!stillLexes(services, newText, change, [previousLeaf(edited), edited, nextLeaf(edited)], edited)) continue;
        const update = tokenValueUpdate(edited, change, newText, services);
        if (update) return update;
    }
    return undefined;
}

function tokenValueUpdate(edited: LeafCstNode, change: TextChange, newText: string, services: LangiumCoreServices): Update | undefined {
    const image = newText.slice(edited.offset, edited.end + change.newEnd - change.oldEnd);
    const assignValue = edited.hidden ? () => {} : valueUpdate(edited, image, services);
    if (!assignValue) return undefined;
    const { offset, range } = edited;
    return (shift) => {
        // After every leaf from the edit on has moved: an insertion at the token's start must not move the token.
        resizeLeaf(edited, offset, image.length, { start: range.start, end: shift.map(range.end) });
        assignValue();
    };
}

/**
 * Whether the new text, lexed from the token before the edit to the token
 * after it, gives the same tokens as before (the edited one with its new
 * length): then the whole text lexes as before too, since lexing resumes
 * identically after an unchanged token.
 */
function stillLexes(services: LangiumCoreServices, newText: string, change: TextChange, around: (LeafCstNode | undefined)[], edited?: LeafCstNode): boolean {
    const delta = change.newEnd - change.oldEnd;
    const leaves = around.filter((leaf): leaf is LeafCstNode => leaf !== undefined);
    const moved = (leaf: LeafCstNode) => leaf !== edited && leaf.offset >= change.oldEnd;
    const expected = leaves.map((leaf) => ({
        type: leaf.tokenType.name,
        offset: moved(leaf) ? leaf.offset + delta : leaf.offset,
        length: leaf === edited ? leaf.length + delta : leaf.length,
    }));
    const first = around[0];
    const last = around[around.length - 1];
    const start = first ? first.offset : 0;
    const end = last ? last.end + delta : newText.length;
    return lexesAs(services, newText.slice(start, end), start, expected);
}

function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
    for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
    return undefined;
}

/** How the AST property a terminal token feeds takes the token's new text; `undefined` when it is not a plain assignment. */
function valueUpdate(leaf: LeafCstNode, image: string, services: LangiumCoreServices): (() => void) | undefined {
    const source = leaf.grammarSource;
    const terminal = GrammarAST.isCrossReference(source) ? source.terminal : source;
    if (!GrammarAST.isRuleCall(terminal) || !GrammarAST.isTerminalRule(terminal.rule.ref)) return undefined;
    const assignment = AstUtils.getContainerOfType(source, GrammarAST.isAssignment);
    const container = leaf.container;
    if (!assignment || !container) return undefined;
    const node = container.astNode as AstNode & Record<string, unknown>;
    const property = assignment.feature;
    const converter = services.parser.ValueConverter;
    const isReference = GrammarAST.isCrossReference(source);
    const isThisToken = (value: unknown) =>
        isReference ? (value as { $refNode?: CstNode } | undefined)?.$refNode === leaf : value === converter.convert(leaf.text, leaf);
    const newValue = () => {
        const value = converter.convert(image, leaf);
        return isReference ? services.references.Linker.buildReference(node, property, leaf, String(value)) : value;
    };
    if (assignment.operator === '=') {
        return isThisToken(node[property]) ? () => (node[property] = newValue()) : undefined;
    }
    if (assignment.operator !== '+=' || !Array.isArray(node[property])) return undefined;
    const values = node[property] as unknown[];
    const index = container.content.filter((sibling) => isLeafCstNode(sibling) && !sibling.hidden && propertyOf(sibling) === property).indexOf(leaf);
    return index >= 0 && isThisToken(values[index]) ? () => (values[index] = newValue()) : undefined;
}

/** The AST node a composite CST node was built for, if any (datatype rules and unassigned rule calls have none of their own). */
function ownAstNode(node: CstNode): AstNode | undefined {
    const own = (node as { _astNode?: AstNode })._astNode;
    return typeof own?.$type === 'string' ? own : undefined;
}

function isNameOrReference(leaf: LeafCstNode): boolean {
    return !leaf.hidden && (GrammarAST.isCrossReference(leaf.grammarSource) || propertyOf(leaf) === 'name');
}

function propertyOf(leaf: LeafCstNode): string | undefined {
    return AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment)?.feature;
}

/**
 * An edit strictly inside a declaration's text (after its keyword, before its
 * closing brace): that text is parsed alone and replaces the declaration.
 */
function declarationUpdate(root: CstNode, change: TextChange, newText: string, services: LangiumCoreServices): Update | undefined {
    // An edit that adds a declaration before another of the same kind looks like an edit inside the latter: then its container is re-parsed.
    for (const declaration of declarationsAround(root, change).reverse()) {
        if (declaration.length > newText.length / 2) break;
        const update = reparseDeclaration(root, declaration, change, newText, services);
        if (update) return update;
    }
    return undefined;
}

function reparseDeclaration(root: CstNode, declaration: CompositeCstNode, change: TextChange, newText: string, services: LangiumCoreServices): Update | undefined {
    const old = declaration.astNode;
    const delta = change.newEnd - change.oldEnd;
    const start = declaration.offset;
    const text = newText.slice(start, declaration.end + delta);
    const result = services.parser.LangiumParser.parse(text, { rule: old.$type });
    const parsed = result.value;
    const subtree = parsed.$cstNode;
    if (result.lexerErrors.length > 0 || result.parserErrors.length > 0 || parsed.$type !== old.$type) return undefined;
    if (!subtree || subtree.offset !== 0 || subtree.end !== text.length || !isCompositeCstNode(subtree)) return undefined;

    const origin = declaration.range.start;
    return () => {
        const children = [...subtree.content];
        const placed = shiftFrom(origin);
        for (const leaf of leavesOf(subtree)) moveLeaf(leaf, leaf.offset + start, placed);
        for (const node of nodesOf(subtree)) (node as { root: CstNode }).root = root;
        declaration.content.splice(0, declaration.content.length, ...children);
        // A declaration reached through an unassigned rule call (TopLevel: Team | …) belongs to that call's node, not to the one holding its tokens.
        for (let node: CstNode | undefined = declaration; node && node.astNode === old; node = node.container) {
            if (ownAstNode(node) === old) (node as { astNode: AstNode }).astNode = parsed;
        }
        (parsed as { $cstNode?: CstNode }).$cstNode = old.$cstNode;
        replaceInContainer(old, parsed);
    };
}

/** The re-parseable declarations whose keyword and closing brace the edit leaves alone, outermost first. */
function declarationsAround(root: CstNode, change: TextChange): CompositeCstNode[] {
    const found: CompositeCstNode[] = [];
    let node: CstNode | undefined = root;
    while (node && isCompositeCstNode(node)) {
        node = node.content.find((child) => isCompositeCstNode(child) && child.offset <= change.start && change.oldEnd <= child.end);
        if (!node || !isCompositeCstNode(node)) break;
        const declaration = node.astNode;
        const first = node.content.find((child) => !child.hidden);
        const last = lastOf(node.content, (child) => !child.hidden);
        const inside = first !== undefined && last !== undefined && first.end <= change.start && change.oldEnd <= last.offset;
        const holdsTokens = isLeafCstNode(first) && isLeafCstNode(last) && last.text === '}';
        if (REPARSEABLE_TYPES.has(declaration.$type) && declaration.$container && inside && holdsTokens) found.push(node);
    }
    return found;
}

function replaceInContainer(old: AstNode, parsed: AstNode): void {
    const container = old.$container as (AstNode & Record<string, unknown>) | undefined;
    const property = old.$containerProperty;
    if (!container || !property) return;
    const index = old.$containerIndex;
    if (index === undefined) container[property] = parsed;
    else (container[property] as AstNode[])[index] = parsed;
    Object.assign(parsed, { $container: container, $containerProperty: property, $containerIndex: index });
}

/** Whether `text`, lexed alone, gives exactly the expected tokens (hidden ones included) at the expected offsets. */
function lexesAs(services: LangiumCoreServices, text: string, at: number, expected: { type: string; offset: number; length: number }[]): boolean {
    const result = services.parser.Lexer.tokenize(text);
    if (result.errors.length > 0) return false;
    const tokens: LexerResult['tokens'] = [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
    return (
        tokens.length === expected.length &&
        tokens.every((token, i) => token.tokenType.name === expected[i].type && token.startOffset + at === expected[i].offset && token.image.length === expected[i].length)
    );
}

function isBlank(text: string): boolean {
    return /^\s*$/.test(text);
}
