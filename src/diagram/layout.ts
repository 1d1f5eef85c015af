/**
 * Runs ELK in a worker thread, never on the caller's thread: layout is the
 * slow step (a 5,000-node layout would overflow the main thread's stack), and
 * the language server must keep answering while it runs.
 *
 * One worker is reused for every request; requests run one at a time. A request
 * that takes longer than its timeout terminates the worker (ELK cannot be
 * interrupted) and fails with an error; the next request starts a fresh worker,
 * as it does after a crash.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ElkNode } from './elk-graph-types.js';
import type { LayoutRequest, LayoutResponse } from './layout-worker.js';

export const DEFAULT_LAYOUT_TIMEOUT_MS = 60_000;

export class LayoutError extends Error {
    override name = 'LayoutError';
}

interface Job {
    request: LayoutRequest;
    timeoutMs: number;
    resolve: (graph: ElkNode) => void;
    reject: (error: Error) => void;
}

let worker: Worker | undefined;
let running: (Job & { timer: NodeJS.Timeout }) | undefined;
const queue: Job[] = [];
let nextId = 1;

/** Lays out an ELK graph in the layout worker. */
export function runElkLayout(graph: ElkNode, options: { timeoutMs?: number } = {}): Promise<ElkNode> {
    return new Promise<ElkNode>((resolve, reject) => {
        queue.push({ request: { id: nextId++, graph }, timeoutMs: options.timeoutMs ?? DEFAULT_LAYOUT_TIMEOUT_MS, resolve, reject });
        startNext();
    });
}

/** Stops the layout worker (a later layout starts a new one). Pending layouts fail. */
export async function disposeLayoutWorker(): Promise<void> {
    const current = worker;
    for (const job of queue.splice(0)) {
        job.reject(new LayoutError('The layout worker was stopped.'));
    }
    failRunning(new LayoutError('The layout worker was stopped.'));
    if (current) {
        await current.terminate();
    }
}

function startNext(): void {
    if (running || queue.length === 0) {
        return;
    }
    const job = queue.shift()!;
    let target: Worker;
    try {
        target = ensureWorker();
    } catch (error) {
        job.reject(error instanceof Error ? error : new LayoutError(String(error)));
        startNext();
        return;
    }
    const timer = setTimeout(() => {
        failRunning(new LayoutError(`The map layout did not finish within ${job.timeoutMs / 1000} s; the layout worker was restarted.`));
    }, job.timeoutMs);
    running = { ...job, timer };
    target.ref(); // keep the process alive while a layout is under way
    target.postMessage(job.request);
}

function ensureWorker(): Worker {
    if (worker) {
        return worker;
    }
    const created = new Worker(workerScriptPath());
    created.on('message', (response: LayoutResponse) => onResponse(response));
    created.on('error', (error) => {
        if (worker === created) {
            failRunning(new LayoutError(`The layout worker crashed: ${error.message}`));
        }
    });
    created.on('exit', (code) => {
        if (worker === created) {
            failRunning(new LayoutError(`The layout worker exited unexpectedly (code ${code}).`));
        }
    });
    created.unref();
    worker = created;
    return created;
}

function onResponse(response: LayoutResponse): void {
    const job = running;
    if (!job || job.request.id !== response.id) {
        return; // the answer to a request that already timed out
    }
    clearTimeout(job.timer);
    running = undefined;
    worker?.unref();
    if ('error' in response) {
        job.reject(new LayoutError(`The map layout failed: ${response.error}`));
    } else {
        job.resolve(response.graph);
    }
    startNext();
}

/** Fails the running job, throws away its worker, and goes on with the queue. */
function failRunning(error: LayoutError): void {
    const job = running;
    const broken = worker;
    running = undefined;
    worker = undefined;
    if (broken) {
        void broken.terminate();
    }
    if (job) {
        clearTimeout(job.timer);
        job.reject(error);
    }
    startNext();
}

/**
 * The bundled worker script: next to the bundle that imports this module
 * (out/*.cjs), or, when running from the TypeScript sources (tests), in out/
 * at the repository root (built by `npm run build`).
 */
function workerScriptPath(): string {
    const here = dirname(fileURLToPath(import.meta.url));
    const candidates = [join(here, 'layout-worker.cjs'), join(here, '..', '..', 'out', 'layout-worker.cjs')];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (!found) {
        throw new LayoutError(`The layout worker script is missing (looked for ${candidates.join(' and ')}); run \`npm run build\`.`);
    }
    return found;
}
