// `npm run test:e2e`: runs the extension's end-to-end tests inside a real VS Code
// (the server and web build bundled in code-server) driven by headless chromium:
// one window per scenario (scripts/e2e/workspace.mjs), one after the other.
// Test output arrives on the browser console and is printed here; the exit code
// is the tests' result (each workbench calls window.codeAutomationExit(code)).
// Every process started here is ended on success, failure, timeout and Ctrl-C.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTests } from './build-tests.mjs';
import { killGroup, launchBrowser, pickInQuickPick as typeInQuickPick, startVsCodeServer, toolsCacheDir, workbenchUrl } from './code-server.mjs';
import { ensureTools } from './tools.mjs';
import { selectedScenarios } from './workspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = toolsCacheDir();
const timeoutMs = Number(process.env.JOURNEY_E2E_TIMEOUT_S ?? 600) * 1000;
const resultsDir = path.join(root, 'test-results');
const consolePath = path.join(resultsDir, 'e2e-console.log');
/** The mark of the tests' own output lines (test/e2e/report.ts). */
const OUTPUT_MARK = '[journey-e2e] ';
const consoleLog = [];
/** A test asks for a picture of the window at a moment of its choosing (test/e2e/report.ts, requestScreenshot). */
const SCREENSHOT_REQUEST = /^screenshot:([a-z0-9-]{1,60})$/;
/** A test asks for a mouse click on an element of the preview webview, by its id (test/e2e/report.ts, requestClickInPreview). */
const CLICK_REQUEST = /^click:([a-z]+-[A-Za-z0-9_]{1,100})$/;
/** Typed into the quick pick that has the focus, then Enter: a person picking an item. */
const PICK_REQUEST = /^pick:([A-Za-z0-9_./-]{1,100})$/;
/** A click on the header of a side-bar view, which collapses or expands it (no command does). */
const VIEW_HEADER_REQUEST = /^view-header:([A-Za-z0-9 _-]{1,60})$/;
/**
 * A test says the window came up without its workspace's folders (the web
 * workbench sometimes opens a .code-workspace file with none, on a busy
 * machine): the harness opens the scenario's window once more (test/e2e/report.ts, reportWindowNotReady).
 */
const WINDOW_NOT_READY = 'window-not-ready';
const windowsNotReady = new WeakSet();

const started = Date.now();
const cleanups = [];
let finishing = false;

process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
// A bug in the harness itself must not leave the VS Code server running for hours.
process.on('uncaughtException', (error) => finish(1, `harness error: ${error instanceof Error ? error.stack : error}`));
process.on('unhandledRejection', (error) => finish(1, `harness error: ${error instanceof Error ? error.stack : error}`));
let overallTimer;

try {
    finish(await runTests());
} catch (error) {
    finish(1, error instanceof Error ? error.stack ?? error.message : String(error));
}

async function runTests() {
    const scenarios = selectedScenarios();
    const testsEntries = await buildTests(root, scenarios);
    const tools = ensureTools(cacheDir);
    log(`tools ready after ${seconds()} s`);
    // The timeout covers the run, not a first install (minutes on a fresh machine).
    overallTimer = setTimeout(() => finish(1, `timed out after ${timeoutMs / 1000} s`), timeoutMs);

    const temp = mkdtempSync(path.join(os.tmpdir(), 'journey-e2e-'));
    cleanups.push(() => rmSync(temp, { recursive: true, force: true }));

    // Tells the tests (in the extension host, a child of this server) that clicks in webviews are served.
    const { server, port, logFile } = await startVsCodeServer(tools, temp, { env: { JOURNEY_E2E_CLICKS: '1' } });
    cleanups.push(() => killGroup(server));
    cleanups.push(() => {
        if (process.exitCode) process.stdout.write(`--- VS Code server log ---\n${readFileSync(logFile, 'utf8')}\n`);
    });
    log(`VS Code server (process group ${server.pid}) listening on 127.0.0.1:${port} after ${seconds()} s`);

    const browser = await launchBrowser(tools);
    cleanups.push(() => browser.close());
    cleanups.push(saveConsole);
    let failed = 0;
    for (const scenario of scenarios) {
        log(`scenario ${scenario.name}`);
        const opened = scenario.prepare(root, path.join(temp, 'windows', scenario.name));
        const url = workbenchUrl(port, root, opened, testsEntries[scenario.name]);
        let { code, notReady } = await runWindow(browser, url, scenario.name);
        if (notReady) {
            log(`scenario ${scenario.name}: the window came up without its folders; opening it once more`);
            ({ code } = await runWindow(browser, url, scenario.name));
        }
        log(`scenario ${scenario.name}: ${code === 0 ? 'passed' : `failed (exit code ${code})`} after ${seconds()} s`);
        if (code !== 0) failed = code;
    }
    return failed;
}

/** One workbench window in a fresh browser context, until its tests report their exit code; then a picture of it. */
async function runWindow(browser, url, name) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // A window that never reports (a hung test, the overall timeout) is still pictured as it was left.
    const pictureIfCutShort = () => namedScreenshot(page, `${name}-window`);
    cleanups.push(pictureIfCutShort);
    page.on('console', (message) => recordConsole(message.type(), message.text(), page));
    page.on('pageerror', (error) => recordConsole('error', `page error: ${error.message}`));
    let reportExit;
    const exitCode = new Promise((resolve) => { reportExit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    // No wait for 'load': on a busy machine it can take long; the overall timeout guards the run.
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    const code = await exitCode;
    cleanups.splice(cleanups.indexOf(pictureIfCutShort), 1);
    await namedScreenshot(page, `${name}-window`);
    await context.close();
    return { code, notReady: windowsNotReady.has(page) };
}

/** Prints the tests' output (marked by test/e2e/report.ts) and keeps the whole console for test-results/. */
function recordConsole(type, text, page) {
    const line = text.replace(/^%c\s*\w+ color: #\w+ /, '');
    consoleLog.push(`${seconds().padStart(4)} s ${type.padEnd(7)} ${line}`);
    const marked = line.indexOf(OUTPUT_MARK);
    if (marked < 0) return;
    const output = line.slice(marked + OUTPUT_MARK.length);
    const screenshotRequest = SCREENSHOT_REQUEST.exec(output);
    const clickRequest = CLICK_REQUEST.exec(output);
    const pickRequest = PICK_REQUEST.exec(output);
    const headerRequest = VIEW_HEADER_REQUEST.exec(output);
    if (output === WINDOW_NOT_READY && page) windowsNotReady.add(page);
    else if (screenshotRequest) void namedScreenshot(page, screenshotRequest[1]);
    else if (clickRequest) void clickInWebview(page, clickRequest[1]);
    else if (pickRequest) void pickInQuickPick(page, pickRequest[1]);
    else if (headerRequest) void clickViewHeader(page, headerRequest[1]);
    else process.stdout.write(`${output}\n`);
}

/**
 * A real mouse click (move, press, release) on the element with this id in
 * whichever webview frame holds it: the webview's own script must turn it
 * into a message, as it does for a user. The test waits for the effect.
 */
async function clickInWebview(page, id) {
    try {
        for (const frame of page.frames()) {
            const target = frame.locator(`[id="${id}"]`);
            if ((await target.count().catch(() => 0)) === 0) continue;
            await target.first().click({ timeout: 10_000 });
            log(`clicked #${id} in the webview`);
            return;
        }
        log(`click: no webview frame holds #${id}`);
    } catch (error) {
        log(`click on #${id} failed: ${error instanceof Error ? error.message : error}`);
    }
}

/** Types into the quick pick that is about to open and presses Enter, as a person would. */
async function pickInQuickPick(page, text) {
    try {
        await typeInQuickPick(page, text);
        log(`picked "${text}" in the quick pick`);
    } catch (error) {
        log(`pick "${text}" failed: ${error instanceof Error ? error.message : error}`);
    }
}

async function clickViewHeader(page, title) {
    try {
        await page.locator('.pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first().click({ timeout: 10_000 });
        log(`clicked the header of the ${title} view`);
    } catch (error) {
        log(`click on the ${title} view's header failed: ${error instanceof Error ? error.message : error}`);
    }
}

async function namedScreenshot(page, name) {
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `e2e-${name}.png`);
    try {
        await page.screenshot({ path: file, timeout: 10_000 });
        log(`screenshot: ${path.relative(process.cwd(), file)}`);
    } catch (error) {
        log(`screenshot ${name} failed: ${error instanceof Error ? error.message : error}`);
    }
}

function saveConsole() {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(consolePath, `${consoleLog.join('\n')}\n`);
    if (process.exitCode) {
        const problems = consoleLog.filter((line) => / (error|warning) /.test(line.slice(0, 16)) && !line.includes(OUTPUT_MARK));
        process.stderr.write(`--- browser console: errors and warnings ---\n${problems.join('\n')}\n`);
    }
    log(`browser console: ${path.relative(process.cwd(), consolePath)}`);
}

/** Runs the cleanups once, newest first, then exits with the tests' code. */
async function finish(code, reason) {
    if (finishing) return;
    finishing = true;
    clearTimeout(overallTimer);
    if (reason) console.error(`[e2e] ${reason}`);
    process.exitCode = code;
    for (const cleanup of cleanups.reverse()) {
        try {
            await cleanup();
        } catch (error) {
            console.error(`[e2e] cleanup: ${error instanceof Error ? error.message : error}`);
        }
    }
    log(`${code === 0 ? 'passed' : `failed (exit code ${code})`} in ${seconds()} s`);
    process.exit(code);
}

function seconds() {
    return ((Date.now() - started) / 1000).toFixed(0);
}

function log(message) {
    console.log(`[e2e] ${message}`);
}
