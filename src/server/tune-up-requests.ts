import { DocumentState, type LangiumSharedCoreServices, URI } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';
import { blocksToMarkdown } from '../language/report-markdown.js';
import { modelOfDocuments } from '../language/workspace-loader.js';
import { journeyAgenda } from '../model/tune-up/agenda.js';
import { agendaBlocks } from '../model/tune-up/agenda-document.js';
import type { WorkspaceModel } from '../model/types.js';
import {
    type AgendaParams,
    AgendaRequestMethod,
    type AgendaResult,
    type JourneysParams,
    JourneysRequestMethod,
    type JourneysResult,
} from '../protocol/tune-up-requests.js';
import { journeyTree } from './journey-tree.js';

/**
 * Serves the editor's tune-up features from the documents the language server
 * has already built (no second parse): the Journeys view and status bar ask
 * for the tree of every journey with its badges, the agenda for one journey's
 * agenda as Markdown.
 */
export function registerTuneUpRequests(connection: Connection, shared: LangiumSharedCoreServices, services: JourneyServices): void {
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const model = (): WorkspaceModel => modelOfDocuments([...documents.all], services.clock.today(), services.projects.ProjectRegistry);

    connection.onRequest(JourneysRequestMethod, async (params: JourneysParams | undefined, cancel: CancellationToken): Promise<JourneysResult> => {
        await builder.waitUntil(DocumentState.Validated, cancel);
        const today = services.clock.today();
        const journeys = model().journeys.map((journey) => journeyTree(journey, today));
        return { today, journeys: params?.journeysOnly === true ? journeys.map((journey) => ({ ...journey, children: [] })) : journeys };
    });

    connection.onRequest(AgendaRequestMethod, async (params: AgendaParams, cancel: CancellationToken): Promise<AgendaResult> => {
        const uri = URI.parse(params.uri);
        await builder.waitUntil(DocumentState.Validated, uri, cancel);
        const declared = model().journeys.filter((journey) => journey.source?.uri === uri.toString());
        const journey = declared.find((candidate) => candidate.name === params.journey) ?? declared[0];
        if (!journey) return { kind: 'empty', message: 'This file declares no journey: the agenda appears when it has one.' };
        const agenda = journeyAgenda(journey, { today: services.clock.today() });
        return { kind: 'agenda', journey: journey.name, title: journey.title, markdown: blocksToMarkdown(agendaBlocks(agenda)) };
    });
}
