/**
 * Journey → laid-out map: ELK places the touchpoint cards and routes the flow
 * (in the worker); around that, the stage columns, the lanes above and below
 * (stage headers, experience curve, pain points, initiatives), the header and
 * the legend are placed here.
 */
import type { Journey } from '../../model/types.js';
import { type Content, moveContent, round } from '../card-content.js';
import { buildDiagramGraph, type CardLabels, type DiagramGraph, type GraphEdge, labelsOf, touchpointNodeId, STAGE_PADDING_X } from './diagram-graph.js';
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
    StageColumn,
    TextLine,
    TouchpointCard,
} from '../diagram-types.js';
import { initiativeContent, LanePacker, painPointContent } from './lane-cards.js';
import type { Layouter, MapLayoutOptions } from '../elk/layouter.js';
import { buildEvidenceNotes, numberEvidence } from './evidence-notes.js';
import { withCurveLabels } from './curve-labels.js';
import { buildLegend, legendUses } from './legend.js';
import { buildHeader, buildStageHeader } from './map-headers.js';
import { type FlowLane, placeColumns, withoutRedundantPoints } from './stage-columns.js';

const MARGIN = 24;
const GUTTER = 120;
const LANE_PADDING = 16;
const EXPERIENCE_HEIGHT = 150;
const STACK_GAP = 12;
/** How far left of a card its pain point → initiative connector runs. */
const LINK_OFFSET = 10;
/** Narrower maps still get a readable header and legend. */
const MIN_CONTENT_WIDTH = 760;

/** Lays out the whole map of one journey (view); `layouter` runs ELK and keeps the stages it laid out before. */
export async function layoutJourney(journey: Journey, layouter: Layouter, options: MapLayoutOptions = {}): Promise<DiagramLayout> {
    const diagram = buildDiagramGraph(journey);
    const laidOut = await layouter.layout(diagram.graph, options);
    return placeMap(journey, placeColumns(laidOut, diagram), diagram);
}

function placeMap(journey: Journey, lane: FlowLane, diagram: DiagramGraph): DiagramLayout {
    const labels = labelsOf(journey);

    // Columns: each stage's box, widened to meet its neighbours halfway.
    const columnsLeft = MARGIN + GUTTER;
    const dx = columnsLeft;
    const boxes = lane.stages;
    const bands = boxes.map((box, i) => {
        const left = i === 0 ? 0 : (right(boxes[i - 1]) + box.x) / 2;
        const rightEdge = i === boxes.length - 1 ? lane.width : (right(box) + boxes[i + 1].x) / 2;
        return { x: round(left + dx), width: round(rightEdge - left) };
    });
    const columnsRight = bands.length > 0 ? bands.at(-1)!.x + bands.at(-1)!.width : columnsLeft + 240;
    const contentWidth = Math.max(columnsRight - MARGIN, MIN_CONTENT_WIDTH);

    const header = buildHeader(journey, labels, { x: MARGIN, y: MARGIN, width: contentWidth });
    let y = header.y + header.height + 20;

    // Stage headers lane.
    const stagesTop = y;
    const stageHeaders = journey.stages.map((stage, i) => buildStageHeader(stage, journey, { ...bands[i], y: stagesTop, height: 0 }));
    const stagesHeight = Math.max(60, ...stageHeaders.map((h) => h.bottom - stagesTop));
    y += stagesHeight;

    // Touchpoint lane: ELK's picture, moved into place.
    const touchTop = y;
    const dy = touchTop + LANE_PADDING;
    const touchHeight = lane.height + 2 * LANE_PADDING;
    const touchpoints = placeTouchpoints(journey, lane, diagram.cards, dx, dy);
    const edges = placeEdges(lane, diagram.edges, dx, dy);
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
    const slotOfStage = new Map(journey.stages.map((stage, i) => [stage.name, round(boxes[i].x + dx + STAGE_PADDING_X)]));
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
        x: bands[i].x,
        y: round(columnsTop),
        width: bands[i].width,
        height: round(columnsHeight),
        header: { x: bands[i].x, y: round(stagesTop), width: bands[i].width, height: round(stagesHeight) },
        lines: stageHeaders[i].lines,
        metrics: stageHeaders[i].metrics,
        netEmotion: stage.netEmotion,
        netEmotionBadge: stageHeaders[i].badge,
    }));

    const legend = buildLegend(MARGIN, y + 20, contentWidth, legendUses({ header, stages, touchpoints, edges, experience, painPoints, initiatives }), journey.view.audience);
    const titleOf = new Map(journey.painPoints.map((painPoint) => [painPoint.name, painPoint.title]));
    const noted = painPoints.map((card) => ({ title: titleOf.get(card.name) ?? card.name, evidence: card.evidence, firstNote: card.firstNote }));
    const evidence = buildEvidenceNotes(noted, MARGIN, legend.y + legend.height + 16, contentWidth);
    return {
        version: 1,
        journey: { name: journey.name, title: journey.title },
        width: Math.ceil(MARGIN + contentWidth + MARGIN),
        height: Math.ceil((evidence ? evidence.y + evidence.height : legend.y + legend.height) + MARGIN),
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
        ...(evidence && { evidence }),
        notes,
    };
}

const right = (box: Box): number => box.x + box.width;

function placeTouchpoints(journey: Journey, lane: FlowLane, cards: Map<string, Content>, dx: number, dy: number): TouchpointCard[] {
    return journey.touchpoints.flatMap((touchpoint) => {
        const at = lane.cards.get(touchpointNodeId(touchpoint.name));
        const content = cards.get(touchpoint.name);
        if (!at || !content) {
            return [];
        }
        const x = round(at.x + dx);
        const y = round(at.y + dy);
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
                ...(moved.fullTitle !== undefined && { fullTitle: moved.fullTitle }),
                emotion: touchpoint.emotion,
            },
        ];
    });
}

/** The flow's routes moved into place, in document order. */
function placeEdges(lane: FlowLane, ends: Map<string, GraphEdge>, dx: number, dy: number): FlowEdgeRoute[] {
    return [...ends].flatMap(([id, end]) => {
        const route = lane.routes.get(id);
        return route ? [{ from: end.from, to: end.to, points: route.map((p) => ({ x: round(p.x + dx), y: round(p.y + dy) })) }] : [];
    });
}

/** One point under each card (cards stacked in one column share its width), joined left to right. */
export function experienceCurve(touchpoints: TouchpointCard[], top: number, left: number, rightEdge: number): ExperienceCurve {
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
    return { points: withCurveLabels(points), zeroY: round(zeroY), topY: round(topY), bottomY: round(bottomY), left, right: rightEdge };
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
    // Footnotes are numbered left to right, as the cards are read.
    const showEvidence = journey.view.audience !== 'customer';
    const firstNotes = numberEvidence(showEvidence ? wanted.map((w) => w.painPoint) : []);
    return wanted.map(({ painPoint, x }) => {
        const firstNote = firstNotes.get(painPoint.name);
        const content = painPointContent(painPoint, labels, journey.view.audience, firstNote);
        const y = packer.place(x, content.width, content.height);
        const moved = moveContent(content, x, y);
        return {
            name: painPoint.name,
            stage: painPoint.stage,
            severity: painPoint.severity,
            at: painPoint.at,
            unaddressed: painPoint.unaddressed,
            internal: painPoint.internal,
            evidence: showEvidence ? painPoint.evidence : [],
            firstNote,
            x: round(x),
            y: round(y),
            width: content.width,
            height: content.height,
            lines: moved.lines,
            chips: moved.chips,
            lock: moved.lock,
            ...(moved.fullTitle !== undefined && { fullTitle: moved.fullTitle }),
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
        const content = initiativeContent(initiative, labels, journey.view.audience);
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
            ...(moved.fullTitle !== undefined && { fullTitle: moved.fullTitle }),
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
            links.push({ painPoint: name, initiative: initiative.name, points: withoutRedundantPoints(points.map((p) => ({ x: round(p.x), y: round(p.y) }))) });
        }
    }
    return links;
}
