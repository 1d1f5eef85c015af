/**
 * A declaration whose '{' is missing (`touchpoint quote "Quote sent"` with
 * its properties indented on the lines below and its '}' after them): one
 * error on the declaration's line, and the block parses as its block. Without
 * this the declaration ends at its title, each property below it is "not a
 * property" of the enclosing block, and its '}' closes that block early.
 *
 * Only when a '}' has no '{' in the text (the braces do not balance), the
 * next line is indented deeper than the declaration, and it begins with a
 * word of the language: a valid text, whatever its indentation, is never
 * changed. A journey's block is not optional: the parser already says that its
 * '{' is missing.
 */
import type { ILexingError, IToken, TokenType } from 'chevrotain';
import { DECLARATION_KEYWORDS } from '../element-kinds.js';

export function insertMissingOpen(tokens: IToken[], openType: TokenType | undefined): { tokens: IToken[]; errors: ILexingError[] } {
    const errors: ILexingError[] = [];
    let unmatched = unmatchedCloses(tokens);
    if (!openType || unmatched <= 0) return { tokens, errors };
    const out: IToken[] = [];
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        out.push(token);
        const header = unmatched > 0 ? headerEndingAt(tokens, index) : undefined;
        const next = tokens[index + 1];
        if (!header || !next || next.startLine === token.endLine || next.startColumn! <= header.startColumn! || !isWordOfTheLanguage(next)) continue;
        const written = tokens.slice(tokens.indexOf(header), index + 1).map((part) => part.image).join(' ');
        errors.push({ offset: header.startOffset, length: token.endOffset! + 1 - header.startOffset, line: header.startLine, column: header.startColumn, message: `missing '{' at the end of this line: ${written} {` });
        const offset = token.endOffset! + 1;
        out.push({ image: '{', startOffset: offset, endOffset: offset, startLine: token.endLine, endLine: token.endLine, startColumn: token.endColumn! + 1, endColumn: token.endColumn! + 1, tokenType: openType, tokenTypeIdx: openType.tokenTypeIdx! });
        unmatched--;
    }
    return errors.length === 0 ? { tokens, errors } : { tokens: out, errors };
}

/** How many more '}' than '{' there are (counted, not filtered: a large map has a million tokens). */
function unmatchedCloses(tokens: IToken[]): number {
    let count = 0;
    for (const { image } of tokens) {
        if (image === '}') count++;
        else if (image === '{') count--;
    }
    return count;
}

/** The declaration keyword whose header (`keyword name "title"`, a review's `on date`) ends with the token at `index`, on one line. */
function headerEndingAt(tokens: IToken[], index: number): IToken | undefined {
    const last = tokens[index];
    for (let start = index - 1; start >= Math.max(0, index - 4); start--) {
        const keyword = tokens[start];
        if (keyword.startLine !== last.endLine) return undefined;
        if (keyword.tokenType.name !== keyword.image || !DECLARATION_KEYWORDS.has(keyword.image) || keyword.image === 'journey') continue;
        const parts = tokens.slice(start + 1, index + 1).map((part) => part.tokenType.name);
        const [name, ...rest] = parts;
        const shape = rest.join(' ');
        const fits = name === 'ID' && ['', 'STRING', 'on DATE', 'STRING on DATE'].includes(shape) && (!shape.includes('on') || keyword.image === 'review');
        return fits ? keyword : undefined;
    }
    return undefined;
}

function isWordOfTheLanguage(token: IToken): boolean {
    return token.tokenType.name === token.image && /^[a-z]/.test(token.image);
}
