/** Timing with warm-up, and the statistics the report prints. */
import { performance } from 'node:perf_hooks';

export interface Figure {
    /** Median of the measured runs, in milliseconds. */
    median: number;
    min: number;
    max: number;
    runs: number;
}

export interface MeasureOptions {
    warmup?: number;
    runs?: number;
}

/** Runs `task` `warmup` times unmeasured, then `runs` times measured. */
export async function measure(task: () => unknown, options: MeasureOptions = {}): Promise<Figure> {
    const { warmup = 2, runs = 7 } = options;
    for (let i = 0; i < warmup; i++) await task();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await task();
        times.push(performance.now() - start);
    }
    return summarise(times);
}

export function summarise(times: number[]): Figure {
    const sorted = [...times].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: sorted.length };
}

function round(ms: number): number {
    return Math.round(ms * 10) / 10;
}

/** Samples the resident set size while work runs, to report its peak. */
export class PeakMemory {
    private peak = process.memoryUsage().rss;
    private readonly timer = setInterval(() => this.sample(), 20);

    sample(): void {
        this.peak = Math.max(this.peak, process.memoryUsage().rss);
    }

    stop(): number {
        clearInterval(this.timer);
        this.sample();
        return Math.round(this.peak / (1024 * 1024));
    }
}
