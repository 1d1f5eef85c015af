/**
 * A layouter that runs ELK on the caller's thread, for unit tests of small
 * maps: they need no build (no out/layout-worker.cjs) and no worker start-up.
 * Not for the product: a layout blocks the thread it runs on (the language
 * server must keep answering), a 5,000-node layout overflows the main
 * thread's stack, and a timeout cannot interrupt it. Not exported from
 * src/diagram/index.ts, so that the product's bundles do not carry ELK.
 */
import { createElkEngine, type ElkEngine } from './elk-engine.js';
import type { ElkNode } from './elk-graph-types.js';
import { LayoutError, type Layouter, layouterOf } from './layouter.js';

export function createInThreadLayouter(): Layouter {
    let elk: ElkEngine | undefined;
    return layouterOf({
        async run(root: ElkNode) {
            elk ??= createElkEngine();
            // A copy, as a worker gets one: ELK writes its positions into the graph it is given.
            return elk.layout(structuredClone(root)).catch((error: unknown) => {
                throw new LayoutError(`The map layout failed: ${error instanceof Error ? error.message : String(error)}`);
            });
        },
        warmUp() {
            elk ??= createElkEngine();
        },
        dispose() {
            elk = undefined;
            return Promise.resolve();
        },
    });
}
