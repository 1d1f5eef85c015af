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
    private readonly maps = new Map<string, SvgTree>();
    private sent = 0;

    /** `map` as it is sent: named for the next request, and as a patch of `since` when that is known here and the patch is smaller. */
    send(map: DrawnMap, since: string | undefined): DrawnMap {
        const tree = splitSvg(map.svg);
        if (!tree) return map;
        const mapId = String(++this.sent);
        const base = since === undefined ? undefined : this.maps.get(since);
        this.remember(mapId, tree);
        const patch = base && diffSvg(base, tree);
        return patch && since !== undefined && patchSize(patch) < map.svg.length / 2
            ? { ...map, svg: '', patch: { since, patch }, mapId }
            : { ...map, mapId };
    }

    private remember(id: string, tree: SvgTree): void {
        this.maps.set(id, tree);
        if (this.maps.size > KEPT_MAPS) this.maps.delete(this.maps.keys().next().value!);
    }
}
