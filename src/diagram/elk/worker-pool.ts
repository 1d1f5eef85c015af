/**
 * Runs ELK in worker threads, never on the caller's thread: layout is the
 * slow step (a 5,000-node layout would overflow the main thread's stack), and
 * the language server must keep answering while it runs.
 *
 * A small pool of workers (one per core, at most two) is reused for every
 * request; each worker runs one request at a time, the others wait in a queue.
 * A request that takes longer than its timeout terminates its worker (ELK
 * cannot be interrupted) and fails with an error; that worker's next request
 * starts a fresh one, as it does after a crash. The spare workers (all but the
 * first) stop after a while without work: only the layout of a whole large map
 * uses them, and each holds ELK (~150 MB) while it waits.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ElkNode } from './elk-graph-types.js';
import { type ElkRunner, LayoutError, type Layouter, layouterOf } from './layouter.js';
import type { LayoutRequest, LayoutResponse } from './layout-worker.js';

const DEFAULT_LAYOUT_TIMEOUT_MS = 60_000;
/** More workers than cores would only share them; more than two would mostly add memory. */
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism()));
/**
 * Below this many cards a graph goes to one worker: a small map gains nothing
 * from a second one, which costs its memory (~150 MB) and its own JIT warm-up.
 * On a quiet 2-core machine, warm, two workers lay out 500 cards in ~215 ms
 * instead of ~290 ms, and 5,000 in ~2,000 ms instead of ~2,500 ms; under load
 * (both cores busy) the gain disappears.
 */
const MIN_CARDS_TO_SPLIT = 300;
/** How long a spare worker waits for work before it stops. */
const SPARE_IDLE_MS = 30_000;

interface Job {
    request: LayoutRequest;
    timeoutMs: number;
    resolve: (graph: ElkNode) => void;
    reject: (error: Error) => void;
}

interface Slot {
    worker?: Worker;
    running?: Job & { timer: NodeJS.Timeout };
    idleTimer?: NodeJS.Timeout;
}

/** The product's layouter: ELK in a pool of worker threads (its own pool unless one is given). */
export function createWorkerLayouter(pool = new LayoutWorkerPool()): Layouter {
    const runner: ElkRunner = {
        run: (root, options) => pool.layoutChildren(root, options),
        warmUp: () => pool.warmUp(),
        dispose: () => pool.dispose(),
    };
    return layouterOf(runner);
}

export class LayoutWorkerPool {
    private readonly slots: Slot[] = Array.from({ length: POOL_SIZE }, () => ({}));
    private readonly queue: Job[] = [];
    private nextId = 1;

    /** `spareIdleMs`: how long a spare worker waits for work before it stops (tests shorten it). */
    constructor(private readonly spareIdleMs = SPARE_IDLE_MS) {}

    /** Lays out an ELK graph in a layout worker. */
    layout(graph: ElkNode, options: { timeoutMs?: number } = {}): Promise<ElkNode> {
        return new Promise<ElkNode>((resolve, reject) => {
            this.queue.push({ request: { id: this.nextId++, graph }, timeoutMs: options.timeoutMs ?? DEFAULT_LAYOUT_TIMEOUT_MS, resolve, reject });
            this.startNext();
        });
    }

    /**
     * Lays out a root whose children are laid out each on its own (hierarchy
     * handling SEPARATE_CHILDREN, no edges at the root) in as many parts as there
     * are workers, at the same time; the children come back in their order.
     */
    async layoutChildren(root: ElkNode, options: { timeoutMs?: number } = {}): Promise<ElkNode> {
        const parts = splitChildren(root.children ?? [], POOL_SIZE);
        if (parts.length <= 1) {
            return this.layout(root, options);
        }
        const laidOut = await Promise.all(parts.map((children) => this.layout({ ...root, children }, options)));
        return { ...laidOut[0], children: laidOut.flatMap((part) => part.children ?? []) };
    }

    /**
     * Starts a layout worker ahead of the first layout, so that loading ELK into it
     * (a few hundred ms) overlaps with whatever comes before, such as parsing.
     */
    warmUp(): void {
        try {
            this.ensureWorker(this.slots[0]);
        } catch {
            // The first layout reports a missing worker script.
        }
    }

    /** The number of layout workers alive (started and not stopped). */
    liveWorkers(): number {
        return this.slots.filter((slot) => slot.worker).length;
    }

    /** Stops the layout workers (a later layout starts new ones). Pending layouts fail. */
    async dispose(): Promise<void> {
        for (const job of this.queue.splice(0)) {
            job.reject(new LayoutError('The layout worker was stopped.'));
        }
        await Promise.all(this.slots.map((slot) => this.failRunning(slot, new LayoutError('The layout worker was stopped.'))));
    }

    private startNext(): void {
        for (const slot of this.slots) {
            if (slot.running || this.queue.length === 0) {
                continue;
            }
            const job = this.queue.shift()!;
            let target: Worker;
            try {
                target = this.ensureWorker(slot);
            } catch (error) {
                job.reject(error instanceof Error ? error : new LayoutError(String(error)));
                this.startNext();
                return;
            }
            const timer = setTimeout(() => {
                void this.failRunning(slot, new LayoutError(`The map layout did not finish within ${job.timeoutMs / 1000} s; the layout worker was restarted.`));
            }, job.timeoutMs);
            clearTimeout(slot.idleTimer);
            slot.running = { ...job, timer };
            target.ref(); // keep the process alive while a layout is under way
            target.postMessage(job.request);
        }
    }

    private ensureWorker(slot: Slot): Worker {
        if (slot.worker) {
            return slot.worker;
        }
        const created = new Worker(workerScriptPath());
        created.on('message', (response: LayoutResponse) => this.onResponse(slot, response));
        created.on('error', (error) => {
            if (slot.worker === created) {
                void this.failRunning(slot, new LayoutError(`The layout worker crashed: ${error.message}`));
            }
        });
        created.on('exit', (code) => {
            if (slot.worker === created) {
                void this.failRunning(slot, new LayoutError(`The layout worker exited unexpectedly (code ${code}).`));
            }
        });
        created.unref();
        slot.worker = created;
        return created;
    }

    private onResponse(slot: Slot, response: LayoutResponse): void {
        const job = slot.running;
        if (!job || job.request.id !== response.id) {
            return; // the answer to a request that already timed out
        }
        clearTimeout(job.timer);
        slot.running = undefined;
        slot.worker?.unref();
        if ('error' in response) {
            job.reject(new LayoutError(`The map layout failed: ${response.error}`));
        } else {
            job.resolve(response.graph);
        }
        this.startNext();
        if (!slot.running && slot !== this.slots[0]) {
            this.stopWhenIdle(slot);
        }
    }

    private stopWhenIdle(slot: Slot): void {
        clearTimeout(slot.idleTimer);
        slot.idleTimer = setTimeout(() => {
            const idle = slot.worker;
            if (idle && !slot.running) {
                slot.worker = undefined;
                void idle.terminate();
            }
        }, this.spareIdleMs);
        slot.idleTimer.unref();
    }

    /** Fails the slot's running job, throws away its worker, and goes on with the queue. */
    private async failRunning(slot: Slot, error: LayoutError): Promise<void> {
        const job = slot.running;
        const broken = slot.worker;
        slot.running = undefined;
        slot.worker = undefined;
        if (job) {
            clearTimeout(job.timer);
            job.reject(error);
        }
        this.startNext();
        if (broken) {
            await broken.terminate();
        }
    }
}

/** Consecutive runs of children with about as many cards each. */
function splitChildren(children: ElkNode[], count: number): ElkNode[][] {
    const sizes = children.map((child) => 1 + (child.children?.length ?? 0));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    if (count <= 1 || children.length < 2 || total < MIN_CARDS_TO_SPLIT) {
        return [children];
    }
    const parts: ElkNode[][] = [[]];
    let filled = 0;
    children.forEach((child, i) => {
        if (filled >= (total * parts.length) / count && parts.length < count) {
            parts.push([]);
        }
        parts.at(-1)!.push(child);
        filled += sizes[i];
    });
    return parts;
}

/**
 * The bundled worker script: next to the bundle that imports this module
 * (out/*.cjs), or, when running from the TypeScript sources (tests), in out/
 * at the repository root (built by `npm run build`).
 */
function workerScriptPath(): string {
    const here = dirname(fileURLToPath(import.meta.url));
    const candidates = [join(here, 'layout-worker.cjs'), join(here, '..', '..', '..', 'out', 'layout-worker.cjs')];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (!found) {
        throw new LayoutError(`The layout worker script is missing (looked for ${candidates.join(' and ')}); run \`npm run build\`.`);
    }
    return found;
}
