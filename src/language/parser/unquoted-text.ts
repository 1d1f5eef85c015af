/**
 * Text written without its quotes, and names written as several words: each is
 * one error that shows the line written right, and the parser gets the token
 * it expected there, so that the rest of the declaration parses as if the
 * mistake were fixed. Without this each word is an error, and the block after
 * them is parsed as part of the enclosing one.
 *
 * - `touchpoint signupForm Sign-up form {`: the words between a declaration's
 *   name and its '{' (a review's `on`, or the end of the line) are its title;
 * - `evidence Tickets from Zendesk`, `improves onboarding Faster start`: the
 *   words after a property that takes text, up to the end of the line or a '}';
 * - `Tickets"`: a closing quote without its opening one belongs to the words before it;
 * - `touchpoint signup form "Sign-up form"`: the words between a declaration
 *   keyword and its title are one name (signupForm).
 */
import type { LexerResult } from 'langium';
import type { ILexingError, IToken, TokenType } from 'chevrotain';
import { DECLARATION_KEYWORDS } from '../element-kinds.js';
import { PROPERTIES } from '../element-properties.js';

/** Many of them is not a map being typed but garbage (a soup of tokens): its errors stay bounded by the parser's. */
const MAX_MERGES = 10;

/** Properties whose value is text, and the effects, whose note is text after the stage's name. */
const TEXT_PROPERTIES: ReadonlySet<string> = new Set(Object.entries(PROPERTIES).filter(([, property]) => property.value === 'text').map(([keyword]) => keyword));
const NOTES_AFTER_NAME: ReadonlySet<string> = new Set(['improves', 'worsens']);

interface Merge {
    /** Token indexes of the first and last word. */
    from: number;
    to: number;
    /** Offsets of the text the merge replaces (with a lone closing quote, if any). */
    start: number;
    end: number;
    token: IToken;
    message: string;
}

interface Tokens {
    text: string;
    tokens: IToken[];
    errors: ILexingError[];
    stringType: TokenType;
    idType: TokenType;
    onType?: TokenType;
}

export function guardUnquotedText(text: string, result: LexerResult, stringType: TokenType | undefined, idType: TokenType | undefined, onType?: TokenType): LexerResult {
    if (!stringType || !idType) return result;
    const input: Tokens = { text, tokens: result.tokens, errors: result.errors, stringType, idType, onType };
    const merges: Merge[] = [];
    for (let index = 0; index + 1 < result.tokens.length; index++) {
        const merge = mergeAt(input, index);
        if (merge) {
            merges.push(merge);
            index = merge.to;
        }
    }
    if (merges.length === 0 || merges.length > MAX_MERGES) return result;
    const inside = (offset: number) => merges.some(({ start, end }) => offset >= start && offset <= end);
    const byFirst = new Map(merges.map((merge) => [merge.from, merge]));
    const errors = [
        ...result.errors.filter((error) => !inside(error.offset)),
        ...merges.map(({ start, end, token, message }) => ({ offset: start, length: end + 1 - start, line: token.startLine, column: token.startColumn, message })),
    ];
    return {
        ...result,
        tokens: result.tokens.flatMap((token, index) => byFirst.get(index)?.token ?? (inside(token.startOffset) ? [] : [token])),
        errors: errors.sort((a, b) => a.offset - b.offset),
    };
}

function mergeAt(input: Tokens, index: number): Merge | undefined {
    const { tokens } = input;
    const keyword = tokens[index];
    if (keyword.tokenType.name !== keyword.image) return undefined;
    const line = keyword.startLine;
    if (TEXT_PROPERTIES.has(keyword.image)) return textMerge(input, index + 1, `${keyword.image} `, 'endOfLine');
    const named = tokens[index + 1];
    const isDeclaration = DECLARATION_KEYWORDS.has(keyword.image);
    if (!(isDeclaration || NOTES_AFTER_NAME.has(keyword.image)) || named.tokenType.name !== 'ID' || named.startLine !== line) return undefined;
    const prefix = `${keyword.image} ${named.image} `;
    if (NOTES_AFTER_NAME.has(keyword.image)) return textMerge(input, index + 2, prefix, 'endOfLine');
    return severalWordName(input, index) ?? textMerge(input, index + 2, prefix, keyword.image === 'review' ? 'review' : 'declaration');
}

/** The words from `from` on, up to what may end them, as one text in quotes. */
function textMerge(input: Tokens, from: number, prefix: string, ending: 'endOfLine' | 'declaration' | 'review'): Merge | undefined {
    const { tokens, text } = input;
    const line = tokens[from - 1].startLine;
    let end = from;
    while (end < tokens.length && tokens[end].startLine === line && isTextWord(tokens[end], ending)) end++;
    // `touchpoint h Account health review {`: in a title that a '{' ends, a declaration's keyword is a word too.
    if (ending !== 'endOfLine' && end > from) {
        let further = end;
        // (`review` there makes the `on` after it a name: contextual-keywords.ts.)
        const isReviewDate = (token: IToken) => ending === 'review' && token.image === 'on';
        while (further < tokens.length && tokens[further].startLine === line && !isReviewDate(tokens[further])
            && (isTextWord(tokens[further], ending) || DECLARATION_KEYWORDS.has(tokens[further].image))) further++;
        const after = tokens[further];
        if (after && after.startLine === line && (after.image === '{' || isReviewDate(after))) end = further;
    }
    if (end === from) return undefined;
    const quote = loneClosingQuote(input, tokens[end - 1]);
    const closing = tokens[end];
    const endsLine = !closing || closing.startLine !== line;
    const fits = ending === 'endOfLine'
        ? endsLine || closing.image === '}' || startsStatement(closing)
        : (!endsLine && (closing.image === '{' || (ending === 'review' && closing.image === 'on'))) || (endsLine && (quote !== undefined || onlyPlainWords(tokens, from, end)));
    if (!fits) return undefined;
    // `review q4 Q4 renewal review on …`: the `on` after the title's last word is the review's again, not a name.
    if (ending === 'review' && closing?.image === 'on' && input.onType) Object.assign(closing, { tokenType: input.onType, tokenTypeIdx: input.onType.tokenTypeIdx });
    const [first, last] = [tokens[from], tokens[end - 1]];
    const written = text.slice(first.startOffset, last.endOffset! + 1);
    const token = { ...first, image: `"${written}"`, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn, tokenType: input.stringType, tokenTypeIdx: input.stringType.tokenTypeIdx! };
    const what = ending === 'endOfLine' ? 'text' : 'a title';
    return { from, to: end - 1, start: first.startOffset, end: quote ?? last.endOffset!, token, message: `${what} is written in double quotes: ${prefix}"${written}"` };
}

/** `touchpoint signup form "Sign-up form"`: the words before the title are the name. */
function severalWordName(input: Tokens, index: number): Merge | undefined {
    const { tokens } = input;
    const line = tokens[index].startLine;
    let end = index + 2;
    while (end < tokens.length && tokens[end].startLine === line && ['ID', 'NUMBER'].includes(tokens[end].tokenType.name)) end++;
    const title = tokens[end];
    if (end === index + 2 || !title || title.startLine !== line || title.tokenType.name !== 'STRING') return undefined;
    const words = tokens.slice(index + 1, end).map((token) => token.image.replace(/^[+-]/, ''));
    const name = words.map((word, position) => (position === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
    const [first, last] = [tokens[index + 1], tokens[end - 1]];
    const token = { ...first, image: name, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn, tokenType: input.idType, tokenTypeIdx: input.idType.tokenTypeIdx! };
    return { from: index + 1, to: end - 1, start: first.startOffset, end: last.endOffset!, token, message: `a name is one word, without spaces: ${tokens[index].image} ${name}` };
}

/**
 * Words, numbers and dates. In a title, also the words of the language that
 * start no declaration (`Sign up for free`), up to a review's `on`; in a text
 * up to the end of the line, a property's keyword starts the next property
 * (`improves onboarding Faster start  worsens renewal`).
 */
function isTextWord(token: IToken, ending: 'endOfLine' | 'declaration' | 'review'): boolean {
    const type = token.tokenType.name;
    if (type === 'ID' || type === 'NUMBER' || type === 'DATE') return true;
    const isWord = type === token.image && /^[A-Za-z_]/.test(token.image);
    if (!isWord || DECLARATION_KEYWORDS.has(token.image)) return false;
    return ending === 'endOfLine' ? !startsStatement(token) : !(ending === 'review' && token.image === 'on');
}

function startsStatement(token: IToken): boolean {
    return token.tokenType.name === token.image && (token.image in PROPERTIES || DECLARATION_KEYWORDS.has(token.image));
}

/** A title that ends its line is only taken when it is words and numbers: `touchpoint t owner ops` is a missing block, not a title. */
function onlyPlainWords(tokens: IToken[], from: number, end: number): boolean {
    return tokens.slice(from, end).every((token) => token.tokenType.name === 'ID' || token.tokenType.name === 'NUMBER');
}

/** `Tickets"`: the offset of a '"' right after the word, which the lexer found unterminated. */
function loneClosingQuote(input: Tokens, last: IToken): number | undefined {
    const offset = last.endOffset! + 1;
    if (input.text[offset] !== '"') return undefined;
    return input.errors.some((error) => error.offset === offset) ? offset : undefined;
}
