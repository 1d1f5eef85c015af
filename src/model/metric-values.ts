/** A metric's values as people write them, and how they moved across tune-ups. */
import type { Metric, PastValue, Quantity } from './types.js';

/** A value as people write it: `8%`, `1.6 hours`. */
export function quantityText(quantity: Quantity, unit: string | undefined): string {
    const number = `${quantity.value}${quantity.percent ? '%' : ''}`;
    return unit === undefined ? number : `${number} ${unit}`;
}

/** The earlier values shown before the actual one: the last `count` of its history (oldest first). */
export function recentHistory(metric: Pick<Metric, 'history'>, count = 2): readonly PastValue[] {
    return metric.history.slice(-count);
}

/**
 * "15 → 13 weeks": the recent earlier values, then the actual one (just the
 * actual one without a history); the unit once, after the last.
 */
export function trendText(metric: Pick<Metric, 'history' | 'actual' | 'unit'>, format: (value: Quantity, unit: string | undefined) => string): string {
    const earlier = recentHistory(metric).map((value) => format(value, undefined));
    return [...earlier, ...(metric.actual ? [format(metric.actual, metric.unit)] : [])].join(' \u2192 ');
}
