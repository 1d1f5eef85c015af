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
    private readonly maps = new Map<string, { tree: SvgTree; sources: DrawnMap['sources'] }>();
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
        this.remember(mapId, { tree, sources: map.sources });
        const sent = base && sameSources(base.sources, map.sources) ? { ...map, sources: undefined, mapId } : { ...map, mapId };
        const patch = base && diffSvg(base.tree, tree);
        return patch && since !== undefined && patchSize(patch) < map.svg.length / 2 ? { ...sent, svg: '', patch: { since, patch } } : sent;
    }

    private remember(id: string, map: { tree: SvgTree; sources: DrawnMap['sources'] }): void {
        this.maps.set(id, map);
        if (this.maps.size > KEPT_MAPS) this.maps.delete(this.maps.keys().next().value!);
    }
}

function sameSources(a: DrawnMap['sources'], b: DrawnMap['sources']): boolean {
    if (!a || !b) return false;
    const ids = Object.keys(a);
    if (ids.length !== Object.keys(b).length) return false;
    return ids.every((id) => {
        const [x, y] = [a[id], b[id]];
        return y !== undefined && x.uri === y.uri && x.start.line === y.start.line && x.start.character === y.start.character &&
            x.end.line === y.end.line && x.end.character === y.end.character;
    });
}
