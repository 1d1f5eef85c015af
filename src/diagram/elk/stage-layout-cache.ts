/**
 * Laid-out stages, kept between layouts. A stage's picture depends on nothing
 * but its own ELK graph (its cards, its flow, its ports), so a layout sends to
 * ELK only the stages that no earlier layout saw: after an edit in one stage
 * the preview waits for that stage, not for the whole map. Each layouter has
 * its own cache.
 */
import type { ElkNode } from './elk-graph-types.js';

/** Enough for the stages of a few large maps open at once; a stage takes a few KB. */
const MAX_STAGES = 5_000;

export class StageLayoutCache {
    /** Laid-out stage by the JSON of the stage as given to ELK, least recently used first. */
    private readonly laidOutStages = new Map<string, ElkNode>();

    /** Lays out the root's stages, reusing those laid out before; `layout` runs ELK on a root of the others. */
    async layoutStages(root: ElkNode, layout: (root: ElkNode) => Promise<ElkNode>): Promise<ElkNode> {
        const stages = root.children ?? [];
        const keys = stages.map((stage) => JSON.stringify(stage));
        const missing = new Map<string, ElkNode>();
        stages.forEach((stage, i) => {
            if (!this.laidOutStages.has(keys[i])) {
                missing.set(keys[i], stage);
            }
        });
        const fresh = new Map<string, ElkNode>();
        if (missing.size > 0) {
            const result = await layout({ ...root, children: [...missing.values()] });
            [...missing.keys()].forEach((key, i) => fresh.set(key, result.children![i]));
        }
        const children = keys.map((key) => this.laidOutStages.get(key) ?? fresh.get(key)!);
        keys.forEach((key, i) => this.remember(key, children[i]));
        return { ...root, children };
    }

    private remember(key: string, stage: ElkNode): void {
        this.laidOutStages.delete(key);
        this.laidOutStages.set(key, stage);
        if (this.laidOutStages.size > MAX_STAGES) {
            this.laidOutStages.delete(this.laidOutStages.keys().next().value!);
        }
    }
}
