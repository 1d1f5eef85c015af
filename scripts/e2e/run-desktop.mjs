// `npm run test:desktop`: the same end-to-end tests in a desktop VS Code, which
// @vscode/test-electron downloads (needs internet access; not on CI machines).
// JOURNEY_E2E_VSCODE_VERSION picks the version (default: the latest stable).
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTests } from './build-tests.mjs';
import { prepareWorkspace } from './workspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'journey-e2e-desktop-'));
try {
    const { testsEntry } = await buildTests(root);
    const workspace = prepareWorkspace(root, path.join(temp, 'workspace'));
    await runTests({
        version: process.env.JOURNEY_E2E_VSCODE_VERSION,
        extensionDevelopmentPath: root,
        extensionTestsPath: testsEntry,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(temp, 'user-data')],
    });
} catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
} finally {
    rmSync(temp, { recursive: true, force: true });
}
