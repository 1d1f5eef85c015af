/**
 * The rows of the maps laid out before, by everything a row is made from
 * (row-key.ts): the preview lays out a map of 500 rows again on every
 * keystroke, and a keystroke changes one of them. A reused row is the same
 * object as before, so its cards keep their markup too (render-svg.ts).
 * Two generations: the rows of the last map and of the one being laid out.
 */
import type { PlacedLanes } from './row-placement.js';

/** The journeys and views a server's previews show at once, with room to spare. */
const KEPT_SHARED = 16;

export class RowCache {
    private previous = new Map<string, PlacedLanes>();
    private current = new Map<string, PlacedLanes>();
    /** What all the rows of a map read of the whole journey (row-key.ts), numbered: a big map's metrics alone are ~100 KB. */
    private readonly shared = new Map<string, number>();
    private numbered = 0;

    /** A short stand-in for `whole`, the same for the same text, for the rows' keys. */
    sharedKey(whole: string): string {
        let id = this.shared.get(whole);
        if (id === undefined) {
            if (this.shared.size >= KEPT_SHARED) this.shared.clear();
            id = this.numbered++;
            this.shared.set(whole, id);
        }
        return String(id);
    }

    /** The row made from `key` before, or the one `place` makes now. */
    row(key: string, place: () => PlacedLanes): PlacedLanes {
        const row = this.current.get(key) ?? this.previous.get(key) ?? place();
        this.current.set(key, row);
        return row;
    }

    /** A map is laid out: rows it did not use are forgotten with the next one. */
    mapDone(): void {
        this.previous = this.current;
        this.current = new Map();
    }
}
