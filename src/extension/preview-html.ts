import { randomBytes } from 'node:crypto';
import { MAP_VIEWS, type MapView } from '../protocol/diagram-requests.js';

const VIEW_LABELS: Record<MapView, string> = { map: 'Map', priorities: 'Priorities' };
const VIEW_OPTIONS = MAP_VIEWS.map((view) => `<option value="${view}">${VIEW_LABELS[view]}</option>`).join('');

export interface PreviewHtmlOptions {
    /** The webview's own source for CSP (webview.cspSource). */
    cspSource: string;
    scriptUri: string;
    styleUri: string;
}

/** A fresh nonce per page: only the page's own script and styles may run. */
export function createNonce(): string {
    return randomBytes(18).toString('base64');
}

/**
 * The preview page. Strict CSP: nothing remote (fonts and fetches from the
 * webview's own resources only), no inline script, scripts and
 * inline styles only with this page's nonce (the map's own style sheet is
 * moved into nonced <style> elements by the page script).
 */
export function previewHtml(options: PreviewHtmlOptions, nonce = createNonce()): string {
    const csp = [
        "default-src 'none'",
        `img-src ${options.cspSource} data: blob:`,
        `style-src ${options.cspSource} 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        `font-src ${options.cspSource}`,
        // The page reads the map's font from the extension's media to put it into an exported PNG.
        `connect-src ${options.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${options.styleUri}" nonce="${nonce}">
<title>Journey preview</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Journey preview">
  <span id="file-name" class="file-name"></span>
  <label id="journey-field" hidden>Journey <select id="journey"></select></label>
  <label title="The journey map, or its initiatives in priority order">View <select id="view">${VIEW_OPTIONS}</select></label>
  <label>Segment <select id="segment"><option value="">All segments</option></select></label>
  <label>Audience <select id="audience"><option value="internal">Internal</option><option value="customer">Customer-facing</option></select></label>
  <label title="Rows: the stages wrap to the panel's width, text readable at 100 %. One row: the map as on a wide screen.">Layout <select id="layout"><option value="rows">Rows</option><option value="row">One row</option></select></label>
  <span id="compare-field" class="compare-field" hidden>
    <label>Changes since <span id="compare-base" class="compare-base"></span> <select id="changes" aria-label="Changes on the map"></select></label>
    <button id="leave-compare" title="Back to the plain map (Esc)">Exit compare</button>
  </span>
  <span class="spacer"></span>
  <button id="zoom-out" title="Zoom out (−)" aria-label="Zoom out">−</button>
  <span id="zoom-level" class="zoom-level" aria-live="polite">100%</span>
  <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="fit" title="Fit to window (F)">Fit</button>
  <button id="actual-size" title="Actual size (0)">100%</button>
  <button id="export-svg" title="Export this view as SVG">SVG</button>
  <button id="export-png" title="Export this view as PNG">PNG</button>
  <button id="lock" aria-pressed="false">Lock</button>
</header>
<div id="audience-banner" class="audience-banner" role="status" hidden><strong>Customer-facing view</strong>: only what customers may see; pain points, initiatives and metrics appear when marked <code>shared</code>. Export saves this view.</div>
<div id="banner" class="banner" role="alert" hidden><span id="banner-text"></span> <a href="#" id="banner-link">Show in editor</a></div>
<aside id="old-text" class="old-text" hidden aria-live="polite"><div class="old-text-head"><span id="old-text-title"></span> <button id="old-text-close">Close</button></div><pre id="old-text-body"></pre></aside>
<main id="viewport" class="viewport" tabindex="0" aria-label="Journey map: drag to pan, Ctrl or Cmd + wheel to zoom">
  <div id="canvas" class="canvas"></div>
  <p id="placeholder" class="placeholder">Drawing the map…</p>
</main>
<footer id="status" class="status" aria-live="polite"></footer>
<script nonce="${nonce}" src="${options.scriptUri}"></script>
</body>
</html>`;
}
