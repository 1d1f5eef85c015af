// `npm run test:desktop`: the same end-to-end tests in a desktop VS Code, which
// @vscode/test-electron downloads (needs internet access; not on CI machines).
// JOURNEY_E2E_VSCODE_VERSION picks the version (default: the latest stable);
// JOURNEY_E2E_SCENARIOS the scenarios (default: all), one window each.
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTests } from './build-tests.mjs';
import { selectedScenarios } from './workspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'journey-e2e-desktop-'));
try {
    const scenarios = selectedScenarios();
    const testsEntries = await buildTests(root, scenarios);
    for (const scenario of scenarios) {
        const opened = scenario.prepare(root, path.join(temp, scenario.name));
        await runTests({
            version: process.env.JOURNEY_E2E_VSCODE_VERSION,
            extensionDevelopmentPath: root,
            extensionTestsPath: testsEntries[scenario.name],
            launchArgs: [opened.folder ?? opened.workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(temp, `user-data-${scenario.name}`)],
        });
    }
} catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
} finally {
    rmSync(temp, { recursive: true, force: true });
}
