import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownInline } from '../../src/language/markdown.js';

describe('escaping user text for Markdown', () => {
    it('turns HTML into entities and backslashes Markdown punctuation', () => {
        expect(escapeMarkdownInline('*VIP* <img src=x> & [link](javascript:x) `code` #1 a|b ~~s~~ _i_ {x} + !')).toBe(
            '\\*VIP\\* &lt;img src=x&gt; &amp; \\[link\\]\\(javascript:x\\) \\`code\\` \\#1 a\\|b \\~\\~s\\~\\~ \\_i\\_ \\{x\\} \\+ \\!',
        );
        expect(escapeMarkdownInline('a\\b')).toBe('a\\\\b');
    });

    it('leaves punctuation that means nothing inside a line as it is', () => {
        expect(escapeMarkdownInline('Self-serve 2.0: 50% done')).toBe('Self-serve 2.0: 50% done');
    });

    it('defuses what would start a block at the beginning of a line', () => {
        expect(escapeMarkdownInline('- item')).toBe('\\- item');
        expect(escapeMarkdownInline('=== ')).toBe('\\===');
        expect(escapeMarkdownInline('12. item')).toBe('12\\. item');
        expect(escapeMarkdownInline('3) item')).toBe('3\\) item');
        expect(escapeMarkdownInline('    indented code')).toBe('indented code');
        expect(escapeMarkdownInline('> quote')).toBe('&gt; quote');
    });

    it('puts inline text on one line, and keeps the lines of a block', () => {
        expect(escapeMarkdownInline('a\n\n- b\tc')).toBe('a - b c');
        expect(escapeMarkdown('a\r\n\r\n- b\n1. c')).toBe('a\n\n\\- b\n1\\. c');
    });
});
