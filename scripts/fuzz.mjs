// `npm run fuzz [-- --edits 100000] [--seed 123]`: a long run of the language
// server fuzzer (test/fuzz). It prints the seed; the same seed and edit count
// replay the same edits.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { edits: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const env = { ...process.env, FUZZ_EDITS: values.edits, FUZZ_LOG: '1', ...(values.seed ? { FUZZ_SEED: values.seed } : {}) };
const vitest = spawnSync('npx', ['vitest', 'run', 'test/fuzz/fuzz.test.ts'], { stdio: 'inherit', env });
process.exit(vitest.status ?? 1);
