/**
 * Escapes user text (titles, descriptions, evidence) for Markdown, so that a
 * title like `*VIP* <b>` shows as written instead of being rendered: in the
 * language server's hover and completion documentation, and in the CLI's
 * Markdown report. One rule for both: HTML becomes entities, Markdown
 * punctuation is backslashed, and what would start a block where a line
 * begins (a list, a setext underline, an indented code block) is defused.
 */

/** Keeps the text's line breaks: a description's paragraphs stay paragraphs. */
export function escapeMarkdown(text: string): string {
    return text.split(/\r\n|\r|\n/).map(escapeMarkdownInline).join('\n');
}

/** The text on one line (a table cell, a heading, a list item): line breaks become spaces. */
export function escapeMarkdownInline(text: string): string {
    const escaped = text
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]{}()#+!|~]/g, '\\$&');
    // A leading "-" or "1." would start a list where the text begins a line.
    return escaped.replace(/^(-|=|\d+(?=[.)]))/, (start) => (start === '-' || start === '=' ? `\\${start}` : `${start}\\`));
}
