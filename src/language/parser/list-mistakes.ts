/**
 * Mistakes in a list of names (`for smb, enterprise`, `next a, b`): a missing
 * ',' (`for smb enterprise`) and a ',' at the end (`for smb,` before the next
 * property). Each is one error that names the list and shows it written
 * right, and the parser gets the list as if it were: the ',' is put in, or
 * left out. Without this the name after the missing ',' is "not a property"
 * and is lost from the list.
 *
 * A ',' at the end of the text stays: that is a list being typed, and
 * completion offers the next name after it.
 */
import type { ILexingError, IToken, TokenType } from 'chevrotain';
import { kindLabel } from '../element-kinds.js';
import { propertyOfKeyword } from '../element-properties.js';

const MAX_FIXES = 10;

interface NameList {
    keyword: string;
    names: string[];
    /** "segment". */
    kind: string;
}

/** The tokens with the ',' of each list put in or left out, and an error for each. The tokens are in text order. */
export function guardListCommas(tokens: IToken[], commaType: TokenType | undefined): { tokens: IToken[]; errors: ILexingError[] } {
    const errors: ILexingError[] = [];
    if (!commaType) return { tokens, errors };
    const out: IToken[] = [];
    let list: NameList | undefined;
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        const previous = out[out.length - 1];
        const next = tokens[index + 1];
        if (list && isName(token) && previous && isName(previous) && previous.endLine === token.startLine) {
            errors.push(errorAt(token, `missing ',' between '${previous.image}' and '${token.image}' in the list of ${list.kind}s: ${list.keyword} ${[...list.names, token.image].join(', ')}`));
            out.push(commaAfter(previous, commaType));
        } else if (list && token.image === ',' && next && next.image === ',' && previous && isName(previous)) {
            errors.push(errorAt(token, `one ',' between two names is enough: remove this one`));
            continue;
        } else if (list && token.image === ',' && next && !isName(next) && previous && isName(previous)) {
            errors.push(errorAt(token, `expected another ${list.kind} name after ','; remove the ',' at the end of the list: ${list.keyword} ${list.names.join(', ')}`));
            list = undefined;
            continue;
        }
        out.push(token);
        if (list && isName(token)) list.names.push(token.image);
        else if (list && token.image !== ',') list = undefined;
        if (!list) list = listStartedBy(token);
    }
    // Many of them is not a map being typed but garbage (a soup of tokens): its errors stay bounded by the parser's.
    return errors.length === 0 || errors.length > MAX_FIXES ? { tokens, errors: [] } : { tokens: out, errors };
}

function listStartedBy(token: IToken): NameList | undefined {
    const property = token.tokenType.name === token.image ? propertyOfKeyword(token.image) : undefined;
    if (property?.cardinality !== 'list' || !property.refersTo) return undefined;
    return { keyword: token.image, names: [], kind: kindLabel(property.refersTo) };
}

function isName(token: IToken): boolean {
    return token.tokenType.name === 'ID';
}

/** A ',' in the space right after the name, where it is missing. */
function commaAfter(name: IToken, commaType: TokenType): IToken {
    const offset = name.endOffset! + 1;
    return {
        image: ',', startOffset: offset, endOffset: offset, startLine: name.endLine, endLine: name.endLine,
        startColumn: name.endColumn! + 1, endColumn: name.endColumn! + 1, tokenType: commaType, tokenTypeIdx: commaType.tokenTypeIdx!,
    };
}

function errorAt(token: IToken, message: string): ILexingError {
    return { offset: token.startOffset, length: token.image.length, line: token.startLine, column: token.startColumn, message };
}
