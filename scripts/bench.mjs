// `npm run bench [-- --check]`: bundles the benchmark like the product's own
// entry points (so it measures the shipped code), then runs it.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { nodeBundle } from './esbuild-node.mjs';

await esbuild.build({ ...nodeBundle, entryPoints: { bench: 'bench/main.ts' }, outdir: 'out' });
const result = spawnSync(process.execPath, ['out/bench.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
