// Bundles, for each scenario (scripts/e2e/workspace.mjs), the end-to-end test
// runner and every *.e2e.ts file of its test folder into out/e2e/<scenario>/
// as CommonJS (the extension host loads them with require). `vscode` is the
// host's; mocha stays external so that the runner and the test files share
// one instance (its describe/it bind to the running suite).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/** Returns each scenario's tests entry (out/e2e/<scenario>/index.cjs), by scenario name. */
export async function buildTests(root, scenarios) {
    rmSync(path.join(root, 'out', 'e2e'), { recursive: true, force: true });
    const entries = {};
    for (const scenario of scenarios) {
        const suiteFiles = readdirSync(path.join(root, scenario.suiteDir)).filter((name) => name.endsWith('.e2e.ts'));
        const outdir = path.join(root, 'out', 'e2e', scenario.name);
        await esbuild.build({
            absWorkingDir: root,
            entryPoints: [
                { in: 'test/e2e/index.ts', out: 'index' },
                ...suiteFiles.map((name) => ({ in: `${scenario.suiteDir}/${name}`, out: `suite/${name.replace(/\.ts$/, '')}` })),
            ],
            outdir,
            outExtension: { '.js': '.cjs' },
            bundle: true,
            platform: 'node',
            target: 'node20',
            format: 'cjs',
            external: ['vscode', 'mocha'],
            sourcemap: 'inline',
            logLevel: 'warning',
        });
        entries[scenario.name] = path.join(outdir, 'index.cjs');
    }
    return entries;
}
