/** ISO calendar dates (YYYY-MM-DD) as plain strings, compared in UTC. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch of a real calendar date, or undefined (`2026-02-30` is not one). */
function epochDay(isoDate: string): number | undefined {
    const match = ISO_DATE.exec(isoDate);
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const date = new Date(time);
    const sameDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return sameDay ? time : undefined;
}

export function isValidIsoDate(text: string): boolean {
    return epochDay(text) !== undefined;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); undefined for an impossible date. */
export function daysBetween(from: string, to: string): number | undefined {
    const start = epochDay(from);
    const end = epochDay(to);
    if (start === undefined || end === undefined) {
        return undefined;
    }
    return Math.round((end - start) / MS_PER_DAY);
}
