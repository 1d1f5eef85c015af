/**
 * Leaves of the concrete syntax tree that read their line/character range
 * from the text when asked instead of keeping one.
 *
 * Langium gives every leaf (every token, whitespace included) a range of
 * three objects when it is built: on a map of 20,000 touchpoints, a million
 * leaves and about a fifth of the server's memory, almost never read (a
 * diagnostic, a hover, a symbol reads a few). Here a leaf keeps its offset and
 * length only, and its range is computed from the line starts of its root's
 * text, which the root keeps (one number per line) and computes again when the
 * incremental re-parse gives it a new text.
 *
 * A token whose chevrotain position is not the one its offset and length give
 * (a token the lexer guards or the recovery made, such as an inserted `on` or
 * a quoted name taken as a name) keeps the range Langium would give it, so
 * every range is exactly Langium's. The incremental re-parse moves a leaf by
 * its offset (cst-shift.ts), and rewrites a kept range as before.
 */
import type { IToken } from 'chevrotain';
import { type CompositeCstNode, CstNodeBuilder, type GrammarAST, type LangiumParser, type LeafCstNode, LeafCstNodeImpl, RootCstNodeImpl, type RootCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';

/** The offsets where the lines of a text start; line breaks are `\n`, `\r\n` and `\r`, as the lexer counts them. */
class LineStarts {
    private constructor(
        readonly text: string,
        private readonly starts: Uint32Array,
    ) {}

    static of(text: string): LineStarts {
        const starts: number[] = [0];
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
        }
        return new LineStarts(text, Uint32Array.from(starts));
    }

    /** The line holding `offset`: the last one starting at or before it. */
    lineOf(offset: number): number {
        let [low, high] = [0, this.starts.length - 1];
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (this.starts[middle] <= offset) low = middle;
            else high = middle - 1;
        }
        return low;
    }

    position(offset: number): Position {
        const line = this.lineOf(offset);
        return { line, character: offset - this.starts[line] };
    }

    /** Whether `offset` is on `line` (0-based) at `character`. */
    isAt(offset: number, line: number, character: number): boolean {
        const start = this.starts[line];
        if (start === undefined || start + character !== offset) return false;
        const next = this.starts[line + 1];
        return next === undefined || offset < next;
    }
}

/** A root that keeps the line starts of its text, for its leaves' ranges. */
class LinedRootCstNode extends RootCstNodeImpl {
    private lines: LineStarts;

    constructor(input: string) {
        super(input);
        this.lines = LineStarts.of(this.fullText);
    }

    /** The line starts of the current text; computed again after the incremental re-parse gave the root a new text. */
    lineStarts(): LineStarts {
        // Comparing the same string is comparing a pointer; a new text is compared (and indexed) once.
        if (this.lines.text !== this.fullText) this.lines = LineStarts.of(this.fullText);
        return this.lines;
    }
}

/** Langium's private leaf fields, read and written here as in cst-shift.ts. */
interface LeafFields {
    _offset: number;
    _length: number;
    _range: Range | undefined;
}

class LazyRangeLeafCstNode extends LeafCstNodeImpl {
    override get range(): Range {
        const fields = this as unknown as LeafFields;
        if (fields._range) return fields._range;
        const lines = (this.root as LinedRootCstNode).lineStarts();
        return { start: lines.position(fields._offset), end: lines.position(fields._offset + fields._length) };
    }
}

/** Whether the range Langium gives `token` (tokenToRange) is the one its offset and image length give in `lines`. */
function rangeFollowsOffsets(token: IToken, lines: LineStarts): boolean {
    return (
        lines.isAt(token.startOffset, token.startLine! - 1, token.startColumn! - 1) &&
        lines.isAt(token.startOffset + token.image.length, token.endLine! - 1, token.endColumn!)
    );
}

/** Langium's CstNodeBuilder fields (not in its typings). */
interface BuilderFields {
    rootNode: LinedRootCstNode;
    nodeStack: CompositeCstNode[];
}

class CompactCstNodeBuilder extends CstNodeBuilder {
    override buildRootNode(input: string): RootCstNode {
        const root = new LinedRootCstNode(input);
        root.root = root;
        const fields = this as unknown as BuilderFields;
        fields.rootNode = root;
        fields.nodeStack = [root];
        return root;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const leaf = this.leafOf(token, !feature);
        leaf.grammarSource = feature;
        this.current.content.push(leaf);
        return leaf;
    }

    /** Langium's placement of comments and whitespace, with these leaves. */
    override addHiddenNodes(tokens: IToken[]): void {
        const nodes = tokens.map((token) => this.leafOf(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            current.content.push(...nodes);
            return;
        }
        // A node just opened: the leaves go before it, in the first ancestor with content.
        while (current.container) {
            const index = current.container.content.indexOf(current);
            if (index > 0) {
                current.container.content.splice(index, 0, ...nodes);
                return;
            }
            current = current.container;
        }
        (this as unknown as BuilderFields).rootNode.content.unshift(...nodes);
    }

    private leafOf(token: IToken, hidden: boolean): LeafCstNodeImpl {
        const root = (this as unknown as BuilderFields).rootNode;
        const leaf = rangeFollowsOffsets(token, root.lineStarts())
            ? new LazyRangeLeafCstNode(token.startOffset, token.image.length, undefined as unknown as Range, token.tokenType, hidden)
            : new LeafCstNodeImpl(token.startOffset, token.image.length, tokenRange(token), token.tokenType, hidden);
        leaf.root = root;
        return leaf;
    }
}

function tokenRange(token: IToken): Range {
    return {
        start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
        end: { line: token.endLine! - 1, character: token.endColumn! },
    };
}

/** Makes `parser` build leaves that compute their ranges when asked. */
export function withCompactLeaves(parser: LangiumParser): LangiumParser {
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CompactCstNodeBuilder();
    return parser;
}
