/**
 * The map as one self-contained HTML page: the SVG inline, with zoom (wheel,
 * +/−, 0 to fit) and pan (drag, arrow keys). Nothing is fetched: a CSP meta
 * tag allows only the page's own script (by its hash) and inline styles.
 */
import { createHash } from 'node:crypto';
import type { Theme } from '../../protocol/theme.js';

function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
html, body { margin: 0; height: 100%; overflow: hidden; font: 13px system-ui, sans-serif; }
body { background: var(--page-bg); color: var(--page-fg); }
body.light { --page-bg: #f6f8fa; --page-fg: #1f2328; --bar-bg: #ffffff; --bar-border: #d0d7de; }
body.dark, body.high-contrast { --page-bg: #111111; --page-fg: #f0f3f6; --bar-bg: #1e1e1e; --bar-border: #3c3f44; }
#bar { position: fixed; top: 8px; right: 8px; z-index: 1; display: flex; gap: 4px; align-items: center;
  background: var(--bar-bg); border: 1px solid var(--bar-border); border-radius: 6px; padding: 4px 6px; }
#bar button { font: inherit; min-width: 28px; cursor: pointer; }
#viewport { width: 100%; height: 100%; cursor: grab; touch-action: none; }
#viewport.dragging { cursor: grabbing; }
#map { transform-origin: 0 0; display: inline-block; }
#map > svg { display: block; }
`;

const SCRIPT = `
(function () {
  var viewport = document.getElementById('viewport');
  var map = document.getElementById('map');
  var level = document.getElementById('level');
  var state = { scale: 1, x: 0, y: 0 };
  function apply() {
    map.style.transform = 'translate(' + state.x + 'px,' + state.y + 'px) scale(' + state.scale + ')';
    level.textContent = Math.round(state.scale * 100) + '%';
  }
  function zoomAt(factor, cx, cy) {
    var next = Math.min(8, Math.max(0.1, state.scale * factor));
    state.x = cx - (cx - state.x) * (next / state.scale);
    state.y = cy - (cy - state.y) * (next / state.scale);
    state.scale = next;
    apply();
  }
  function fit() {
    var svg = map.firstElementChild;
    var width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
    var height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
    state.scale = Math.min(1, (viewport.clientWidth - 32) / width, (viewport.clientHeight - 32) / height);
    state.x = Math.max(16, (viewport.clientWidth - width * state.scale) / 2);
    state.y = 16;
    apply();
  }
  viewport.addEventListener('wheel', function (event) {
    event.preventDefault();
    zoomAt(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX, event.clientY);
  }, { passive: false });
  var drag = null;
  viewport.addEventListener('pointerdown', function (event) {
    drag = { x: event.clientX - state.x, y: event.clientY - state.y };
    viewport.setPointerCapture(event.pointerId);
    viewport.classList.add('dragging');
  });
  viewport.addEventListener('pointermove', function (event) {
    if (!drag) return;
    state.x = event.clientX - drag.x;
    state.y = event.clientY - drag.y;
    apply();
  });
  function endDrag() { drag = null; viewport.classList.remove('dragging'); }
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);
  document.getElementById('zoom-in').addEventListener('click', function () { zoomAt(1.25, viewport.clientWidth / 2, viewport.clientHeight / 2); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomAt(0.8, viewport.clientWidth / 2, viewport.clientHeight / 2); });
  document.getElementById('fit').addEventListener('click', fit);
  document.getElementById('actual').addEventListener('click', function () { state.scale = 1; state.x = 16; state.y = 16; apply(); });
  document.addEventListener('keydown', function (event) {
    var step = 40;
    if (event.key === '+' || event.key === '=') zoomAt(1.25, viewport.clientWidth / 2, viewport.clientHeight / 2);
    else if (event.key === '-') zoomAt(0.8, viewport.clientWidth / 2, viewport.clientHeight / 2);
    else if (event.key === '0') fit();
    else if (event.key === 'ArrowLeft') { state.x += step; apply(); }
    else if (event.key === 'ArrowRight') { state.x -= step; apply(); }
    else if (event.key === 'ArrowUp') { state.y += step; apply(); }
    else if (event.key === 'ArrowDown') { state.y -= step; apply(); }
  });
  window.addEventListener('resize', fit);
  fit();
})();
`;

const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`;

/** Content-Security-Policy: nothing remote, no script but ours; styles inline (the SVG carries its own), fonts only inline (--embed-font). */
export const HTML_CSP = `default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

export function htmlPage(svg: string, options: { title: string; theme: Theme }): string {
    // The SVG comes from our renderer, which escapes every user string; it is inlined as markup.
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body class="${escapeHtml(options.theme)}">
<div id="bar" role="toolbar" aria-label="Zoom">
<button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">−</button>
<span id="level" aria-live="polite">100%</span>
<button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button id="fit" type="button" title="Fit to window (0)">Fit</button>
<button id="actual" type="button" title="Actual size">1:1</button>
</div>
<div id="viewport"><div id="map">${svg}</div></div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
