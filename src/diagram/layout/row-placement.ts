/**
 * One row of the map's lanes, from the stage headers down to the initiatives:
 * the stage columns, ELK's touchpoint lane moved into place, the experience
 * curve, and the pain points and initiatives under their cards. A map is one
 * row, or several when it wraps (map-rows.ts).
 */
import type { Initiative, Journey } from '../../model/types.js';
import { type Content, moveContent, round } from '../card-content.js';
import { type CardLabels, type GraphEdge, touchpointNodeId, STAGE_PADDING_X } from './diagram-graph.js';
import type {
    AddressLink,
    Box,
    ExperienceCurve,
    FlowEdgeRoute,
    InitiativeCard,
    InitiativeReference,
    Lane,
    PainPointCard,
    StageColumn,
    TextLine,
    TouchpointCard,
} from '../diagram-types.js';
import { initiativeContent, initiativeReferenceContent, LanePacker, painPointContent } from './lane-cards.js';
import { numberEvidence } from './evidence-notes.js';
import { EXPERIENCE_HEIGHT, experienceCurve, type CurvePaths } from './experience-curve.js';
import { buildStageHeader } from './map-headers.js';
import type { StageChangeMark } from './review-marks.js';
import { type FlowLane, withoutRedundantPoints } from './stage-columns.js';

export const MARGIN = 24;
export const GUTTER = 120;
const LANE_PADDING = 16;
const STACK_GAP = 12;
/** How far left of a card its pain point → initiative connector runs. */
const LINK_OFFSET = 10;

export interface RowInput {
    /** The journey (view) whose stages, touchpoints, pain points and initiatives the row shows. */
    journey: Journey;
    /** The whole journey: stage headers and labels are about it. */
    whole: Journey;
    labels: CardLabels;
    lane: FlowLane;
    cards: Map<string, Content>;
    edges: Map<string, GraphEdge>;
    paths?: CurvePaths;
    row: number;
    top: number;
    /** Where the first stage column starts. */
    columnsLeft: number;
    /** The number of the row's first evidence footnote. */
    firstNote: number;
    /** Say so in a lane without cards (false on a wrapped map, where another row may have them). */
    emptyNotes: boolean;
    /** Initiatives whose cards are in other rows (`cardRow`, from 0) and that address pain points of this one. */
    referenced?: readonly { initiative: Initiative; cardRow: number }[];
    /** The changes the journey's last review marks on its stages (review-marks.ts), by stage name. */
    changes: ReadonlyMap<string, StageChangeMark[]>;
}

export interface PlacedLanes {
    lanes: Lane[];
    stages: StageColumn[];
    touchpoints: TouchpointCard[];
    edges: FlowEdgeRoute[];
    experience: ExperienceCurve;
    painPoints: PainPointCard[];
    initiatives: InitiativeCard[];
    initiativeReferences: InitiativeReference[];
    links: AddressLink[];
    notes: TextLine[];
    /** Where the lane's (0, 0) is on the map. */
    origin: { x: number; y: number };
    /** The right end of the columns, and the bottom of the initiatives lane. */
    right: number;
    bottom: number;
}

export function placeRow(input: RowInput): PlacedLanes {
    const { journey, labels, lane, row, columnsLeft } = input;
    // Columns: each stage's box, widened to meet its neighbours halfway.
    const dx = columnsLeft;
    const boxes = lane.stages;
    const bands = boxes.map((box, i) => {
        const left = i === 0 ? 0 : (right(boxes[i - 1]) + box.x) / 2;
        const rightEdge = i === boxes.length - 1 ? lane.width : (right(box) + boxes[i + 1].x) / 2;
        return { x: round(left + dx), width: round(rightEdge - left) };
    });
    const columnsRight = bands.length > 0 ? bands.at(-1)!.x + bands.at(-1)!.width : columnsLeft + 240;
    let y = input.top;

    // Stage headers lane.
    const stagesTop = y;
    const changes = input.changes;
    const stageHeaders = journey.stages.map((stage, i) => buildStageHeader(stage, input.whole, { ...bands[i], y: stagesTop, height: 0 }, changes.get(stage.name)));
    const stagesHeight = Math.max(60, ...stageHeaders.map((h) => h.bottom - stagesTop));
    y += stagesHeight;

    // Touchpoint lane: ELK's picture, moved into place.
    const touchTop = y;
    const dy = touchTop + LANE_PADDING;
    const touchHeight = lane.height + 2 * LANE_PADDING;
    const touchpoints = placeTouchpoints(journey, lane, input.cards, dx, dy);
    const edges = placeEdges(lane, input.edges, dx, dy);
    y += touchHeight;

    const experienceTop = y;
    const experience = experienceCurve(touchpoints, experienceTop, columnsLeft, columnsRight, input.paths);
    y += EXPERIENCE_HEIGHT;

    const notes: TextLine[] = [];
    if (experience.points.length === 0 && input.emptyNotes) {
        notes.push({ text: 'No emotions recorded.', x: columnsLeft + STAGE_PADDING_X, y: round(experience.zeroY - 8), size: 12, weight: 'normal', tone: 'muted' });
    }
    const painTop = y;
    // A stage's first slot is where its first layer of cards sits, so that lanes line up with the cards.
    const slotOfStage = new Map(journey.stages.map((stage, i) => [stage.name, round(boxes[i].x + dx + STAGE_PADDING_X)]));
    const painPoints = placePainPoints(journey, labels, touchpoints, slotOfStage, painTop + LANE_PADDING, input.firstNote);
    const painHeight = laneHeight(painPoints, painTop, input.emptyNotes ? 'No pain points recorded.' : undefined, columnsLeft, notes);
    y += painHeight;

    const initiativeTop = y;
    const slots = [...new Set([...slotOfStage.values(), ...touchpoints.map((t) => t.x)])].sort((a, b) => a - b);
    const { initiatives, references } = placeInitiatives(journey, labels, painPoints, slots, initiativeTop + LANE_PADDING, { row, referenced: input.referenced ?? [] });
    const initiativeHeight = laneHeight([...initiatives, ...references], initiativeTop, input.emptyNotes ? 'No initiatives recorded.' : undefined, columnsLeft, notes);
    y += initiativeHeight;
    const linked = [...journey.initiatives, ...(input.referenced ?? []).map((r) => r.initiative)];
    const links = addressLinks(linked, painPoints, [...initiatives, ...references.map((r) => ({ ...r, name: r.initiative }))], initiativeTop + LANE_PADDING / 2);

    const lanes: Lane[] = [
        { kind: 'stages', label: 'Stages', x: MARGIN, y: stagesTop, width: columnsRight - MARGIN, height: stagesHeight },
        { kind: 'touchpoints', label: 'Touchpoints', x: MARGIN, y: touchTop, width: columnsRight - MARGIN, height: touchHeight },
        { kind: 'experience', label: 'Experience', x: MARGIN, y: experienceTop, width: columnsRight - MARGIN, height: EXPERIENCE_HEIGHT },
        { kind: 'painpoints', label: 'Pain points', x: MARGIN, y: painTop, width: columnsRight - MARGIN, height: painHeight },
        { kind: 'initiatives', label: 'Initiatives', x: MARGIN, y: initiativeTop, width: columnsRight - MARGIN, height: initiativeHeight },
    ].map((lane) => ({ ...lane, row, y: round(lane.y), height: round(lane.height) }) as Lane);

    const columnsHeight = y - stagesTop;
    const stages: StageColumn[] = journey.stages.map((stage, i) => ({
        name: stage.name,
        row,
        title: stage.title,
        x: bands[i].x,
        y: round(stagesTop),
        width: bands[i].width,
        height: round(columnsHeight),
        header: { x: bands[i].x, y: round(stagesTop), width: bands[i].width, height: round(stagesHeight) },
        lines: stageHeaders[i].lines,
        metrics: stageHeaders[i].metrics,
        netEmotion: stage.netEmotion,
        netEmotionBadge: stageHeaders[i].badge,
        changes: (changes.get(stage.name) ?? []).map(({ change, direction }) => ({ change, direction })),
    }));
    return { lanes, stages, touchpoints, edges, experience, painPoints, initiatives, initiativeReferences: references, links, notes, origin: { x: dx, y: dy }, right: columnsRight, bottom: y };
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

/** The lane's routes moved into place, in document order (the lane's own, not the whole map's: a wrapped map has a lane per row). */
function placeEdges(lane: FlowLane, ends: Map<string, GraphEdge>, dx: number, dy: number): FlowEdgeRoute[] {
    return [...lane.routes].flatMap(([id, route]) => {
        const end = ends.get(id);
        return end ? [{ from: end.from, to: end.to, points: route.map((p) => ({ x: round(p.x + dx), y: round(p.y + dy) })) }] : [];
    });
}

function placePainPoints(
    journey: Journey,
    labels: CardLabels,
    touchpoints: TouchpointCard[],
    slotOfStage: Map<string, number>,
    top: number,
    firstNumber: number,
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
    const firstNotes = numberEvidence(showEvidence ? wanted.map((w) => w.painPoint) : [], firstNumber);
    return wanted.map(({ painPoint, x }) => {
        const firstNote = firstNotes.get(painPoint.name);
        const content = painPointContent(painPoint, labels, journey.view.audience, firstNote);
        const y = packer.place(x, content.width, content.height);
        return {
            name: painPoint.name,
            stage: painPoint.stage,
            severity: painPoint.severity,
            at: painPoint.at,
            unaddressed: painPoint.unaddressed,
            internal: painPoint.internal,
            evidence: showEvidence ? painPoint.evidence : [],
            firstNote,
            ...placedCard(content, x, y),
        };
    });
}

function placeInitiatives(
    journey: Journey,
    labels: CardLabels,
    painPoints: PainPointCard[],
    slots: number[],
    top: number,
    { row, referenced }: { row: number; referenced: readonly { initiative: Initiative; cardRow: number }[] },
): { initiatives: InitiativeCard[]; references: InitiativeReference[] } {
    const painOf = new Map(painPoints.map((card) => [card.name, card]));
    const packer = new LanePacker(top, STACK_GAP);
    const anchorOf = (initiative: Initiative) => {
        const anchors = initiative.addresses.map((name) => painOf.get(name)).filter((card): card is PainPointCard => card !== undefined);
        return anchors.length > 0 ? Math.min(...anchors.map((card) => card.x)) : undefined;
    };
    const wanted = journey.initiatives.map((initiative, index) => ({ initiative, index, x: anchorOf(initiative) }));
    // Anchored initiatives first, under their pain points; the others fill the lowest free slots.
    const anchored = wanted.filter((w) => w.x !== undefined).sort((a, b) => a.x! - b.x! || a.index - b.index);
    const free = wanted.filter((w) => w.x === undefined);
    const initiatives = [...anchored, ...free].map(({ initiative, x }) => {
        const content = initiativeContent(initiative, labels, journey.view.audience);
        const at = x ?? lowestSlot(packer, slots, content.width);
        const y = packer.place(at, content.width, content.height);
        return {
            name: initiative.name,
            pastDue: initiative.pastDue,
            status: initiative.status,
            internal: initiative.internal,
            ...placedCard(content, at, y),
        };
    });
    // Stand-ins for initiatives whose cards are in another row: under their pain points here too.
    const references = referenced.map(({ initiative, cardRow }) => {
        const content = initiativeReferenceContent(initiative, cardRow + 1, row + 1);
        const at = anchorOf(initiative) ?? lowestSlot(packer, slots, content.width);
        const y = packer.place(at, content.width, content.height);
        const { x: cardX, y: cardY, lines, width, height, fullTitle } = placedCard(content, at, y);
        return { initiative: initiative.name, cardRow: cardRow + 1, x: cardX, y: cardY, width, height, lines, ...(fullTitle !== undefined && { fullTitle }) };
    });
    return { initiatives, references };
}

/** A card's content moved to where the packer put it, with its position: what every lane card has. */
function placedCard(content: Content, x: number, y: number) {
    return { x: round(x), y: round(y), ...moveContent(content, x, y) };
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
function laneHeight(cards: Box[], top: number, emptyNote: string | undefined, left: number, notes: TextLine[]): number {
    if (cards.length === 0) {
        if (emptyNote !== undefined) {
            notes.push({ text: emptyNote, x: left + STAGE_PADDING_X, y: round(top + 30), size: 12, weight: 'normal', tone: 'muted' });
        }
        return 50;
    }
    const bottom = Math.max(...cards.map((card) => card.y + card.height));
    return bottom + LANE_PADDING - top;
}

/** Pain point → initiative connectors, running down the gaps left of the cards. */
function addressLinks(initiatives: readonly Initiative[], painPoints: PainPointCard[], cards: (Box & { name: string })[], busY: number): AddressLink[] {
    const painOf = new Map(painPoints.map((card) => [card.name, card]));
    const cardOf = new Map(cards.map((card) => [card.name, card]));
    const links: AddressLink[] = [];
    for (const initiative of initiatives) {
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
