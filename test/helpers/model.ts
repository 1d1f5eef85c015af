import { URI } from 'vscode-uri';
import { buildDocuments, modelOfDocuments } from '../../src/language/workspace-loader.js';
import type { Journey, WorkspaceModel } from '../../src/model/types.js';
import { createTestServices, TODAY } from './services.js';

/** Builds the model of in-memory documents, linked together as one workspace (file names a.journey, b.journey…). */
export async function modelOf(texts: string | string[], today = TODAY): Promise<WorkspaceModel> {
    const { shared } = createTestServices(today);
    const sources = [texts].flat().map((text, index) => ({ uri: URI.parse(`memory:///${String.fromCharCode(97 + index)}.journey`), text }));
    return modelOfDocuments(await buildDocuments(shared, sources, { validation: false }), today);
}

/** The only (or the first) journey of the documents. */
export async function journeyOf(texts: string | string[], today = TODAY): Promise<Journey> {
    const [journey] = (await modelOf(texts, today)).journeys;
    if (!journey) {
        throw new Error('no journey in the test documents');
    }
    return journey;
}
