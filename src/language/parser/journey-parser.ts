import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import {
    type AbstractLangiumParser,
    type AstNode,
    type CstNode,
    CstUtils,
    isLeafCstNode,
    type ParseResult,
    type ParserOptions,
    createCompletionParser,
    createLangiumParser,
    type LangiumCompletionParser,
    type LangiumCoreServices,
    type LangiumParser,
} from 'langium';
import { declarationKindLabel, DECLARATION_KEYWORDS } from '../element-kinds.js';
import { propertyOfKeyword } from '../element-properties.js';
import { withCompactLeaves } from './compact-cst.js';
import { type RepetitionRecoveryParser, tryInRepetitionRecovery } from './repetition-recovery.js';

/**
 * After this many syntax errors the parser stops recovering and stops parsing:
 * the rest of the document is left out of the AST and one more diagnostic says so
 * (see parser-messages.ts and syntax-diagnostics.ts).
 *
 * Why: chevrotain's recovery inside a repetition calls itself once per error, so
 * on binary data or other long garbage (tens of thousands of errors) the stack
 * overflows and the parser throws; and each recovery costs time. Real mistakes
 * in a real file are far fewer than this.
 */
export const MAX_PARSER_ERRORS = 100;

/** The parts of chevrotain's parser (Langium's `wrapper`) that the bound needs; not in its public typings. */
interface RecoveringParser {
    recoveryEnabled: boolean;
    _errors: unknown[];
    reset(): void;
    SAVE_ERROR(error: unknown): unknown;
    tryInRepetitionRecovery(...args: Parameters<typeof tryInRepetitionRecovery>): void;
    tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken;
    LA(offset: number): IToken;
    consumeToken(): void;
    getTokenToInsert(type: TokenType): IToken;
    tokenMatcher(token: IToken, type: TokenType): boolean;
    raiseNoAltException(...args: unknown[]): void;
}

export function createJourneyParser(services: LangiumCoreServices): LangiumParser {
    return releaseTokens(findStrayBrace(recoverInPlace(boundRecovery(withCompactLeaves(createLangiumParser(services))))));
}

export function createJourneyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    // The same recovery in place, so that completion after a mistake earlier in the block sees the block (`emotion happy`).
    return releaseTokens(recoverInPlace(boundRecovery(createCompletionParser(services))));
}

/**
 * Chevrotain keeps the tokens of the last text it parsed until the next
 * parse: on a large map, a third of the server's memory (each token is an
 * object of ten numbers), for nothing once the tree is built. They are let go
 * after each parse; the result keeps what it holds (errors, tokens).
 */
function releaseTokens<P extends { parse(text: string, options?: ParserOptions): unknown }>(parser: P): P {
    const chevrotain = (parser as unknown as { wrapper: { input: IToken[] } }).wrapper;
    const parse = parser.parse.bind(parser) as P['parse'];
    parser.parse = ((text: string, options?: ParserOptions) => {
        try {
            return parse(text, options);
        } finally {
            chevrotain.input = [];
        }
    });
    return parser;
}

/**
 * One mistake, one error: a wrong token where a name or a value belongs is
 * taken as that name or value, so that the rest of the declaration parses as
 * if the mistake were fixed. Chevrotain on its own only inserts a missing
 * token or deletes an extra one; for a wrong one it gives up on the whole
 * block, and the properties after it become errors in the enclosing block.
 * The error itself is already recorded when this runs.
 */
function recoverInPlace<P extends AbstractLangiumParser>(parser: P): P {
    const chevrotain = (parser as unknown as { wrapper: RecoveringParser }).wrapper;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the original is only called with .call(this)
    const { tryInRuleRecovery } = chevrotain;
    chevrotain.tryInRuleRecovery = function (this: RecoveringParser, expected: TokenType, follows: TokenType[]): IToken {
        const wrong = this.LA(1);
        const previous = this.LA(0);
        // `for "smb"`, `touchpoint "signupForm" "Sign-up form"`: a quoted name is taken as the name, so that the reference
        // resolves (no "not used" after it) and the title after it is the title.
        // (`journey "Onboarding" {` is a title without a name: no title follows it.)
        const quotedName = expected.name === 'ID' && wrong.startLine === previous.endLine ? /^"([A-Za-z_]\w*)"$/.exec(wrong.image)?.[1] : undefined;
        if (quotedName && (this.LA(2).tokenType?.name === 'STRING' || !DECLARATION_KEYWORDS.has(previous.image))) {
            this.consumeToken();
            return { ...wrong, image: quotedName, tokenType: expected, tokenTypeIdx: expected.tokenTypeIdx! };
        }
        try {
            return tryInRuleRecovery.call(this, expected, follows);
        } catch (error) {
            const next = this.LA(2);
            const followsWrong = follows.some((type) => this.tokenMatcher(next, type));
            if (!followsWrong || isStructural(wrong) || wrong.startLine !== previous.endLine) throw error;
            // `emotion happy`, `due "2027-01-31"`: the value is left out, and what follows it parses.
            this.consumeToken();
            return this.getTokenToInsert(expected);
        }
    };
    // `channel 3`: a value that none of a property's alternatives takes is left out the same way.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the original is only called with .call(this)
    const { raiseNoAltException } = chevrotain;
    chevrotain.raiseNoAltException = function (this: RecoveringParser, ...args: unknown[]): void {
        const wrong = this.LA(1);
        const previous = this.LA(0);
        try {
            raiseNoAltException.apply(this, args);
        } catch (error) {
            if (!this.recoveryEnabled || !takesValue(previous)) throw error;
            // A value missing at the end of its line (`channel` ⏎): nothing to leave out, the next line parses.
            if (wrong.startLine !== previous.endLine) return;
            if (isStructural(wrong)) throw error;
            this.consumeToken();
        }
    };
    return parser;
}

/** A keyword of a property that takes a value (not a flag, not a list of names). */
function takesValue(token: IToken): boolean {
    const property = token.tokenType?.name === token.image ? propertyOfKeyword(token.image) : undefined;
    return property !== undefined && property.value !== 'flag' && property.value !== 'reference';
}

/**
 * An extra '}' closes its block early; the parser only notices at the next
 * declaration, which then "cannot appear" where it is, and the names declared
 * after it are missing. When the first error is of that kind, the text is parsed
 * again without the '}' before it; if that parse has fewer errors, it is the
 * result, with one error on the stray brace. The same for an extra '{', which
 * leaves a block open to the end of the file.
 */
function findStrayBrace(parser: LangiumParser): LangiumParser {
    const parse = parser.parse.bind(parser);
    const lexer = (parser as unknown as { lexer: { tokenize(text: string, options?: unknown): { tokens: IToken[] } } }).lexer;
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        const first = parse<T>(input, options);
        const error = first.parserErrors[0];
        if (!error || first.parserErrors.length >= MAX_PARSER_ERRORS) return first;
        const brace = isMisplacedAfterClose(error.message) ? lastCloseBefore(first.value, error.token.startOffset) : extraOpen(error.token);
        if (!brace) return first;
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(lexer), and put back as it was
        const tokenize = lexer.tokenize;
        lexer.tokenize = (text, tokenizeOptions) => {
            const result = tokenize.call(lexer, text, tokenizeOptions);
            return { ...result, tokens: result.tokens.filter((token) => token.startOffset !== brace.offset) };
        };
        let second: ParseResult<T>;
        try {
            second = parse<T>(input, options);
        } finally {
            lexer.tokenize = tokenize;
        }
        if (second.parserErrors.length >= first.parserErrors.length || second.parserErrors.some((other) => other.token.startOffset < brace.offset)) return first;
        second.parserErrors.unshift(strayBraceError(brace, first.parserErrors[0].token));
        second.parserErrors.sort((a, b) => (a.token.startOffset || 0) - (b.token.startOffset || 0));
        return second;
    };
    return parser;
}

/** Whether a parser error is the one on an extra brace that the parse left out (completion leaves it out too). */
export function isStrayBraceError(error: { message: string }): boolean {
    return /^extra '[{}]'/.test(error.message);
}

/** `channel email {`, `stage s { {`: a '{' where no block opens is left out the same way, if that parses better. */
function extraOpen(token: IToken): Brace | undefined {
    if (token.image !== '{' || isNaN(token.startOffset)) return undefined;
    return { offset: token.startOffset, token, message: `extra '{': no block opens here; remove this '{'` };
}

/** Whether the parse looks for a stray '}' before this error, the first of a parse (see findStrayBrace). */
export function looksForStrayClose(error: IRecognitionException): boolean {
    return isMisplacedAfterClose(error.message);
}

/** Messages of parser-messages.ts for something the enclosing block or the top level does not take. */
function isMisplacedAfterClose(message: string): boolean {
    return /cannot appear in|cannot appear at the top level|is not a property of/.test(message);
}

interface Brace {
    offset: number;
    token: IToken;
    message: string;
}

/** The last '}' before the offset, with what it closed: the block that continues after it. */
function lastCloseBefore(root: AstNode, offset: number): Brace | undefined {
    const rootCst = root.$cstNode;
    if (!rootCst) return undefined;
    let found: CstNode | undefined;
    for (const node of CstUtils.streamCst(rootCst)) {
        if (node.offset >= offset) break;
        if (isLeafCstNode(node) && !node.hidden && node.text === '}') found = node;
    }
    if (!found || !isLeafCstNode(found)) return undefined;
    const block = found.astNode as AstNode & { name?: unknown };
    const kind = declarationKindLabel(block.$type) ?? 'block';
    const name = typeof block.name === 'string' ? ` '${block.name}'` : '';
    const line = block.$cstNode ? ` (opened at line ${block.$cstNode.range.start.line + 1})` : '';
    const { line: startLine, character } = found.range.start;
    const token = {
        image: '}', tokenType: found.tokenType, startOffset: found.offset, endOffset: found.offset,
        startLine: startLine + 1, endLine: startLine + 1, startColumn: character + 1, endColumn: character + 1, tokenTypeIdx: found.tokenType.tokenTypeIdx!,
    } satisfies IToken;
    return {
        offset: found.offset,
        token,
        message: `extra '}': it ends ${kind}${name}${line} before the declarations after it; remove this '}'`,
    };
}

function strayBraceError(brace: Brace, previous: IToken): IRecognitionException {
    return { name: 'MismatchedTokenException', message: brace.message, token: brace.token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] }, previousToken: previous } as IRecognitionException;
}

/** Braces and the keywords that start declarations give a text its shape: recovery never swallows them. */
function isStructural(token: IToken): boolean {
    return token.image === '{' || token.image === '}' || token.image === '' || DECLARATION_KEYWORDS.has(token.image) || isNaN(token.startOffset);
}

function boundRecovery<P extends AbstractLangiumParser>(parser: P): P {
    const chevrotain = (parser as unknown as { wrapper: RecoveringParser }).wrapper;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the originals are only called with .call(this)
    const { reset, SAVE_ERROR: saveError } = chevrotain;
    // Each parse starts with recovery on (chevrotain resets when Langium sets the input).
    chevrotain.reset = function (this: RecoveringParser) {
        reset.call(this);
        this.recoveryEnabled = true;
    };
    // At the bound, recovery stops: the next error ends the parse.
    chevrotain.SAVE_ERROR = function (this: RecoveringParser, error: unknown) {
        const saved = saveError.call(this, error);
        if (this._errors.length >= MAX_PARSER_ERRORS) {
            this.recoveryEnabled = false;
        }
        return saved;
    };
    // Chevrotain installs this recovery when the parser is built and does not look at recoveryEnabled again.
    chevrotain.tryInRepetitionRecovery = function (this: RecoveringParser, ...args: Parameters<typeof tryInRepetitionRecovery>) {
        if (this.recoveryEnabled) {
            tryInRepetitionRecovery.apply(this as unknown as RepetitionRecoveryParser, args);
        }
    };
    return parser;
}
