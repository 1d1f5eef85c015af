/**
 * Journey → ELK graph for the touchpoint lane: one compound node per stage
 * (partitioned, so that stages stay columns in document order), the stage's
 * touchpoint cards inside it (sized from their wrapped text), and the flow as
 * edges. Model order is kept everywhere, so that adding one touchpoint does
 * not reshuffle the rest of the map.
 */
import type { Journey, Touchpoint } from '../model/types.js';
import { type Content, cardContent } from './card-content.js';
import type { ElkEdge, ElkNode, LayoutOptions } from './elk-graph-types.js';

export const STAGE_MIN_WIDTH = 240;
export const STAGE_PADDING_X = 20;
export const STAGE_PADDING_Y = 16;
const STAGE_MIN_HEIGHT = 80;

const ROOT_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.partitioning.activate': 'true',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.spacing.nodeNode': '24',
    'elk.layered.spacing.nodeNodeBetweenLayers': '44',
    'elk.spacing.edgeNode': '12',
    'elk.spacing.edgeEdge': '8',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    'elk.randomSeed': '1',
};

const STAGE_OPTIONS: LayoutOptions = {
    'elk.padding': `[top=${STAGE_PADDING_Y},left=${STAGE_PADDING_X},bottom=${STAGE_PADDING_Y},right=${STAGE_PADDING_X}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${STAGE_MIN_WIDTH},${STAGE_MIN_HEIGHT})`,
};

export const stageNodeId = (stage: string): string => `stage:${stage}`;
export const touchpointNodeId = (touchpoint: string): string => `touchpoint:${touchpoint}`;

export interface DiagramGraph {
    graph: ElkNode;
    /** The content of each touchpoint card, by touchpoint name. */
    cards: Map<string, Content>;
    /** The flow edges that made it into the graph, by edge id. */
    edges: Map<string, { from: string; to: string }>;
}

export interface CardLabels {
    /** Display title of a team, by name. */
    team(name: string): string;
    /** Display title of a segment, by name. */
    segment(name: string): string;
}

export function labelsOf(journey: Journey): CardLabels {
    const teams = new Map(journey.teams.map((team) => [team.name, team.title]));
    const segments = new Map(journey.segments.map((segment) => [segment.name, segment.title]));
    return {
        team: (name) => teams.get(name) ?? name,
        segment: (name) => segments.get(name) ?? name,
    };
}

export function touchpointCard(touchpoint: Touchpoint, labels: CardLabels): Content {
    const detail = [touchpoint.channel, touchpoint.owner ? labels.team(touchpoint.owner) : undefined].filter(Boolean).join(' · ');
    return cardContent({
        title: touchpoint.title,
        details: detail ? [detail] : [],
        chips: touchpoint.segments.map((segment) => ({ text: labels.segment(segment), tone: 'segment' as const })),
        internal: touchpoint.internal,
    });
}

export function buildDiagramGraph(journey: Journey): DiagramGraph {
    const labels = labelsOf(journey);
    const byName = new Map(journey.touchpoints.map((touchpoint) => [touchpoint.name, touchpoint]));
    const cards = new Map<string, Content>();
    const children: ElkNode[] = journey.stages.map((stage, index) => ({
        id: stageNodeId(stage.name),
        layoutOptions: { ...STAGE_OPTIONS, 'elk.partitioning.partition': String(index) },
        children: stage.touchpoints.flatMap((name) => {
            const touchpoint = byName.get(name);
            if (!touchpoint || cards.has(name)) {
                return [];
            }
            const card = touchpointCard(touchpoint, labels);
            cards.set(name, card);
            return [{ id: touchpointNodeId(name), width: card.width, height: card.height }];
        }),
    }));

    const edges = new Map<string, { from: string; to: string }>();
    const elkEdges: ElkEdge[] = [];
    for (const { from, to } of journey.flow) {
        const id = `flow:${from}->${to}`;
        if (from === to || !cards.has(from) || !cards.has(to) || edges.has(id)) {
            continue;
        }
        edges.set(id, { from, to });
        elkEdges.push({ id, sources: [touchpointNodeId(from)], targets: [touchpointNodeId(to)] });
    }

    return { graph: { id: 'journey', layoutOptions: ROOT_OPTIONS, children, edges: elkEdges }, cards, edges };
}
