/** A seeded pseudo-random source (mulberry32): the same seed gives the same run, so a failure can be replayed. */
export class Random {
    private state: number;

    constructor(readonly seed: number) {
        this.state = seed >>> 0;
    }

    /** A float in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [min, max]. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    pick<T>(values: readonly T[]): T {
        return values[this.int(0, values.length - 1)];
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }
}

/** A seed for a new run: printed, so that the run can be replayed with it. */
export function newSeed(): number {
    return Math.floor(Math.random() * 2 ** 31);
}
