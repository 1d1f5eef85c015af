import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVEL, DiagnosticCode } from '../../../src/language/diagnostic-codes.js';
import { severityName } from '../../../src/protocol/diagnostic-severity.js';
import { createTestServices, validate } from '../../helpers/services.js';

const reference = readFileSync(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');
const LEVEL_OF_SECTION: Record<string, string> = { Errors: 'error', Warnings: 'warning', Information: 'info', Hints: 'hint' };

/** The codes in each section's table ("## Errors", "## Warnings", "## Information"). */
function documentedLevels(): Record<string, string> {
    const levels: Record<string, string> = {};
    for (const section of reference.split(/^## /m).slice(1)) {
        const level = LEVEL_OF_SECTION[section.split('\n')[0].trim()];
        for (const [, code] of section.matchAll(/^\| `(journey\.[a-z-]+)` \|/gm)) levels[code] = level;
    }
    return levels;
}

describe('docs/diagnostics.md', () => {
    it('documents every diagnostic code, and only those', () => {
        const documented = [...reference.matchAll(/^\| `(journey\.[a-z-]+)` \|/gm)].map((match) => match[1]);
        expect(documented.sort()).toEqual(Object.values(DiagnosticCode).sort());
    });

    it('lists each code under the level it is reported at by default', () => {
        expect(documentedLevels()).toEqual(DEFAULT_LEVEL);
    });
});

describe('default levels', () => {
    it('every diagnostic of the examples and test fixtures is reported at its code’s default level', async () => {
        const files = [
            'examples/b2b-saas/saas.journey', 'examples/support-heavy/support.journey', 'test/fixtures/language-reference.journey',
            ...['test/fixtures/broken', 'test/fixtures/syntax-errors'].flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.journey')).map((name) => `${folder}/${name}`)),
        ];
        const seen = new Set<string>();
        for (const file of files) {
            const document = await validate(readFileSync(file, 'utf8'), createTestServices());
            for (const diagnostic of document.diagnostics ?? []) {
                const code = String(diagnostic.code);
                seen.add(code);
                expect(severityName(diagnostic.severity), `${file}: ${code}`).toBe(DEFAULT_LEVEL[code as DiagnosticCode]);
            }
        }
        // The check must have seen the levels, not passed on an empty list.
        expect(new Set([...seen].map((code) => DEFAULT_LEVEL[code as DiagnosticCode]))).toEqual(new Set(['error', 'warning', 'info']));
    });
});
