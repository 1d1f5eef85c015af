/**
 * A misspelt keyword where a declaration or a property starts (`touchpont`,
 * `Touchpoint`, `severty`, `pain point`) is one error that names the keyword,
 * and the line parses as if it were written right: without this the word is
 * "not a property", the declaration after it is lost, and every reference to
 * it (or a rule such as "has no severity") is a follow-up error.
 *
 * Only the first word of a line, where no list or property is left open
 * before it, is read as a keyword: anywhere else a word is a name. The
 * top-level keywords (team, segment, journey) are only read at the start of a
 * line, the others only indented, so that `segments smb` in a touchpoint is
 * not taken for a segment.
 */
import type { ILexingError, IToken, TokenType } from 'chevrotain';
import { distance } from 'fastest-levenshtein';
import { DECLARATION_KEYWORDS, ELEMENT_KINDS, WORKSPACE_GLOBAL_TYPES } from '../element-kinds.js';
import { PROPERTIES } from '../element-properties.js';

const TOP_LEVEL: ReadonlySet<string> = new Set(WORKSPACE_GLOBAL_TYPES.map((type) => ELEMENT_KINDS[type].keyword));
const NESTED: readonly string[] = [...DECLARATION_KEYWORDS, ...Object.keys(PROPERTIES)].filter((keyword) => !TOP_LEVEL.has(keyword) && keyword.length >= 4);

const MAX_CORRECTIONS = 10;

/** Keywords after which the next line may continue what they started: a word there is no keyword. */
function leavesSomethingOpen(token: IToken): boolean {
    const isKeyword = token.tokenType.name === token.image;
    const takesValue = isKeyword && ((token.image in PROPERTIES && PROPERTIES[token.image as keyof typeof PROPERTIES].value !== 'flag') || DECLARATION_KEYWORDS.has(token.image));
    return takesValue || token.image === ',' || token.image === '>=' || token.image === '<=';
}

/** The keyword a word at the start of a line was meant to be, if one is close enough to be sure. */
export function intendedKeyword(word: string, topLevel: boolean, exactOnly = false): string | undefined {
    const candidates = topLevel ? [...TOP_LEVEL] : NESTED;
    const lower = word.toLowerCase();
    const exact = candidates.find((keyword) => keyword === lower);
    if (exact || exactOnly || word.length < 4) return exact;
    const allowed = word.length >= 6 ? 2 : 1;
    const close = candidates.filter((keyword) => distance(lower, keyword) <= allowed);
    return close.length === 1 ? close[0] : undefined;
}

/**
 * Gives each misspelt keyword its keyword's token type (and `pain point` one
 * token), and answers an error for each. The tokens are in text order.
 */
export function correctKeywordTypos(text: string, tokens: IToken[], keywordTypes: Record<string, TokenType>): { tokens: IToken[]; errors: ILexingError[] } {
    const errors: ILexingError[] = [];
    const corrected: IToken[] = [];
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        const previous = corrected[corrected.length - 1];
        const next = tokens[index + 1];
        const startsLine = !previous || previous.endLine! < token.startLine!;
        if (token.tokenType.name !== 'ID' || !startsLine || (previous && leavesSomethingOpen(previous)) || !next || next.startLine !== token.startLine) {
            corrected.push(token);
            continue;
        }
        const topLevel = token.startColumn === 1;
        const joined = next.tokenType.name === 'ID' && next.startOffset === token.endOffset! + 2 ? intendedKeyword(token.image + next.image, topLevel, true) : undefined;
        const keyword = joined ?? intendedKeyword(token.image, topLevel);
        const type = keyword && keywordTypes[keyword];
        if (!keyword || !type) {
            corrected.push(token);
            continue;
        }
        const last = joined ? next : token;
        const written = text.slice(token.startOffset, last.endOffset! + 1);
        corrected.push({ ...token, image: keyword, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! });
        errors.push({
            offset: token.startOffset, length: last.endOffset! + 1 - token.startOffset, line: token.startLine, column: token.startColumn,
            message: `'${written}' is not a word of the language; did you mean '${keyword}'?`,
        });
        if (joined) index++;
    }
    // Many of them is not a map being typed but garbage: its errors stay bounded by the parser's.
    return errors.length > MAX_CORRECTIONS ? { tokens, errors: [] } : { tokens: corrected, errors };
}

/**
 * `review q3 "Q3 tune-up" 2026-10-15 {`: a review's date without its `on`
 * is one error on the date, and the date is the review's.
 */
export function insertMissingOn(tokens: IToken[], onType: TokenType | undefined): { tokens: IToken[]; errors: ILexingError[] } {
    const errors: ILexingError[] = [];
    if (!onType) return { tokens, errors };
    // Copied from the first correction on: a map without one (every map being edited, nearly) costs one look at each token.
    let out: IToken[] | undefined;
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        if (token.tokenType.name !== 'DATE') {
            out?.push(token);
            continue;
        }
        const review = tokens[index - 2]?.image === 'review' ? tokens[index - 2] : tokens[index - 3]?.image === 'review' && tokens[index - 1].tokenType.name === 'STRING' ? tokens[index - 3] : undefined;
        if (review && review.tokenType.name === 'review' && tokens[index - 1].image !== 'on' && review.startLine === token.startLine && errors.length < MAX_CORRECTIONS) {
            const before = tokens[index - 1];
            const header = tokens.slice(tokens.indexOf(review), index).map((part) => part.image).join(' ');
            errors.push({ offset: token.startOffset, length: token.image.length, line: token.startLine, column: token.startColumn, message: `missing 'on' before the review's date: ${header} on ${token.image}` });
            const offset = before.endOffset! + 1;
            out ??= tokens.slice(0, index);
            out.push({
                image: 'on', startOffset: offset, endOffset: offset, startLine: before.endLine, endLine: before.endLine,
                startColumn: before.endColumn! + 1, endColumn: before.endColumn! + 1, tokenType: onType, tokenTypeIdx: onType.tokenTypeIdx!,
            });
        }
        out?.push(token);
    }
    return out === undefined ? { tokens, errors } : { tokens: out, errors };
}
