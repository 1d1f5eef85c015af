import { DocumentState, DocumentValidator, type LangiumDocument, type LangiumSharedCoreServices, URI } from 'langium';
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticCode } from '../language/diagnostic-codes.js';
import type { JourneyServices } from '../language/journey-module.js';
import type { ProjectRegistry } from '../language/projects/project-registry.js';
import { modelOfDocuments } from '../language/workspace-loader.js';
import type { Journey, SourceLocation } from '../model/types.js';
import { journeyView } from '../model/views.js';
import { journeyHasSegment } from '../model/segments.js';
import { NotForCustomers } from '../model/customer-view.js';
import { type Layouter, renderJourneySvg, renderPrioritiesSvg, RowCache } from '../diagram/index.js';
import {
    type DiagramParams,
    DiagramRequestMethod,
    type DiagramResult,
    DocumentsChangedNotification,
    type DrawnMap,
    ElementAtRequestMethod,
    type ElementAtParams,
    type ElementAtResult,
} from '../protocol/diagram-requests.js';
import { type DeclaredKind, elementId } from '../protocol/element-id.js';
import { DiagnosticSeverity } from '../protocol/diagnostic-severity.js';
import { mapElementAt } from './element-at.js';
import { compareDiagram } from './compare-base.js';
import { SentMaps } from './sent-maps.js';

/**
 * Serves the preview from the documents the language server has already
 * built: no second parse. After every build the client is told which
 * documents changed, and the preview asks again.
 */
export function registerDiagramRequests(connection: Connection, shared: LangiumSharedCoreServices, services: JourneyServices, layouter: Layouter): void {
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const sentMaps = new SentMaps();
    // The rows of the maps drawn before: a keystroke lays out again the rows it changed only.
    const rows = new RowCache();

    builder.onBuildPhase(DocumentState.Validated, (built) => {
        const uris = built.map((document) => document.uri.toString());
        if (uris.length > 0) void connection.sendNotification(DocumentsChangedNotification, { uris });
    });

    connection.onRequest(DiagramRequestMethod, async (params: DiagramParams, cancel: CancellationToken): Promise<DiagramResult> => {
        const uri = URI.parse(params.uri);
        await builder.waitUntil(DocumentState.Validated, uri, cancel);
        const document = documents.getDocument(uri);
        if (!document) return { kind: 'empty', version: 0, message: 'This file is not part of the workspace yet.' };
        // The map sees its own project only: another project's teams and segments are not its own.
        const projects = services.projects.ProjectRegistry;
        const project = documents.all.filter((candidate) => projects.sameProject(candidate.uri.toString(), uri.toString())).toArray();
        const result = await diagramOf(document, params, project, services.clock.today(), layouter, projects, rows);
        return result.kind === 'diagram' ? { ...result, ...sentMaps.send(result, params.since) } : result;
    });

    connection.onRequest(ElementAtRequestMethod, async (params: ElementAtParams, cancel: CancellationToken): Promise<ElementAtResult> => {
        const uri = URI.parse(params.uri);
        await builder.waitUntil(DocumentState.Parsed, uri, cancel);
        const document = documents.getDocument(uri);
        const element = document && mapElementAt(document, params.position);
        return { id: element ? elementId(element.kind, element.name) : undefined };
    });
}

export async function diagramOf(
    document: LangiumDocument,
    params: DiagramParams,
    workspace: readonly LangiumDocument[],
    today: string,
    layouter: Layouter,
    projects?: ProjectRegistry,
    rows?: RowCache,
): Promise<DiagramResult> {
    const version = document.textDocument.version;
    const errors = (document.diagnostics ?? []).filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
    if (errors.length > 0) {
        const first = firstError(errors);
        const recovered = params.recoverOnError ? await drawMap(document, params, workspace, today, layouter, projects, rows) : undefined;
        return {
            kind: 'errors',
            version,
            errorCount: errors.length,
            first: { message: first.message, code: typeof first.code === 'string' ? first.code : undefined, range: { uri: document.uri.toString(), ...first.range } },
            ...(recovered && 'svg' in recovered && { recovered }),
        };
    }
    const map = await drawMap(document, params, workspace, today, layouter, projects, rows);
    return 'svg' in map ? { kind: 'diagram', version, ...map } : { kind: 'empty', version, message: map.empty };
}

/** The map of the document's journey (or of what parses of it: the model is built from the parser's recovered tree). */
async function drawMap(
    document: LangiumDocument,
    params: DiagramParams,
    workspace: readonly LangiumDocument[],
    today: string,
    layouter: Layouter,
    projects: ProjectRegistry | undefined,
    rows: RowCache | undefined,
): Promise<DrawnMap | { empty: string }> {
    const model = modelOfDocuments(workspace, today, projects);
    const journeys = model.journeys.filter((journey) => journey.source?.uri === document.uri.toString());
    const journey = journeys.find((candidate) => candidate.name === params.journey) ?? journeys[0];
    if (!journey) return { empty: 'This file declares no journey: the map appears when it has one.' };
    // A journey `for` some segments has no view for the others: the picker offers its own only.
    const journeySegments = model.segments.filter((candidate) => journeyHasSegment(journey, candidate.name));
    const segment = journeySegments.some((candidate) => candidate.name === params.segment) ? params.segment : undefined;
    let view: Journey;
    try {
        view = journeyView(journey, { segment, audience: params.audience });
    } catch (error) {
        if (error instanceof NotForCustomers) return { empty: `This ${error.message}.` };
        throw error;
    }
    const priorities = params.view === 'priorities';
    // Impact, effort, owners and statuses are internal: the customer view has none to place.
    if (priorities && params.audience === 'customer') return { empty: PRIORITIES_INTERNAL };
    const compared = !priorities && params.compare && (await compareDiagram(params.compare, document, workspace, today, view, params.theme, layouter));
    if (compared && 'error' in compared) return { empty: compared.error };
    const svg = priorities ? renderPrioritiesSvg(view, { theme: params.theme, today })
        : compared ? compared.svg : await renderJourneySvg(view, layouter, { theme: params.theme, maxWidth: wrapWidth(params.maxWidth), rows });
    return {
        journey: journey.name,
        // The pickers of a customer-facing preview (it may be shared on screen) offer nothing internal either.
        journeys: shownTo(params.audience, journeys).map(({ name, title }) => ({ name, title })),
        segments: shownTo(params.audience, journeySegments).map(({ name, title }) => ({ name, title })),
        svg,
        sources: sourcesOf(journey, view),
        changes: compared ? compared.changes : undefined,
    };
}

const PRIORITIES_INTERNAL = 'The priorities view shows impact, effort, owners and statuses, which customers do not see: switch the audience to Internal to see it.';

function shownTo<T extends { internal: boolean }>(audience: DiagramParams['audience'], elements: readonly T[]): readonly T[] {
    return audience === 'customer' ? elements.filter((element) => !element.internal) : elements;
}

/**
 * Where each element the view shows is declared, for the extension host (the
 * webview never gets them). Read from the whole journey: the customer view
 * has no source locations.
 */
function sourcesOf(journey: Journey, view: Journey): Record<string, SourceLocation> {
    const shown = new Set(mapElements(view).map((element) => elementId(element.kind, element.name)));
    const sources: Record<string, SourceLocation> = {};
    for (const element of mapElements(journey)) {
        const id = elementId(element.kind, element.name);
        if (element.source && shown.has(id)) sources[id] = element.source;
    }
    return sources;
}

function mapElements(journey: Journey): { kind: DeclaredKind; name: string; source?: SourceLocation }[] {
    return [...journey.stages, ...journey.touchpoints, ...journey.painPoints, ...journey.metrics, ...journey.initiatives];
}

/** Syntax errors come first: an unresolved name further up is usually their consequence. */
function firstError(errors: readonly Diagnostic[]): Diagnostic {
    const syntax = errors.filter(isSyntaxError);
    const candidates = syntax.length > 0 ? syntax : errors;
    return candidates.reduce((a, b) => (compareRange(a.range.start, b.range.start) <= 0 ? a : b));
}

function isSyntaxError(diagnostic: Diagnostic): boolean {
    const dataCode = (diagnostic.data as { code?: unknown } | undefined)?.code;
    return diagnostic.code === DiagnosticCode.SyntaxError || dataCode === DocumentValidator.LexingError || dataCode === DocumentValidator.ParsingError;
}

function compareRange(a: { line: number; character: number }, b: { line: number; character: number }): number {
    return a.line - b.line || a.character - b.character;
}

/** A width the map may wrap to: a finite number of pixels no narrower than one card; anything else draws one row. */
function wrapWidth(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) && value >= 200 ? value : undefined;
}
