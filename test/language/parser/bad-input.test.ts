import * as fs from 'node:fs';
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { validate } from '../../helpers/services.js';
import { TestWorkspace } from '../../helpers/workspace.js';

/*
 * Any text yields diagnostics, never an exception nor a hang. Each test states a
 * time bound far above what it takes (the machine may be busy), but far below a hang.
 */

const SAAS = fs.readFileSync(new URL('../../../examples/b2b-saas/saas.journey', import.meta.url), 'utf8');

/** Chevrotain's own wording, which a user should never see. */
const PARSER_JARGON = /Expecting|token of type|EOF|->|skipped \d+ characters|\u200B/;

async function timedValidate(text: string): Promise<{ document: LangiumDocument; ms: number }> {
    const start = performance.now();
    const document = await validate(text);
    return { document, ms: performance.now() - start };
}

function syntaxErrors(document: LangiumDocument) {
    return (document.diagnostics ?? []).filter((d) => d.code === 'journey.syntax-error');
}

function expectWordedSyntaxErrors(document: LangiumDocument) {
    const errors = syntaxErrors(document);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
        expect(error.message).not.toMatch(PARSER_JARGON);
        expect(error.severity).toBe(1);
    }
    return errors;
}

/** Deterministic pseudo-random numbers, so that a failure can be reproduced. */
function random(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('empty and blank files', () => {
    it('an empty file has no errors', async () => {
        const { document } = await timedValidate('');
        expect(syntaxErrors(document)).toEqual([]);
    });

    it('a file of only whitespace and comments has no errors', async () => {
        const { document } = await timedValidate('\n\n   // nothing yet\n/* still\nnothing */\n\t\r\n');
        expect(syntaxErrors(document)).toEqual([]);
    });
});

describe('half-typed constructs', () => {
    it('every prefix of a real map, as it is typed, gets worded diagnostics and no exception', async () => {
        const workspace = new TestWorkspace();
        const cuts = new Set<number>();
        for (let offset = 0; offset < SAAS.length; offset += 37) cuts.add(offset);
        for (const match of SAAS.matchAll(/\{|\}|\n/g)) if (match.index % 5 === 0) cuts.add(match.index + 1);
        let prefixesWithErrors = 0;
        const start = performance.now();
        for (const cut of [...cuts].sort((a, b) => a - b)) {
            await workspace.write({ 'map.journey': SAAS.slice(0, cut) });
            const errors = syntaxErrors(workspace.document('map.journey'));
            for (const error of errors) {
                expect(error.message, `cut at ${cut}`).not.toMatch(PARSER_JARGON);
            }
            if (errors.length > 0) prefixesWithErrors++;
        }
        // Most cuts leave a block open; the few that do not (between two top-level declarations) parse cleanly.
        expect(prefixesWithErrors).toBeGreaterThan(cuts.size * 0.8);
        expect(performance.now() - start).toBeLessThan(120_000);
    }, 180_000);

    it('the classic half-typed line', async () => {
        const { document } = await timedValidate('journey j { stage s { touchpoint');
        expect(expectWordedSyntaxErrors(document).map((d) => d.message)).toEqual([
            "expected a touchpoint name after 'touchpoint'",
        ]);
    });
});

describe('unbalanced and deeply nested braces', () => {
    it('100,000 opening braces', async () => {
        const { document, ms } = await timedValidate('journey j { ' + '{'.repeat(100_000));
        expectWordedSyntaxErrors(document);
        expect(ms).toBeLessThan(60_000);
    }, 120_000);

    it('100,000 closing braces', async () => {
        const { document, ms } = await timedValidate('}'.repeat(100_000));
        expect(expectWordedSyntaxErrors(document).map((d) => d.message)).toEqual([
            "unexpected '}': there is no open '{' for it to close; remove this '}'",
        ]);
        expect(ms).toBeLessThan(60_000);
    }, 120_000);

    it('20,000 blocks opened inside one another, never closed', async () => {
        const { document, ms } = await timedValidate('journey j { stage s { touchpoint t { '.repeat(20_000));
        const errors = expectWordedSyntaxErrors(document);
        expect(errors.length).toBeLessThanOrEqual(2);
        expect(errors.at(-1)!.message).toMatch(/^too many syntax errors: the rest of the file after line 1 is not checked$/);
        expect(ms).toBeLessThan(60_000);
    }, 120_000);
});

describe('garbage', () => {
    it('binary data (with NUL bytes) is one error that says so', async () => {
        const next = random(1);
        const bytes = Array.from({ length: 200_000 }, () => String.fromCharCode(Math.floor(next() * 256))).join('');
        const { document, ms } = await timedValidate('journey j {' + '\u0000' + bytes);
        expect(expectWordedSyntaxErrors(document).map((d) => d.message)).toEqual([
            'this is binary data, not .journey text: it contains a NUL character (U+0000) at line 1',
        ]);
        expect(ms).toBeLessThan(30_000);
    }, 60_000);

    it('random characters without NUL: a bounded number of diagnostics, the last one summing up', async () => {
        const next = random(2);
        const text = Array.from({ length: 300_000 }, () => String.fromCharCode(1 + Math.floor(next() * 0x2fff))).join('');
        const { document, ms } = await timedValidate(text);
        const errors = expectWordedSyntaxErrors(document);
        expect(errors.length).toBeLessThanOrEqual(103);
        expect(errors.some((d) => /more unexpected characters not listed/.test(d.message))).toBe(true);
        expect(ms).toBeLessThan(60_000);
    }, 120_000);

    it('a soup of the language\'s own tokens (once a stack overflow in recovery)', async () => {
        const next = random(3);
        const words = ['journey', 'stage', '{', '}', 'touchpoint', 'x', '"s"', '2026-01-01', 'next', ',', '12', '%', '>=', 'severity', 'high', 'owner', '\n'];
        const text = Array.from({ length: 200_000 }, () => words[Math.floor(next() * words.length)]).join(' ');
        const { document, ms } = await timedValidate(text);
        expect(expectWordedSyntaxErrors(document).length).toBeLessThanOrEqual(51);
        expect(ms).toBeLessThan(60_000);
    }, 120_000);

    it('a megabyte of broken lines with unterminated strings (once a stack overflow in recovery)', async () => {
        const text = 'journey { stage } touchpoint ] § "unterminated\n'.repeat(22_000);
        const { document, ms } = await timedValidate(text);
        const errors = expectWordedSyntaxErrors(document);
        expect(errors.length).toBeLessThanOrEqual(103);
        expect(ms).toBeLessThan(60_000);
    }, 120_000);
});

describe('size', () => {
    it('a 100,000-character line', async () => {
        const line = 'journey j { reviewed 2026-11-01 stage s { ' + 'touchpoint t "T" { emotion 1 } '.repeat(3_300) + '} }';
        expect(line.length).toBeGreaterThan(100_000);
        const { document, ms } = await timedValidate(line);
        // 3,300 touchpoints named t: the validator reports the duplicates; the parser has nothing to say.
        expect(syntaxErrors(document)).toEqual([]);
        expect((document.diagnostics ?? []).some((d) => d.code === 'journey.duplicate-name')).toBe(true);
        expect(ms).toBeLessThan(60_000);
    }, 120_000);

    it('a 5 MB file with a few mistakes in it reports them', async () => {
        const parts = ['team cs\nsegment enterprise\n'];
        let size = parts[0].length;
        for (let i = 0; size < 5_000_000; i++) {
            const mistake = i === 1000 ? 'severity huge' : i === 20_000 ? 'severity' : 'severity low';
            const part = `journey j${i} "Journey ${i}" {\n  owner cs\n  reviewed 2026-10-15\n  stage s${i} "Stage" {\n`
                + `    touchpoint t${i} "Touch" { channel web  owner cs  emotion 1  for enterprise }\n`
                + `    painpoint p${i} { at t${i}  ${mistake} }\n  }\n}\n`;
            parts.push(part);
            size += part.length;
        }
        const text = parts.join('');
        const { document, ms } = await timedValidate(text);
        expect(expectWordedSyntaxErrors(document).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([
            `${2 + 1000 * 8 + 6}: expected one of low, medium, high, critical after 'severity', found 'huge'`,
            `${2 + 20_000 * 8 + 6}: expected one of low, medium, high, critical after 'severity'`,
        ]);
        expect(ms).toBeLessThan(240_000);
    }, 300_000);
});

describe('unicode', () => {
    it('titles in any script, with emoji and direction marks, are fine', async () => {
        const { document } = await timedValidate(
            'journey j "مرحبا שלום 🎉 👩‍👩‍👧 \u202Eevil\u202C" {\n  reviewed 2026-11-01\n  stage s "Ünïcödé ✓" {\n    touchpoint t "絵文字 🚀" { emotion 1 }\n  }\n}\n',
        );
        expect(syntaxErrors(document)).toEqual([]);
    });

    it('a name in another script is an error that quotes the whole character', async () => {
        const { document } = await timedValidate('journey café { }\njourney 名前 { }\njourney 👩‍👩‍👧 { }');
        const messages = expectWordedSyntaxErrors(document).map((d) => d.message);
        expect(messages).toContain("unexpected character 'é'");
        expect(messages).toContain("unexpected characters '名前'");
        expect(messages).toContain("unexpected characters '👩' U+200D '👩' U+200D '👧'");
    });

    it('a byte order mark and Windows line ends are fine', async () => {
        const { document } = await timedValidate('\uFEFFjourney j {\r\n  reviewed 2026-11-01\r\n  stage s { touchpoint t }\r\n}\r\n');
        expect(syntaxErrors(document)).toEqual([]);
    });
});
