import {
    type AstNode,
    Cancellation,
    DefaultDocumentValidator,
    interruptAndCheck,
    type LangiumDocument,
    type ParseResult,
    type ValidationAcceptor,
    type ValidationOptions,
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { ProjectRegistry } from '../projects/project-registry.js';
import { astNodesOf } from '../ast-walk.js';
import { withRuleLevels } from './rule-levels.js';
import type { JourneyServices } from '../journey-module.js';
import { JourneyLinkingErrors } from '../references/linking-errors.js';
import { lexerDiagnostics, parserDiagnostics } from '../parser/syntax-diagnostics.js';

/**
 * Turns Langium's lexer, parser and linker errors into diagnostics with our
 * stable codes and with messages in the language's own terms.
 * Syntax (lexer and parser) errors: see parser/syntax-diagnostics.ts.
 * Unresolved references: see references/linking-errors.ts.
 * Each project's levels for its rules (its project file's `rules`) are applied last.
 */
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    protected readonly linkingErrors: JourneyLinkingErrors;
    protected readonly projects: ProjectRegistry;

    constructor(services: JourneyServices) {
        super(services);
        this.linkingErrors = new JourneyLinkingErrors(services);
        this.projects = services.projects.ProjectRegistry;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return withRuleLevels(diagnostics, this.projects.projectOf(document.uri.toString()).settings.rules);
    }

    /**
     * Langium's loop, over the nodes collected by a plain walk (ast-walk.ts),
     * with a check awaited only when it returns a promise and the builder's
     * chance to cancel (a new keystroke) taken every 64 nodes instead of at
     * every node: each of those awaits cost a promise.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const unchecked = new Set<AstNode>();
        const nodes = astNodesOf(rootNode, (node) => {
            const single = this.validateSingleNodeOptions(node, options);
            if (!single.validateNode) unchecked.add(node);
            return single.validateChildren;
        });
        for (let i = 0; i < nodes.length; i++) {
            if (i % 64 === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            if (unchecked.has(node)) continue;
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) {
                const result = check(node, acceptor, cancelToken);
                if (result) await result;
            }
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        diagnostics.push(...lexerDiagnostics(parseResult, this.getSource()));
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        diagnostics.push(...parserDiagnostics(parseResult, this.getSource()));
    }

    /** In the order of the text: an edit relinks only some references, so the document's list of them is not in that order (document-builder.ts). */
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const describe = this.linkingErrors.describer();
        const unresolved = document.references.filter((reference) => reference.error !== undefined);
        unresolved.sort((a, b) => (a.$refNode?.offset ?? 0) - (b.$refNode?.offset ?? 0));
        for (const reference of unresolved) {
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
