import type { DrawnMap } from '../protocol/diagram-requests.js';
import { diffSvg, joinSvg, patchSize, patchSvgTree, splitSvg, type SvgPatch, type SvgTree } from '../protocol/svg-patch.js';

/**
 * One preview's map on its way to the page: the last map the server sent
 * (whole, or as a patch of the one before: src/protocol/svg-patch.ts) and
 * whether the page shows it, so that a keystroke in a big map sends the page
 * the card that changed, not 9 MB of SVG to parse and draw again.
 */
export class MapDelivery {
    /** The last map received, split for patches, with the id the server knows it by; its text once asked for. */
    private map?: { tree: SvgTree; id?: string; svg?: string };
    /** Whether the page shows `map` (a new, reloaded or emptied page shows none). */
    private pageShowsMap = false;

    /** The map to name as `since` in the next request. */
    get since(): string | undefined {
        return this.map?.id;
    }

    get hasMap(): boolean {
        return this.map !== undefined;
    }

    /** The last map's SVG (joined from its parts after a patch, once). */
    get svg(): string | undefined {
        if (this.map && this.map.svg === undefined) this.map.svg = joinSvg(this.map.tree);
        return this.map?.svg;
    }

    /** Another document: its first map comes whole. */
    forget(): void {
        this.map = undefined;
    }

    /** The page is new, reloaded or emptied: it shows no map to patch. */
    pageCleared(): void {
        this.pageShowsMap = false;
    }

    /**
     * What to send the page for this answer of the server: the whole map, or
     * what changed when the page shows the map before it and that is the
     * smaller; undefined when the answer patches a map this preview no longer
     * has (another answer came between): then the whole map must be asked for.
     */
    receive(map: DrawnMap): { svg: string } | { patch: SvgPatch } | undefined {
        const shown = this.pageShowsMap ? this.map : undefined;
        const fromServer = map.patch && map.patch.since === this.map?.id ? map.patch : undefined;
        if (map.patch && !fromServer) {
            this.map = undefined;
            return undefined;
        }
        const tree = fromServer ? patchSvgTree(this.map!.tree, fromServer.patch) : splitSvg(map.svg);
        this.map = tree && { tree, id: map.mapId, svg: fromServer ? undefined : map.svg };
        this.pageShowsMap = true;
        if (!tree) return { svg: map.svg };
        // The server sends a patch only when it is the smaller.
        const patch = !shown ? undefined : fromServer ? fromServer.patch : diffSvg(shown.tree, tree);
        return patch && (fromServer || patchSize(patch) < map.svg.length / 2) ? { patch } : { svg: this.svg! };
    }
}
