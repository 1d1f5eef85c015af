import { type AstNode, CstUtils, diagnosticData, DocumentValidator, isCompositeCstNode, type ParseResult } from 'langium';
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { MAX_PARSER_ERRORS } from './journey-parser.js';
import { declarationKindLabel } from '../element-kinds.js';
import { MISSING_CLOSE } from './parser-messages.js';

/*
 * Lexer and parser errors as diagnostics: with the stable code, one per line
 * (the rest of a line is the cascade of its first error), a missing '}' named
 * after its block, and a flood summed up.
 */

/** At most this many syntax errors are listed; a last one says how many more there are. */
export const MAX_SYNTAX_DIAGNOSTICS = 50;

/** Lexer errors as diagnostics, with the stable code; a flood of them (binary data) is summed up. */
export function lexerDiagnostics(parseResult: ParseResult, source: string): Diagnostic[] {
    const errors = parseResult.lexerErrors;
    const diagnostics = errors.slice(0, MAX_SYNTAX_DIAGNOSTICS).map((error) => syntaxDiagnostic(lexerErrorRange(error), error.message, source, DocumentValidator.LexingError));
    if (errors.length > MAX_SYNTAX_DIAGNOSTICS) {
        const last = errors[MAX_SYNTAX_DIAGNOSTICS];
        const rest = errors.length - MAX_SYNTAX_DIAGNOSTICS;
        diagnostics.push(syntaxDiagnostic(lexerErrorRange(last), `${rest} more unexpected characters not listed; is this a .journey text file?`, source, DocumentValidator.LexingError));
    }
    return diagnostics;
}

function lexerErrorRange(error: ILexingError): Range {
    const line = (error.line ?? 1) - 1;
    const character = (error.column ?? 1) - 1;
    return { start: { line, character }, end: { line, character: character + error.length } };
}

/**
 * Parser errors as diagnostics: the first error of a line stands for the cascade
 * that recovery makes of it, a missing '}' names its block, and a flood is summed up.
 */
export function parserDiagnostics(parseResult: ParseResult, source: string): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    let lastLine = -1;
    let skipped = 0;
    const firstLexerError = parseResult.lexerErrors[0]?.offset ?? Infinity;
    // A token the lexer already reported (`severity "high` without its closing quote) is not a second mistake.
    const reportedByLexer = new Set(parseResult.lexerErrors.map((error) => error.offset));
    for (const error of parseResult.parserErrors) {
        const range = parserErrorRange(error);
        if (range.start.line === lastLine || isLeftOverOfRecovery(error, diagnostics.length > 0, firstLexerError) || reportedByLexer.has(error.token.startOffset)) continue;
        lastLine = range.start.line;
        if (diagnostics.length === MAX_SYNTAX_DIAGNOSTICS) {
            skipped++;
            continue;
        }
        const message = nameTheOpenBlock(error, parseResult.value) ?? error.message;
        diagnostics.push(syntaxDiagnostic(range, message, source, DocumentValidator.ParsingError));
    }
    const last = diagnostics[diagnostics.length - 1];
    const stopped = parseResult.parserErrors.length >= MAX_PARSER_ERRORS;
    if (last && (skipped > 0 || stopped)) {
        const notListed = skipped > 0 ? `${skipped} more lines with syntax errors not listed` : '';
        const notChecked = stopped ? `too many syntax errors: the rest of the file after line ${last.range.start.line + 1} is not checked` : '';
        const message = [notListed, notChecked].filter(Boolean).join('; ');
        diagnostics.push(syntaxDiagnostic(last.range, message, source, DocumentValidator.ParsingError));
    }
    return diagnostics;
}

/**
 * Recovery from an error inside a block can end that block early, so that its
 * '}' closes the enclosing one and the parser meets the rest at the top level.
 * What it reports there is a consequence of the first error, not a new one.
 */
function isLeftOverOfRecovery(error: IRecognitionException, afterAnotherError: boolean, firstLexerError: number): boolean {
    return error.name === 'NotAllInputParsedException' && (afterAnotherError || firstLexerError < error.token.startOffset);
}

/**
 * On the offending token; for a missing token at the end of the file, or a
 * missing name or value at the end of its line (`owner` ⏎ `emotion +1`), just
 * after the token before it: that is where it is missing.
 */
function parserErrorRange(error: IRecognitionException): Range {
    const token = error.token;
    if (!isNaN(token.startOffset) && !isMissingAtEndOfLine(error)) {
        return {
            start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
            end: { line: token.endLine! - 1, character: token.endColumn! },
        };
    }
    const previous = previousTokenOf(error);
    const position = previous && !isNaN(previous.startOffset)
        ? { line: previous.endLine! - 1, character: previous.endColumn! }
        : { line: 0, character: 0 };
    return { start: position, end: position };
}

function isMissingAtEndOfLine(error: IRecognitionException): boolean {
    const previous = previousTokenOf(error);
    return (error.name === 'MismatchedTokenException' || error.name === 'NoViableAltException') && /^expected .* after '/.test(error.message)
        && previous !== undefined && !isNaN(previous.startOffset) && previous.endLine! < error.token.startLine!;
}

function previousTokenOf(error: IRecognitionException): IToken | undefined {
    return (error as IRecognitionException & { previousToken?: IToken }).previousToken;
}

/** "missing '}' to close the stage" becomes "missing '}' to close stage 'onboarding' (opened at line 12)". */
function nameTheOpenBlock(error: IRecognitionException, root: AstNode): string | undefined {
    const missing = MISSING_CLOSE.exec(error.message);
    const previous = previousTokenOf(error);
    const rootCst = root.$cstNode;
    if (!missing || !previous || isNaN(previous.startOffset) || !rootCst) return undefined;
    const kind = missing[1];
    const leaf = CstUtils.findLeafNodeAtOffset(rootCst, previous.startOffset);
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const cst = node.$cstNode;
        if (!cst || declarationKindLabel(node.$type) !== kind || !isCompositeCstNode(cst)) continue;
        const open = cst.content.find((child) => child.text === '{' && !child.hidden);
        const closed = cst.content.some((child) => child.text === '}' && !child.hidden);
        if (open && !closed) {
            const name = (node as AstNode & { name?: unknown }).name;
            const named = typeof name === 'string' && name !== '' ? ` '${name}'` : '';
            return `missing '}' to close ${kind}${named} (opened at line ${open.range.start.line + 1})`;
        }
    }
    return undefined;
}

function syntaxDiagnostic(range: Range, message: string, source: string, langiumCode: string): Diagnostic {
    // data keeps Langium's own code: its stopAfterLexingErrors/stopAfterParsingErrors options look for it.
    return { severity: DiagnosticSeverity.Error, range, message, code: DiagnosticCode.SyntaxError, source, data: diagnosticData(langiumCode) };
}
