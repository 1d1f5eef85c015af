import {
    type Module,
    inject,
} from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { JourneyLanguageGeneratedModule, JourneyLanguageGeneratedSharedModule } from './generated/module.js';
import { JourneyScopeComputation, JourneyScopeProvider } from './references/scope.js';
import { JourneyAstNodeDescriptionProvider, JourneyReferenceDescriptionProvider } from './references/descriptions.js';
import { JourneyDocumentValidator } from './validation/document-validator.js';
import { JourneyDocumentBuilder } from './validation/document-builder.js';
import { JourneyIndexManager } from './references/reference-index.js';
import { JourneyLinker } from './references/linker.js';
import { JourneyValidationRegistry } from './validation/validation-registry.js';
import { JourneyDocumentFactory } from './parser/document-factory.js';
import { registerValidationChecks } from './validation/register-checks.js';
import { ValueValidator } from './validation/values.js';
import { WorkspaceValidator } from './validation/workspace-names.js';
import { ReferenceValidator } from './validation/references.js';
import { CompletenessValidator } from './validation/completeness.js';
import { StalenessValidator } from './validation/staleness.js';
import { SignalValidator } from './validation/signals.js';
import { ChannelValidator } from './validation/channels.js';
import { EmotionValidator } from './validation/emotions.js';
import { MetricHistoryValidator } from './validation/metric-history.js';
import { type Clock, systemClock } from './clock.js';
import { JourneyFormatter } from './lsp/formatter.js';
import { JourneyCompletionProvider } from './lsp/completion/completion-provider.js';
import { JourneyCodeLensProvider } from './lsp/code-lens.js';
import { JourneyHoverProvider } from './lsp/hover.js';
import { createJourneyCompletionParser, createJourneyParser } from './parser/journey-parser.js';
import { JourneyLexer, JourneyLexerErrorMessageProvider, JourneyTokenBuilder } from './parser/lexer-guards.js';
import { JourneyParserErrorMessageProvider } from './parser/parser-messages.js';
import { JourneyCodeActionProvider } from './lsp/code-actions.js';
import { JourneyRenameProvider } from './lsp/rename.js';
import { JourneyDocumentSymbolProvider } from './lsp/document-symbols.js';
import { JourneyWorkspaceSymbolProvider } from './lsp/workspace-symbols.js';
import { JourneyFoldingRangeProvider } from './lsp/folding.js';
import { JourneySemanticTokenProvider } from './lsp/semantic-tokens.js';
import { JourneyNodeKindProvider } from './lsp/node-kinds.js';
import { ProjectRegistry } from './projects/project-registry.js';
import { ProjectWorkspaceManager } from './projects/project-workspace-manager.js';

/** Services added to Langium's defaults for the .journey language. */
export type JourneyAddedServices = {
    /** Where "today" comes from: stale reviews and past-due initiatives depend on it. Tests replace it. */
    clock: Clock;
    /** Which project each document belongs to, and the project's settings (projects/project-registry.ts). */
    projects: {
        ProjectRegistry: ProjectRegistry;
    };
    /** The rules of the language, one service per group; validation/register-checks.ts registers their checks. */
    validation: {
        ValueValidator: ValueValidator;
        WorkspaceValidator: WorkspaceValidator;
        ReferenceValidator: ReferenceValidator;
        CompletenessValidator: CompletenessValidator;
        StalenessValidator: StalenessValidator;
        SignalValidator: SignalValidator;
        ChannelValidator: ChannelValidator;
        EmotionValidator: EmotionValidator;
        MetricHistoryValidator: MetricHistoryValidator;
    };
};

export type JourneyServices = LangiumServices & JourneyAddedServices;

export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    clock: () => systemClock,
    projects: {
        ProjectRegistry: () => new ProjectRegistry(),
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new JourneyAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new JourneyReferenceDescriptionProvider(services),
    },
    references: {
        ScopeComputation: (services) => new JourneyScopeComputation(services),
        ScopeProvider: (services) => new JourneyScopeProvider(services),
        Linker: (services) => new JourneyLinker(services),
    },
    parser: {
        LangiumParser: (services) => createJourneyParser(services),
        CompletionParser: (services) => createJourneyCompletionParser(services),
        Lexer: (services) => new JourneyLexer(services),
        TokenBuilder: () => new JourneyTokenBuilder(),
        LexerErrorMessageProvider: () => new JourneyLexerErrorMessageProvider(),
        ParserErrorMessageProvider: (services) => new JourneyParserErrorMessageProvider(services),
    },
    lsp: {
        Formatter: (services) => new JourneyFormatter(services),
        CompletionProvider: (services) => new JourneyCompletionProvider(services),
        CodeLensProvider: () => new JourneyCodeLensProvider(),
        HoverProvider: (services) => new JourneyHoverProvider(services),
        CodeActionProvider: (services) => new JourneyCodeActionProvider(services),
        RenameProvider: (services) => new JourneyRenameProvider(services),
        DocumentSymbolProvider: (services) => new JourneyDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new JourneyFoldingRangeProvider(services),
        SemanticTokenProvider: (services) => new JourneySemanticTokenProvider(services),
    },
    validation: {
        DocumentValidator: (services) => new JourneyDocumentValidator(services),
        ValidationRegistry: (services) => new JourneyValidationRegistry(services),
        ValueValidator: () => new ValueValidator(),
        WorkspaceValidator: (services) => new WorkspaceValidator(services),
        ReferenceValidator: () => new ReferenceValidator(),
        CompletenessValidator: () => new CompletenessValidator(),
        StalenessValidator: (services) => new StalenessValidator(services),
        SignalValidator: () => new SignalValidator(),
        ChannelValidator: (services) => new ChannelValidator(services),
        EmotionValidator: () => new EmotionValidator(),
        MetricHistoryValidator: (services) => new MetricHistoryValidator(services),
    },
};

/** Shared (workspace) services replaced or added for the .journey language. */
export const JourneySharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new JourneyDocumentBuilder(services),
        IndexManager: (services) => new JourneyIndexManager(services),
        LangiumDocumentFactory: (services) => new JourneyDocumentFactory(services),
    },
    lsp: {
        NodeKindProvider: () => new JourneyNodeKindProvider(),
        WorkspaceSymbolProvider: (shared) => new JourneyWorkspaceSymbolProvider(shared),
    },
};

export interface JourneyServicesOptions {
    /** Replaces the system clock, so that date-dependent rules are deterministic. */
    clock?: Clock;
}

/**
 * Creates the shared and language services. The shared services hold the
 * workspace (documents, index, builder) that every .journey file belongs to.
 */
export function createJourneyServices(
    context: DefaultSharedModuleContext,
    options: JourneyServicesOptions = {},
): { shared: LangiumSharedServices; Journey: JourneyServices } {
    // One registry for the workspace manager (which feeds it) and the language services (which ask it).
    const projects = new ProjectRegistry();
    const shared = inject(createDefaultSharedModule(context), JourneyLanguageGeneratedSharedModule, JourneySharedModule, {
        workspace: { WorkspaceManager: (services: LangiumSharedServices) => new ProjectWorkspaceManager(services, projects) },
    });
    const overrides: Module<JourneyServices, Partial<JourneyAddedServices>> = {
        projects: { ProjectRegistry: () => projects },
        ...(options.clock ? { clock: () => options.clock! } : {}),
    };
    const Journey = inject(
        createDefaultModule({ shared }),
        JourneyLanguageGeneratedModule,
        JourneyModule,
        overrides,
    );
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey);
    if (!context.connection) {
        // Without a language client nothing sends the configuration; mark it as
        // received so that the workspace can be built (used by the CLI and tests).
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}
