import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticCode } from '../../../src/language/diagnostic-codes.js';

const reference = readFileSync(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');

describe('docs/diagnostics.md', () => {
    it('documents every diagnostic code, and only those', () => {
        const documented = [...reference.matchAll(/^\| `(journey\.[a-z-]+)` \|/gm)].map((match) => match[1]);
        expect(documented.sort()).toEqual(Object.values(DiagnosticCode).sort());
    });
});
