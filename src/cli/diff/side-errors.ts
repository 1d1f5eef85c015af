/**
 * A side that does not parse is never compared: half a model would report
 * everything after the error as removed. Its syntax errors are listed instead,
 * named by the side they belong to.
 */
import { DiagnosticCode } from '../../language/diagnostic-codes.js';
import { diagnosticLine, reportedDiagnostics } from '../diagnostic-report.js';
import type { LoadedSide } from './load-side.js';

/** The syntax errors of either side as printable lines, or undefined when both parse. */
export function sideErrors(sides: { before: LoadedSide; after: LoadedSide }): string | undefined {
    const lines = [sides.before, sides.after].flatMap((side) => {
        const errors = reportedDiagnostics(side.diagnostics).filter((d) => d.code === DiagnosticCode.SyntaxError);
        if (errors.length === 0) return [];
        return [`${side.label} has syntax errors; nothing was compared:`, ...errors.map((error) => `  ${diagnosticLine(error)}`)];
    });
    return lines.length > 0 ? lines.join('\n') : undefined;
}
