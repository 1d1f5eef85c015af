/**
 * Contextual keywords: a word of the language is a name where the grammar
 * expects a name. `touchpoint review "Access review"`, `initiative high`,
 * `owner change` and `next done, target` are names; `severity high` and
 * `review q3 on 2026-10-15` keep their keywords.
 *
 * Why in the lexer, not in the grammar (a datatype rule `Name: ID | 'high' | …`):
 * every tool after the lexer (linking, rename, completion, hover, the
 * formatter, the incremental re-parse) then sees an ordinary name token, no
 * list of keywords is kept in the grammar to go stale, and completion does not
 * offer `high` where a team is expected.
 *
 * A word is a name when the token before it is a keyword after which the
 * grammar expects a name (a declaration keyword, a property whose value is a
 * name, or the ',' of a list; element-kinds.ts and element-properties.ts
 * say which), on the same line. The same-line condition keeps the one case
 * where the grammar cannot tell: `touchpoint` at the end of a line followed by
 * `stage onboarding {` on the next is a touchpoint without a name, not one
 * named `stage`, and a half-typed `next a,` before `severity high` is a
 * missing name, not a touchpoint named `severity`.
 */
import type { IToken, TokenType } from 'chevrotain';
import { DECLARATION_KEYWORDS } from '../element-kinds.js';
import { keywordsTaking } from '../element-properties.js';

/** The keywords after which the grammar expects a name: declarations, references, channels, and the ',' of a list. */
export const WORDS_BEFORE_A_NAME: ReadonlySet<string> = new Set([
    ...DECLARATION_KEYWORDS, ...keywordsTaking('reference'), ...keywordsTaking('channel'), ',',
]);

/** Whether a token written after `previous` stands where a name belongs: then a keyword there is a name. */
export function isNamePosition(previous: Pick<IToken, 'image' | 'endLine'> & { tokenType: { name: string } }, startLine: number | undefined): boolean {
    // A keyword that was itself taken as a name (`touchpoint owner high`) expects nothing.
    if (previous.tokenType.name !== previous.image || !WORDS_BEFORE_A_NAME.has(previous.image)) return false;
    return previous.endLine === startLine;
}

/** A keyword of the language: a token whose type is the word itself (Langium names keyword tokens by their text). */
function isWordKeyword(token: IToken): boolean {
    return token.tokenType.name === token.image && /^[A-Za-z_]/.test(token.image);
}

/** Gives every keyword that stands where a name belongs the name's token type; the tokens are in text order. */
export function retypeKeywordsAsNames(tokens: IToken[], name: TokenType): void {
    for (let i = 1; i < tokens.length; i++) {
        const token = tokens[i];
        if (isWordKeyword(token) && isNamePosition(tokens[i - 1], token.startLine)) {
            token.tokenType = name;
            token.tokenTypeIdx = name.tokenTypeIdx!;
        }
    }
}
