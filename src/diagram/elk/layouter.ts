/**
 * The one object behind which the map's layout state lives: where ELK runs
 * (worker threads in the product, the caller's thread in unit tests) and the
 * stages laid out before. Whoever draws maps creates one and passes it in —
 * the language server for its lifetime, a CLI command for its run, a test for
 * its file — so that two of them never share a pool or a cache by accident.
 */
import type { ElkNode } from './elk-graph-types.js';
import { StageLayoutCache } from './stage-layout-cache.js';
import { placeStage } from '../layered/place-stage.js';
import type { RowCache } from '../layout/row-cache.js';

export interface MapLayoutOptions {
    /** Milliseconds before the layout is abandoned with an error. */
    timeoutMs?: number;
    /** Reuse the stages laid out before (default); false lays out every stage again. */
    reuseStages?: boolean;
    /** Wrap the stages into rows so that the map is at most this wide (px at 100 %), where one stage a row allows. */
    maxWidth?: number;
    /** Rows placed before, reused where they are made from the same (the preview's: one for the server's lifetime). */
    rows?: RowCache;
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

/** How long our placement runs before it lets other work on the thread through. */
const SLICE_MS = 8;

/** Lays out one stage without ELK, or undefined when ELK should. */
export type OwnStageLayout = (stage: ElkNode) => ElkNode | undefined;

/**
 * A layouter with a stage cache of its own: each stage laid out by `own`
 * (our layered placement, src/diagram/layered) where it takes it, the others
 * by ELK through `runner` — which then never starts when no stage needs it.
 */
export function layouterOf(runner: ElkRunner, own: OwnStageLayout = placeStage): Layouter {
    const stages = new StageLayoutCache();
    return {
        layout(graph, options = {}) {
            const runElk = (root: ElkNode) => runner.run(root, { timeoutMs: options.timeoutMs });
            const layOut = (root: ElkNode) => layoutEachStage(root, own, runElk);
            return options.reuseStages === false ? layOut(graph) : stages.layoutStages(graph, layOut);
        },
        warmUp: () => runner.warmUp(),
        dispose: () => runner.dispose(),
    };
}

/**
 * The root's stages, each laid out by `own` where it can, the rest by ELK in
 * one request; in their order. Our placement runs on the caller's thread: it
 * lets the thread's other work through (the language server's completion,
 * hover, the next keystroke) every few milliseconds, as ELK in its workers did.
 */
async function layoutEachStage(root: ElkNode, own: OwnStageLayout, runElk: (root: ElkNode) => Promise<ElkNode>): Promise<ElkNode> {
    const stages = root.children ?? [];
    const placed: (ElkNode | undefined)[] = [];
    let since = performance.now();
    for (const stage of stages) {
        placed.push(own(stage));
        if (performance.now() - since < SLICE_MS) continue;
        await new Promise((resolve) => setImmediate(resolve));
        since = performance.now();
    }
    const rest = stages.filter((_, i) => !placed[i]);
    const fromElk = rest.length > 0 ? ((await runElk({ ...root, children: rest })).children ?? []) : [];
    let next = 0;
    return { ...root, children: placed.map((stage) => stage ?? fromElk[next++]) };
}
