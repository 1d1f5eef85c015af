/**
 * The formatter: one canonical layout for .journey files (`Format Document`,
 * format on save, range formatting, and `journey fmt` via formatJourneyText).
 *
 * Why a token formatter of our own and not Langium's AbstractFormatter: the
 * rules below depend on the author's line breaks (a block written on one line
 * stays on one line, a blank line is kept) and on comments, which are hidden
 * tokens that AbstractFormatter only reaches indirectly. Working on the flat
 * token stream (comments included) makes each rule one decision per gap
 * between two tokens, so that the formatter provably changes only
 * whitespace: before returning, it re-lexes its output and gives up (no
 * edits) if the tokens differ in any way.
 *
 * The layout (Prettier-like: canonical, except for the two choices Prettier
 * also leaves to the author — an object on one line, and blank lines):
 * - 2-space indentation per block; `{` ends its declaration's line; `}` gets
 *   its own line, aligned with the declaration.
 * - Every declaration (team, segment, journey, stage, touchpoint, painpoint,
 *   metric, initiative, review, change) starts on its own line, and whatever
 *   follows a declaration starts a new line.
 * - A block written on one line without nested declarations stays on one
 *   line: `{ target >= 40  actual 31 }` (one space inside the braces). An
 *   empty block is `{}`. Any other block is expanded.
 * - Properties: the author decides where a line breaks between properties;
 *   properties sharing a line are separated by two spaces (as in the
 *   language reference). Within a property or a declaration header, tokens
 *   are separated by one space: `target >= 40`, `next a, b`, and `95%`.
 * - At most one blank line is kept where the author had blank lines; none
 *   right after `{` or right before `}`. The file ends with one newline.
 * - Comments stay where they are: a comment written at the end of a line
 *   stays there, keeping the spaces before it (so hand-aligned comments stay
 *   aligned); a comment on its own line is indented like the line after it.
 * - No line width: long lines are not wrapped (wrapping would move the
 *   author's line breaks, which carry meaning for readers of the map).
 * - A file with syntax errors is left untouched.
 */
import type { AstNode, LangiumCoreServices, LangiumDocument, TextDocument } from 'langium';
import { AstUtils, isNamed } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { IToken } from 'chevrotain';
import type {
    DocumentFormattingParams,
    DocumentOnTypeFormattingOptions,
    DocumentRangeFormattingParams,
    Range,
    TextEdit,
} from 'vscode-languageserver';
import { DECLARATION_KEYWORDS } from '../element-kinds.js';
import { BLOCK_PROPERTY_KEYWORDS } from '../element-properties.js';

/*
 * Every keyword of the grammar has its place in the layout (test/language/lsp/formatter.test.ts):
 * a declaration keyword (element-kinds.ts) starts its own line; a block property's keyword
 * (element-properties.ts) may start a line; the keywords below stand inside a property or a header.
 */

/** Keywords that stand inside a property or a header: joined with one space. */
export const VALUE_KEYWORDS: ReadonlySet<string> = new Set([
    'on', '>=', '<=', '%', ',', '{', '}',
    'low', 'medium', 'high', 'critical', 'planned', 'active', 'done', 'dropped',
]);

const INDENT = '  ';

/** A stretch of whitespace between two tokens (or the file's ends) and what it becomes. */
interface Gap {
    start: number;
    end: number;
    text: string;
}

/** What the layout needs from a parsed document. */
interface LayoutInput {
    text: string;
    /** Code tokens and comments, in document order. */
    tokens: IToken[];
    /** End offsets of every declaration (AST node with a name). */
    declarationEnds: ReadonlySet<number>;
}

/**
 * Formats a whole .journey text. Returns undefined when the text has syntax
 * errors (nothing is formatted then). Used by `journey fmt`.
 */
export function formatJourneyText(services: LangiumCoreServices, text: string): string | undefined {
    const parseResult = services.parser.LangiumParser.parse(text);
    if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) {
        return undefined;
    }
    const gaps = formattingGaps(services, text, parseResult.value);
    return gaps && applyGaps(text, gaps);
}

export class JourneyFormatter implements Formatter {
    constructor(private readonly services: LangiumCoreServices) {}

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const textDocument = document.textDocument;
        const from = textDocument.offsetAt(params.range.start);
        const to = textDocument.offsetAt(params.range.end);
        return this.edits(document, (gap) => gap.start >= from && gap.end <= to);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private edits(document: LangiumDocument, keep: (gap: Gap) => boolean = () => true): TextEdit[] {
        const { parseResult, textDocument } = document;
        if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) {
            return [];
        }
        const text = textDocument.getText();
        return (formattingGaps(this.services, text, parseResult.value) ?? [])
            .filter((gap) => gap.text !== text.slice(gap.start, gap.end) && keep(gap))
            .map((gap) => ({ range: rangeOf(textDocument, gap), newText: gap.text }));
    }
}

function rangeOf(textDocument: TextDocument, gap: Gap): Range {
    return { start: textDocument.positionAt(gap.start), end: textDocument.positionAt(gap.end) };
}

/**
 * The whitespace of every gap in the formatted text, or undefined when the
 * text cannot be lexed or when the result would not be the same tokens.
 */
function formattingGaps(services: LangiumCoreServices, text: string, root: AstNode): Gap[] | undefined {
    const input = layoutInput(services, text, root);
    if (!input) {
        return undefined;
    }
    const gaps = layoutGaps(input);
    const formatted = tokenize(services, applyGaps(text, gaps));
    const sameTokens = formatted?.length === input.tokens.length
        && formatted.every((token, i) => token.tokenType === input.tokens[i].tokenType && token.image === input.tokens[i].image);
    return sameTokens ? gaps : undefined;
}

function layoutInput(services: LangiumCoreServices, text: string, root: AstNode): LayoutInput | undefined {
    const tokens = tokenize(services, text);
    if (!tokens) {
        return undefined;
    }
    const declarationEnds = new Set<number>();
    for (const node of AstUtils.streamAst(root)) {
        if (isNamed(node) && node.$cstNode) {
            declarationEnds.add(node.$cstNode.end);
        }
    }
    return { text, tokens, declarationEnds };
}

function tokenize(services: LangiumCoreServices, text: string): IToken[] | undefined {
    const result = services.parser.Lexer.tokenize(text);
    if (result.errors.length > 0) {
        return undefined;
    }
    return [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
}

function applyGaps(text: string, gaps: Gap[]): string {
    let out = '';
    let last = 0;
    for (const gap of gaps) {
        out += text.slice(last, gap.start) + gap.text;
        last = gap.end;
    }
    return out + text.slice(last);
}

// ---------------------------------------------------------------------------
// The layout: one decision per gap.

type TokenKind = 'declaration' | 'property' | 'open' | 'close' | 'comma' | 'percent' | 'lineComment' | 'blockComment' | 'other';

function kindOf(token: IToken): TokenKind {
    const type = token.tokenType.name;
    if (type === 'SL_COMMENT') return 'lineComment';
    if (type === 'ML_COMMENT') return 'blockComment';
    if (type !== token.image) return 'other'; // a terminal (ID, STRING, NUMBER, DATE), not a keyword
    if (DECLARATION_KEYWORDS.has(type)) return 'declaration';
    if (BLOCK_PROPERTY_KEYWORDS.has(type)) return 'property';
    switch (type) {
        case '{': return 'open';
        case '}': return 'close';
        case ',': return 'comma';
        case '%': return 'percent';
        default: return 'other';
    }
}

/** The `for` of `emotion for enterprise -2` stands inside the emotion, one space after it, not as the touchpoint's own `for`. */
const isSegmentsOfAnEmotion = (tokens: readonly IToken[], index: number) => tokens[index].image === 'for' && tokens[index - 1]?.image === 'emotion';

const isComment = (kind: TokenKind | undefined) => kind === 'lineComment' || kind === 'blockComment';

/** Per `{`: whether its block keeps one line. Indexed by the token index of the `{`. */
function singleLineBlocks(text: string, tokens: IToken[], kinds: TokenKind[]): Set<number> {
    const single = new Set<number>();
    const open: number[] = [];
    kinds.forEach((kind, index) => {
        if (kind === 'open') {
            open.push(index);
        } else if (kind === 'close') {
            const start = open.pop();
            if (start === undefined) return;
            const inner = text.slice(endOf(tokens[start]), tokens[index].startOffset);
            const empty = start === index - 1;
            const hasDeclaration = kinds.slice(start + 1, index).includes('declaration');
            if (empty || (!inner.includes('\n') && !hasDeclaration)) {
                single.add(start);
            }
        }
    });
    return single;
}

function layoutGaps({ text, tokens, declarationEnds }: LayoutInput): Gap[] {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const kinds = tokens.map((token, index) => (isSegmentsOfAnEmotion(tokens, index) ? 'other' : kindOf(token)));
    const single = singleLineBlocks(text, tokens, kinds);
    const gaps: Gap[] = [];
    /** The `{` of every open block, innermost last; its depth is the stack length. */
    const blocks: number[] = [];
    const inSingleLineBlock = () => blocks.length > 0 && single.has(blocks[blocks.length - 1]);
    const indent = (depth: number) => INDENT.repeat(Math.max(0, depth));

    /** The indentation of a line that starts with the token at `index`. */
    const lineIndent = (index: number): string => {
        if (kinds[index] === 'close') return indent(blocks.length - 1);
        let next = index;
        while (isComment(kinds[next])) next++; // a comment on its own line is indented like the line after it
        const kind = kinds[next];
        if (kind === undefined || kind === 'close' || kind === 'declaration' || kind === 'property') {
            return indent(blocks.length);
        }
        return indent(blocks.length + 1); // a continuation line, in the middle of a property or header
    };
    const newline = (index: number, original: string, keepBlankLine = true): string => {
        const blank = keepBlankLine && newlinesIn(original) >= 2 && kinds[index] !== 'close';
        return (blank ? eol + eol : eol) + lineIndent(index);
    };

    tokens.forEach((token, index) => {
        const start = index === 0 ? 0 : endOf(tokens[index - 1]);
        const original = text.slice(start, token.startOffset);
        gaps.push({ start, end: token.startOffset, text: index === 0 ? '' : separator(index, original) });
        if (kinds[index] === 'open') blocks.push(index);
        if (kinds[index] === 'close') blocks.pop();
    });
    if (tokens.length > 0) {
        const start = endOf(tokens[tokens.length - 1]);
        gaps.push({ start, end: text.length, text: eol });
    } else {
        gaps.push({ start: 0, end: text.length, text: '' });
    }
    return gaps;

    /** The whitespace between token `index - 1` and token `index`, given the author's `original`. */
    function separator(index: number, original: string): string {
        const previous = kinds[index - 1];
        const current = kinds[index];
        const afterOpen = previous === 'open';
        const lineBreak = original.includes('\n');
        if (previous === 'lineComment') return newline(index, original);
        if (isComment(current)) return lineBreak ? newline(index, original, !afterOpen) : trailingSpace(original);
        if (current === 'close') return inSingleLineBlock() ? (afterOpen ? '' : ' ') : newline(index, original, false);
        if (afterOpen) return inSingleLineBlock() ? ' ' : newline(index, original, false);
        if (current === 'comma' || current === 'percent') return '';
        if (current === 'declaration' || (declarationEnds.has(endOf(tokens[index - 1])) && !inSingleLineBlock())) {
            return newline(index, original);
        }
        if (current === 'property') {
            return lineBreak && !inSingleLineBlock() ? newline(index, original) : '  ';
        }
        return ' ';
    }
}

/** Spaces before a comment at the end of a line: the author's, so that aligned comments stay aligned. */
function trailingSpace(original: string): string {
    return /^ +$/.test(original) ? original : ' ';
}

function newlinesIn(text: string): number {
    let count = 0;
    for (const char of text) if (char === '\n') count++;
    return count;
}

/** The offset just past a token (Chevrotain's endOffset is optional and inclusive). */
function endOf(token: IToken): number {
    return token.startOffset + token.image.length;
}
