/**
 * Writes a report laid out as blocks (model/tune-up/report-blocks.ts) as
 * Markdown: the tune-up agenda in the CLI and in the editor's Markdown
 * preview. Every run of text goes through the one Markdown escaper.
 */
import type { Block, Inline, Span } from '../model/tune-up/report-blocks.js';
import { escapeMarkdownInline } from './markdown.js';

export function blocksToMarkdown(blocks: readonly Block[]): string {
    return `${blocks.map(blockMarkdown).join('\n\n')}\n`;
}

function blockMarkdown(block: Block): string {
    switch (block.kind) {
        case 'heading': return `${'#'.repeat(block.level)} ${inlineMarkdown(block.text)}`;
        case 'paragraph': return inlineMarkdown(block.text);
        case 'list': return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${inlineMarkdown(item)}`).join('\n');
        case 'table': return [
            `| ${block.header.map(escapeMarkdownInline).join(' | ')} |`,
            `|${block.header.map(() => '---').join('|')}|`,
            ...block.rows.map((row) => `| ${row.map((cell) => inlineMarkdown(cell) || ' ').join(' | ')} |`),
        ].join('\n');
    }
}

export function inlineMarkdown(inline: Inline): string {
    return inline.map(spanMarkdown).join('');
}

function spanMarkdown(span: Span): string {
    const text = typeof span === 'string' ? span : span.text;
    // The escaper trims; a run's outer spaces separate it from its neighbours. Emphasis markers must touch the text.
    const [, before, inner, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
    const space = (whitespace: string) => (whitespace === '' ? '' : ' ');
    if (inner === '') return space(before);
    let escaped = typeof span !== 'string' && span.code ? codeSpan(inner) : escapeMarkdownInline(inner);
    if (typeof span !== 'string' && span.strong) escaped = `**${escaped}**`;
    return `${space(before)}${escaped}${space(after)}`;
}

/** A code span with a fence longer than any run of backticks in the text. */
function codeSpan(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${longest > 0 ? ' ' : ''}${text.replace(/\s+/g, ' ')}${longest > 0 ? ' ' : ''}${fence}`;
}
