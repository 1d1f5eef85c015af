import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

export const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** A diagnostic as a user sees it: its code, severity, the text it underlines and its message. */
export interface Finding {
    code: string | number | undefined;
    severity: keyof typeof SEVERITY | undefined;
    text: string;
    message: string;
}

function toFinding(document: LangiumDocument, diagnostic: Diagnostic): Finding {
    const severity = (Object.keys(SEVERITY) as Array<keyof typeof SEVERITY>).find((key) => SEVERITY[key] === diagnostic.severity);
    return {
        code: diagnostic.code,
        severity,
        text: document.textDocument.getText(diagnostic.range),
        message: diagnostic.message,
    };
}

export function findings(document: LangiumDocument, code?: string): Finding[] {
    return (document.diagnostics ?? [])
        .filter((diagnostic) => code === undefined || diagnostic.code === code)
        .map((diagnostic) => toFinding(document, diagnostic));
}

export function codes(document: LangiumDocument): Array<string | number | undefined> {
    return (document.diagnostics ?? []).map((diagnostic) => diagnostic.code);
}
