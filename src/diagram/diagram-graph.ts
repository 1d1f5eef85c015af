/**
 * Journey → ELK graph for the touchpoint lane: one compound node per stage
 * (partitioned, so that stages stay columns in document order), the stage's
 * touchpoint cards inside it (sized from their wrapped text), and the flow as
 * edges. Model order is kept everywhere, so that adding one touchpoint does
 * not reshuffle the rest of the map.
 */
import type { Journey, Touchpoint } from '../model/types.js';
import { type Content, cardContent } from './card-content.js';
import { edgesOnCycles } from './cycles.js';
import type { ElkEdge, ElkNode, LayoutOptions } from './elk-graph-types.js';

export const STAGE_MIN_WIDTH = 240;
export const STAGE_PADDING_X = 20;
export const STAGE_PADDING_Y = 16;
const STAGE_MIN_HEIGHT = 80;

/** How every graph level is layered. */
const LAYERED_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.spacing.nodeNode': '24',
    'elk.layered.spacing.nodeNodeBetweenLayers': '44',
    'elk.spacing.edgeNode': '12',
    'elk.spacing.edgeEdge': '8',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
    'elk.randomSeed': '1',
};

// Model-order options only at the root: on the stage nodes they crash elkjs 0.12.1
// ("Cannot read properties of undefined (reading 'a')"), and inside stages ELK
// ignores the root's — hence the flow is made acyclic in document order here.
const ROOT_OPTIONS: LayoutOptions = {
    ...LAYERED_OPTIONS,
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.partitioning.activate': 'true',
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

const STAGE_OPTIONS: LayoutOptions = {
    ...LAYERED_OPTIONS,
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
    edges: Map<string, GraphEdge>;
}

export interface GraphEdge {
    from: string;
    to: string;
    /**
     * A step back — on a loop (support ↔ product) and against document order,
     * or into an earlier stage — given to ELK the other way round so that the
     * layers follow the document (ELK ignores model order inside stages); its
     * route is drawn reversed.
     */
    reversed: boolean;
}

export interface CardLabels {
    /** Display title of a team, by name. */
    team(name: string): string;
    /** Display title of a segment, by name. */
    segment(name: string): string;
    /** Display title of a touchpoint, by name. */
    touchpoint(name: string): string;
}

export function labelsOf(journey: Journey): CardLabels {
    const teams = new Map(journey.teams.map((team) => [team.name, team.title]));
    const segments = new Map(journey.segments.map((segment) => [segment.name, segment.title]));
    const touchpoints = new Map(journey.touchpoints.map((touchpoint) => [touchpoint.name, touchpoint.title]));
    return {
        team: (name) => teams.get(name) ?? name,
        segment: (name) => segments.get(name) ?? name,
        touchpoint: (name) => touchpoints.get(name) ?? name,
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

/** The flow steps between drawn cards, each once, without self-loops. */
function uniqueSteps(journey: Journey, cards: Map<string, Content>): { id: string; from: string; to: string }[] {
    const seen = new Set<string>();
    return journey.flow.flatMap(({ from, to }) => {
        const id = `flow:${from}->${to}`;
        if (from === to || !cards.has(from) || !cards.has(to) || seen.has(id)) {
            return [];
        }
        seen.add(id);
        return [{ id, from, to }];
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

    const order = new Map([...cards.keys()].map((name, index) => [name, index]));
    const stageIndex = new Map(journey.stages.map((stage, index) => [stage.name, index]));
    const stageOf = new Map(journey.touchpoints.map((t) => [t.name, stageIndex.get(t.stage) ?? 0]));
    const steps = uniqueSteps(journey, cards);
    const onCycle = edgesOnCycles(order.size, steps.map(({ from, to }) => [order.get(from)!, order.get(to)!] as const));
    const edges = new Map<string, GraphEdge>();
    const elkEdges: ElkEdge[] = steps.map(({ id, from, to }, i) => {
        const backwards = order.get(from)! > order.get(to)!;
        const reversed = (backwards && onCycle[i]!) || stageOf.get(from)! > stageOf.get(to)!;
        edges.set(id, { from, to, reversed });
        const [source, target] = reversed ? [to, from] : [from, to];
        return { id, sources: [touchpointNodeId(source)], targets: [touchpointNodeId(target)] };
    });

    return { graph: { id: 'journey', layoutOptions: ROOT_OPTIONS, children, edges: elkEdges }, cards, edges };
}
