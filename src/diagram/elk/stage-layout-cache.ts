/**
 * Laid-out stages, kept between layouts. A stage's picture depends on nothing
 * but its own ELK graph (its cards, its flow, its ports), so a layout sends to
 * the worker only the stages that no earlier layout saw: after an edit in one
 * stage the preview waits for that stage, not for the whole map.
 */
import type { ElkNode } from './elk-graph-types.js';

/** Enough for the stages of a few large maps open at once; a stage takes a few KB. */
const MAX_STAGES = 5_000;

/** Laid-out stage by the JSON of the stage as given to ELK, least recently used first. */
const laidOutStages = new Map<string, ElkNode>();

/** Lays out the root's stages, reusing those laid out before; `layout` runs ELK on a root of the others. */
export async function layoutStages(root: ElkNode, layout: (root: ElkNode) => Promise<ElkNode>): Promise<ElkNode> {
    const stages = root.children ?? [];
    const keys = stages.map((stage) => JSON.stringify(stage));
    const missing = new Map<string, ElkNode>();
    stages.forEach((stage, i) => {
        if (!laidOutStages.has(keys[i])) {
            missing.set(keys[i], stage);
        }
    });
    const fresh = new Map<string, ElkNode>();
    if (missing.size > 0) {
        const result = await layout({ ...root, children: [...missing.values()] });
        [...missing.keys()].forEach((key, i) => fresh.set(key, result.children![i]));
    }
    const children = keys.map((key) => laidOutStages.get(key) ?? fresh.get(key)!);
    keys.forEach((key, i) => remember(key, children[i]));
    return { ...root, children };
}

function remember(key: string, stage: ElkNode): void {
    laidOutStages.delete(key);
    laidOutStages.set(key, stage);
    if (laidOutStages.size > MAX_STAGES) {
        laidOutStages.delete(laidOutStages.keys().next().value!);
    }
}
