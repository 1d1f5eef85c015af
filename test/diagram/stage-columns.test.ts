import { describe, expect, test } from 'vitest';
import { type GraphEdge, legId, portId } from '../../src/diagram/layout/diagram-graph.js';
import type { ElkNode } from '../../src/diagram/elk/elk-graph-types.js';
import { placeColumns } from '../../src/diagram/layout/stage-columns.js';

/** Stages of 300 × 200 in which each step leaves stage k on the east side at `outY` and enters stage k + 1 on the west side at `inY`. */
function lane(steps: { outY: number; inY: number }[]) {
    const stages: ElkNode[] = Array.from({ length: steps.length + 1 }, (_, k) => ({ id: `stage${k}`, width: 300, height: 200, ports: [], edges: [], children: [] }));
    const edges = new Map<string, GraphEdge>();
    steps.forEach(({ outY, inY }, k) => {
        const id = `e${k}`;
        edges.set(id, { from: `a${k}`, to: `b${k}`, reversed: false, firstStage: k, lastStage: k + 1 });
        stages[k].ports!.push({ id: portId(id, k, 'east'), y: outY });
        stages[k + 1].ports!.push({ id: portId(id, k + 1, 'west'), y: inY });
        stages[k].edges!.push({ id: legId(id, k, 'out'), sources: [], targets: [], sections: [{ startPoint: { x: 200, y: outY }, endPoint: { x: 300, y: outY } }] });
        stages[k + 1].edges!.push({ id: legId(id, k + 1, 'in'), sources: [], targets: [], sections: [{ startPoint: { x: 0, y: inY }, endPoint: { x: 20, y: inY } }] });
    });
    return placeColumns({ id: 'root', children: stages }, { graph: { id: 'root' }, cards: new Map(), edges });
}

describe('stage columns', () => {
    test('a stage moves down to make a step of a few pixels into it run straight', () => {
        const placed = lane([{ outY: 50, inY: 41 }]);
        expect(placed.stages.map((stage) => stage.y)).toEqual([0, 9]);
        expect(placed.routes.get('e0')).toHaveLength(2);
        expect(placed.height).toBe(209);
    });

    test('the tops of the stages never differ by more than 16 px: a step that would need more keeps its bend', () => {
        // The first step raises stage 1 by 16 px; straightening the second would put stage 2 16 px below the line: 32 apart.
        const placed = lane([{ outY: 50, inY: 66 }, { outY: 82, inY: 50 }]);
        const tops = placed.stages.map((stage) => stage.y);
        expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(16);
        expect(Math.min(...tops)).toBe(0);
        expect(placed.routes.get('e0')).toHaveLength(2);
        expect(placed.routes.get('e1')).toHaveLength(4);
    });

    test('a step that goes up raises the next stage, and every stage moves down to start at 0', () => {
        const placed = lane([{ outY: 40, inY: 50 }]);
        expect(placed.stages.map((stage) => stage.y)).toEqual([10, 0]);
        expect(placed.routes.get('e0')).toHaveLength(2);
    });
});
