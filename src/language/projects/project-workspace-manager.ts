/**
 * The language server's side of projects: at start-up, the workspace folders
 * become project roots and every project file found while the folders are
 * searched is read; .journey files a project's include/exclude leaves out are
 * not loaded. Later, project files created, changed or deleted on disk update
 * the registry (see JourneyDocumentBuilder.update), and every document is
 * rebuilt, since any of them may now belong to another project. Workspace
 * folders added or removed while the server runs (multi-root workspaces) are
 * followed the same way (changeWorkspaceFolders).
 */
import { type Cancellation, DefaultWorkspaceManager, type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices, type Stream, stream, URI } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-protocol';
import { isProjectFile, type ProjectRegistry } from './project-registry.js';

export class ProjectWorkspaceManager extends DefaultWorkspaceManager {
    private readonly foundProjectFiles: URI[] = [];

    constructor(services: LangiumSharedCoreServices, private readonly projects: ProjectRegistry) {
        super(services);
        // Files never opened are validated at start-up too: the Problems panel lists every project's problems.
        this.initialBuildOptions = { validation: true };
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.projects.setWorkspaceFolders(folders.map((folder) => folder.uri));
        await super.initializeWorkspace(folders, cancelToken);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        if (entry.isFile && isProjectFile(entry.uri.toString())) {
            this.foundProjectFiles.push(entry.uri);
            return false;
        }
        return super.shouldIncludeEntry(entry) && (!entry.isFile || this.projects.includes(entry.uri.toString()));
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        // The folders have been searched: the project files found decide which documents belong where, and which are left out.
        await Promise.all(this.foundProjectFiles.splice(0).map((uri) => this.readProjectFile(uri)));
        const included = [...uris].filter((uri) => this.projects.includes(uri.toString()));
        await super.loadWorkspaceDocuments(stream(included), collector);
    }

    /** Applies project files among changed and deleted files (or folders); true when any project changed. */
    async updateProjectFiles(changed: readonly URI[], deleted: readonly URI[]): Promise<boolean> {
        let updated = false;
        for (const uri of deleted) {
            updated = this.projects.deleteProjectFilesUnder(uri.toString()) || updated;
        }
        for (const uri of changed.filter((candidate) => isProjectFile(candidate.toString()))) {
            await this.readProjectFile(uri);
            updated = true;
        }
        return updated;
    }

    /**
     * Workspace folders added and removed: the registry learns the roots and
     * the added folders' project files. Returns what the document builder is
     * to update: the added folders' .journey files and every document already
     * loaded (a new root may move any of them to another project) as changed,
     * the documents of removed folders (unless another folder still holds
     * them: folders may nest) as deleted, so that their problems go.
     */
    async changeWorkspaceFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): Promise<{ changed: URI[]; deleted: URI[] }> {
        const removedUris = new Set(removed.map((folder) => folder.uri));
        this.folders = [...(this.folders ?? []).filter((folder) => !removedUris.has(folder.uri)), ...added];
        this.projects.setWorkspaceFolders(this.folders.map((folder) => folder.uri));
        const rootOf = (folder: WorkspaceFolder) => withoutTrailingSlash(this.getRootFolder(folder).toString());
        const under = (uri: URI, roots: string[]) => roots.some((root) => uri.toString().startsWith(`${root}/`));
        const [removedRoots, remainingRoots] = [removed.map(rootOf), this.folders.map(rootOf)];
        removedRoots.filter((root) => !under(URI.parse(root), remainingRoots)).forEach((root) => this.projects.deleteProjectFilesUnder(root));
        const found: URI[] = [];
        await Promise.all(added.map((folder) => this.traverseFolder(this.getRootFolder(folder), found)));
        await Promise.all(this.foundProjectFiles.splice(0).map((uri) => this.readProjectFile(uri)));
        const loaded = this.langiumDocuments.all.map((document) => document.uri).toArray();
        const deleted = loaded.filter((uri) => under(uri, removedRoots) && !under(uri, remainingRoots));
        const changed = [...found.filter((uri) => this.projects.includes(uri.toString())), ...loaded.filter((uri) => !deleted.includes(uri))];
        return { changed, deleted };
    }

    private async readProjectFile(uri: URI): Promise<void> {
        try {
            this.projects.setProjectFile(uri.toString(), await this.fileSystemProvider.readFile(uri));
        } catch {
            // Gone between the event and the read: the deletion event follows.
            this.projects.deleteProjectFilesUnder(uri.toString());
        }
    }
}

function withoutTrailingSlash(uri: string): string {
    return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}
