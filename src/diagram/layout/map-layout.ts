/**
 * Journey → laid-out map: each stage's cards placed and its flow routed (by
 * src/diagram/layered, or ELK in the worker); around that, the header, the
 * rows of lanes (one, or several when a width is given and the map is wider:
 * map-rows.ts), the legend and the evidence notes are placed here.
 */
import type { Initiative, Journey } from '../../model/types.js';
import { effectiveSegments } from '../../model/segments.js';
import { stageGroupViews } from '../../model/views.js';
import { round } from '../card-content.js';
import { buildDiagramGraph, type DiagramGraph, labelsOf } from './diagram-graph.js';
import type { DiagramLayout, FlowEdgeRoute } from '../diagram-types.js';
import type { Layouter, MapLayoutOptions } from '../elk/layouter.js';
import { buildEvidenceNotes } from './evidence-notes.js';
import type { CurvePaths } from './experience-curve.js';
import { buildLegend, legendUses } from './legend.js';
import { buildHeader } from './map-headers.js';
import { type MapRows, rowGap, rowLanes, routesAcrossRows, rowsOf, runRoom } from './map-rows.js';
import { GUTTER, MARGIN, type PlacedLanes, placeRow, type RowInput } from './row-placement.js';
import { reviewMarksByStage } from './review-marks.js';
import type { RowCache } from './row-cache.js';
import { rowKey, sharedRowKey } from './row-key.js';
import { type FlowLane, placeColumns } from './stage-columns.js';

export { experienceCurve } from './experience-curve.js';

/** Narrower maps still get a readable header and legend. */
const MIN_CONTENT_WIDTH = 760;

/** Lays out the whole map of one journey (view); `layouter` runs ELK and keeps the stages it laid out before. */
export async function layoutJourney(journey: Journey, layouter: Layouter, options: MapLayoutOptions = {}): Promise<DiagramLayout> {
    const diagram = buildDiagramGraph(journey);
    const laidOut = await layouter.layout(diagram.graph, options);
    return placeMap(journey, placeColumns(laidOut, diagram), diagram, options.maxWidth, options.rows);
}

function placeMap(journey: Journey, lane: FlowLane, diagram: DiagramGraph, maxWidth: number | undefined, cache: RowCache | undefined): DiagramLayout {
    const labels = labelsOf(journey);
    const { rows, crossings } = rowsOf(lane, diagram, maxWidth, 2 * MARGIN + GUTTER);
    const wrapped = rows.length > 1;
    const columnsLeft = MARGIN + GUTTER + (wrapped ? runRoom(Math.max(0, ...crossings)) : 0);
    const lanes = wrapped ? rowLanes(lane, diagram, rows) : [lane];
    const rowWidths = rows.map((_, r) => lanes[r].width + runRoom(crossings[r] ?? 0));
    const contentWidth = Math.max(columnsLeft + Math.max(...rowWidths) - MARGIN, MIN_CONTENT_WIDTH);

    const header = buildHeader(journey, labels, { x: MARGIN, y: MARGIN, width: contentWidth });
    const placed = placeRows(journey, { rows, crossings }, lanes, diagram, { top: header.y + header.height + 20, columnsLeft, labels, cache });
    const all = {
        lanes: placed.flatMap((row) => row.lanes),
        stages: placed.flatMap((row) => row.stages),
        touchpoints: placed.flatMap((row) => row.touchpoints),
        experience: placed.map((row) => row.experience),
        painPoints: placed.flatMap((row) => row.painPoints),
        initiatives: placed.flatMap((row) => row.initiatives),
        initiativeReferences: placed.flatMap((row) => row.initiativeReferences),
        links: placed.flatMap((row) => row.links),
        notes: placed.flatMap((row) => row.notes),
    };
    const edges = wrapped ? edgesAcrossRows(lane, diagram, rows, placed, columnsLeft) : placed[0].edges;
    const y = placed.at(-1)!.bottom;

    const legend = buildLegend(MARGIN, y + 20, contentWidth, legendUses({ header, ...all, edges }), journey.view.audience);
    const titleOf = new Map(journey.painPoints.map((painPoint) => [painPoint.name, painPoint.title]));
    const noted = all.painPoints.map((card) => ({ title: titleOf.get(card.name) ?? card.name, evidence: card.evidence, firstNote: card.firstNote }));
    const evidence = buildEvidenceNotes(noted, MARGIN, legend.y + legend.height + 16, contentWidth);
    return {
        version: 1,
        journey: { name: journey.name, title: journey.title },
        width: Math.ceil(MARGIN + contentWidth + MARGIN),
        height: Math.ceil((evidence ? evidence.y + evidence.height : legend.y + legend.height) + MARGIN),
        header,
        lanes: all.lanes,
        stages: all.stages,
        touchpoints: all.touchpoints,
        edges,
        experience: all.experience,
        painPoints: all.painPoints,
        initiatives: all.initiatives,
        initiativeReferences: all.initiativeReferences,
        links: all.links,
        legend,
        ...(evidence && { evidence }),
        notes: all.notes,
    };
}

/**
 * The rows top to bottom; on a wrapped map each shows its stages' part of the
 * journey, an initiative in the row of the first pain point it addresses and
 * a reference to it in the rows of its other pain points.
 */
function placeRows(
    journey: Journey,
    { rows, crossings }: MapRows,
    lanes: FlowLane[],
    diagram: DiagramGraph,
    at: { top: number; columnsLeft: number; labels: ReturnType<typeof labelsOf>; cache?: RowCache },
): PlacedLanes[] {
    const wrapped = rows.length > 1;
    const paths = curvePaths(journey);
    const changes = reviewMarksByStage(journey);
    const rowOfPainPoint = new Map(rows.flatMap((stages, r) => stages.flatMap((i) => journey.stages[i].painPoints.map((name) => [name, r] as const))));
    const rowOfInitiative = new Map(journey.initiatives.map((initiative) => {
        const anchors = initiative.addresses.flatMap((name) => rowOfPainPoint.get(name) ?? []);
        return [initiative, anchors.length > 0 ? Math.min(...anchors) : 0] as const;
    }));
    // An initiative whose card is in another row still shows, as a stand-in, under each pain point of this one it addresses.
    const referencedIn = rows.map((): { initiative: Initiative; cardRow: number }[] => []);
    for (const [initiative, cardRow] of rowOfInitiative) {
        const rowsAddressed = new Set(initiative.addresses.flatMap((name) => rowOfPainPoint.get(name) ?? []));
        for (const r of rowsAddressed) if (r !== cardRow) referencedIn[r].push({ initiative, cardRow });
    }
    const cardsIn = rows.map((): Initiative[] => []);
    for (const [initiative, cardRow] of rowOfInitiative) cardsIn[cardRow]?.push(initiative);
    const shared = at.cache?.sharedKey(sharedRowKey(journey, paths));
    const views = wrapped ? stageGroupViews(journey, rows.map((stages) => stages.map((i) => journey.stages[i].name))) : [journey];
    const placed: PlacedLanes[] = [];
    let top = at.top;
    let firstNote = 1;
    rows.forEach((_, r) => {
        const shown = wrapped ? { ...views[r], initiatives: cardsIn[r] } : journey;
        const referenced = referencedIn[r];
        const input: RowInput = {
            journey: shown,
            whole: journey,
            labels: at.labels,
            lane: lanes[r],
            cards: diagram.cards,
            edges: diagram.edges,
            paths,
            row: r,
            top,
            columnsLeft: at.columnsLeft,
            firstNote,
            emptyNotes: !wrapped,
            referenced,
            changes,
        };
        const row = at.cache ? at.cache.row(rowKey(input, shared!), () => placeRow(input)) : placeRow(input);
        placed.push(row);
        firstNote += row.painPoints.reduce((sum, card) => sum + (card.firstNote === undefined ? 0 : card.evidence.length), 0);
        top = row.bottom + (r + 1 < rows.length ? rowGap(crossings[r]) : 0);
    });
    at.cache?.mapDone();
    return placed;
}

/** The flow of a wrapped map in document order: each row's own routes, and those that continue into another row. */
function edgesAcrossRows(lane: FlowLane, diagram: DiagramGraph, rows: number[][], placed: PlacedLanes[], columnsLeft: number): FlowEdgeRoute[] {
    const across = routesAcrossRows(
        lane,
        diagram,
        rows,
        placed.map((row, r) => ({
            origin: row.origin,
            laneLeft: lane.stages[rows[r][0]].x,
            laneRight: lane.stages[rows[r].at(-1)!].x + lane.stages[rows[r].at(-1)!].width,
            right: row.right,
            bottom: row.bottom,
        })),
        columnsLeft,
    );
    const within = new Map(placed.flatMap((row) => row.edges).map((edge) => [`${edge.from}->${edge.to}`, edge]));
    return [...diagram.edges].flatMap(([id, edge]) => {
        const route = across.get(id);
        if (route) {
            return [{ from: edge.from, to: edge.to, points: route.map((p) => ({ x: round(p.x), y: round(p.y) })) }];
        }
        const own = within.get(`${edge.from}->${edge.to}`);
        return own ? [own] : [];
    });
}

/**
 * Which touchpoints each segment's customers pass (a touchpoint for all the
 * journey's segments is on the main path), and how some of them feel, for the
 * curve's lines; none in a one-segment view, where one customer passes them all.
 */
function curvePaths(journey: Journey): CurvePaths | undefined {
    if (journey.view.segment !== undefined) {
        return undefined;
    }
    const segments = journey.forSegments.length > 0 ? journey.forSegments : journey.segments.map((segment) => segment.name);
    const forAll = (limited: readonly string[]) => segments.every((segment) => limited.includes(segment));
    const titles = new Map(journey.segments.map((segment) => [segment.name, segment.title]));
    return {
        segmentsOf: new Map(journey.touchpoints.map((touchpoint) => {
            const limited = effectiveSegments(journey, touchpoint);
            return [touchpoint.name, forAll(limited) ? [] : limited];
        })),
        emotionsOf: new Map(journey.touchpoints.map((touchpoint) => [touchpoint.name, touchpoint.segmentEmotions ?? {}])),
        segments,
        titleOf: (segment) => titles.get(segment) ?? segment,
    };
}
