/**
 * `--workspace DIR`: the files a command checks or draws are resolved together
 * with every .journey file under DIR, as the editor resolves them against the
 * open folder. Shared teams and segments often live beside, not below, the
 * files a command names.
 */
import { DiagnosticCode } from '../language/diagnostic-codes.js';
import type { OptionSpec } from './command.js';
import type { ReportedDiagnostic } from './diagnostic-report.js';

export function workspaceOption(defaultRoot: string): OptionSpec {
    return {
        type: 'string',
        value: 'DIR',
        description: `resolve references against the .journey files under DIR (default: ${defaultRoot})`,
    };
}

/** A hint for unresolved names when no workspace was named: they may be declared in a file that was not read. */
export function workspaceHint(diagnostics: readonly ReportedDiagnostic[], workspace: string | undefined, whatWasRead: string): string | undefined {
    const unresolved = diagnostics.some((d) => d.severity === 'error' && d.code === DiagnosticCode.UnresolvedReference);
    return unresolved && workspace === undefined
        ? `hint: only ${whatWasRead} were read; if the missing names are declared elsewhere, name the root of the workspace with --workspace DIR`
        : undefined;
}
