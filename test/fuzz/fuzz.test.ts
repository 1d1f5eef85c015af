import { describe, expect, it } from 'vitest';
import { newSeed } from './random.js';
import { runFuzz } from './fuzz-run.js';
import { fuzzWorkspaces } from './workspaces.js';

/*
 * A short run of the fuzzer (a fixed seed) in every `npm test`; `npm run fuzz` runs a long
 * one. The seed is printed: `npm run fuzz -- --seed <seed> --edits <n>` replays
 * a run. FUZZ_SEED and FUZZ_EDITS set them here, FUZZ_LOG=1 prints progress.
 */
// npm test replays a fixed seed, so that it fails only on a regression; `npm run fuzz` draws a new one each run.
const seed = Number(process.env.FUZZ_SEED ?? (process.env.FUZZ_EDITS ? newSeed() : 2));
const edits = Number(process.env.FUZZ_EDITS ?? 300);

describe('random edits through the language server', () => {
    it(`keeps the server up, answering, and its diagnostics right (seed ${seed}, ${edits} edits)`, async () => {
        console.log(`fuzz seed ${seed}, ${edits} edits (replay: npm run fuzz -- --seed ${seed} --edits ${edits})`);
        const report = await runFuzz({ seed, edits, workspaces: fuzzWorkspaces(), log: process.env.FUZZ_LOG ? console.log : undefined });
        console.log(`fuzz: ${report.edits} edits, ${report.requests} requests, slowest answer ${Math.round(report.slowestMs)} ms (${report.slowestMethod}), ${report.undoFallbacks} undo fallbacks`);
        const failures = report.failures.map((failure) => [
            `${failure.workspace}/${failure.file} after edit ${failure.edit}: ${failure.problem}`,
            `  text saved to ${failure.textFile}; last edits:`,
            ...failure.recentEdits.map((edit) => `    ${edit}`),
        ].join('\n'));
        expect(failures, `seed ${seed}`).toEqual([]);
        expect(report.edits).toBeGreaterThanOrEqual(edits);
    }, 30 * 60_000 + edits * 100);
});
