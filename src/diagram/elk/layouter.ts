/**
 * The one object behind which the map's layout state lives: where ELK runs
 * (worker threads in the product, the caller's thread in unit tests) and the
 * stages laid out before. Whoever draws maps creates one and passes it in —
 * the language server for its lifetime, a CLI command for its run, a test for
 * its file — so that two of them never share a pool or a cache by accident.
 */
import type { ElkNode } from './elk-graph-types.js';
import { StageLayoutCache } from './stage-layout-cache.js';

export interface MapLayoutOptions {
    /** Milliseconds before the layout is abandoned with an error. */
    timeoutMs?: number;
    /** Reuse the stages laid out before (default); false lays out every stage again. */
    reuseStages?: boolean;
    /** Wrap the stages into rows so that the map is at most this wide (px at 100 %), where one stage a row allows. */
    maxWidth?: number;
}

export interface Layouter {
    /**
     * Lays out the map's ELK graph: a root whose children (the stages) are
     * laid out each on its own, sending ELK only the stages it has not seen.
     */
    layout(graph: ElkNode, options?: MapLayoutOptions): Promise<ElkNode>;
    /** Gets ELK ready ahead of the first layout, so that loading it overlaps with whatever comes before, such as parsing. */
    warmUp(): void;
    /** Stops whatever runs ELK; pending layouts fail, a later layout starts afresh. */
    dispose(): Promise<void>;
}

/** A layout that times out, crashes, or that ELK rejects: not a bug in the user's file. */
export class LayoutError extends Error {
    override name = 'LayoutError';
}

/** Runs ELK on a whole root graph. */
export interface ElkRunner {
    run(root: ElkNode, options: { timeoutMs?: number }): Promise<ElkNode>;
    warmUp(): void;
    dispose(): Promise<void>;
}

/** A layouter that runs ELK through `runner`, with a stage cache of its own. */
export function layouterOf(runner: ElkRunner): Layouter {
    const stages = new StageLayoutCache();
    return {
        layout(graph, options = {}) {
            const runElk = (root: ElkNode) => runner.run(root, { timeoutMs: options.timeoutMs });
            return options.reuseStages === false ? runElk(graph) : stages.layoutStages(graph, runElk);
        },
        warmUp: () => runner.warmUp(),
        dispose: () => runner.dispose(),
    };
}
