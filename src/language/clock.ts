/** The source of "today", as an ISO date (YYYY-MM-DD, UTC). */
export interface Clock {
    today(): string;
}

export const systemClock: Clock = {
    today: () => new Date().toISOString().slice(0, 10),
};

/** A clock stuck on one day, for tests and for `--today` in the CLI. */
export function fixedClock(isoDate: string): Clock {
    return { today: () => isoDate };
}
