// The README's pictures, made from the examples by the product itself so that
// they stay current (run after changing how the map looks):
//
//   npm run build && node scripts/screenshots.mjs [--out DIR]
//
// - map-wrapped.png: `journey render` of the SaaS example wrapped for a
//   1,920-px slide (--max-width 1920 --scale 1);
// - compare-map.png: `journey render --compare` of the support example after
//   the edit of scripts/readme-compare.mjs, against the example as it is
//   (--scale 1);
// - preview-panel.png / preview-one-row.png: the preview page — the webview's
//   own HTML, CSP, script and style sheet — in headless Chromium at the size of
//   a side panel, given the map `journey render` draws for the width the page
//   reports, as the extension and the language server do in VS Code, in the
//   Rows layout and in the One row layout.
//
// Needs Debian's chromium (/usr/bin/chromium) and the built CLI (out/cli.cjs).
/* global window, document */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { COMPARE_EXAMPLE, editedSupportMap } from './readme-compare.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'docs', 'images');
const EXAMPLE = path.join(root, 'examples', 'b2b-saas', 'saas.journey');
const PANEL = { width: 900, height: 1000 };
const HARNESS = 'http://preview.invalid';

mkdirSync(out, { recursive: true });
const journey = (...args) => execFileSync(process.execPath, [path.join(root, 'out', 'cli.cjs'), ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });

journey('render', EXAMPLE, '--max-width', '1920', '--scale', '1', '-o', path.join(out, 'map-wrapped.png'));
console.log(`wrote ${path.relative(root, path.join(out, 'map-wrapped.png'))}`);

// The compare map: the edited example in a copy of its project, the example itself as the old version.
const edited = mkdtempSync(path.join(tmpdir(), 'readme-compare-'));
try {
    cpSync(path.dirname(path.join(root, COMPARE_EXAMPLE)), edited, { recursive: true });
    const file = path.join(edited, path.basename(COMPARE_EXAMPLE));
    writeFileSync(file, editedSupportMap(readFileSync(file, 'utf8')));
    journey('render', file, '--compare', COMPARE_EXAMPLE, '--scale', '1', '-o', path.join(out, 'compare-map.png'));
    console.log(`wrote ${path.relative(root, path.join(out, 'compare-map.png'))}`);
} finally {
    rmSync(edited, { recursive: true, force: true });
}

// The page exactly as the extension writes it (src/extension/preview-html.ts).
const bundled = path.join(tmpdir(), `preview-html-${process.pid}.cjs`);
await build({ entryPoints: [path.join(root, 'src', 'extension', 'preview-html.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundled, logLevel: 'warning' });
const { previewHtml } = createRequire(import.meta.url)(bundled);
const html = previewHtml({ cspSource: HARNESS, scriptUri: `${HARNESS}/preview.js`, styleUri: `${HARNESS}/preview.css` });
// VS Code gives a webview its theme as CSS variables; these are the Light Modern theme's.
const THEME = `:root {
  --vscode-font-family: system-ui, "Segoe UI", "Liberation Sans", sans-serif; --vscode-font-size: 13px; --vscode-foreground: #3b3b3b;
  --vscode-editor-background: #ffffff; --vscode-editorWidget-background: #f8f8f8; --vscode-panel-border: #e5e5e5;
  --vscode-button-background: #005fb8; --vscode-button-foreground: #ffffff; --vscode-button-secondaryBackground: #e5e5e5;
  --vscode-button-secondaryForeground: #3b3b3b; --vscode-button-secondaryHoverBackground: #cccccc; --vscode-dropdown-background: #ffffff;
  --vscode-dropdown-border: #cecece; --vscode-dropdown-foreground: #3b3b3b; --vscode-focusBorder: #005fb8; --vscode-textLink-foreground: #005fb8;
}
`;
const css = THEME + readFileSync(path.join(root, 'media', 'preview.css'), 'utf8');
const files = { '/index.html': [html, 'text/html'], '/preview.js': [readFileSync(path.join(root, 'media', 'dist', 'preview.js')), 'text/javascript'], '/preview.css': [css, 'text/css'] };
for (const face of ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf']) files[`/fonts/${face}`] = [readFileSync(path.join(root, 'media', 'fonts', face)), 'font/ttf'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
    for (const layout of ['rows', 'row']) {
        const page = await browser.newPage({ viewport: PANEL });
        const problems = [];
        // Known and harmless: Chromium reports the map's <style> while DOMParser reads the SVG; the page then moves it into a nonced <style>.
        const known = (text) => text.startsWith('Applying inline style violates') && text.includes('style-src');
        page.on('console', (message) => message.type() === 'error' && !known(message.text()) && problems.push(`${message.text()} at ${JSON.stringify(message.location())}`));
        page.on('pageerror', (error) => problems.push(error.message));
        await page.route(`${HARNESS}/**`, (route) => {
            const [body, contentType] = files[new URL(route.request().url()).pathname] ?? ['', 'text/plain'];
            return route.fulfill({ status: body ? 200 : 404, body, contentType });
        });
        let panelWidth;
        let drawn;
        const shown = new Promise((resolve) => (drawn = resolve));
        // What the extension does with the page's messages: draw the map for the width it reports.
        await page.exposeFunction('toExtension', (message) => {
            if (message.type === 'panelWidth') panelWidth = message.width;
            if (message.type === 'rendered') drawn();
            if (message.type !== 'ready') return;
            const svg = journey('render', EXAMPLE, ...(layout === 'rows' && panelWidth ? ['--max-width', String(panelWidth)] : [])).toString('utf8');
            const settings = { journey: 'saas', audience: 'internal', locked: false, layout };
            const diagram = { type: 'diagram', svg, fileName: 'saas.journey', journeys: [{ name: 'saas', title: 'B2B SaaS customer journey' }], segments: [], settings };
            void page.evaluate((m) => window.postMessage(m, '*'), diagram);
        });
        await page.addInitScript(() => {
            window.acquireVsCodeApi = () => ({ postMessage: (message) => window.toExtension(message), getState: () => undefined, setState: () => undefined });
        });
        await page.goto(`${HARNESS}/index.html`);
        await shown;
        await page.waitForTimeout(200);
        // The map is drawn in the font of the extension's media, not in one the system happens to have.
        const faces = await page.evaluate(async () => {
            await document.fonts.ready;
            return [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === 'Liberation Sans' && face.status === 'loaded').length;
        });
        if (faces !== 2) problems.push(`the preview loaded ${faces} of the 2 faces of media/fonts`);
        const file = path.join(out, layout === 'rows' ? 'preview-panel.png' : 'preview-one-row.png');
        await page.screenshot({ path: file });
        if (problems.length > 0) throw new Error(`the preview page reported: ${problems.join('; ')}`);
        console.log(`wrote ${path.relative(root, file)} (${layout}, panel ${PANEL.width} × ${PANEL.height}, map wrapped to ${panelWidth ?? 'none'})`);
        await page.close();
    }
} finally {
    await browser.close();
}
