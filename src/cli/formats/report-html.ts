/**
 * Writes a report laid out as blocks (model/tune-up/report-blocks.ts) as one
 * self-contained HTML page: the tune-up agenda to put on screen or mail
 * around. No script at all; a CSP meta tag allows only the inline style.
 * Every run of text is escaped.
 */
import { escapeXml } from '../../diagram/svg/escape.js';
import type { Block, Inline, Span } from '../../model/tune-up/report-blocks.js';

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1.5rem; color: #1f2328; background: #ffffff; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } .danger { color: #cf222e; } .warning { color: #9a6700; } .ok { color: #1a7f37; } .muted { color: #59636e; }
@media (prefers-color-scheme: dark) {
  body { color: #f0f3f6; background: #1e1e1e; } th { background: #2a2d31; } th, td, h2 { border-color: #3c3f44; }
  .danger { color: #ff7b72; } .warning { color: #d29922; } .ok { color: #3fb950; } .muted { color: #a0a8b1; }
}
@media print { body { margin: 0; max-width: none; } }
`;

export function blocksToHtmlPage(blocks: readonly Block[], title: string): string {
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeXml(title)}</title>`,
        `<style>${STYLE}</style>`,
        '</head>',
        '<body>',
        ...blocks.map(blockHtml),
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

function blockHtml(block: Block): string {
    switch (block.kind) {
        case 'heading': return `<h${block.level}>${inlineHtml(block.text)}</h${block.level}>`;
        case 'paragraph': return `<p>${inlineHtml(block.text)}</p>`;
        case 'list': {
            const tag = block.ordered ? 'ol' : 'ul';
            return `<${tag}>\n${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('\n')}\n</${tag}>`;
        }
        case 'table': return [
            '<table>',
            `<thead><tr>${block.header.map((cell) => `<th scope="col">${escapeXml(cell)}</th>`).join('')}</tr></thead>`,
            '<tbody>',
            ...block.rows.map((row) => `<tr>${row.map((cell) => `<td>${inlineHtml(cell)}</td>`).join('')}</tr>`),
            '</tbody>',
            '</table>',
        ].join('\n');
    }
}

function inlineHtml(inline: Inline): string {
    return inline.map(spanHtml).join('');
}

function spanHtml(span: Span): string {
    if (typeof span === 'string') return escapeXml(span);
    let html = escapeXml(span.text);
    if (span.code) html = `<code>${html}</code>`;
    if (span.strong) html = `<strong>${html}</strong>`;
    return span.tone ? `<span class="${span.tone}">${html}</span>` : html;
}
