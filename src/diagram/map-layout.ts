/**
 * Journey → laid-out map: ELK places the touchpoint cards and routes the flow
 * (in the worker); around that, the stage columns, the lanes above and below
 * (stage headers, experience curve, pain points, initiatives), the header and
 * the legend are placed here.
 */
import type { Journey } from '../model/types.js';
import { type Content, moveContent, round } from './card-content.js';
import { buildDiagramGraph, type CardLabels, type GraphEdge, labelsOf, stageNodeId, touchpointNodeId, STAGE_PADDING_X } from './diagram-graph.js';
import type {
    AddressLink,
    Box,
    DiagramLayout,
    EmotionPoint,
    ExperienceCurve,
    FlowEdgeRoute,
    InitiativeCard,
    Lane,
    PainPointCard,
    Point,
    StageColumn,
    TextLine,
    TouchpointCard,
} from './diagram-types.js';
import type { ElkNode } from './elk-graph-types.js';
import { initiativeContent, LanePacker, painPointContent } from './lane-cards.js';
import { runElkLayout } from './layout.js';
import { buildLegend } from './legend.js';
import { buildHeader, buildStageHeader } from './map-headers.js';

const MARGIN = 24;
const GUTTER = 120;
const LANE_PADDING = 16;
const EXPERIENCE_HEIGHT = 150;
const STACK_GAP = 12;
/** How far left of a card its pain point → initiative connector runs. */
const LINK_OFFSET = 10;
/** Narrower maps still get a readable header and legend. */
const MIN_CONTENT_WIDTH = 760;

export interface MapLayoutOptions {
    /** Milliseconds before the layout is abandoned with an error. */
    timeoutMs?: number;
}

/** Lays out the whole map of one journey (view). */
export async function layoutJourney(journey: Journey, options: MapLayoutOptions = {}): Promise<DiagramLayout> {
    const diagram = buildDiagramGraph(journey);
    const laidOut = await runElkLayout(diagram.graph, { timeoutMs: options.timeoutMs });
    return placeMap(journey, laidOut, diagram.cards, diagram.edges);
}

interface Extent {
    minX: number;
    maxX: number;
    minY: number;
    maxY: number;
}

function placeMap(
    journey: Journey,
    laidOut: ElkNode,
    cards: Map<string, Content>,
    edgeEnds: Map<string, GraphEdge>,
): DiagramLayout {
    const labels = labelsOf(journey);
    const stageNodes = new Map((laidOut.children ?? []).map((node) => [node.id, node]));
    const extent = extentOf(laidOut);

    // Columns: each stage's ELK box, widened to meet its neighbours halfway.
    const columnsLeft = MARGIN + GUTTER;
    const dx = columnsLeft - extent.minX;
    const boxes = journey.stages.map((stage) => stageNodes.get(stageNodeId(stage.name))!);
    const bands = boxes.map((node, i) => {
        const left = i === 0 ? extent.minX : (right(boxes[i - 1]!) + node.x!) / 2;
        const rightEdge = i === boxes.length - 1 ? extent.maxX : (right(node) + boxes[i + 1]!.x!) / 2;
        return { x: round(left + dx), width: round(rightEdge - left) };
    });
    const columnsRight = bands.length > 0 ? bands.at(-1)!.x + bands.at(-1)!.width : columnsLeft + 240;
    const contentWidth = Math.max(columnsRight - MARGIN, MIN_CONTENT_WIDTH);

    const header = buildHeader(journey, labels, { x: MARGIN, y: MARGIN, width: contentWidth });
    let y = header.y + header.height + 20;

    // Stage headers lane.
    const stagesTop = y;
    const stageHeaders = journey.stages.map((stage, i) => buildStageHeader(stage, journey, { ...bands[i]!, y: stagesTop, height: 0 }));
    const stagesHeight = Math.max(60, ...stageHeaders.map((h) => h.bottom - stagesTop));
    y += stagesHeight;

    // Touchpoint lane: ELK's picture, moved into place.
    const touchTop = y;
    const dy = touchTop + LANE_PADDING - extent.minY;
    const touchHeight = extent.maxY - extent.minY + 2 * LANE_PADDING;
    const touchpoints = placeTouchpoints(journey, stageNodes, cards, dx, dy);
    const edges = placeEdges(laidOut, stageNodes, edgeEnds, dx, dy);
    y += touchHeight;

    const experienceTop = y;
    const experience = experienceCurve(touchpoints, experienceTop, columnsLeft, columnsRight);
    y += EXPERIENCE_HEIGHT;

    const notes: TextLine[] = [];
    if (experience.points.length === 0) {
        notes.push({ text: 'No emotions recorded.', x: columnsLeft + STAGE_PADDING_X, y: round(experience.zeroY - 8), size: 12, weight: 'normal', tone: 'muted' });
    }
    const painTop = y;
    // A stage's first slot is where its first layer of cards sits, so that lanes line up with the cards.
    const slotOfStage = new Map(journey.stages.map((stage, i) => [stage.name, round(boxes[i]!.x! + dx + STAGE_PADDING_X)]));
    const painPoints = placePainPoints(journey, labels, touchpoints, slotOfStage, painTop + LANE_PADDING);
    const painHeight = laneHeight(painPoints, painTop, 'No pain points recorded.', columnsLeft, notes);
    y += painHeight;

    const initiativeTop = y;
    const slots = [...new Set([...slotOfStage.values(), ...touchpoints.map((t) => t.x)])].sort((a, b) => a - b);
    const initiatives = placeInitiatives(journey, labels, painPoints, slots, initiativeTop + LANE_PADDING);
    const initiativeHeight = laneHeight(initiatives, initiativeTop, 'No initiatives recorded.', columnsLeft, notes);
    y += initiativeHeight;
    const links = addressLinks(journey, painPoints, initiatives, initiativeTop + LANE_PADDING / 2);

    const lanes: Lane[] = [
        { kind: 'stages', label: 'Stages', x: MARGIN, y: stagesTop, width: columnsRight - MARGIN, height: stagesHeight },
        { kind: 'touchpoints', label: 'Touchpoints', x: MARGIN, y: touchTop, width: columnsRight - MARGIN, height: touchHeight },
        { kind: 'experience', label: 'Experience', x: MARGIN, y: experienceTop, width: columnsRight - MARGIN, height: EXPERIENCE_HEIGHT },
        { kind: 'painpoints', label: 'Pain points', x: MARGIN, y: painTop, width: columnsRight - MARGIN, height: painHeight },
        { kind: 'initiatives', label: 'Initiatives', x: MARGIN, y: initiativeTop, width: columnsRight - MARGIN, height: initiativeHeight },
    ].map((lane) => ({ ...lane, y: round(lane.y), height: round(lane.height) }) as Lane);

    const columnsTop = stagesTop;
    const columnsHeight = y - stagesTop;
    const stages: StageColumn[] = journey.stages.map((stage, i) => ({
        name: stage.name,
        title: stage.title,
        x: bands[i]!.x,
        y: round(columnsTop),
        width: bands[i]!.width,
        height: round(columnsHeight),
        header: { x: bands[i]!.x, y: round(stagesTop), width: bands[i]!.width, height: round(stagesHeight) },
        lines: stageHeaders[i]!.lines,
        metrics: stageHeaders[i]!.metrics,
        netEmotion: stage.netEmotion,
        netEmotionBadge: stageHeaders[i]!.badge,
    }));

    const legend = buildLegend(MARGIN, y + 20, contentWidth, journey.view.audience);
    return {
        version: 1,
        journey: { name: journey.name, title: journey.title },
        width: Math.ceil(MARGIN + contentWidth + MARGIN),
        height: Math.ceil(legend.y + legend.height + MARGIN),
        header,
        lanes,
        stages,
        touchpoints,
        edges,
        experience,
        painPoints,
        initiatives,
        links,
        legend,
        notes,
    };
}

const right = (node: ElkNode): number => node.x! + node.width!;

/** The bounding box of the stages and of every edge bend. */
function extentOf(root: ElkNode): Extent {
    const extent: Extent = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
    const grow = (x: number, y: number) => {
        extent.minX = Math.min(extent.minX, x);
        extent.maxX = Math.max(extent.maxX, x);
        extent.minY = Math.min(extent.minY, y);
        extent.maxY = Math.max(extent.maxY, y);
    };
    for (const node of root.children ?? []) {
        grow(node.x!, node.y!);
        grow(right(node), node.y! + node.height!);
    }
    const offsets = new Map((root.children ?? []).map((node) => [node.id, node]));
    forEachEdge(root, (edge, owner) => {
        const base = containerOffset(edge.container, owner, offsets);
        for (const section of edge.sections ?? []) {
            for (const point of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
                grow(base.x + point.x, base.y + point.y);
            }
        }
    });
    if (extent.minX === Infinity) {
        return { minX: 0, maxX: 240, minY: 0, maxY: 80 };
    }
    return extent;
}

function forEachEdge(root: ElkNode, visit: (edge: NonNullable<ElkNode['edges']>[number], owner: string) => void): void {
    for (const edge of root.edges ?? []) {
        visit(edge, root.id);
    }
    for (const stage of root.children ?? []) {
        for (const edge of stage.edges ?? []) {
            visit(edge, stage.id);
        }
    }
}

/** Edge sections are relative to their container: the root or a stage node. */
function containerOffset(container: string | undefined, owner: string, stages: Map<string, ElkNode>): Point {
    const node = stages.get(container ?? owner);
    return node ? { x: node.x!, y: node.y! } : { x: 0, y: 0 };
}

function placeTouchpoints(journey: Journey, stageNodes: Map<string, ElkNode>, cards: Map<string, Content>, dx: number, dy: number): TouchpointCard[] {
    return journey.touchpoints.flatMap((touchpoint) => {
        const stage = stageNodes.get(stageNodeId(touchpoint.stage));
        const node = stage?.children?.find((child) => child.id === touchpointNodeId(touchpoint.name));
        const content = cards.get(touchpoint.name);
        if (!stage || !node || !content) {
            return [];
        }
        const x = round(stage.x! + node.x! + dx);
        const y = round(stage.y! + node.y! + dy);
        const moved = moveContent(content, x, y);
        return [
            {
                name: touchpoint.name,
                stage: touchpoint.stage,
                x,
                y,
                width: content.width,
                height: content.height,
                lines: moved.lines,
                chips: moved.chips,
                internal: touchpoint.internal,
                lock: moved.lock,
                emotion: touchpoint.emotion,
            },
        ];
    });
}

function placeEdges(root: ElkNode, stageNodes: Map<string, ElkNode>, ends: Map<string, GraphEdge>, dx: number, dy: number): FlowEdgeRoute[] {
    const routes: FlowEdgeRoute[] = [];
    forEachEdge(root, (edge, owner) => {
        const end = ends.get(edge.id);
        const section = edge.sections?.[0];
        if (!end || !section) {
            return;
        }
        const base = containerOffset(edge.container, owner, stageNodes);
        const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({
            x: round(base.x + p.x + dx),
            y: round(base.y + p.y + dy),
        }));
        routes.push({ from: end.from, to: end.to, points: end.reversed ? points.reverse() : points });
    });
    // Document order of the flow, whatever container ELK put each edge in.
    const order = new Map([...ends.keys()].map((id, index) => [id, index]));
    const rank = (route: FlowEdgeRoute) => order.get(`flow:${route.from}->${route.to}`)!;
    return routes.sort((a, b) => rank(a) - rank(b));
}

/** One point under each card (cards stacked in one column share its width), joined left to right. */
function experienceCurve(touchpoints: TouchpointCard[], top: number, left: number, rightEdge: number): ExperienceCurve {
    const topY = top + 28;
    const bottomY = top + EXPERIENCE_HEIGHT - 28;
    const zeroY = (topY + bottomY) / 2;
    const step = (bottomY - topY) / 4;
    const columns = new Map<number, TouchpointCard[]>();
    for (const card of touchpoints) {
        columns.set(card.x, [...(columns.get(card.x) ?? []), card]);
    }
    const points: EmotionPoint[] = [];
    for (const [x, stacked] of columns) {
        const plotted = stacked.filter((card) => card.emotion !== undefined).sort((a, b) => a.y - b.y);
        plotted.forEach((card, k) => {
            points.push({
                touchpoint: card.name,
                emotion: card.emotion!,
                x: round(x + (card.width * (k + 1)) / (plotted.length + 1)),
                y: round(zeroY - card.emotion! * step),
            });
        });
    }
    points.sort((a, b) => a.x - b.x);
    return { points, zeroY: round(zeroY), topY: round(topY), bottomY: round(bottomY), left, right: rightEdge };
}

function placePainPoints(
    journey: Journey,
    labels: CardLabels,
    touchpoints: TouchpointCard[],
    slotOfStage: Map<string, number>,
    top: number,
): PainPointCard[] {
    const cardOf = new Map(touchpoints.map((card) => [card.name, card]));
    const wanted = journey.painPoints.map((painPoint, index) => {
        const anchors = painPoint.at.map((name) => cardOf.get(name)).filter((card): card is TouchpointCard => card !== undefined);
        const x = anchors.length > 0 ? Math.min(...anchors.map((card) => card.x)) : slotOfStage.get(painPoint.stage) ?? slotOfStage.values().next().value ?? 0;
        return { painPoint, index, x };
    });
    wanted.sort((a, b) => a.x - b.x || a.index - b.index);
    const packer = new LanePacker(top, STACK_GAP);
    return wanted.map(({ painPoint, x }) => {
        const content = painPointContent(painPoint, labels);
        const y = packer.place(x, content.width, content.height);
        const moved = moveContent(content, x, y);
        return {
            name: painPoint.name,
            stage: painPoint.stage,
            severity: painPoint.severity,
            at: painPoint.at,
            unaddressed: painPoint.unaddressed,
            internal: painPoint.internal,
            evidence: journey.view.audience === 'customer' ? [] : painPoint.evidence,
            x: round(x),
            y: round(y),
            width: content.width,
            height: content.height,
            lines: moved.lines,
            chips: moved.chips,
            lock: moved.lock,
        };
    });
}

function placeInitiatives(
    journey: Journey,
    labels: CardLabels,
    painPoints: PainPointCard[],
    slots: number[],
    top: number,
): InitiativeCard[] {
    const painOf = new Map(painPoints.map((card) => [card.name, card]));
    const packer = new LanePacker(top, STACK_GAP);
    const wanted = journey.initiatives.map((initiative, index) => {
        const anchors = initiative.addresses.map((name) => painOf.get(name)).filter((card): card is PainPointCard => card !== undefined);
        return { initiative, index, x: anchors.length > 0 ? Math.min(...anchors.map((card) => card.x)) : undefined };
    });
    // Anchored initiatives first, under their pain points; the others fill the lowest free slots.
    const anchored = wanted.filter((w) => w.x !== undefined).sort((a, b) => a.x! - b.x! || a.index - b.index);
    const free = wanted.filter((w) => w.x === undefined);
    return [...anchored, ...free].map(({ initiative, x }) => {
        const content = initiativeContent(initiative, labels);
        const at = x ?? lowestSlot(packer, slots, content.width);
        const y = packer.place(at, content.width, content.height);
        const moved = moveContent(content, at, y);
        return {
            name: initiative.name,
            pastDue: initiative.pastDue,
            status: initiative.status,
            internal: initiative.internal,
            x: round(at),
            y: round(y),
            width: content.width,
            height: content.height,
            lines: moved.lines,
            chips: moved.chips,
            lock: moved.lock,
        };
    });
}

function lowestSlot(packer: LanePacker, slots: number[], width: number): number {
    let best = slots[0] ?? MARGIN + GUTTER + STAGE_PADDING_X;
    let bestY = Infinity;
    for (const slot of slots) {
        const y = packer.probe(slot, width);
        if (y < bestY) {
            best = slot;
            bestY = y;
        }
    }
    return best;
}

/** The lane's height around its cards, or a note saying it is empty. */
function laneHeight(cards: Box[], top: number, emptyNote: string, left: number, notes: TextLine[]): number {
    if (cards.length === 0) {
        notes.push({ text: emptyNote, x: left + STAGE_PADDING_X, y: round(top + 30), size: 12, weight: 'normal', tone: 'muted' });
        return 50;
    }
    const bottom = Math.max(...cards.map((card) => card.y + card.height));
    return bottom + LANE_PADDING - top;
}

/** Pain point → initiative connectors, running down the gaps left of the cards. */
function addressLinks(journey: Journey, painPoints: PainPointCard[], initiatives: InitiativeCard[], busY: number): AddressLink[] {
    const painOf = new Map(painPoints.map((card) => [card.name, card]));
    const cardOf = new Map(initiatives.map((card) => [card.name, card]));
    const links: AddressLink[] = [];
    for (const initiative of journey.initiatives) {
        const target = cardOf.get(initiative.name);
        for (const name of initiative.addresses) {
            const pain = painOf.get(name);
            if (!target || !pain) {
                continue;
            }
            const painY = pain.y + Math.min(pain.height / 2, 20);
            const targetY = target.y + Math.min(target.height / 2, 20);
            const painGap = pain.x - LINK_OFFSET;
            const targetGap = target.x - LINK_OFFSET;
            const points = [
                { x: pain.x, y: painY },
                { x: painGap, y: painY },
                { x: painGap, y: busY },
                { x: targetGap, y: busY },
                { x: targetGap, y: targetY },
                { x: target.x, y: targetY },
            ];
            links.push({ painPoint: name, initiative: initiative.name, points: withoutRedundantPoints(points) });
        }
    }
    return links;
}

/** Drops points that lie on the straight line between their neighbours. */
function withoutRedundantPoints(points: Point[]): Point[] {
    const rounded = points.map((p) => ({ x: round(p.x), y: round(p.y) }));
    return rounded.filter((p, i) => {
        const prev = rounded[i - 1];
        const next = rounded[i + 1];
        if (!prev || !next) {
            return true;
        }
        return !((prev.x === p.x && p.x === next.x) || (prev.y === p.y && p.y === next.y));
    });
}
