import {
    DefaultLexer, DefaultLexerErrorMessageProvider, DefaultTokenBuilder, type Grammar, type LexerResult, type TokenBuilderOptions, type TokenizeOptions,
} from 'langium';
import { createToken, type ILexingError, type IToken, type TokenType, type TokenVocabulary } from 'chevrotain';
import { isNamePosition, retypeKeywordsAsNames } from './contextual-keywords.js';
import { correctKeywordTypos, insertMissingOn } from './keyword-typos.js';
import { guardListCommas } from './list-mistakes.js';
import { insertMissingOpen } from './missing-open.js';
import { guardUnquotedText } from './unquoted-text.js';

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
 * A date written another way (12/01/2026, 01.12.2026, 2027-1-31, 31-01-2027, 2027-01-31T10:00) is one token that the
 * grammar accepts nowhere, so that it is one error about the date, not one per
 * slash and one per number. The parser's message names it (parser-messages.ts).
 */
export const MALFORMED_DATE = createToken({
    name: 'MALFORMED_DATE',
    // A month or day of one digit (never a valid date: those have two, and DATE takes them).
    // A date with a time (2027-01-31T10:00); day first (31-01-2027).
    pattern: /[0-9]{1,4}\/[0-9]{1,2}\/[0-9]{1,4}|[0-9]{1,4}\.[0-9]{1,2}\.[0-9]{1,4}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]*(?:Z|[+-][0-9:]+)?|[0-9]{4}-(?:[0-9]-[0-9]{1,2}|[0-9]{2}-[0-9](?![0-9]))|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}/,
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
        const strings = lexed.errors.length === 0 ? lexed : guardSingleQuotes(text, guardUnterminatedStrings(text, lexed, this.tokenTypes.STRING), this.tokenTypes.STRING, this.tokenTypes.ID);
        const corrected = withFixes(strings, correctKeywordTypos(text, strings.tokens, this.tokenTypes));
        const dated = withFixes(corrected, insertMissingOn(corrected.tokens, this.tokenTypes.on));
        const result = withFixes(dated, insertMissingOpen(dated.tokens, this.tokenTypes['{']));
        retypeKeywordsAsNames(result.tokens, this.tokenTypes.ID);
        const listed = withFixes(result, guardListCommas(result.tokens, this.tokenTypes[',']));
        return guardUnquotedText(text, listed, this.tokenTypes.STRING, this.tokenTypes.ID, this.tokenTypes.on);
    }
}

/** The tokens a guard fixed, with its errors in place of the lexer's inside what it fixed (`pain-point`: the '-'). */
function withFixes(result: LexerResult, fixed: { tokens: IToken[]; errors: ILexingError[] }): LexerResult {
    if (fixed.errors.length === 0) return result;
    const covered = (offset: number) => fixed.errors.some((error) => offset > error.offset && offset < error.offset + error.length);
    return { ...result, tokens: fixed.tokens, errors: [...result.errors.filter((error) => !covered(error.offset)), ...fixed.errors].sort((a, b) => a.offset - b.offset) };
}

/**
 * `'Sign-up form'`: text in single quotes on one line is the text, with one
 * error that says to write double quotes, instead of one per quote and a
 * title the parser never sees.
 */
function guardSingleQuotes(text: string, result: LexerResult, stringType: TokenType | undefined, nameType: TokenType | undefined): LexerResult {
    const quotes = result.errors.filter((error) => text[error.offset] === "'");
    if (!stringType || !nameType || quotes.length < 2) return result;
    const ranges: Array<[number, number]> = [];
    const strings: IToken[] = [];
    const errors: ILexingError[] = [];
    for (const open of quotes) {
        if (ranges.length > 0 && open.offset <= ranges[ranges.length - 1][1]) continue;
        const close = quotes.find((error) => error.offset > open.offset && error.line === open.line);
        const content = close ? text.slice(open.offset + 1, close.offset) : '';
        if (!close || /["\r\n]/.test(content) || content.trim() === '') continue;
        ranges.push([open.offset, close.offset]);
        // `for 'smb'`: a name where a name belongs.
        const previous = result.tokens.filter((token) => token.startOffset < open.offset).pop();
        const isName = previous !== undefined && isNamePosition(previous, open.line) && /^[A-Za-z_]\w*$/.test(content);
        strings.push({
            image: isName ? content : `"${content}"`, startOffset: open.offset, endOffset: close.offset, startLine: open.line, endLine: open.line,
            startColumn: open.column, endColumn: open.column === undefined ? undefined : open.column + close.offset - open.offset,
            tokenType: isName ? nameType : stringType, tokenTypeIdx: (isName ? nameType : stringType).tokenTypeIdx!,
        });
        const message = isName ? `a name is written without quotes: ${previous.image} ${content}` : `text is written in double quotes, not single ones: "${content}"`;
        errors.push({ offset: open.offset, length: close.offset + 1 - open.offset, line: open.line, column: open.column, message });
    }
    if (ranges.length === 0) return result;
    const inside = (offset: number) => ranges.some(([start, end]) => offset >= start && offset <= end);
    return {
        ...result,
        tokens: [...result.tokens.filter((token) => !inside(token.startOffset)), ...strings].sort((a, b) => a.startOffset - b.startOffset),
        errors: [...result.errors.filter((error) => !inside(error.offset)), ...errors].sort((a, b) => a.offset - b.offset),
    };
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

function guardUnterminatedStrings(text: string, result: LexerResult, stringType: TokenType | undefined): LexerResult {
    const errors: ILexingError[] = [];
    const dropped: Array<[number, number]> = [];
    const strings: IToken[] = [];
    for (const error of result.errors) {
        const last = dropped[dropped.length - 1];
        if (last && error.offset < last[1]) continue;
        if (text[error.offset] === '"') {
            // `Account health review" {`: a quote right after a word closes text that was not opened: it alone is the mistake.
            const end = /[\p{L}\p{N}]/u.test(text[error.offset - 1] ?? '') ? error.offset + 1 : endOfUnterminatedString(text, error.offset);
            dropped.push([error.offset, end]);
            errors.push({ ...error, length: end - error.offset, message: UNTERMINATED_STRING });
            const string = stringType && closedString(text, error, end, stringType);
            if (string) strings.push(string);
        } else {
            errors.push(error);
        }
    }
    if (dropped.length === 0) return result;
    const tokens = [...outsideOf(dropped, result.tokens), ...strings].sort((a, b) => a.startOffset - b.startOffset);
    return { ...result, errors, tokens, hidden: outsideOf(dropped, result.hidden) };
}

/**
 * `evidence "Tickets from Zendesk`: the text up to the end of the line is the
 * value, as if the quote were closed, so that the one error is the missing
 * quote, not also a missing value. A lone '"' is dropped (unquoted-text.ts
 * reads `Tickets"` as a missing opening quote).
 */
function closedString(text: string, error: ILexingError, end: number, stringType: TokenType): IToken | undefined {
    const content = text.slice(error.offset + 1, end).trimEnd();
    if (content.trim() === '') return undefined;
    const length = content.length + 1;
    return {
        image: `"${content}"`, startOffset: error.offset, endOffset: error.offset + length - 1,
        startLine: error.line, endLine: error.line, startColumn: error.column, endColumn: error.column === undefined ? undefined : error.column + length - 1,
        tokenType: stringType, tokenTypeIdx: stringType.tokenTypeIdx!,
    };
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
