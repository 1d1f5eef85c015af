import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The built CLI: `npm test` builds it first; after `vitest` alone, run `npm run build`. */
export const CLI = path.resolve('out/cli.cjs');

export interface CliResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `journey …` as a user would: a child process of the bundled CLI. */
export function journey(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
    if (!existsSync(CLI)) {
        throw new Error(`${CLI} is missing: run npm run build`);
    }
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? process.cwd(),
        input: options.input,
        encoding: 'utf8',
        timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `journey …` and returns stdout as raw bytes (for PNG). */
export function journeyBytes(args: string[]): { status: number | null; stdout: Buffer; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, ...args], { timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}
