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
 *   re-parses that declaration and puts the new subtree in place of the old.
 *
 * In every case the positions of everything after the edit are shifted.
 *
 * This only happens when the result is certain to equal a whole-text parse.
 * A token or whitespace update needs a previous text without errors and a
 * changed text that lexes exactly as it would in its context. A declaration
 * is re-parsed in its context: the headers of the declarations around it
 * (`journey j "J" {`, `stage s "S" {`) then blank text up to its own offset,
 * line and column, its new text, and the closing braces, so that the parser
 * is in the state it is in at that place of the whole text (the same rules
 * around it, so the same recovery from a mistake) and every token, error and
 * message gets its real position. That parse must end the declaration at
 * its own last '}' and have no error outside it; the previous text may have
 * errors only inside the re-parsed declaration. Typing through a mistake
 * (a new line being typed is an error at nearly every keystroke) so stays
 * incremental. Anything else returns `undefined` and the caller parses the
 * whole text. test/incremental-reparse.test.ts compares both on thousands of
 * random edits, with and without errors.
 */
import {
    type AstNode,
    AstUtils,
    CstUtils,
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
    nextLeaf,
    nodesOf,
    positionShift,
    previousLeaf,
    resizeLeaf,
    shiftLeavesAfter,
    splitsLineBreak,
    textChange,
} from './cst-shift.js';
import { ELEMENT_TYPES, ELEMENT_KINDS } from '../element-kinds.js';
import { MAX_PARSER_ERRORS, looksForStrayClose } from './journey-parser.js';

/** Declarations that begin with their keyword and, when they have a block, end with its `}`: they are re-parsed in their context. */
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
    /** Told when the update replaced a declaration: the builder then relinks only what it touches. */
    onReplace?: (old: AstNode, parsed: AstNode) => void;
}

export function reparseIncrementally(previous: ParseResult, oldText: string, newText: string, services: LangiumCoreServices, options: ReparseOptions = {}): ParseResult | undefined {
    const root = previous.value.$cstNode?.root;
    if (!root || root.fullText !== oldText) return undefined;
    const change = textChange(oldText, newText);
    if (!change || splitsLineBreak(oldText, newText, change)) return undefined;

    // Nothing is changed until an update is certain to succeed: on `undefined` the caller parses the whole text.
    const clean = previous.lexerErrors.length === 0 && previous.parserErrors.length === 0;
    const update =
        (clean ? whitespaceUpdate(root, change, oldText, newText, services) ?? tokenUpdate(root, change, newText, services, options) : undefined) ??
        (options.keepNamesAndReferences ? undefined : declarationUpdate(previous, root, change, newText, services, options));
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
 * closing brace): the declaration is parsed again in its context and replaces
 * the old one, with the errors of the new parse.
 */
function declarationUpdate(previous: ParseResult, root: CstNode, change: TextChange, newText: string, services: LangiumCoreServices, options: ReparseOptions): Update | undefined {
    // An edit that adds a declaration before another of the same kind looks like an edit inside the latter: then its container is re-parsed.
    for (const declaration of declarationsAround(root, change).reverse()) {
        if (declaration.length > newText.length / 2) break;
        if (!holdsEveryError(previous, declaration)) continue;
        const update = reparseDeclaration(previous, root, declaration, change, newText, services, options);
        if (update) return update;
    }
    return undefined;
}

/** Whether every error of the previous parse is inside the declaration, so that a new parse of it gives every error of the text. */
function holdsEveryError(previous: ParseResult, declaration: CompositeCstNode): boolean {
    return hasErrorsOnlyInside(previous, declaration, declaration.end);
}

/**
 * Whether every error of a parse is after the declaration's keyword and
 * before `end`. An error on the keyword is one of the text before it (`metric
 * m "M" {` without its '}' is reported at the next declaration).
 */
function hasErrorsOnlyInside(result: ParseResult, declaration: CompositeCstNode, end: number): boolean {
    const keyword = declaration.content.find((child) => !child.hidden);
    const inside = (offset: number) => keyword !== undefined && offset > keyword.offset && offset < end;
    return result.lexerErrors.every((error) => inside(error.offset)) && result.parserErrors.every((error) => inside(error.token.startOffset));
}

function reparseDeclaration(previous: ParseResult, root: CstNode, declaration: CompositeCstNode, change: TextChange, newText: string, services: LangiumCoreServices, options: ReparseOptions): Update | undefined {
    const old = declaration.astNode;
    const end = declaration.end + change.newEnd - change.oldEnd;
    const context = textInContext(declaration, newText.slice(declaration.offset, end), newText);
    if (context === undefined) return undefined;
    const result = services.parser.LangiumParser.parse(context);
    if (!hasErrorsOnlyInside(result, declaration, end) || result.parserErrors.length >= MAX_PARSER_ERRORS) return undefined;
    if (hasErrors(result) && !errorsStayInside(newText, declaration.offset, end)) return undefined;
    const parsed = declarationParsedAt(result.value, declaration, end);
    const subtree = parsed?.$cstNode;
    if (!parsed || !subtree || !isCompositeCstNode(subtree)) return undefined;
    // The whole parse would look for a stray '}' before the first error outside the declaration, where this parse has none.
    const first = result.parserErrors[0];
    if (first && looksForStrayClose(first) && !leavesOf(subtree).some((leaf) => !leaf.hidden && leaf.text === '}' && leaf.offset < first.token.startOffset)) return undefined;

    return () => {
        const children = [...subtree.content];
        for (const node of nodesOf(subtree)) (node as { root: CstNode }).root = root;
        declaration.content.splice(0, declaration.content.length, ...children);
        // A declaration reached through an unassigned rule call (TopLevel: Team | …) belongs to that call's node, not to the one holding its tokens.
        for (let node: CstNode | undefined = declaration; node && node.astNode === old; node = node.container) {
            if (ownAstNode(node) === old) (node as { astNode: AstNode }).astNode = parsed;
        }
        (parsed as { $cstNode?: CstNode }).$cstNode = old.$cstNode;
        replaceInContainer(old, parsed);
        previous.lexerErrors = result.lexerErrors;
        previous.lexerReport = result.lexerReport;
        previous.parserErrors = result.parserErrors;
        options.onReplace?.(old, parsed);
    };
}

function hasErrors(result: ParseResult): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0;
}

/**
 * Whether a mistake in the declaration's new text reads the same in the whole
 * text: a '/*' with no end in the declaration may end in the text after it,
 * a quote with no end may end on the rest of the line after its '}', and the
 * guesses about a mistake (a missing comma, quotes, a brace) read the rest of
 * the line. In the text it is parsed in, nothing follows its '}' on its line.
 */
function errorsStayInside(text: string, start: number, end: number): boolean {
    const declaration = text.slice(start, end);
    const opened = declaration.lastIndexOf('/*');
    if (opened >= 0 && declaration.indexOf('*/', opened + 2) < 0) return false;
    REST_OF_LINE_BLANK.lastIndex = end;
    return REST_OF_LINE_BLANK.test(text);
}

const REST_OF_LINE_BLANK = /[ \t]*(\r|\n|$)/y;

/**
 * The text the declaration is parsed in: the headers of the declarations
 * that contain it, blank up to the declaration's offset, line and column in
 * the whole text, the declaration, and a '}' for each header. `undefined`
 * when the declaration shares a line with a header (no room for the blank).
 */
function textInContext(declaration: CompositeCstNode, text: string, wholeText: string): string | undefined {
    const headers: string[] = [];
    for (let container = declaration.astNode.$container; container?.$container; container = container.$container) {
        const header = headerOf(container, wholeText);
        if (header === undefined) return undefined;
        headers.unshift(header);
    }
    const before = headers.join('\n');
    const { line, character } = declaration.range.start;
    const lineBreaks = line - (before.match(LINE_BREAK)?.length ?? 0);
    const spaces = declaration.offset - before.length - lineBreaks - character;
    if (lineBreaks < 1 || spaces < 0) return undefined;
    return `${before}${' '.repeat(spaces)}${'\n'.repeat(lineBreaks)}${' '.repeat(character)}${text}${'\n}'.repeat(headers.length)}`;
}

const LINE_BREAK = /\r\n?|\n/g;

/** A block declaration's text from its keyword to its '{'. */
function headerOf(node: AstNode, text: string): string | undefined {
    const keyword = node.$cstNode ? firstToken(node.$cstNode) : undefined;
    // The node that holds the keyword holds the block's braces (the declaration's own node may wrap it: TopLevel: Team | Journey …).
    const open = keyword?.container?.content.find((child) => isLeafCstNode(child) && !child.hidden && child.text === '{');
    return keyword && open ? text.slice(keyword.offset, open.end) : undefined;
}

function firstToken(node: CstNode): LeafCstNode | undefined {
    if (isLeafCstNode(node)) return node.hidden ? undefined : node;
    if (!isCompositeCstNode(node)) return undefined;
    for (const child of node.content) {
        const token = firstToken(child);
        if (token) return token;
    }
    return undefined;
}

/** The declaration the parse in context made of the one at the same place, if it ends with its own '}' where the new text of the old one ends. */
function declarationParsedAt(document: AstNode, declaration: CompositeCstNode, end: number): AstNode | undefined {
    const type = declaration.astNode.$type;
    const start = declaration.content.find((child) => !child.hidden)?.offset;
    const keyword = start === undefined || !document.$cstNode ? undefined : CstUtils.findLeafNodeAtOffset(document.$cstNode, start);
    let parsed = keyword?.astNode;
    while (parsed && parsed.$type !== type) parsed = parsed.$container;
    const cst = parsed?.$cstNode;
    if (!parsed || !cst || !isCompositeCstNode(cst) || cst.offset !== declaration.offset) return undefined;
    const last = lastOf(cst.content, (child) => !child.hidden);
    return last && isLeafCstNode(last) && last.text === '}' && last.end === end && depth(parsed) === depth(declaration.astNode) ? parsed : undefined;
}

function depth(node: AstNode): number {
    let count = 0;
    for (let container = node.$container; container; container = container.$container) count++;
    return count;
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
