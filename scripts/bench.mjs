// `npm run bench [-- --check]`: bundles the benchmark like the product's own
// entry points (so it measures the shipped code), then runs it.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { nodeBundle } from './esbuild-node.mjs';

// playwright-core drives the browser of the VS Code figures: loaded from node_modules, as the e2e harness loads it.
await esbuild.build({ ...nodeBundle, external: [...nodeBundle.external, 'playwright-core'], entryPoints: { bench: 'bench/main.ts' }, outdir: 'out' });
const result = spawnSync(process.execPath, ['out/bench.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
