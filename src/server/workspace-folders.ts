/**
 * Multi-root workspaces change while the server runs: a folder added to the
 * window (File > Add Folder to Workspace) is loaded and checked like the
 * folders of the start-up — its projects found, its problems listed — and a
 * folder removed takes its documents and their problems with it. Langium
 * announces workspace folder support but does not follow the changes: the
 * server asks the client for them (dynamic registration) once initialized.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { ProjectWorkspaceManager } from '../language/projects/project-workspace-manager.js';

export function followWorkspaceFolders(connection: Connection, shared: LangiumSharedServices): void {
    let clientSendsChanges = false;
    shared.lsp.LanguageServer.onInitialize((params) => {
        clientSendsChanges = Boolean(params.capabilities.workspace?.workspaceFolders);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (clientSendsChanges) connection.workspace.onDidChangeWorkspaceFolders((event) => void changeFolders(shared, event));
    });
}

async function changeFolders(shared: LangiumSharedServices, { added, removed }: WorkspaceFoldersChangeEvent): Promise<void> {
    const manager = shared.workspace.WorkspaceManager as ProjectWorkspaceManager;
    await manager.ready;
    await shared.workspace.WorkspaceLock.write(async (cancel) => {
        const { changed, deleted } = await manager.changeWorkspaceFolders(added, removed);
        await shared.workspace.DocumentBuilder.update(changed, deleted, cancel);
    });
}
