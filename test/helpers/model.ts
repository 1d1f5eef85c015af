import type { LangiumDocument } from 'langium';
import { URI } from 'vscode-uri';
import { buildWorkspaceModel } from '../../src/language/build-model.js';
import type { Document } from '../../src/language/generated/ast.js';
import type { Journey, WorkspaceModel } from '../../src/model/types.js';
import { createTestServices, TODAY } from './services.js';

/** Builds the model of in-memory documents, linked together as one workspace (file names a.journey, b.journey…). */
export async function modelOf(texts: string | string[], today = TODAY): Promise<WorkspaceModel> {
    const { shared } = createTestServices(today);
    const documents = [texts].flat().map(
        (text, index) =>
            shared.workspace.LangiumDocuments.createDocument(
                URI.parse(`memory:///${String.fromCharCode(97 + index)}.journey`),
                text,
            ) as LangiumDocument<Document>,
    );
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    return buildWorkspaceModel(
        documents.map((document) => ({ uri: document.uri.toString(), root: document.parseResult.value })),
        { today },
    );
}

/** The only (or the first) journey of the documents. */
export async function journeyOf(texts: string | string[], today = TODAY): Promise<Journey> {
    const [journey] = (await modelOf(texts, today)).journeys;
    if (!journey) {
        throw new Error('no journey in the test documents');
    }
    return journey;
}
