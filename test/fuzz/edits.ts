import type { Random } from './random.js';

/**
 * Random edits as a person makes them while typing, pasting and undoing, on
 * offsets of the current text. Each edit replaces `[start, end)` with `text`.
 */
export interface TextEdit {
    start: number;
    end: number;
    text: string;
    /** What kind of edit, for the failure report. */
    kind: string;
}

/** Characters that break naive code: NUL, lone surrogates, direction marks, a BOM, astral and wide characters, line ends. */
const STRANGE_CHARACTERS = [
    '\0', '\uD800', '\uDFFF', '\u202E', '\u200F', '\u2067', '\uFEFF', '\u00A0', '\u200B',
    '😀', '盩', 'é', '\r\n', '\r', '\n', '\t', '\\', '\u0085', '\u2028',
];

/** Punctuation and values of the language, and typical wrong ones. */
const STRAY_TOKENS = [
    '{', '}', '"', ',', '%', '>=', '<=', '+1', '-2', '7', '40%', '2026-10-15', '2026-02-30', '12/01/2026',
    '"text"', '"unterminated', '/*', '*/', '//', '=', ':', ';', '(', ')', '[', ']',
];

export function randomEdit(text: string, original: string, keywords: readonly string[], random: Random): TextEdit {
    const at = random.int(0, text.length);
    switch (random.int(0, 9)) {
        case 0:
        case 1:
            return insert(at, spaced(random.pick(keywords), random), 'keyword');
        case 2:
            return insert(at, spaced(random.pick(STRAY_TOKENS), random), 'stray token');
        case 3:
        case 4: {
            const end = Math.min(text.length, at + random.int(1, random.chance(0.8) ? 12 : 200));
            return { start: at, end, text: '', kind: 'deletion' };
        }
        case 5:
            return insert(lineStart(text, at), randomLines(original, random, 1), 'pasted line');
        case 6:
            return insert(lineStart(text, at), randomLines(original, random, random.int(2, 12)), 'pasted block');
        case 7:
            return insert(at, random.pick(STRANGE_CHARACTERS), 'code point');
        case 8: {
            const newline = text.indexOf('\n', at);
            return newline >= 0 && text[newline - 1] !== '\r'
                ? { start: newline, end: newline + 1, text: '\r\n', kind: 'CRLF' }
                : insert(at, '\r\n', 'CRLF');
        }
        default: {
            // A typo: one character replaced by a letter.
            const end = Math.min(text.length, at + 1);
            return { start: at, end, text: String.fromCharCode(random.int(97, 122)), kind: 'typo' };
        }
    }
}

function insert(at: number, text: string, kind: string): TextEdit {
    return { start: at, end: at, text, kind };
}

function spaced(token: string, random: Random): string {
    return random.chance(0.7) ? ` ${token} ` : token;
}

function lineStart(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

/** `count` consecutive lines of the original text, with their line ends. */
function randomLines(original: string, random: Random, count: number): string {
    const lines = original.split(/(?<=\n)/);
    const first = random.int(0, Math.max(0, lines.length - 1));
    const block = lines.slice(first, first + count).join('');
    return block.endsWith('\n') ? block : `${block}\n`;
}
