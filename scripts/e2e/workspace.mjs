// The windows the end-to-end tests open, one per scenario, each on fresh
// copies of examples/ (nothing a test types or renames lands in the real
// files), with its own test folder under test/e2e:
// - workspace: the multi-file example (teams and segments in shared/, maps in
//   journeys/), a git repository for "Compare with HEAD" (test/e2e/suite);
// - examples: the examples/ folder itself, as the README tells a new user to
//   open it: every example is its own project (test/e2e/examples);
// - multi-root: a .code-workspace of two examples, each folder its own
//   project; a third example waits beside it, for a test to add
//   (test/e2e/multi-root).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Test settings of every window: never autosave (typed text must not land in files). */
const SETTINGS = { 'files.autoSave': 'off' };

export const SCENARIOS = [
    { name: 'workspace', suiteDir: 'test/e2e/suite', prepare: prepareWorkspace },
    { name: 'examples', suiteDir: 'test/e2e/examples', prepare: prepareExamplesFolder },
    { name: 'multi-root', suiteDir: 'test/e2e/multi-root', prepare: prepareMultiRoot },
];

/** The scenarios to run: all, or those JOURNEY_E2E_SCENARIOS names (comma-separated). */
export function selectedScenarios() {
    const wanted = process.env.JOURNEY_E2E_SCENARIOS?.split(',').map((name) => name.trim()).filter(Boolean);
    if (!wanted?.length) return SCENARIOS;
    const unknown = wanted.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
    if (unknown.length > 0) throw new Error(`JOURNEY_E2E_SCENARIOS: no scenario ${unknown.join(', ')}; the scenarios are ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return SCENARIOS.filter((scenario) => wanted.includes(scenario.name));
}

/** The multi-file example, one commit in git. Returns what to open: `{ folder }`. */
export function prepareWorkspace(root, target) {
    cpSync(path.join(root, 'examples', 'workspace'), target, { recursive: true });
    writeFolderSettings(target);
    // A git repository with one commit, so that "Compare with HEAD" has a base to read.
    const git = (...args) => execFileSync('git', args, { cwd: target, env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.invalid', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.invalid' } });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'the maps as they were');
    return { folder: target };
}

/** The whole examples/ folder, as it is in the repository. */
export function prepareExamplesFolder(root, target) {
    cpSync(path.join(root, 'examples'), target, { recursive: true });
    writeFolderSettings(target);
    return { folder: target };
}

/** b2b-saas and support-heavy as the two folders of a .code-workspace; workspace/ beside them, not in it. */
export function prepareMultiRoot(root, target) {
    for (const example of ['b2b-saas', 'support-heavy', 'workspace']) {
        cpSync(path.join(root, 'examples', example), path.join(target, example), { recursive: true });
    }
    const file = path.join(target, 'two-examples.code-workspace');
    writeFileSync(file, JSON.stringify({ folders: [{ path: path.join(target, 'b2b-saas') }, { path: path.join(target, 'support-heavy') }], settings: SETTINGS }, null, 2));
    return { workspace: file };
}

function writeFolderSettings(folder) {
    mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
}
