import type { Diagnostic } from 'vscode-languageserver';
import type { RuleSetting } from '../projects/project-settings.js';
import { severityOf } from '../../protocol/diagnostic-severity.js';

/**
 * The levels a project gives its rules (its project file's `rules`), applied
 * to a document's diagnostics: a rule set to `off` is dropped, any other
 * setting replaces the rule's severity. Which codes may be set is decided
 * when the project file is read (project-settings.ts), so every code here is
 * one a project may change.
 */
export function withRuleLevels(diagnostics: Diagnostic[], rules: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
    if (Object.keys(rules).length === 0) return diagnostics;
    return diagnostics.flatMap((diagnostic) => {
        const setting = typeof diagnostic.code === 'string' ? rules[diagnostic.code] : undefined;
        if (setting === undefined) return [diagnostic];
        return setting === 'off' ? [] : [{ ...diagnostic, severity: severityOf(setting) }];
    });
}
