/**
 * Diagnostic severities: LSP's numbers, as the language server sends them
 * (vscode-languageserver's `DiagnosticSeverity` has the same values;
 * test/protocol/diagnostic-severity.test.ts checks it, since this folder
 * imports no library), and the words the CLI prints for them.
 */

export const DiagnosticSeverity = {
    Error: 1,
    Warning: 2,
    Information: 3,
    Hint: 4,
} as const;
export type DiagnosticSeverity = (typeof DiagnosticSeverity)[keyof typeof DiagnosticSeverity];

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';
/** Most severe first: the order of the CLI's summary. */
export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'info', 'hint'];

const NAME_OF: Record<DiagnosticSeverity, SeverityName> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

/** The word for a severity; an absent (or unknown) one counts as an error. */
export function severityName(severity: number | undefined): SeverityName {
    return NAME_OF[(severity ?? DiagnosticSeverity.Error) as DiagnosticSeverity] ?? 'error';
}

/** The severity a word names (the inverse of severityName). */
export function severityOf(name: SeverityName): DiagnosticSeverity {
    return (Object.keys(NAME_OF).map(Number) as DiagnosticSeverity[]).find((severity) => NAME_OF[severity] === name)!;
}
