import {
    type AstNode,
    CstUtils,
    DefaultLexer,
    DefaultLexerErrorMessageProvider,
    diagnosticData,
    DocumentValidator,
    type Grammar,
    GrammarAST,
    isCompositeCstNode,
    type LangiumCoreServices,
    LangiumParserErrorMessageProvider,
    type LexerResult,
    type ParseResult,
    type TokenizeOptions,
} from 'langium';
import type { ILexingError, IRecognitionException, IToken, TokenType } from 'chevrotain';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver';
import { DiagnosticCode } from '../validation/diagnostic-codes.js';
import { MAX_PARSER_ERRORS } from './journey-parser.js';
import { declarationKindLabel } from '../element-kinds.js';

/*
 * Lexer and parser errors in the language's own terms: what was expected, after
 * which keyword, for which kind of element. The parser (chevrotain) knows what it
 * expected; the document knows which block is still open. So the message provider
 * words each error, and `toSyntaxDiagnostics` names the open block and keeps a
 * cascade of follow-up errors from flooding the Problems panel.
 */

/** The keyword that starts each kind of declaration. */
const DECLARATION_KEYWORDS = new Set([
    'team', 'segment', 'journey', 'stage', 'touchpoint', 'painpoint', 'metric', 'initiative', 'review', 'change',
]);

/** For a name that is a keyword, a suffix that makes a valid name: 'high' → 'highTouch'. */
const NAME_SUFFIX_OF_KIND: Readonly<Record<string, string>> = {
    team: 'Team', segment: 'Segment', journey: 'Journey', stage: 'Stage', touchpoint: 'Touch',
    'pain point': 'Pain', metric: 'Metric', initiative: 'Initiative', review: 'Review', change: 'Change',
};

/** The kind of element a reference names, by the keyword in front of it. */
const REFERENCE_AFTER_KEYWORD: Readonly<Record<string, string>> = {
    owner: 'team',
    for: 'segment',
    next: 'touchpoint',
    at: 'touchpoint',
    addresses: 'pain point',
    improves: 'stage',
    worsens: 'stage',
};

/** What a property's value looks like, by the keyword in front of it. */
const VALUE_AFTER_KEYWORD: Readonly<Record<string, string>> = {
    description: 'text in double quotes',
    goal: 'text in double quotes',
    evidence: 'text in double quotes',
    unit: 'text in double quotes',
    reviewed: 'a date like 2026-10-15',
    due: 'a date like 2026-10-15',
    on: 'a date like 2026-10-15',
    emotion: 'a number from -2 to +2',
    target: 'a number like 40 or 95%',
    '>=': 'a number like 40 or 95%',
    '<=': 'a number like 40 or 95%',
    actual: 'a number like 31 or 91%',
    channel: 'a channel such as web, email, call or meeting',
};

/** The message of a '}' that is missing before the end of a block; see `nameTheOpenBlock`. */
const MISSING_CLOSE = /^missing '\}' to close the ([a-z ]+)$/;
const TOP_LEVEL = 'team, segment or journey';
const TERMINAL_WORDS: Readonly<Record<string, string>> = {
    ID: 'a name',
    STRING: 'text in double quotes',
    DATE: 'a date like 2026-10-15',
    NUMBER: 'a number',
    EOF: 'the end of the file',
};

export class JourneyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    private readonly grammar: Grammar;
    private blockContents?: BlockContents;

    constructor(services: LangiumCoreServices) {
        super();
        this.grammar = services.Grammar;
    }

    private get blocks(): BlockContents {
        return (this.blockContents ??= analyseBlocks(this.grammar));
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const ruleName = grammarRuleName(options.ruleName);
        const after = afterPhrase(previous);
        switch (expected.name) {
            case 'ID':
                return this.expectedName(actual, previous, ruleName);
            case 'STRING':
            case 'DATE':
            case 'NUMBER': {
                const value = isToken(previous) ? VALUE_AFTER_KEYWORD[previous.image] : undefined;
                return `expected ${value ?? TERMINAL_WORDS[expected.name]}${after}`;
            }
            case '}':
                return this.unclosedBlock(actual, ruleName);
            case '{':
                return `expected '{' to open the ${declarationKindLabel(ruleName) ?? 'block'}${after}`;
            case 'EOF':
                return this.notAtTopLevel(actual);
            default:
                return `expected ${describeExpected(expected)}${after}, found ${describeFound(actual)}`;
        }
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return this.notAtTopLevel(options.firstRedundant);
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const firsts = options.expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0]));
        return this.expectedOneOf(firsts, options.previous);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const firsts = options.expectedIterationPaths.map((path) => path[0]);
        return this.expectedOneOf(firsts, options.previous);
    }

    private expectedName(actual: IToken, previous: IToken, ruleName: string): string {
        const keyword = isToken(previous) ? previous.image : undefined;
        const declaredKind = keyword && DECLARATION_KEYWORDS.has(keyword) ? declarationKindLabel(ruleName) : undefined;
        const kind = declaredKind ?? (keyword ? REFERENCE_AFTER_KEYWORD[keyword] : undefined);
        const expected = keyword === 'channel'
            ? VALUE_AFTER_KEYWORD.channel
            : kind ? `${article(kind)} ${kind} name` : keyword === ',' ? 'another name' : 'a name';
        if (isKeywordUsedAsName(actual, previous)) {
            if (declaredKind) {
                const suggestion = actual.image + NAME_SUFFIX_OF_KIND[declaredKind];
                return `'${actual.image}' is a keyword and cannot be used as a name; pick another name such as '${suggestion}'`;
            }
            return `'${actual.image}' is a keyword and cannot be used as a name; expected ${expected}${afterPhrase(previous)}`;
        }
        return `expected ${expected}${afterPhrase(previous)}`;
    }

    /** A block ends where its '}' is expected: either the '}' is missing, or something that does not belong is in the way. */
    private unclosedBlock(actual: IToken, ruleName: string): string {
        const kind = declarationKindLabel(ruleName) ?? 'block';
        const word = actual.image;
        const opensEnclosingDeclaration = DECLARATION_KEYWORDS.has(word) && this.blocks.enclosingContents(ruleName).has(word);
        if (isEndOfFile(actual) || opensEnclosingDeclaration) {
            return `missing '}' to close the ${kind}`;
        }
        const contents = this.blocks.contentsOf(ruleName);
        if (DECLARATION_KEYWORDS.has(word)) {
            const homes = this.blocks.homesOf(word).map((home) => `${article(home)} ${home}`);
            if (homes.length > 0) {
                return `'${word}' cannot appear in ${article(kind)} ${kind}: ${article(word)} ${kindOfKeyword(word)} belongs in ${homes.join(' or ')}`;
            }
        }
        const expected = `expected one of ${[...contents].join(', ')}`;
        if (isWord(actual)) {
            return `'${word}' is not a property of ${article(kind)} ${kind}; ${expected}`;
        }
        return `unexpected ${describeFound(actual)} in ${article(kind)} ${kind}; ${expected}, or '}' to close it`;
    }

    private notAtTopLevel(actual: IToken): string {
        if (actual.image === '}') {
            return `unexpected '}': there is no open '{' for it to close`;
        }
        if (isWord(actual)) {
            const homes = this.blocks.homesOf(actual.image);
            const where = homes.length > 0 ? ` ${article(kindOfKeyword(actual.image))} ${kindOfKeyword(actual.image)} belongs in ${homes.map((home) => `${article(home)} ${home}`).join(' or ')};` : '';
            return `'${actual.image}' cannot appear at the top level;${where} expected ${TOP_LEVEL}`;
        }
        return `unexpected ${describeFound(actual)} at the top level; expected ${TOP_LEVEL}`;
    }

    private expectedOneOf(firsts: TokenType[], previous: IToken): string {
        const words = [...new Set(firsts.map(describeExpected))];
        const expected = words.length === 1 ? words[0] : `one of ${words.map((word) => word.replace(/^'(.*)'$/, '$1')).join(', ')}`;
        return `expected ${expected}${afterPhrase(previous)}`;
    }
}

/**
 * What may appear inside the braces of each kind of block, read from the grammar
 * so that the messages follow the language when a property is added.
 */
interface BlockContents {
    /** The keywords that start something inside a block of this rule: properties and nested declarations. */
    contentsOf(ruleName: string): ReadonlySet<string>;
    /** The keywords that start something inside any block (or top level) that can contain a block of this rule. */
    enclosingContents(ruleName: string): ReadonlySet<string>;
    /** The kinds of block in which a declaration keyword may appear. */
    homesOf(keyword: string): string[];
}

function analyseBlocks(grammar: Grammar): BlockContents {
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

/** Langium suffixes the rule names it gives chevrotain with a zero-width space. */
function grammarRuleName(chevrotainRuleName: string): string {
    return chevrotainRuleName.replace(/\u200B$/, '');
}

function kindOfKeyword(keyword: string): string {
    return keyword === 'painpoint' ? 'pain point' : keyword;
}

function article(word: string): string {
    return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** Chevrotain passes a placeholder token (NaN offsets) where there is none, e.g. before the first token. */
function isToken(token: IToken | undefined): token is IToken {
    return token !== undefined && !isNaN(token.startOffset) && token.image !== '';
}

function isEndOfFile(token: IToken): boolean {
    return token.tokenType?.name === 'EOF' || token.image === '';
}

function isWord(token: IToken): boolean {
    return /^[A-Za-z_]/.test(token.image);
}

/** `touchpoint high` is a keyword used as a name; `touchpoint` at the end of a line followed by `stage` on the next is a missing name. */
function isKeywordUsedAsName(actual: IToken, previous: IToken): boolean {
    return actual.tokenType?.name !== 'ID' && isWord(actual) && !DECLARATION_KEYWORDS.has(actual.image)
        && (!isToken(previous) || previous.endLine === actual.startLine);
}

function afterPhrase(previous: IToken | undefined): string {
    return isToken(previous) ? ` after '${shorten(previous.image)}'` : '';
}

function describeExpected(type: TokenType): string {
    return TERMINAL_WORDS[type.name] ?? `'${type.name}'`;
}

export function describeFound(token: IToken): string {
    if (isEndOfFile(token)) return 'the end of the file';
    switch (token.tokenType?.name) {
        case 'STRING': return `the text ${shorten(token.image)}`;
        case 'NUMBER': return `the number ${token.image}`;
        case 'DATE': return `the date ${token.image}`;
        default: return `'${shorten(token.image)}'`;
    }
}

function shorten(text: string, max = 40): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------------------
// Lexer

/**
 * Lexer errors in words, and one guard: an unterminated string is one error up
 * to the end of its line, instead of one error for the quote and a cascade of
 * parser errors for the words after it.
 */
export class JourneyLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        return describeUnexpectedCharacters(fullText.slice(startOffset, startOffset + length));
    }
}

export class JourneyLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const binary = binaryContent(text);
        if (binary) return binary;
        const result = super.tokenize(text, options);
        return result.errors.length === 0 ? result : guardUnterminatedStrings(text, result);
    }
}

/**
 * A NUL character near the start means binary data (the test git uses): one
 * error says so, instead of one per byte and a parser lost in the noise.
 */
function binaryContent(text: string): LexerResult | undefined {
    const nul = text.indexOf('\0');
    if (nul < 0 || nul >= 8000) return undefined;
    const before = text.slice(0, nul);
    const line = (before.match(/\r\n?|\n/g)?.length ?? 0) + 1;
    const column = nul - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    const error: ILexingError = {
        offset: nul, line, column, length: 1,
        message: `this is binary data, not .journey text: it contains a NUL character (U+0000) at line ${line}`,
    };
    return { tokens: [], hidden: [], errors: [error] };
}

const UNTERMINATED_STRING = 'unterminated string: text in double quotes must end with " on the same line';

/** Invisible, control and direction-changing characters are shown by their code point, so that the message says what is there. */
const INVISIBLE = /[\p{Cc}\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/u;

function describeUnexpectedCharacters(characters: string): string {
    const all = [...characters];
    const shown = all.slice(0, 10);
    const parts: string[] = [];
    let visible = '';
    for (const character of shown) {
        if (INVISIBLE.test(character)) {
            if (visible) parts.push(`'${visible}'`);
            visible = '';
            parts.push(`U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
        } else {
            visible += character;
        }
    }
    if (visible) parts.push(`'${visible}'`);
    const more = all.length > shown.length ? ' …' : '';
    return `unexpected ${all.length === 1 ? 'character' : 'characters'} ${parts.join(' ')}${more}`;
}

function guardUnterminatedStrings(text: string, result: LexerResult): LexerResult {
    const errors: ILexingError[] = [];
    const dropped: Array<[number, number]> = [];
    for (const error of result.errors) {
        const last = dropped[dropped.length - 1];
        if (last && error.offset < last[1]) continue;
        if (text[error.offset] === '"') {
            const end = endOfLine(text, error.offset);
            dropped.push([error.offset, end]);
            errors.push({ ...error, length: end - error.offset, message: UNTERMINATED_STRING });
        } else {
            errors.push(error);
        }
    }
    if (dropped.length === 0) return result;
    return { ...result, errors, tokens: outsideOf(dropped, result.tokens), hidden: outsideOf(dropped, result.hidden) };
}

/** The tokens that start outside the given ranges; both are in document order, so one pass suffices. */
function outsideOf(ranges: Array<[number, number]>, tokens: IToken[]): IToken[] {
    let next = 0;
    return tokens.filter((token) => {
        while (next < ranges.length && ranges[next][1] <= token.startOffset) next++;
        return next === ranges.length || token.startOffset < ranges[next][0];
    });
}

function endOfLine(text: string, offset: number): number {
    const match = /[\r\n]/.exec(text.slice(offset, offset + 100_000));
    return match ? offset + match.index : Math.min(text.length, offset + 100_000);
}

// ---------------------------------------------------------------------------
// Diagnostics

/** At most this many syntax errors are listed; a last one says how many more there are. */
export const MAX_SYNTAX_DIAGNOSTICS = 50;

/** Lexer errors as diagnostics, with the stable code; a flood of them (binary data) is summed up. */
export function lexerDiagnostics(parseResult: ParseResult, source: string): Diagnostic[] {
    const errors = parseResult.lexerErrors;
    const diagnostics = errors.slice(0, MAX_SYNTAX_DIAGNOSTICS).map((error) => syntaxDiagnostic(lexerErrorRange(error), error.message, source, DocumentValidator.LexingError));
    if (errors.length > MAX_SYNTAX_DIAGNOSTICS) {
        const last = errors[MAX_SYNTAX_DIAGNOSTICS];
        const rest = errors.length - MAX_SYNTAX_DIAGNOSTICS;
        diagnostics.push(syntaxDiagnostic(lexerErrorRange(last), `${rest} more unexpected characters not listed; is this a .journey text file?`, source, DocumentValidator.LexingError));
    }
    return diagnostics;
}

function lexerErrorRange(error: ILexingError): Range {
    const line = (error.line ?? 1) - 1;
    const character = (error.column ?? 1) - 1;
    return { start: { line, character }, end: { line, character: character + error.length } };
}

/**
 * Parser errors as diagnostics: the first error of a line stands for the cascade
 * that recovery makes of it, a missing '}' names its block, and a flood is summed up.
 */
export function parserDiagnostics(parseResult: ParseResult, source: string): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    let lastLine = -1;
    let skipped = 0;
    const firstLexerError = parseResult.lexerErrors[0]?.offset ?? Infinity;
    for (const error of parseResult.parserErrors) {
        const range = parserErrorRange(error);
        if (range.start.line === lastLine || isLeftOverOfRecovery(error, diagnostics.length > 0, firstLexerError)) continue;
        lastLine = range.start.line;
        if (diagnostics.length === MAX_SYNTAX_DIAGNOSTICS) {
            skipped++;
            continue;
        }
        const message = nameTheOpenBlock(error, parseResult.value) ?? error.message;
        diagnostics.push(syntaxDiagnostic(range, message, source, DocumentValidator.ParsingError));
    }
    const last = diagnostics[diagnostics.length - 1];
    const stopped = parseResult.parserErrors.length >= MAX_PARSER_ERRORS;
    if (last && (skipped > 0 || stopped)) {
        const notListed = skipped > 0 ? `${skipped} more lines with syntax errors not listed` : '';
        const notChecked = stopped ? `too many syntax errors: the rest of the file after line ${last.range.start.line + 1} is not checked` : '';
        const message = [notListed, notChecked].filter(Boolean).join('; ');
        diagnostics.push(syntaxDiagnostic(last.range, message, source, DocumentValidator.ParsingError));
    }
    return diagnostics;
}

/**
 * Recovery from an error inside a block can end that block early, so that its
 * '}' closes the enclosing one and the parser meets the rest at the top level.
 * What it reports there is a consequence of the first error, not a new one.
 */
function isLeftOverOfRecovery(error: IRecognitionException, afterAnotherError: boolean, firstLexerError: number): boolean {
    return error.name === 'NotAllInputParsedException' && (afterAnotherError || firstLexerError < error.token.startOffset);
}

/** On the offending token; for a missing token at the end of the file, just after the token before it. */
function parserErrorRange(error: IRecognitionException): Range {
    const token = error.token;
    if (!isNaN(token.startOffset)) {
        return {
            start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
            end: { line: token.endLine! - 1, character: token.endColumn! },
        };
    }
    const previous = previousTokenOf(error);
    const position = previous && !isNaN(previous.startOffset)
        ? { line: previous.endLine! - 1, character: previous.endColumn! }
        : { line: 0, character: 0 };
    return { start: position, end: position };
}

function previousTokenOf(error: IRecognitionException): IToken | undefined {
    return (error as IRecognitionException & { previousToken?: IToken }).previousToken;
}

/** "missing '}' to close the stage" becomes "missing '}' to close stage 'onboarding' (opened at line 12)". */
function nameTheOpenBlock(error: IRecognitionException, root: AstNode): string | undefined {
    const missing = MISSING_CLOSE.exec(error.message);
    const previous = previousTokenOf(error);
    const rootCst = root.$cstNode;
    if (!missing || !previous || isNaN(previous.startOffset) || !rootCst) return undefined;
    const kind = missing[1];
    const leaf = CstUtils.findLeafNodeAtOffset(rootCst, previous.startOffset);
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const cst = node.$cstNode;
        if (!cst || declarationKindLabel(node.$type) !== kind || !isCompositeCstNode(cst)) continue;
        const open = cst.content.find((child) => child.text === '{' && !child.hidden);
        const closed = cst.content.some((child) => child.text === '}' && !child.hidden);
        if (open && !closed) {
            const name = (node as AstNode & { name?: unknown }).name;
            const named = typeof name === 'string' && name !== '' ? ` '${name}'` : '';
            return `missing '}' to close ${kind}${named} (opened at line ${open.range.start.line + 1})`;
        }
    }
    return undefined;
}

function syntaxDiagnostic(range: Range, message: string, source: string, langiumCode: string): Diagnostic {
    // data keeps Langium's own code: its stopAfterLexingErrors/stopAfterParsingErrors options look for it.
    return { severity: DiagnosticSeverity.Error, range, message, code: DiagnosticCode.SyntaxError, source, data: diagnosticData(langiumCode) };
}
