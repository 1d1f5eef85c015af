import * as path from 'node:path';
import { findJourneyFiles, loadJourneyFiles } from '../../../src/language/workspace-loader.js';
import type { Journey, WorkspaceModel } from '../../../src/model/types.js';
import { TODAY } from '../../helpers/services.js';

/** The model of one folder of examples/, as the CLI and the editor load it. */
export async function loadExampleWorkspace(folder: string, today = TODAY): Promise<WorkspaceModel> {
    const files = await findJourneyFiles([path.resolve('examples', folder)]);
    return (await loadJourneyFiles(files, { today })).model;
}

export async function loadExample(folder: string, journeyName: string, today = TODAY): Promise<Journey> {
    const journey = (await loadExampleWorkspace(folder, today)).journeys.find((candidate) => candidate.name === journeyName);
    if (!journey) throw new Error(`examples/${folder} has no journey ${journeyName}`);
    return journey;
}
