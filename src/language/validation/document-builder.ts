import { type AstNode, type AstReflection, AstUtils, type BuildOptions, type Cancellation, DefaultDocumentBuilder, DocumentState, type LangiumDocument, type NameProvider, type URI } from 'langium';
import type { JourneyScopeComputation } from '../references/scope.js';
import type { JourneyLinker } from '../references/linker.js';
import { astNodesOf } from '../ast-walk.js';
import { isDocument, isSegment } from '../generated/ast.js';
import type { ProjectWorkspaceManager } from '../projects/project-workspace-manager.js';
import { JourneyDocumentFactory } from '../parser/document-factory.js';

/**
 * What other documents' diagnostics depend on: the top-level names a document
 * declares (duplicate teams, segments and journeys are errors across files) and
 * the segments it uses (a segment no file uses is a warning in the file that
 * declares it). Keys look like `Team:cs` and `Segment:enterprise`.
 */
interface WorkspaceFacts {
    declared: Set<string>;
    used: Set<string>;
}

/**
 * Langium rebuilds a document when a document it references changes, but not
 * when a document that references it (or repeats one of its names) changes.
 * After each build this builder compares the built documents' workspace facts
 * with the previous ones and re-validates the documents that declare a name
 * whose facts changed: `team cs` added in b.journey re-validates a.journey if
 * it declares `team cs` too; `for smb` removed from b.journey re-validates
 * the file that declares `segment smb`.
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    private readonly factsByUri = new Map<string, WorkspaceFacts>();
    /** Documents updated in place by this update with their names and references unchanged: their scopes, links and indexed references are kept. */
    private readonly linksKept = new Set<string>();
    /** The same documents, whose workspace facts (names declared, segments used) are therefore unchanged. */
    private readonly factsKept = new Set<string>();
    /** Documents updated in place by this update by replacing one declaration inside a journey: only what its names reach is relinked. */
    private readonly declarationsReplaced = new Map<string, { old: AstNode; parsed: AstNode }>();

    /** A project file created, changed or deleted may move any document to another project: all are rebuilt. */
    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const projectsChanged = await (this.workspaceManager() as ProjectWorkspaceManager).updateProjectFiles(changed, deleted);
        const rebuilt = projectsChanged ? [...changed, ...this.langiumDocuments.all.map((document) => document.uri)] : changed;
        if (!projectsChanged && changed.length === 1 && deleted.length === 0) this.updateKeepingLinks(changed[0]);
        try {
            await super.update(rebuilt, deleted, cancelToken);
        } finally {
            this.linksKept.clear();
            this.factsKept.clear();
            this.declarationsReplaced.clear();
        }
    }

    /**
     * A keystroke in a title, a number, a comment or whitespace changes no
     * name and no reference, nor does opening a file whose text is already
     * loaded: the document is updated in place (the same AST
     * nodes), so its exported names, its scopes, its links and its indexed
     * references are those a whole build would compute again, and only its
     * validation is redone. Descriptions read their positions when asked
     * (references/descriptions.ts), so that the kept ones follow the text.
     * test/language/incremental-build.test.ts compares the result with a
     * whole build after random edits.
     */
    private updateKeepingLinks(uri: URI): void {
        const document = this.langiumDocuments.getDocument(uri);
        const factory = this.langiumDocumentFactory;
        if (!document || document.state < DocumentState.Linked || !(factory instanceof JourneyDocumentFactory)) return;
        if (factory.updateKeepingNamesAndReferences(document)) {
            this.linksKept.add(uri.toString());
            this.factsKept.add(uri.toString());
            return;
        }
        const replaced = factory.updateDeclaration(document);
        if (replaced) this.declarationsReplaced.set(uri.toString(), replaced);
    }

    override resetToState(document: LangiumDocument, state: DocumentState): void {
        const uri = document.uri.toString();
        const keepLinks = state < DocumentState.Linked && this.linksKept.delete(uri);
        const replaced = state < DocumentState.ComputedScopes ? this.declarationsReplaced.get(uri) : undefined;
        this.declarationsReplaced.delete(uri);
        if (replaced && this.relinkAround(document, replaced)) return;
        super.resetToState(document, keepLinks ? DocumentState.IndexedReferences : state);
    }

    /**
     * After one declaration inside a journey was replaced (the same document
     * otherwise, see updateKeepingLinks): its names are replaced in the local
     * symbols, and only the references that can now resolve differently are
     * unlinked — those that named a name the old or the new declaration
     * declares, or led into the old one. Every other reference resolves as
     * before: its journey's names of that name, and every name outside the
     * journey, are unchanged. The build then links what is unlinked (the
     * linker is told where: references/linker.ts) and validates the document.
     * test/language/incremental-build.test.ts compares the result with a whole
     * build after random edits.
     */
    private relinkAround(document: LangiumDocument, { old, parsed }: { old: AstNode; parsed: AstNode }): boolean {
        const services = this.serviceRegistry.getServices(document.uri);
        const scopes = services.references.ScopeComputation as JourneyScopeComputation;
        const symbols = document.localSymbols && scopes.replaceDeclaration(document.localSymbols, old, parsed, document);
        if (!symbols) return false;
        const gone = new Set<unknown>(astNodesOf(old));
        const goneReferences = new Set([...gone].flatMap((node) => AstUtils.streamReferences(node as AstNode).map((info) => info.reference).toArray()));
        const names = new Set([...declaredNames(old, services.references.NameProvider), ...declaredNames(parsed, services.references.NameProvider)]);
        const kept: DocumentReference[] = [];
        const relinked = new Map<DocumentReference, AstNode | undefined>();
        for (const reference of document.references) {
            const linked = reference as DocumentReference & { _ref?: unknown };
            if (goneReferences.has(reference)) continue;
            if (!gone.has(linked._ref) && !names.has(reference.$refText) && '_ref' in linked) kept.push(reference);
            else relinked.set(reference, reference.$refNode?.astNode);
        }
        // Where a reference to relink is held cannot be found: the whole document is relinked.
        if ([...relinked.values()].some((holder) => holder === undefined)) return false;

        document.localSymbols = symbols;
        document.references = kept;
        for (const reference of relinked.keys()) Object.assign(reference, { _ref: undefined, _nodeDescription: undefined });
        (services.references.Linker as JourneyLinker).linkOnly(document, [...astNodesOf(parsed), ...(relinked.values() as Iterable<AstNode>)]);
        // The segments the document uses (its workspace facts) change only if the declaration's `for` lists do.
        const reflection = services.shared.AstReflection;
        if (segmentsNamed(old, reflection) === segmentsNamed(parsed, reflection)) this.factsKept.add(document.uri.toString());
        this.indexManager.removeReferences(document.uri);
        document.diagnostics = undefined;
        this.buildState.delete(document.uri.toString());
        document.state = Math.min(document.state, DocumentState.ComputedScopes);
        return true;
    }

    /**
     * Langium relinks a document that links into a changed one by its indexed
     * references; a document whose references are not indexed (a keystroke
     * cancelled its build after linking, or a request linked it lazily) has
     * none, so it would keep its links to nodes of the changed document's old
     * text. It is relinked too.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return document.state < DocumentState.IndexedReferences || super.shouldRelink(document, changedUris);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.buildDocuments(documents, options, cancelToken);
        const changedKeys = this.refreshFacts(documents);
        if (changedKeys.size === 0) return;
        const built = new Set(documents.map((document) => document.uri.toString()));
        const dependents = this.langiumDocuments.all
            .filter((document) => !built.has(document.uri.toString()) && document.state === DocumentState.Validated)
            .filter((document) => [...declaredKeys(document)].some((key) => changedKeys.has(key)))
            .toArray();
        if (dependents.length === 0) return;
        for (const document of dependents) {
            this.resetToState(document, DocumentState.IndexedReferences);
        }
        await super.buildDocuments(dependents, options, cancelToken);
    }

    /** Records the facts of the built documents and of deleted ones; returns the keys that changed. */
    private refreshFacts(documents: LangiumDocument[]): Set<string> {
        const changed = new Set<string>();
        for (const document of documents) {
            const uri = document.uri.toString();
            if (document.state < DocumentState.IndexedReferences || this.factsKept.has(uri)) continue;
            const facts = factsOf(document);
            const previous = this.factsByUri.get(uri) ?? { declared: new Set<string>(), used: new Set<string>() };
            addDifference(changed, previous.declared, facts.declared);
            addDifference(changed, previous.used, facts.used);
            this.factsByUri.set(uri, facts);
        }
        const present = new Set(this.langiumDocuments.all.map((document) => document.uri.toString()));
        for (const [uri, facts] of this.factsByUri) {
            if (present.has(uri)) continue;
            facts.declared.forEach((key) => changed.add(key));
            facts.used.forEach((key) => changed.add(key));
            this.factsByUri.delete(uri);
        }
        return changed;
    }
}

function declaredKeys(document: LangiumDocument): Set<string> {
    const root = document.parseResult.value;
    const keys = new Set<string>();
    if (!isDocument(root)) return keys;
    for (const element of root.elements) {
        if (element.name) keys.add(`${element.$type}:${element.name}`);
    }
    return keys;
}

function factsOf(document: LangiumDocument): WorkspaceFacts {
    const used = new Set<string>();
    for (const reference of document.references) {
        const target = 'ref' in reference ? reference.ref : undefined;
        if (isSegment(target)) used.add(`Segment:${target.name}`);
    }
    return { declared: declaredKeys(document), used };
}

function addDifference(into: Set<string>, before: ReadonlySet<string>, after: ReadonlySet<string>): void {
    before.forEach((key) => after.has(key) || into.add(key));
    after.forEach((key) => before.has(key) || into.add(key));
}

type DocumentReference = LangiumDocument['references'][number];

/** The names a declaration and everything inside it declare. */
function declaredNames(declaration: AstNode, names: NameProvider): string[] {
    return astNodesOf(declaration).map((node) => names.getName(node)).filter((name): name is string => name !== undefined);
}

/** The segment names a declaration and everything inside it refer to, sorted, as one key. */
function segmentsNamed(declaration: AstNode, reflection: AstReflection): string {
    return astNodesOf(declaration)
        .flatMap((node) => AstUtils.streamReferences(node).filter((info) => reflection.getReferenceType(info) === 'Segment').map((info) => info.reference.$refText).toArray())
        .sort()
        .join('\n');
}
