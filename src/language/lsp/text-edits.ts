import { type AstNode, type CstNode, GrammarUtils, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';

/**
 * Text edits that add to a declaration the way its author would have typed
 * it: one-line blocks stay on one line, multi-line blocks get a new line at
 * the block's indentation, and nothing is ever removed, so comments stay where
 * they were. Quick fixes build on these.
 */

/** The canonical indentation step (the formatter's). */
export const INDENT = '  ';

/** Adds `property` (e.g. `severity medium`) to the node's block, creating the block when the node has none. */
export function addProperty(document: LangiumDocument, node: AstNode, property: string, after: readonly CstNode[] = []): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    const text = document.textDocument.getText();
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    if (!open || !close) {
        return insertAt(document, cst.end, ` { ${property} }`);
    }
    if (open.range.start.line === close.range.start.line) {
        return addToOneLineBlock(document, text, close.offset, property);
    }
    const anchor = after.at(-1);
    if (anchor) {
        return addAfter(document, text, anchor, property);
    }
    return addBeforeClosingBrace(document, text, cst, close, property);
}

/** `{ at sso }` → `{ at sso  severity medium }`: two spaces between properties, as in one-line blocks. */
function addToOneLineBlock(document: LangiumDocument, text: string, closeOffset: number, property: string): TextEdit {
    const spaceStart = skipBack(text, closeOffset, /[ \t]/);
    const separator = text[spaceStart - 1] === '{' ? ' ' : '  ';
    return replace(document, spaceStart, closeOffset, `${separator}${property} `);
}

/** A new line before the closing brace of a multi-line block, indented like the block's content. */
function addBeforeClosingBrace(document: LangiumDocument, text: string, block: CstNode, close: CstNode, property: string): TextEdit {
    const outer = lineIndent(text, block.offset);
    const inner = contentIndent(text, block, close) ?? outer + INDENT;
    const lineStart = startOfLine(text, close.offset);
    if (text.slice(lineStart, close.offset).trim() === '') {
        return insertAt(document, lineStart, `${inner}${property}\n`);
    }
    // Something precedes the brace on its line (`  internal }`): the brace moves to a line of its own.
    const spaceStart = skipBack(text, close.offset, /[ \t]/);
    return replace(document, spaceStart, close.offset, `\n${inner}${property}\n${outer}`);
}

/** A property right after another one: on the next line, or on the same line when the line goes on. */
function addAfter(document: LangiumDocument, text: string, anchor: CstNode, property: string): TextEdit {
    const end = endOfLine(text, anchor.end);
    if (isBlankOrComment(text.slice(anchor.end, end))) {
        return insertAt(document, end, `\n${lineIndent(text, anchor.offset)}${property}`);
    }
    return insertAt(document, anchor.end, `  ${property}`);
}

/**
 * Inserts whole lines (a new declaration) after a node: after its line when
 * the rest of that line is blank or a comment, right after the node otherwise.
 * `lines` are indented like the node's line.
 */
export function insertLinesAfter(document: LangiumDocument, node: CstNode, lines: readonly string[], blankLine: boolean): TextEdit {
    const text = document.textDocument.getText();
    const indent = lineIndent(text, node.offset);
    const end = endOfLine(text, node.end);
    const at = isBlankOrComment(text.slice(node.end, end)) ? end : node.end;
    const body = lines.map((line) => (line ? indent + line : line)).join('\n');
    return insertAt(document, at, `${blankLine ? '\n' : ''}\n${body}`);
}

/** Appends whole lines at the end of the file, separated from what is there by a blank line. */
export function appendLines(document: LangiumDocument, lines: readonly string[]): TextEdit {
    const text = document.textDocument.getText();
    const trimmedEnd = skipBack(text, text.length, /\s/);
    const separator = trimmedEnd === 0 ? '' : '\n\n';
    return replace(document, trimmedEnd, text.length, `${separator}${lines.join('\n')}\n`);
}

/** Replaces the text of a CST node. */
export function replaceNode(node: CstNode, newText: string): TextEdit {
    return { range: node.range, newText };
}

/** The indentation of the lines between the braces of a block, if any of them holds content. */
function contentIndent(text: string, block: CstNode, close: CstNode): string | undefined {
    const open = GrammarUtils.findNodeForKeyword(block, '{');
    if (!open) {
        return undefined;
    }
    const firstContentLine = startOfLine(text, endOfLine(text, open.end) + 1);
    if (firstContentLine >= startOfLine(text, close.offset)) {
        return undefined;
    }
    const indent = lineIndent(text, firstContentLine);
    return indent.length > 0 ? indent : undefined;
}

/** The leading whitespace of the line that holds `offset`. */
export function lineIndent(text: string, offset: number): string {
    const start = startOfLine(text, offset);
    return /^[ \t]*/.exec(text.slice(start))![0];
}

function startOfLine(text: string, offset: number): number {
    return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

function endOfLine(text: string, offset: number): number {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    return text[end - 1] === '\r' ? end - 1 : end;
}

function isBlankOrComment(rest: string): boolean {
    return /^\s*(\/\/.*)?$/.test(rest);
}

/** The offset before the run of `pattern` characters that ends at `offset`. */
function skipBack(text: string, offset: number, pattern: RegExp): number {
    let start = offset;
    while (start > 0 && pattern.test(text[start - 1])) {
        start--;
    }
    return start;
}

function insertAt(document: LangiumDocument, offset: number, newText: string): TextEdit {
    return replace(document, offset, offset, newText);
}

function replace(document: LangiumDocument, start: number, end: number, newText: string): TextEdit {
    const positionAt = (offset: number) => document.textDocument.positionAt(offset);
    return { range: { start: positionAt(start), end: positionAt(end) }, newText };
}
