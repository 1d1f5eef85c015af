// Bundles the end-to-end test runner and every test/e2e/suite/*.e2e.ts file
// into out/e2e/ as CommonJS (the extension host loads them with require).
// `vscode` is the host's; mocha stays external so that the runner and the
// test files share one instance (its describe/it bind to the running suite).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

export async function buildTests(root) {
    const suiteDir = path.join(root, 'test', 'e2e', 'suite');
    const suiteFiles = readdirSync(suiteDir).filter((name) => name.endsWith('.e2e.ts'));
    const outdir = path.join(root, 'out', 'e2e');
    rmSync(outdir, { recursive: true, force: true });
    await esbuild.build({
        absWorkingDir: root,
        entryPoints: [
            { in: 'test/e2e/index.ts', out: 'index' },
            ...suiteFiles.map((name) => ({ in: `test/e2e/suite/${name}`, out: `suite/${name.replace(/\.ts$/, '')}` })),
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
    return { testsEntry: path.join(outdir, 'index.cjs') };
}
