import {
    DefaultLexer, DefaultLexerErrorMessageProvider, DefaultTokenBuilder, type Grammar, type LexerResult, type TokenBuilderOptions, type TokenizeOptions,
} from 'langium';
import { createToken, type ILexingError, type IToken, type TokenType, type TokenVocabulary } from 'chevrotain';
import { DECLARATION_KEYWORDS } from '../element-kinds.js';
import { retypeKeywordsAsNames } from './contextual-keywords.js';

/**
 * Lexer errors in words, and one guard: an unterminated string is one error up
 * to the end of its line, instead of one error for the quote and a cascade of
 * parser errors for the words after it. The lexer also makes a keyword where a
 * name belongs a name (contextual-keywords.ts).
 */
export class JourneyLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        return describeUnexpectedCharacters(fullText.slice(startOffset, startOffset + length));
    }
}

/**
 * A date written another way (12/01/2026, 01.12.2026, 2027-1-31) is one token that the
 * grammar accepts nowhere, so that it is one error about the date, not one per
 * slash and one per number. The parser's message names it (parser-messages.ts).
 */
export const MALFORMED_DATE = createToken({
    name: 'MALFORMED_DATE',
    // A month or day of one digit (never a valid date: those have two, and DATE takes them).
    pattern: /[0-9]{1,4}\/[0-9]{1,2}\/[0-9]{1,4}|[0-9]{1,4}\.[0-9]{1,2}\.[0-9]{1,4}|[0-9]{4}-(?:[0-9]-[0-9]{1,2}|[0-9]{2}-[0-9](?![0-9]))/,
});

export class JourneyTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options);
        if (!Array.isArray(tokens)) return tokens;
        // Before DATE and NUMBER, which would match its first part.
        const date = tokens.findIndex((token) => token.name === 'DATE');
        return [...tokens.slice(0, date), MALFORMED_DATE, ...tokens.slice(date)];
    }
}

export class JourneyLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const binary = binaryContent(text);
        if (binary) return binary;
        const lexed = super.tokenize(text, options);
        const result = lexed.errors.length === 0 ? lexed : guardUnterminatedStrings(text, lexed);
        retypeKeywordsAsNames(result.tokens, this.tokenTypes.ID);
        return guardUnquotedTitles(text, result, this.tokenTypes.STRING);
    }
}

/**
 * `touchpoint signupForm Sign-up form {`: a title without its quotes. The
 * words between the name and the '{' (or a review's `on`) of the same line are taken as the title,
 * with one error that shows how to write it; without this each word is an
 * error, and the block after them is parsed as part of the enclosing one.
 */
const MAX_UNQUOTED_TITLES = 10;

function guardUnquotedTitles(text: string, result: LexerResult, stringType: TokenType | undefined): LexerResult {
    const { tokens } = result;
    if (!stringType) return result;
    const merged: Array<{ from: number; to: number }> = [];
    for (let index = 0; index + 3 < tokens.length; index++) {
        const keyword = tokens[index];
        const line = keyword.startLine;
        // A declaration keyword that is not itself a name (`touchpoint review …`: contextual-keywords.ts).
        const isDeclaration = DECLARATION_KEYWORDS.has(keyword.image) && keyword.tokenType.name === keyword.image;
        if (!isDeclaration || !/^[A-Za-z_]\w*$/.test(tokens[index + 1].image) || tokens[index + 1].startLine !== line) continue;
        let end = index + 2;
        while (end < tokens.length && tokens[end].startLine === line && isTitleWord(tokens[end], keyword.image)) end++;
        const closing = tokens[end];
        if (end === index + 2 || !closing || closing.startLine !== line || !(closing.image === '{' || (keyword.image === 'review' && closing.image === 'on'))) continue;
        merged.push({ from: index + 2, to: end - 1 });
        index = end - 1;
    }
    // Many of them is not a map being typed but garbage (a soup of tokens): its errors stay bounded by the parser's.
    if (merged.length === 0 || merged.length > MAX_UNQUOTED_TITLES) return result;
    const errors = [...result.errors];
    const titles = new Map<number, IToken>();
    for (const { from, to } of merged) {
        const [first, last] = [tokens[from], tokens[to]];
        const title = text.slice(first.startOffset, last.endOffset! + 1);
        titles.set(from, { ...first, image: `"${title}"`, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn, tokenType: stringType, tokenTypeIdx: stringType.tokenTypeIdx! });
        errors.push({
            offset: first.startOffset, length: title.length, line: first.startLine, column: first.startColumn,
            message: `a title is written in double quotes: ${tokens[from - 2].image} ${tokens[from - 1].image} "${title}"`,
        });
    }
    const inside = (offset: number) => merged.some(({ from, to }) => offset >= tokens[from].startOffset && offset <= tokens[to].endOffset!);
    return {
        ...result,
        tokens: tokens.flatMap((token, index) => titles.get(index) ?? (inside(token.startOffset) ? [] : [token])),
        errors: errors.filter((error) => !inside(error.offset) || error.message.startsWith('a title is written')).sort((a, b) => a.offset - b.offset),
    };
}

/**
 * Words, numbers and the keywords of properties (`Sign up for a trial`) can be words of a title;
 * a declaration keyword starts what follows it (`stage s touchpoint t {`), and a review's `on` its date.
 */
function isTitleWord(token: IToken, declaration: string): boolean {
    const type = token.tokenType.name;
    if (type === 'ID' || type === 'NUMBER') return true;
    const isKeyword = type === token.image && /^[A-Za-z_]/.test(token.image);
    return isKeyword && !DECLARATION_KEYWORDS.has(token.image) && !(declaration === 'review' && token.image === 'on');
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
            const end = endOfUnterminatedString(text, error.offset);
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

/**
 * An unterminated string runs to the end of its line, except for a block that
 * opens on that line: in \`touchpoint a "Title {\` the '{' still opens the block,
 * or every property inside it would be an error of the enclosing block.
 */
function endOfUnterminatedString(text: string, offset: number): number {
    const end = endOfLine(text, offset);
    const brace = /\s\{/.exec(text.slice(offset, end));
    return brace ? offset + brace.index : end;
}

function endOfLine(text: string, offset: number): number {
    const match = /[\r\n]/.exec(text.slice(offset, offset + 100_000));
    return match ? offset + match.index : Math.min(text.length, offset + 100_000);
}
