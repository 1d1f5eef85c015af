/**
 * Escapes user text (titles, descriptions, evidence) for Markdown, so that a
 * title like `*VIP* <b>` shows as written instead of being rendered.
 */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (character) => `\\${character}`);
}
