import { afterAll, describe, expect, test, vi } from 'vitest';
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { buildDiagramGraph } from '../../src/diagram/layout/diagram-graph.js';
import type { ElkNode } from '../../src/diagram/elk/elk-graph-types.js';
import { createWorkerLayouter, LayoutWorkerPool } from '../../src/diagram/elk/worker-pool.js';
import { LayoutError, layoutJourney } from '../../src/diagram/index.js';
import { generatedJourney, saasJourney } from '../fixtures/journeys.js';

const pool = new LayoutWorkerPool();
const layouter = createWorkerLayouter(pool);
afterAll(() => layouter.dispose());

describe('the layout worker', () => {
    test('lays out off the main thread and answers concurrent requests in order', async () => {
        expect(isMainThread).toBe(true);
        const results = await Promise.all([1, 2, 3].map((n) => layoutJourney(generatedJourney(n, 2), layouter)));
        expect(results.map((r) => r.touchpoints.length)).toEqual([2, 4, 6]);
    });

    test('a layout that takes too long fails with an error, and the next layout works on a fresh worker', async () => {
        const slow = buildDiagramGraph(generatedJourney(40, 10)).graph;
        await expect(pool.layout(slow, { timeoutMs: 5 })).rejects.toThrow(/did not finish within 0.005 s/);
        const layout = await layoutJourney(saasJourney(), layouter);
        expect(layout.touchpoints).toHaveLength(7);
    });

    test('a graph ELK rejects fails with a LayoutError; the worker keeps serving', async () => {
        const broken = { id: 'root', children: [{ id: 'a', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['nowhere'] }] };
        await expect(pool.layout(broken)).rejects.toBeInstanceOf(LayoutError);
        expect((await layoutJourney(saasJourney(), layouter)).stages).toHaveLength(3);
    });

    test('a large map laid out in parts, one per worker, comes out as from one layout, stages in order', async () => {
        const { graph } = buildDiagramGraph(generatedJourney(120, 10));
        const [inParts, whole] = await Promise.all([pool.layoutChildren(graph), pool.layout(graph)]);
        expect(inParts.children!.map((stage) => stage.id)).toEqual(graph.children!.map((stage) => stage.id));
        // Leaving out the object ids elkjs leaks into its output ("$H").
        const positions = (node: ElkNode) => JSON.stringify(node.children, (key, value: unknown) => (key === '$H' ? undefined : value));
        expect(positions(inParts)).toBe(positions(whole));
    }, 60_000);

    test('the spare worker a large map used stops after a while without work; the first stays', async () => {
        // Long enough that the spare outlives the wait for the other half of the map (each worker's idle time starts when its own half is done).
        const shortIdle = new LayoutWorkerPool(3_000);
        try {
            const { graph } = buildDiagramGraph(generatedJourney(120, 10));
            await shortIdle.layoutChildren(graph);
            const workers = Math.min(2, availableParallelism());
            expect(shortIdle.liveWorkers()).toBe(workers);
            await vi.waitFor(() => expect(shortIdle.liveWorkers()).toBe(1), { timeout: 15_000, interval: 100 });
            // Both are back for the next large map, and it comes out whole.
            const again = await shortIdle.layoutChildren(graph);
            expect(again.children).toHaveLength(graph.children!.length);
            expect(shortIdle.liveWorkers()).toBe(workers);
        } finally {
            await shortIdle.dispose();
        }
    }, 60_000);

    test('a stopped worker is replaced by the next layout', async () => {
        await layoutJourney(saasJourney(), layouter);
        await layouter.dispose();
        expect((await layoutJourney(saasJourney(), layouter)).touchpoints).toHaveLength(7);
    });
});
