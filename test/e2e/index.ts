// The end-to-end test runner. VS Code's extension host loads this module
// (extensionTestsPath) and awaits run(): it runs every out/e2e/suite/*.e2e.cjs
// file with mocha. Its output goes to the extension host's console, marked for
// the harness; a failed test rejects, which VS Code turns into a non-zero exit code.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { report } from './report.js';

export async function run(): Promise<void> {
    Mocha.reporters.Base.consoleLog = report;
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000 });
    const suiteDir = path.join(__dirname, 'suite');
    for (const file of readdirSync(suiteDir).filter((name) => name.endsWith('.e2e.cjs')).sort()) {
        mocha.addFile(path.join(suiteDir, file));
    }
    const stats = await new Promise<Mocha.Stats>((resolve) => {
        const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 } as Mocha.Stats));
    });
    report(`e2e: ${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ''}`);
    if (stats.failures > 0 || stats.passes === 0) {
        throw new Error(stats.passes === 0 ? 'no end-to-end test ran' : `${stats.failures} end-to-end test(s) failed`);
    }
}
