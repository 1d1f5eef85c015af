import { DocumentState, type LangiumDocument, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from '../../src/language/generated/ast.js';
import { createTestServices } from './services.js';

/**
 * A workspace of several .journey files edited the way the editor does it:
 * the new text goes into the open text documents and the document builder
 * updates the changed files (and whatever depends on them).
 */
export class TestWorkspace {
    readonly services = createTestServices();
    private version = 0;

    uri(fileName: string): URI {
        return URI.parse(`file:///workspace/${fileName}`);
    }

    /** Opens or changes files, then lets the builder update the workspace. */
    async write(files: Record<string, string>): Promise<void> {
        const textDocuments = this.services.shared.workspace.TextDocuments as unknown as { set(document: TextDocument): void };
        const uris = Object.entries(files).map(([fileName, text]) => {
            const uri = this.uri(fileName);
            textDocuments.set(TextDocument.create(uri.toString(), 'journey', ++this.version, text));
            return uri;
        });
        await this.services.shared.workspace.DocumentBuilder.update(uris, []);
    }

    /**
     * Writes a project file (journeys.json) into a folder of the workspace, as
     * the server learns of one on disk, and rebuilds every document.
     */
    async writeProjectFile(folder: string, text: string): Promise<void> {
        this.services.Journey.projects.ProjectRegistry.setProjectFile(this.uri(`${folder}/journeys.json`).toString(), text);
        await this.rebuildAll();
    }

    async deleteProjectFile(folder: string): Promise<void> {
        this.services.Journey.projects.ProjectRegistry.deleteProjectFilesUnder(this.uri(`${folder}/journeys.json`).toString());
        await this.rebuildAll();
    }

    private async rebuildAll(): Promise<void> {
        const uris = this.services.shared.workspace.LangiumDocuments.all.map((document) => document.uri).toArray();
        await this.services.shared.workspace.DocumentBuilder.update(uris, []);
    }

    async delete(fileName: string): Promise<void> {
        const uri = this.uri(fileName);
        (this.services.shared.workspace.TextDocuments as unknown as { delete(uri: string): void }).delete(uri.toString());
        await this.services.shared.workspace.DocumentBuilder.update([], [uri]);
    }

    document(fileName: string): LangiumDocument<Document> {
        const document = this.services.shared.workspace.LangiumDocuments.getDocument(this.uri(fileName));
        if (!document) throw new Error(`${fileName} is not in the workspace`);
        if (document.state !== DocumentState.Validated) throw new Error(`${fileName} is not validated (state ${document.state})`);
        return document as LangiumDocument<Document>;
    }
}
