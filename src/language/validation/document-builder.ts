import { type BuildOptions, type Cancellation, DefaultDocumentBuilder, DocumentState, type LangiumDocument, type URI } from 'langium';
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
        if (!document || document.state < DocumentState.Linked) return;
        if (this.langiumDocumentFactory instanceof JourneyDocumentFactory && this.langiumDocumentFactory.updateKeepingNamesAndReferences(document)) {
            this.linksKept.add(uri.toString());
            this.factsKept.add(uri.toString());
        }
    }

    override resetToState(document: LangiumDocument, state: DocumentState): void {
        const keepLinks = state < DocumentState.Linked && this.linksKept.delete(document.uri.toString());
        super.resetToState(document, keepLinks ? DocumentState.IndexedReferences : state);
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
