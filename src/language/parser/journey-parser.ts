import type { IToken, TokenType } from 'chevrotain';
import {
    type AbstractLangiumParser,
    createCompletionParser,
    createLangiumParser,
    type LangiumCompletionParser,
    type LangiumCoreServices,
    type LangiumParser,
} from 'langium';
import { DECLARATION_KEYWORDS } from '../element-kinds.js';
import { isKeywordUsedAsName } from './parser-messages.js';

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
    tryInRepetitionRecovery(...args: unknown[]): void;
    tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken;
    LA(offset: number): IToken;
    consumeToken(): void;
    getTokenToInsert(type: TokenType): IToken;
    tokenMatcher(token: IToken, type: TokenType): boolean;
}

export function createJourneyParser(services: LangiumCoreServices): LangiumParser {
    return recoverInPlace(boundRecovery(createLangiumParser(services)));
}

export function createJourneyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    return boundRecovery(createCompletionParser(services));
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
        if (expected.name === 'ID' && isKeywordUsedAsName(wrong, previous)) {
            this.consumeToken();
            // `touchpoint review "Access review"`: the keyword is the name, so that references to it still resolve;
            // `owner review`: the reference is left out, so that it is not also reported as unresolved.
            return DECLARATION_KEYWORDS.has(previous.image) ? wrong : this.getTokenToInsert(expected);
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
    return parser;
}

/** Braces and the keywords that start declarations give a text its shape: recovery never swallows them. */
function isStructural(token: IToken): boolean {
    return token.image === '{' || token.image === '}' || token.image === '' || DECLARATION_KEYWORDS.has(token.image) || isNaN(token.startOffset);
}

function boundRecovery<P extends AbstractLangiumParser>(parser: P): P {
    const chevrotain = (parser as unknown as { wrapper: RecoveringParser }).wrapper;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the originals are only called with .call(this)
    const { reset, SAVE_ERROR: saveError, tryInRepetitionRecovery } = chevrotain;
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
    chevrotain.tryInRepetitionRecovery = function (this: RecoveringParser, ...args: unknown[]) {
        if (this.recoveryEnabled) {
            tryInRepetitionRecovery.apply(this, args);
        }
    };
    return parser;
}
