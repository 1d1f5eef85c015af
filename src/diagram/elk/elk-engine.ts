/**
 * ELK itself (elkjs's bundled build, which runs on the thread that loads it):
 * the layout worker's engine, and the in-thread layouter's.
 */
import * as ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from './elk-graph-types.js';

export interface ElkEngine {
    layout(graph: ElkNode): Promise<ElkNode>;
}

export function createElkEngine(): ElkEngine {
    const ElkConstructor = ((ElkModule as unknown as { default?: unknown }).default ?? ElkModule) as new () => ElkEngine;
    return new ElkConstructor();
}
