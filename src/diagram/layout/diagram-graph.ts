/**
 * Journey → ELK graph for the touchpoint lane: one node per stage, laid out on
 * its own, with the stage's touchpoint cards inside it (sized from their
 * wrapped text) and the flow as edges. Model order is kept in every stage, so
 * that adding one touchpoint does not reshuffle the rest of the map.
 */
import { edgesOnCycles } from '../../model/graph.js';
import type { Journey, Touchpoint } from '../../model/types.js';
import { type Content, cardContent } from '../card-content.js';
import { signed } from '../format.js';
import type { ElkNode, LayoutOptions } from '../elk/elk-graph-types.js';

export const STAGE_MIN_WIDTH = 240;
export const STAGE_PADDING_X = 20;
export const STAGE_PADDING_Y = 16;
export const STAGE_MIN_HEIGHT = 80;

/**
 * Each stage is laid out on its own, as one ELK graph of its cards: a stage's
 * picture then depends on nothing but the stage, ELK never holds the whole map
 * as one graph (at 5,000 touchpoints: ~15% less ELK time, half the peak memory),
 * and model order can be kept inside stages (on compound nodes it crashed
 * elkjs 0.12.1). A step into another stage leaves its stage through a port on
 * the east side and enters the other through a port on the west side, so that
 * ELK leaves it a way past the stage's cards; `stage-columns.ts` places the
 * columns and joins the ports across the gaps between them. Most stages are
 * laid out from this graph by our own placement (src/diagram/layered), which
 * keeps these spacings (its padding it reads from here).
 */
const STAGE_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.portConstraints': 'FIXED_SIDE',
    'elk.separateConnectedComponents': 'false',
    'elk.spacing.nodeNode': '24',
    'elk.layered.spacing.nodeNodeBetweenLayers': '44',
    'elk.spacing.edgeNode': '12',
    'elk.spacing.edgeEdge': '8',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
    'elk.randomSeed': '1',
    'elk.padding': `[top=${STAGE_PADDING_Y},left=${STAGE_PADDING_X},bottom=${STAGE_PADDING_Y},right=${STAGE_PADDING_X}]`,
};

/** The root only holds the stages: each is laid out on its own, and placed by us. */
const ROOT_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'fixed',
    'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
};

export const stageNodeId = (stage: string): string => `stage:${stage}`;
export const touchpointNodeId = (touchpoint: string): string => `touchpoint:${touchpoint}`;

export interface DiagramGraph {
    /** The stages, each with its cards, the flow inside it and the ports of the flow that leaves or enters it. */
    graph: ElkNode;
    /** The content of each touchpoint card, by touchpoint name. */
    cards: Map<string, Content>;
    /** The flow edges that made it into the graph, by edge id, in document order. */
    edges: Map<string, GraphEdge>;
}

export interface GraphEdge {
    from: string;
    to: string;
    /**
     * A step back — on a loop (support ↔ product) and against document order,
     * or into an earlier stage — given to ELK the other way round so that the
     * layers follow the document (ELK ignores model order on a cycle); its
     * route is drawn reversed.
     */
    reversed: boolean;
    /**
     * The stages (indexes) where the edge starts and ends as given to ELK
     * (after reversal): equal for a step inside one stage. A step across stages
     * leaves `firstStage` by its east port, crosses every stage between on a
     * hidden node (`viaNodeId`), and enters `lastStage` by its west port.
     */
    firstStage: number;
    lastStage: number;
}

export interface CardLabels {
    /** Display title of a team, by name. */
    team(name: string): string;
    /** Display title of a segment, by name. */
    segment(name: string): string;
    /** Display title of a touchpoint, by name. */
    touchpoint(name: string): string;
    /** The segment chips of a card: none in a one-segment view, where every card is for that segment. */
    segmentChips(names: readonly string[]): { text: string; tone: 'segment' }[];
    /** "emotion −2 for Enterprise": a touchpoint's emotions of some segments, on the map of all segments (a segment's view draws its own). */
    segmentFeelings(emotions: Touchpoint['segmentEmotions']): string | undefined;
}

export function labelsOf(journey: Journey): CardLabels {
    const teams = new Map(journey.teams.map((team) => [team.name, team.title]));
    const segments = new Map(journey.segments.map((segment) => [segment.name, segment.title]));
    const touchpoints = new Map(journey.touchpoints.map((touchpoint) => [touchpoint.name, touchpoint.title]));
    return {
        team: (name) => teams.get(name) ?? name,
        segment: (name) => segments.get(name) ?? name,
        touchpoint: (name) => touchpoints.get(name) ?? name,
        segmentChips: (names) => (journey.view.segment === undefined ? names.map((name) => ({ text: segments.get(name) ?? name, tone: 'segment' as const })) : []),
        segmentFeelings: (emotions) => {
            if (journey.view.segment !== undefined || !emotions) return undefined;
            const feelings = Object.entries(emotions).map(([name, emotion]) => `emotion ${signed(emotion)} for ${segments.get(name) ?? name}`);
            return feelings.length > 0 ? feelings.join(' \u00b7 ') : undefined;
        },
    };
}

export function touchpointCard(touchpoint: Touchpoint, labels: CardLabels): Content {
    // Run by one team, accountable to another: "meeting · Partner Success for Customer Success".
    const accountable = touchpoint.accountable && touchpoint.accountable !== touchpoint.owner ? labels.team(touchpoint.accountable) : undefined;
    const team = touchpoint.owner ? labels.team(touchpoint.owner) : undefined;
    const teams = team && accountable ? `${team} for ${accountable}` : team ?? (accountable && `for ${accountable}`);
    const detail = [touchpoint.channel, teams].filter(Boolean).join(' · ');
    const feelings = labels.segmentFeelings(touchpoint.segmentEmotions);
    return cardContent({
        title: touchpoint.title,
        details: [detail, feelings].filter((line): line is string => Boolean(line)),
        chips: labels.segmentChips(touchpoint.segments),
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

/** The part of a step across stages inside stage `stage`: `in` from its west port, `out` to its east port. */
export const legId = (edge: string, stage: number, side: 'in' | 'out'): string => `${edge}@${stage}:${side}`;
export const portId = (edge: string, stage: number, side: 'west' | 'east'): string => `${edge}@${stage}:${side}`;
/** The hidden node a step across stages runs through in a stage between its ends. */
export const viaNodeId = (edge: string, stage: number): string => `${edge}@${stage}:via`;

export function buildDiagramGraph(journey: Journey): DiagramGraph {
    const labels = labelsOf(journey);
    const byName = new Map(journey.touchpoints.map((touchpoint) => [touchpoint.name, touchpoint]));
    const cards = new Map<string, Content>();
    const stageOf = new Map<string, number>();
    const stages: ElkNode[] = journey.stages.map((stage, index) => ({
        id: stageNodeId(stage.name),
        layoutOptions: STAGE_OPTIONS,
        ports: [],
        children: stage.touchpoints.flatMap((name) => {
            const touchpoint = byName.get(name);
            if (!touchpoint || cards.has(name)) {
                return [];
            }
            const card = touchpointCard(touchpoint, labels);
            cards.set(name, card);
            stageOf.set(name, index);
            return [{ id: touchpointNodeId(name), width: card.width, height: card.height }];
        }),
        edges: [],
    }));

    const order = new Map([...cards.keys()].map((name, index) => [name, index]));
    const steps = uniqueSteps(journey, cards);
    const onCycle = edgesOnCycles(order.size, steps.map(({ from, to }) => [order.get(from)!, order.get(to)!] as const));
    const edges = new Map<string, GraphEdge>();
    steps.forEach(({ id, from, to }, i) => {
        const backwards = order.get(from)! > order.get(to)!;
        const reversed = (backwards && onCycle[i]) || stageOf.get(from)! > stageOf.get(to)!;
        const [source, target] = reversed ? [to, from] : [from, to];
        const firstStage = stageOf.get(source)!;
        const lastStage = stageOf.get(target)!;
        edges.set(id, { from, to, reversed, firstStage, lastStage });
        addEdge(stages, id, touchpointNodeId(source), touchpointNodeId(target), firstStage, lastStage);
    });
    return { graph: { id: 'journey', layoutOptions: ROOT_OPTIONS, children: stages }, cards, edges };
}

/** An edge inside one stage, or its legs in every stage it runs through. */
function addEdge(stages: ElkNode[], id: string, source: string, target: string, first: number, last: number): void {
    if (first === last) {
        stages[first].edges!.push({ id, sources: [source], targets: [target] });
        return;
    }
    for (let k = first; k <= last; k++) {
        const stage = stages[k];
        const entry = k === first ? source : portId(id, k, 'west');
        const exit = k === last ? target : portId(id, k, 'east');
        if (k !== first) {
            stage.ports!.push({ id: entry, layoutOptions: { 'elk.port.side': 'WEST' } });
        }
        if (k !== last) {
            stage.ports!.push({ id: exit, layoutOptions: { 'elk.port.side': 'EAST' } });
        }
        if (k === first) {
            stage.edges!.push({ id: legId(id, k, 'out'), sources: [entry], targets: [exit] });
        } else if (k === last) {
            stage.edges!.push({ id: legId(id, k, 'in'), sources: [entry], targets: [exit] });
        } else {
            const via = viaNodeId(id, k);
            stage.children!.push({ id: via, width: 0, height: 0 });
            stage.edges!.push({ id: legId(id, k, 'in'), sources: [entry], targets: [via] }, { id: legId(id, k, 'out'), sources: [via], targets: [exit] });
        }
    }
}
