import { type AstNode, AstUtils, type CstNode, type LangiumDocument } from 'langium';
import { ELEMENT_TYPES } from '../../element-kinds.js';
import { isStrayBraceError } from '../../parser/journey-parser.js';

/**
 * Completion re-lexes and re-parses the text before the cursor on every
 * request. On a large map that is most of the work, so completion reads less:
 *
 * - the parser reads the text before the cursor without the complete
 *   declarations that precede it in the same block: the grammar's loops accept
 *   any number of them, so leaving them out does not change what may come next;
 * - the lexer starts at a line start that no block comment spans: tokens never
 *   cross such a point, so the tokens near the cursor are the same as when
 *   lexing the whole text.
 */

/**
 * Declarations that begin with their own keyword and so can be left out as a
 * whole: every element kind, and a change's effects, which begin with
 * `improves` or `worsens` (targets and quantities follow a keyword of their
 * container: they cannot).
 */
const SKIPPABLE: ReadonlySet<string> = new Set([...ELEMENT_TYPES, 'Effect']);

/**
 * The text before `offset` with the complete, error-free declarations that
 * precede the cursor's declaration (at every level) replaced by a space.
 */
export function completionPrefix(document: LangiumDocument, offset: number): string {
    const text = document.textDocument.getText();
    const errors = errorOffsets(document);
    const skipped: Array<[number, number]> = [];
    let container: AstNode | undefined = document.parseResult.value;
    while (container) {
        const children = AstUtils.streamContents(container).filter((child) => SKIPPABLE.has(child.$type) && child.$cstNode !== undefined).toArray();
        container = undefined;
        for (let index = 0; index < children.length; index++) {
            const cst = children[index].$cstNode!;
            if (cst.offset >= offset) {
                break;
            }
            if (offset <= cst.end) {
                container = children[index];
                break;
            }
            const followedAt = Math.min(children[index + 1]?.$cstNode?.offset ?? offset, offset);
            if (isClosedBlock(text, cst) && !errors.some((error) => error >= cst.offset && error <= followedAt)) {
                skipped.push([cst.offset, cst.end]);
            }
        }
    }
    // An extra '}' that the parser left out (journey-parser.ts) is left out here too, or it would close the block early.
    for (const brace of strayBraces(document)) {
        if (brace < offset && !skipped.some(([start, end]) => brace >= start && brace < end)) skipped.push([brace, brace + 1]);
    }
    skipped.sort((a, b) => a[0] - b[0]);
    let prefix = '';
    let from = 0;
    for (const [start, end] of skipped) {
        prefix += `${text.slice(from, start)} `;
        from = end;
    }
    return prefix + text.slice(from, offset);
}

function strayBraces(document: LangiumDocument): number[] {
    return document.parseResult.parserErrors.filter(isStrayBraceError).map((error) => error.token.startOffset);
}

/**
 * A declaration that ends with its block's `}` is finished: nothing after it
 * can continue it. One without a block could still get one (`touchpoint t "T" {`).
 */
function isClosedBlock(text: string, cst: CstNode): boolean {
    return text[cst.end - 1] === '}';
}

/** Where the lexer and the parser reported errors: declarations around them are kept as they are. */
function errorOffsets(document: LangiumDocument): number[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    return [...lexerErrors.map((error) => error.offset), ...parserErrors.map((error) => error.token.startOffset)]
        .filter((offset) => Number.isFinite(offset));
}

/**
 * A line start before `offset`, at least `window` characters before it when
 * the text is that long, that no block comment spans: lexing may start there.
 */
export function lexingStart(text: string, offset: number, window: number): number {
    let start = startOfLine(text, Math.max(0, offset - window));
    while (start > 0) {
        const opening = text.lastIndexOf('/*', start - 1);
        const closing = opening < 0 ? -1 : text.indexOf('*/', opening + 2);
        if (opening < 0 || (closing >= 0 && closing + 2 <= start)) {
            return start;
        }
        start = startOfLine(text, opening);
    }
    return 0;
}

export function startOfLine(text: string, offset: number): number {
    // lastIndexOf reads a negative position as 0: at offset 0 it would find a '\n' there and answer 1.
    return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

export function endOfLine(text: string, offset: number): number {
    const newline = text.indexOf('\n', offset);
    return newline < 0 ? text.length : newline;
}
