import { DefaultDocumentValidator, type LangiumDocument, type ParseResult, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { JourneyServices } from '../journey-module.js';
import { JourneyLinkingErrors } from '../references/linking-errors.js';
import { lexerDiagnostics, parserDiagnostics } from '../parser/syntax-diagnostics.js';

/**
 * Turns Langium's lexer, parser and linker errors into diagnostics with our
 * stable codes and with messages in the language's own terms.
 * Syntax (lexer and parser) errors: see parser/syntax-diagnostics.ts.
 * Unresolved references: see references/linking-errors.ts.
 */
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    protected readonly linkingErrors: JourneyLinkingErrors;

    constructor(services: JourneyServices) {
        super(services);
        this.linkingErrors = new JourneyLinkingErrors(services);
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        diagnostics.push(...lexerDiagnostics(parseResult, this.getSource()));
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        diagnostics.push(...parserDiagnostics(parseResult, this.getSource()));
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const describe = this.linkingErrors.describer();
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const { code, message, data } = describe(error);
            diagnostics.push(this.toDiagnostic('error', message, {
                node: error.info.container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code,
                data,
            }));
        }
    }

    protected override getSource(): string {
        return 'journey';
    }
}
