// The README's tour is the first map a new user copies: it must be valid.
import { readFileSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { validate } from '../helpers/services.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const journeyBlocks = [...readme.matchAll(/```journey\n([\s\S]*?)```/g)].map((match) => match[1]);

describe('README', () => {
    it('has a journey example', () => {
        expect(journeyBlocks.length).toBeGreaterThan(0);
    });

    it.each(journeyBlocks.map((block, index) => [index, block]))('journey example %i has no errors and no warnings', async (_index, block) => {
        const document = await validate(block);
        const problems = (document.diagnostics ?? [])
            .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error || diagnostic.severity === DiagnosticSeverity.Warning)
            .map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.code} ${diagnostic.message}`);
        expect(problems).toEqual([]);
    });
});
