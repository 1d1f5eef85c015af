import type { DrawnMap } from '../protocol/diagram-requests.js';
import { diffSvg, patchSize, splitSvg, type SvgTree } from '../protocol/svg-patch.js';

/** Enough for the previews of a window (a following one, a few locked ones); a map of 5,000 touchpoints keeps ~9 MB. */
const KEPT_MAPS = 4;

/**
 * The last maps sent to previews, so that the next answer can be only what
 * changed since the one a preview holds (src/protocol/svg-patch.ts): the
 * whole map of 5,000 touchpoints is 9 MB of SVG to send, parse and draw on
 * every keystroke.
 */
export class SentMaps {
    private readonly maps = new Map<string, { tree: SvgTree; sources: string }>();
    private sent = 0;

    /**
     * `map` as it is sent: named for the next request; as a patch of `since`
     * when that is known here and the patch is smaller; without its sources
     * when they are those of `since`.
     */
    send(map: DrawnMap, since: string | undefined): DrawnMap {
        const tree = splitSvg(map.svg);
        if (!tree) return map;
        const mapId = String(++this.sent);
        const base = since === undefined ? undefined : this.maps.get(since);
        const sources = JSON.stringify(map.sources ?? {});
        this.remember(mapId, { tree, sources });
        const sent = base?.sources === sources ? { ...map, sources: undefined, mapId } : { ...map, mapId };
        const patch = base && diffSvg(base.tree, tree);
        return patch && since !== undefined && patchSize(patch) < map.svg.length / 2 ? { ...sent, svg: '', patch: { since, patch } } : sent;
    }

    private remember(id: string, map: { tree: SvgTree; sources: string }): void {
        this.maps.set(id, map);
        if (this.maps.size > KEPT_MAPS) this.maps.delete(this.maps.keys().next().value!);
    }
}
