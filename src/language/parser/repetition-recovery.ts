import { type IToken, MismatchedTokenException, type TokenType } from 'chevrotain';

/**
 * The parts of chevrotain's parser (Langium's `wrapper`) that recovery inside a
 * block's repetition uses; not in its public typings.
 */
export interface RepetitionRecoveryParser {
    findReSyncTokenType(): TokenType;
    exportLexerState(): number;
    importLexerState(state: number): void;
    LA(offset: number): IToken;
    SKIP_TOKEN(): IToken;
    tokenMatcher(token: IToken, type: TokenType): boolean;
    getCurrRuleFullName(): string;
    SAVE_ERROR(error: unknown): unknown;
    errorMessageProvider: {
        buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string;
    };
}

/**
 * Chevrotain's recovery inside a repetition (a block's properties and
 * declarations), aware of braces: the tokens it skips after a mistake
 * (`metric high ttv "T" { target <= 14 }`, `touchpont t "T" { … }`) are skipped
 * with the block they open, so that the block's '}' is not taken for the '}'
 * of the enclosing one, which then ended early and every declaration after it
 * was an error. Otherwise as chevrotain's own: one error, on the first skipped
 * token; the repetition continues at the next token that can start an
 * iteration, or ends at the token expected after it.
 */
export function tryInRepetitionRecovery(
    this: RepetitionRecoveryParser, grammarRule: (...args: unknown[]) => unknown, grammarRuleArgs: unknown[],
    lookAheadFunc: () => boolean, expectedTokType: TokenType,
): void {
    const reSyncTokType = this.findReSyncTokenType();
    const savedLexerState = this.exportLexerState();
    const firstSkipped = this.LA(1);
    const saveError = () => {
        const message = this.errorMessageProvider.buildMismatchTokenMessage({
            expected: expectedTokType, actual: firstSkipped, previous: this.LA(0), ruleName: this.getCurrRuleFullName(),
        });
        this.SAVE_ERROR(new MismatchedTokenException(message, firstSkipped, this.LA(0)));
    };
    let current = this.LA(1);
    for (;;) {
        if (isEndOfInput(current)) break;
        if (this.tokenMatcher(current, expectedTokType)) {
            saveError();
            return;
        }
        if (lookAheadFunc.call(this)) {
            saveError();
            grammarRule.apply(this, grammarRuleArgs);
            return;
        }
        if (this.tokenMatcher(current, reSyncTokType) && current.image !== '{') break;
        current = current.image === '{' ? skipBlock(this) : this.SKIP_TOKEN();
    }
    // No closer point to continue from: the error happens in the next step, and is recovered from there.
    this.importLexerState(savedLexerState);
}

/** Skips a '{' and everything up to its '}', which it skips too; answers the token after them. */
function skipBlock(parser: RepetitionRecoveryParser): IToken {
    let depth = 0;
    let current = parser.LA(1);
    do {
        if (current.image === '{') depth++;
        else if (current.image === '}') depth--;
        current = parser.SKIP_TOKEN();
    } while (depth > 0 && !isEndOfInput(current));
    return current;
}

function isEndOfInput(token: IToken): boolean {
    return token.tokenType?.name === 'EOF' || isNaN(token.startOffset);
}
