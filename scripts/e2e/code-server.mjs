// A real VS Code in a browser, as the end-to-end tests (run-web.mjs) and the
// benchmark's VS Code figures (bench/vscode-figures.ts) drive it: the VS Code
// server and web build bundled in code-server, with this extension loaded
// from the repository, and Debian's headless chromium driven by playwright-core.
// The caller ends what it starts: the server's process group (killGroup) and
// the browser (browser.close()).
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Where the tools are installed (tools.mjs): outside the repository, since vsce
 * and other tree walkers would crawl its 800 MB, and every clone on a machine
 * (CI makes a fresh one each run) shares one install.
 */
export function toolsCacheDir() {
    return process.env.JOURNEY_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'journey-maps', 'e2e');
}

/**
 * Starts the VS Code server on a free port with its own home, settings and
 * extension folders under `temp`, in its own process group (so that its
 * extension hosts end with it); resolves once it answers.
 */
export async function startVsCodeServer(tools, temp, { env = {}, settings = {} } = {}) {
    const dirs = Object.fromEntries(['home', 'config', 'data', 'cache', 'server-data', 'user-data', 'extensions']
        .map((name) => [name, path.join(temp, name)]));
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    writeUserSettings(path.join(dirs['user-data'], 'User'), settings);
    const port = await freePort();
    const logFile = path.join(temp, 'server.log');
    const output = openSync(logFile, 'a');
    const server = spawn(tools.nodeBin, [tools.serverMain,
        '--host', '127.0.0.1', '--port', String(port),
        '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry',
        '--disable-workspace-trust', '--enable-smoke-test-driver',
        '--server-data-dir', dirs['server-data'], '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions,
    ], {
        detached: true, // its own process group, so that its extension hosts end with it
        stdio: ['ignore', output, output],
        env: {
            ...process.env,
            HOME: dirs.home,
            XDG_CONFIG_HOME: dirs.config,
            XDG_DATA_HOME: dirs.data,
            XDG_CACHE_HOME: dirs.cache,
            PATH: `${path.dirname(tools.nodeBin)}${path.delimiter}${process.env.PATH}`,
            ...env,
        },
    });
    try {
        await waitForServer(port, server);
    } catch (error) {
        await killGroup(server);
        throw new Error(`${error instanceof Error ? error.message : error}\n--- VS Code server log ---\n${readFileSync(logFile, 'utf8')}`, { cause: error });
    }
    return { server, port, logFile };
}

/** Test settings: never autosave (typed text must not land in files), no AI features, no start-up editor; `extra` on top. */
function writeUserSettings(userDir, extra) {
    mkdirSync(userDir, { recursive: true });
    const settings = { 'files.autoSave': 'off', 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', ...extra };
    writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Headless chromium as a person's browser: no sandbox (root in CI), no GPU, nothing fetched in the background. */
export function launchBrowser(tools) {
    return chromium.launch({
        executablePath: tools.chromium,
        headless: true,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
    });
}

/**
 * The workbench on a folder (`{ folder }`) or a .code-workspace file
 * (`{ workspace }`), with the extension of `root` loaded; with `testsEntry`
 * the extension host runs those tests and the page reports their exit code.
 */
export function workbenchUrl(port, root, opened, testsEntry) {
    const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
    const payload = [['extensionDevelopmentPath', remote(root)]];
    if (testsEntry) payload.push(['extensionTestsPath', remote(testsEntry)]);
    const query = new URLSearchParams({ ...opened, payload: JSON.stringify(payload) });
    return `http://127.0.0.1:${port}/?${query}`;
}

async function waitForServer(port, server) {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        if (server.exitCode !== null) throw new Error(`the VS Code server exited with code ${server.exitCode}`);
        try {
            const response = await fetch(`http://127.0.0.1:${port}/version`);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the VS Code server did not start within 60 s');
}

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

/** Ends a process group started detached: SIGTERM, SIGKILL after 5 s, then SIGKILL for whatever it left in the group. */
export async function killGroup(child) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    signalGroup(child.pid, 'SIGKILL'); // extension hosts and watchers left in the group
}

function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    } catch {
        // the group is already gone
    }
}

/** Waits for the quick pick (Quick Open, the Command Palette), types into it as a person would and presses Enter. */
export async function pickInQuickPick(page, text) {
    await typeInQuickPick(page, text);
    await page.keyboard.press('Enter');
}

/** Waits for the quick pick, types into it and waits for its list to settle on the match; the caller presses Enter. */
export async function typeInQuickPick(page, text) {
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.pressSequentially(text, { delay: 20 });
    // The list fills (files are searched, commands filtered) and filters as the text arrives: wait for it to settle on the match.
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(500);
}
