/**
 * Workspace symbols (Go to Symbol in Workspace, Ctrl+T): every named element
 * of every .journey file, not only the workspace-global ones. Langium's
 * default lists the index of exported names, which holds teams, segments and
 * journeys only; people look for a touchpoint or a pain point by name too.
 */
import {
    AstUtils, Cancellation, type AstNode, type LangiumDocuments, type ServiceRegistry, interruptAndCheck, isNamed,
} from 'langium';
import type { FuzzyMatcher, LangiumSharedServices, NodeKindProvider, WorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { titleOf } from './document-symbols.js';

export class JourneyWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;
    private readonly languages: ServiceRegistry;
    private readonly nodeKinds: NodeKindProvider;
    private readonly fuzzyMatcher: FuzzyMatcher;

    constructor(services: LangiumSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.languages = services.ServiceRegistry;
        this.nodeKinds = services.lsp.NodeKindProvider;
        this.fuzzyMatcher = services.lsp.FuzzyMatcher;
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken = Cancellation.CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            const uri = document.uri.toString();
            const names = this.languages.getServices(document.uri).references.NameProvider;
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                if (!isNamed(node) || !this.matches(params.query, node)) continue;
                const nameNode = names.getNameNode(node);
                if (!nameNode) continue;
                symbols.push({
                    name: node.name,
                    kind: this.nodeKinds.getSymbolKind(node),
                    containerName: containerPath(node),
                    location: { uri, range: nameNode.range },
                });
            }
        }
        return symbols;
    }

    private matches(query: string, node: AstNode & { name: string }): boolean {
        const title = titleOf(node);
        return this.fuzzyMatcher.match(query, node.name)
            || (title !== undefined && title.toLowerCase().includes(query.toLowerCase()));
    }
}

/** Where the element lives, e.g. `saas › onboarding`, shown beside its name. */
function containerPath(node: AstNode): string | undefined {
    const names: string[] = [];
    for (let container = node.$container; container; container = container.$container) {
        if (isNamed(container)) names.unshift(container.name);
    }
    return names.length > 0 ? names.join(' › ') : undefined;
}
