/**
 * The layout worker: runs ELK off the caller's thread (a 5,000-node layout
 * overflows the main thread's stack). Bundled on its own into
 * out/layout-worker.cjs together with elk.bundled.js; see layout.ts.
 */
import { parentPort } from 'node:worker_threads';
import * as ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from './elk-graph-types.js';

export interface LayoutRequest {
    id: number;
    graph: ElkNode;
}

export type LayoutResponse = { id: number; graph: ElkNode } | { id: number; error: string };

interface ElkInstance {
    layout(graph: ElkNode): Promise<ElkNode>;
}

const ElkConstructor = ((ElkModule as unknown as { default?: unknown }).default ?? ElkModule) as new () => ElkInstance;
const elk = new ElkConstructor();

parentPort?.on('message', (request: LayoutRequest) => {
    elk.layout(request.graph).then(
        (graph) => parentPort?.postMessage({ id: request.id, graph } satisfies LayoutResponse),
        (error: unknown) =>
            parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse),
    );
});
