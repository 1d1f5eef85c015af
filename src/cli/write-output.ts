/**
 * Writes a command's result whole or not at all: to a temporary file in the
 * target's folder, renamed over the target only once complete, so that a
 * failure never leaves half a file (and a rename within one folder is atomic).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Output } from './command.js';
import { UsageError } from './usage-error.js';

export async function writeFileAtomically(target: string, content: string | Uint8Array): Promise<void> {
    const absolute = path.resolve(target);
    const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        await fs.writeFile(temporary, content, { flag: 'wx' });
        // Keep the permissions of a file we replace (fmt --write), not the temp file's defaults.
        const existing = await fs.stat(absolute).catch(() => undefined);
        if (existing) {
            await fs.chmod(temporary, existing.mode & 0o7777);
        }
        await fs.rename(temporary, absolute);
    } catch (error) {
        await fs.rm(temporary, { force: true });
        throw new UsageError(`${target}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
}

/** Writes to `target`, or to stdout without one; binary output is not sent to a terminal. */
export async function writeResult(target: string | undefined, content: string | Uint8Array, output: Output): Promise<void> {
    if (target !== undefined) {
        await writeFileAtomically(target, content);
        return;
    }
    if (typeof content !== 'string' && output.stdoutIsTerminal) {
        throw new UsageError('binary output is not written to a terminal: name a file with -o, or redirect stdout');
    }
    output.stdout(content);
}
