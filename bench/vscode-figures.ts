/**
 * The preview's figures in a real VS Code (the VS Code server and web build
 * of code-server in headless chromium, as the end-to-end tests run it:
 * scripts/e2e/code-server.mjs), driven as a person drives it: a folder with
 * the shared declarations and a generated map, the map opened with Quick
 * Open, "Journey: Open Preview to the Side" from the Command Palette, then a
 * word typed at the end of the middle touchpoint's title, one real keystroke
 * at a time. Each time is read off the webview's own page: from the
 * keystroke to the moment its DOM holds the card with the new title, and to
 * the next frame painted after it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { killGroup, launchBrowser, pickInQuickPick, startVsCodeServer, toolsCacheDir, typeInQuickPick, workbenchUrl } from '../scripts/e2e/code-server.mjs';
import { ensureTools } from '../scripts/e2e/tools.mjs';
import type { SizeFigures } from './figures.js';
import { generateJourney, sharedDeclarations, touchpointName } from './generate.js';
import { summarise } from './measure.js';

/** Typed letter by letter at the end of a title: no space, so that every keystroke changes what the card shows. */
const WORD = 'benchmarks';
const MAP_FILE = 'bench.journey';
/** The first preview of a big map may take long on a busy machine; a keystroke's update too, before it is fixed. */
const FIRST_PREVIEW_TIMEOUT_MS = 180_000;
const KEYSTROKE_TIMEOUT_MS = 60_000;

/** The preview figures of each map size, one window each, in one VS Code server. */
export async function measureInVsCode(root: string, sizes: number[], screenshots: string): Promise<Record<string, SizeFigures>> {
    const tools = ensureTools(toolsCacheDir());
    const temp = mkdtempSync(path.join(tmpdir(), 'journey-bench-vscode-'));
    const { server, port } = await startVsCodeServer(tools, path.join(temp, 'vscode'));
    let browser: Browser | undefined;
    try {
        browser = await launchBrowser(tools);
        const results: Record<string, SizeFigures> = {};
        for (const touchpoints of sizes) {
            console.error(`Measuring ${touchpoints} touchpoints in VS Code…`);
            const folder = writeMapFolder(path.join(temp, `map-${touchpoints}`), touchpoints);
            results[touchpoints] = await measureWindow(browser, workbenchUrl(port, root, { folder }), touchpoints, path.join(screenshots, `bench-vscode-${touchpoints}.png`));
        }
        return results;
    } finally {
        await browser?.close();
        await killGroup(server);
        rmSync(temp, { recursive: true, force: true });
    }
}

/** A folder as a person has it: the map and the shared declarations it names, and no autosave (the typing must not land in the file). */
function writeMapFolder(folder: string, touchpoints: number): string {
    mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    writeFileSync(path.join(folder, 'shared.journey'), sharedDeclarations());
    writeFileSync(path.join(folder, MAP_FILE), generateJourney(touchpoints));
    writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }));
    return folder;
}

/** The figures of one window: the first preview, then each keystroke of WORD. */
async function measureWindow(browser: Browser, url: string, touchpoints: number, screenshot: string): Promise<SizeFigures> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    try {
        await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
        await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
        const text = generateJourney(touchpoints);
        const card = touchpointName(Math.floor(touchpoints / 2));
        const title = titleOf(text, card);

        // The map's room beside the editor as on a desktop: the secondary side bar (chat, empty here) closed.
        await page.keyboard.press('Control+Shift+P');
        await pickInQuickPick(page, 'View: Close Secondary Side Bar');
        await page.keyboard.press('Control+P');
        await pickInQuickPick(page, MAP_FILE);
        await page.locator(`.tab.active[data-resource-name="${MAP_FILE}"]`).waitFor({ timeout: 60_000 });
        // The cursor just before the title's closing quote.
        await page.keyboard.press('Control+G');
        await pickInQuickPick(page, `${title.line}:${title.endColumn}`);

        await page.keyboard.press('Control+Shift+P');
        await typeInQuickPick(page, 'Journey: Open Preview to the Side');
        const opened = Date.now();
        await page.keyboard.press('Enter');
        const frame = await previewFrame(page);
        const lastCard = `touchpoint-${touchpointName(touchpoints - 1)}`;
        const drawn = await poll<number>(frame, `document.querySelector('#canvas svg [id="${lastCard}"]') ? Date.now() : 0`, FIRST_PREVIEW_TIMEOUT_MS, 'the first map');
        const firstPreview = drawn - opened;
        await page.waitForTimeout(1000);

        const dom: number[] = [];
        const painted: number[] = [];
        for (let i = 0; i < WORD.length; i++) {
            const seen = await keystrokeToPreview(page, frame, `touchpoint-${card}`, title.text + WORD.slice(0, i + 1), WORD[i]);
            dom.push(seen.dom);
            painted.push(seen.painted);
            // A person types a word, not a burst: each keystroke is measured on its own.
            await page.waitForTimeout(300);
        }
        await page.screenshot({ path: screenshot });
        const keystrokes = summarise(painted);
        return {
            vscodeFirstPreview: summarise([firstPreview]),
            vscodeKeystrokeToPreview: keystrokes,
            vscodeKeystrokeToPreviewP90: percentile(painted, 0.9),
            vscodeKeystrokeToPreviewDom: summarise(dom),
        };
    } catch (error) {
        // What the window showed when it failed.
        await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png') }).catch(() => undefined);
        throw error;
    } finally {
        await context.close();
    }
}

interface TitlePosition {
    text: string;
    /** 1-based, as Go to Line takes them: the closing quote's line and column. */
    line: number;
    endColumn: number;
}

function titleOf(text: string, touchpoint: string): TitlePosition {
    const declaration = text.indexOf(`touchpoint ${touchpoint} "`);
    const start = text.indexOf('"', declaration) + 1;
    const end = text.indexOf('"', start);
    const lineStart = text.lastIndexOf('\n', end) + 1;
    return { text: text.slice(start, end), line: text.slice(0, end).split('\n').length, endColumn: end - lineStart + 1 };
}

/** The webview frame of the preview page (VS Code nests it in two iframes), once its script has built the page. */
async function previewFrame(page: Page): Promise<Frame> {
    const deadline = Date.now() + FIRST_PREVIEW_TIMEOUT_MS;
    while (Date.now() < deadline) {
        for (const frame of page.frames()) {
            if (await frame.evaluate('Boolean(document.getElementById("canvas"))').catch(() => false)) return frame;
        }
        await page.waitForTimeout(50);
    }
    throw new Error('The preview did not open: no webview holds its page.');
}

/**
 * Watches the preview's canvas for the card with `id` to be drawn with
 * `title` (its accessible name starts with the title's lines), presses
 * `key` in the editor, and answers the milliseconds from the keystroke to
 * that DOM change and to the frame painted after it.
 */
async function keystrokeToPreview(page: Page, frame: Frame, id: string, title: string, key: string): Promise<{ dom: number; painted: number }> {
    await frame.evaluate(watchCardTitle(id, title));
    const sent = Date.now();
    await page.keyboard.press(key);
    const { dom, painted } = await poll<{ dom: number; painted: number }>(frame, 'window.__journeyBenchSeen', KEYSTROKE_TIMEOUT_MS, `"${title}" on the map`)
        .catch(async (error: Error) => {
            const shown = await frame.evaluate(cardTitle(id)).catch(() => undefined);
            throw new Error(`${error.message} Its card's title reads (without spaces): ${JSON.stringify(shown)}.`);
        });
    return { dom: dom - sent, painted: painted - sent };
}

/**
 * Evaluates `expression` in the frame until it is truthy; its value. (Not
 * Playwright's waitForFunction, which evaluates through eval(): the
 * preview's CSP forbids that, as it should.)
 */
async function poll<T>(frame: Frame, expression: string, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await frame.evaluate(expression) as T;
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`The preview did not show ${what} within ${timeoutMs / 1000} s.`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

/**
 * Runs in the preview's page. A card's title is its bold lines
 * (text.jm-t-strong), compared without white space since the title wraps.
 * The painted time is taken after the next animation frame and a task.
 */
function cardTitle(id: string): string {
    return `Array.from(document.querySelectorAll('[id="${id}"] text.jm-t-strong'), (line) => line.textContent).join('').replace(/\\s+/g, '')`;
}

function watchCardTitle(id: string, title: string): string {
    return `(() => {
        window.__journeyBenchSeen = undefined;
        const observer = new MutationObserver(() => {
            if (${cardTitle(id)} !== ${JSON.stringify(title.replace(/\s+/g, ''))}) return;
            observer.disconnect();
            const dom = Date.now();
            requestAnimationFrame(() => setTimeout(() => { window.__journeyBenchSeen = { dom, painted: Date.now() }; }, 0));
        });
        observer.observe(document.getElementById('canvas'), { childList: true, subtree: true });
    })()`;
}

function percentile(times: number[], fraction: number): number {
    const sorted = [...times].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]);
}
