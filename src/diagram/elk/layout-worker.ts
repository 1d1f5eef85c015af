/**
 * The layout worker: runs ELK off the caller's thread (a 5,000-node layout
 * overflows the main thread's stack). Bundled on its own into
 * out/layout-worker.cjs together with elk.bundled.js; see worker-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { createElkEngine } from './elk-engine.js';
import type { ElkNode } from './elk-graph-types.js';

export interface LayoutRequest {
    id: number;
    graph: ElkNode;
}

export type LayoutResponse = { id: number; graph: ElkNode } | { id: number; error: string };

const elk = createElkEngine();

parentPort?.on('message', (request: LayoutRequest) => {
    elk.layout(request.graph).then(
        (graph) => parentPort?.postMessage({ id: request.id, graph } satisfies LayoutResponse),
        (error: unknown) =>
            parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse),
    );
});
