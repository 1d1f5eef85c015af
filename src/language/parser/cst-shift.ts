/**
 * Moving Langium's concrete syntax tree after a text edit: what changed
 * between two texts, where a position before the edit ends up after it, and
 * finding and shifting the leaves around the edit. Used by the incremental
 * re-parse (incremental-reparse.ts).
 *
 * Langium keeps absolute offsets on every leaf (and line/character ranges on
 * the few leaves whose range does not follow from their offset, see
 * compact-cst.ts) and caches ranges on composite nodes, so every leaf after an
 * edit is rewritten; subtrees wholly before the edit are skipped.
 */
import { type CstNode, isCompositeCstNode, isLeafCstNode, type LeafCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';

/** An edit as the difference of two texts: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface TextChange {
    start: number;
    oldEnd: number;
    newEnd: number;
}

/** Maps a position at or after the edit's old end to where it is in the new text. */
export interface PositionShift {
    map(position: Position): Position;
}

/** Langium's leaf fields that a move rewrites (not in its public typings). */
interface MutableLeaf {
    _offset: number;
    _length: number;
    _range: Range | undefined;
}

/** Texts are compared a block at a time (native string comparison), then character by character in the block that differs. */
const BLOCK = 256;

/** The smallest region that differs between the two texts; `undefined` when they are equal. */
export function textChange(oldText: string, newText: string): TextChange | undefined {
    if (oldText === newText) return undefined;
    const shorter = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start + BLOCK <= shorter && oldText.slice(start, start + BLOCK) === newText.slice(start, start + BLOCK)) start += BLOCK;
    while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    const room = shorter - start;
    let suffix = 0;
    const tail = (text: string, from: number) => text.slice(text.length - from - BLOCK, text.length - from);
    while (suffix + BLOCK <= room && tail(oldText, suffix) === tail(newText, suffix)) suffix += BLOCK;
    while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

/** Whether a `\r\n` is cut by the edit's boundaries: it would count as one line break in one text and two in the other. */
export function splitsLineBreak(oldText: string, newText: string, { start, oldEnd, newEnd }: TextChange): boolean {
    const cut = (text: string, at: number) => text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10;
    return cut(oldText, start) || cut(newText, start) || cut(oldText, oldEnd) || cut(newText, newEnd);
}

export function positionShift(root: CstNode, change: TextChange, oldText: string, newText: string): PositionShift {
    const anchor = lastLeafEndingBy(root, change.start);
    const from = anchor ? { offset: anchor.end, position: anchor.range.end } : { offset: 0, position: { line: 0, character: 0 } };
    const editStart = advance(oldText, from.offset, change.start, from.position);
    const oldEnd = advance(oldText, change.start, change.oldEnd, editStart);
    const newEnd = advance(newText, change.start, change.newEnd, editStart);
    const lines = newEnd.line - oldEnd.line;
    return {
        // Positions that do not move stay the same objects: typing on one line moves no position on the lines below.
        map: (position) => {
            if (position.line === oldEnd.line) return { line: newEnd.line, character: position.character - oldEnd.character + newEnd.character };
            return lines === 0 ? position : { line: position.line + lines, character: position.character };
        },
    };
}

/** The position after `text[from, to)`, starting at `position`; line breaks are `\n`, `\r\n` and `\r`, as the lexer counts them. */
function advance(text: string, from: number, to: number, position: Position): Position {
    let { line, character } = position;
    for (let i = from; i < to; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
            line++;
            character = 0;
        } else if (code !== 13) {
            character++;
        }
    }
    return { line, character };
}

/**
 * Moves every leaf that starts at or after the edit's old end by the edit's
 * length and `shift`, and drops the cached ranges of the composite nodes that
 * may have moved.
 */
export function shiftLeavesAfter(node: CstNode, change: TextChange, shift: PositionShift): void {
    if (isLeafCstNode(node)) {
        if (node.offset >= change.oldEnd) moveLeaf(node, node.offset + change.newEnd - change.oldEnd, shift);
        return;
    }
    if (!isCompositeCstNode(node) || fullEnd(node) <= change.start) return;
    // Cleared, not deleted: deleting a property makes V8 slow down every later access to the object.
    (node as { _rangeCache?: Range })._rangeCache = undefined;
    for (const child of node.content) shiftLeavesAfter(child, change, shift);
}

function moveLeaf(leaf: LeafCstNode, offset: number, shift: PositionShift): void {
    const mutable = leaf as unknown as MutableLeaf;
    mutable._offset = offset;
    // A leaf without a range of its own reads it from its offset and the new text (compact-cst.ts).
    if (mutable._range === undefined) return;
    const { start, end } = leaf.range;
    const [movedStart, movedEnd] = [shift.map(start), shift.map(end)];
    if (movedStart !== start || movedEnd !== end) mutable._range = { start: movedStart, end: movedEnd };
}

export function resizeLeaf(leaf: LeafCstNode, offset: number, length: number, range: Range): void {
    const mutable = leaf as unknown as MutableLeaf;
    mutable._offset = offset;
    mutable._length = length;
    mutable._range = range;
}

/** The first leaf, hidden ones included, that ends after `offset`. */
export function firstLeafEndingAfter(node: CstNode, offset: number): LeafCstNode | undefined {
    while (isCompositeCstNode(node)) {
        const children = node.content;
        let [low, high] = [0, children.length];
        while (low < high) {
            const middle = (low + high) >> 1;
            if (fullEnd(children[middle]) > offset) high = middle;
            else low = middle + 1;
        }
        if (low === children.length) return undefined;
        node = children[low]!;
    }
    return isLeafCstNode(node) ? node : undefined;
}

function lastLeafEndingBy(root: CstNode, offset: number): LeafCstNode | undefined {
    const after = firstLeafEndingAfter(root, offset);
    return after ? previousLeaf(after) : lastLeaf(root);
}

export function previousLeaf(leaf: CstNode): LeafCstNode | undefined {
    for (let node: CstNode = leaf; node.container; node = node.container) {
        const siblings = node.container.content;
        const index = siblings.indexOf(node);
        if (index > 0) return lastLeaf(siblings[index - 1]);
    }
    return undefined;
}

export function nextLeaf(leaf: CstNode): LeafCstNode | undefined {
    for (let node: CstNode = leaf; node.container; node = node.container) {
        const siblings = node.container.content;
        const index = siblings.indexOf(node);
        if (index < siblings.length - 1) return firstLeaf(siblings[index + 1]);
    }
    return undefined;
}

function firstLeaf(node: CstNode): LeafCstNode | undefined {
    while (isCompositeCstNode(node) && node.content.length > 0) node = node.content[0]!;
    return isLeafCstNode(node) ? node : undefined;
}

function lastLeaf(node: CstNode): LeafCstNode | undefined {
    while (isCompositeCstNode(node) && node.content.length > 0) node = node.content[node.content.length - 1]!;
    return isLeafCstNode(node) ? node : undefined;
}

/** Where a node's last leaf ends, hidden leaves included (a composite's own `end` leaves out trailing comments). */
function fullEnd(node: CstNode): number {
    return lastLeaf(node)?.end ?? node.end;
}

export function leavesOf(root: CstNode): LeafCstNode[] {
    return nodesOf(root).filter(isLeafCstNode);
}

export function nodesOf(root: CstNode): CstNode[] {
    const nodes: CstNode[] = [];
    const visit = (node: CstNode) => {
        nodes.push(node);
        if (isCompositeCstNode(node)) node.content.forEach(visit);
    };
    visit(root);
    return nodes;
}
