import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity as LspSeverity } from 'vscode-languageserver';
import { DiagnosticSeverity, SEVERITY_NAMES, severityName } from '../../src/protocol/diagnostic-severity.js';

describe('diagnostic severities', () => {
    it("are LSP's numbers", () => {
        expect(DiagnosticSeverity).toEqual({
            Error: LspSeverity.Error,
            Warning: LspSeverity.Warning,
            Information: LspSeverity.Information,
            Hint: LspSeverity.Hint,
        });
    });

    it('have one word each, an absent or unknown severity counting as an error', () => {
        expect([1, 2, 3, 4].map(severityName)).toEqual(SEVERITY_NAMES);
        expect(SEVERITY_NAMES).toEqual(['error', 'warning', 'info', 'hint']);
        expect(severityName(undefined)).toBe('error');
        expect(severityName(7)).toBe('error');
    });
});
