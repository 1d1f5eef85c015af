/** The words and numbers the map prints, formatted the same way everywhere. */
import { trendText } from '../model/metric-values.js';
import type { Metric, Quantity } from '../model/types.js';

/** −2 … +2 with a real minus sign and an explicit plus. */
export function signed(value: number): string {
    if (value > 0) {
        return `+${value}`;
    }
    return value < 0 ? `\u2212${-value}` : '0';
}

function quantity(q: Quantity, unit: string | undefined): string {
    const number = Number.isInteger(q.value) ? String(q.value) : String(Math.round(q.value * 100) / 100);
    if (q.percent) {
        return `${number}%`;
    }
    return unit ? `${number} ${unit}` : number;
}

/** "Time to value: 21 days (target ≤ 14 days)"; with earlier values "NPS: 25 → 28 → 31 (target ≥ 40)". */
export function metricText(metric: Metric): string {
    const actual = metric.actual ? trendText(metric, quantity) : 'no value yet';
    const comparator = metric.target?.comparator === '<=' ? '\u2264' : '\u2265';
    const target = metric.target ? `target ${comparator} ${quantity(metric.target, metric.unit)}` : 'no target';
    return `${metric.title}: ${actual} (${target})`;
}

/** "reviewed 2026-10-15 (39 days ago)" or "never reviewed". */
export function reviewText(reviewed: string | undefined, ageDays: number | undefined): string {
    return reviewed ? `reviewed ${dateWithAge(reviewed, ageDays)}` : 'never reviewed';
}

/** "2026-10-15", and its age when it is known ("2026-10-15 (48 days ago)": static outputs know it only with --today). */
export function dateWithAge(date: string, ageDays: number | undefined): string {
    if (ageDays === undefined) {
        return date;
    }
    const age = ageDays === 0 ? 'today' : ageDays === 1 ? '1 day ago' : `${ageDays} days ago`;
    return `${date} (${age})`;
}

export function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
