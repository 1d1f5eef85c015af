/**
 * `journey.validation.scope`: with `workspace` (the default) the Problems
 * panel lists the problems of every .journey file the server has loaded,
 * opened or not; with `openFiles`, of open files only. Every file is still
 * loaded and validated either way (references resolve against the whole
 * project); the setting only decides whose diagnostics are published.
 * Langium publishes diagnostics after every build; this wraps the
 * connection's sendDiagnostics, remembers the latest per file, and withholds
 * (or, when the setting changes, withdraws and restores) those of closed files.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { isValidationScope, LANGUAGE_ID, VALIDATION_SETTING_DEFAULTS, type ValidationScope } from '../protocol/contributions.js';

export function publishDiagnosticsInScope(connection: Connection, shared: LangiumSharedServices): void {
    let scope: ValidationScope = VALIDATION_SETTING_DEFAULTS.scope;
    const latest = new Map<string, Diagnostic[]>();
    const isOpen = (uri: string) => shared.workspace.TextDocuments.get(uri) !== undefined;
    const publish = connection.sendDiagnostics.bind(connection);

    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        if (params.diagnostics.length > 0) latest.set(params.uri, params.diagnostics);
        else latest.delete(params.uri);
        // Project files (journeys.json) are not .journey documents: their problems always show.
        if (scope === 'openFiles' && params.uri.endsWith('.journey') && !isOpen(params.uri)) return publish({ uri: params.uri, diagnostics: [] });
        return publish(params);
    };

    const apply = (next: ValidationScope) => {
        if (next === scope) return;
        scope = next;
        for (const [uri, diagnostics] of latest) {
            if (uri.endsWith('.journey') && !isOpen(uri)) void publish({ uri, diagnostics: scope === 'workspace' ? diagnostics : [] });
        }
    };
    const scopeIn = (section: unknown): ValidationScope => {
        const value = (section as { validation?: { scope?: unknown } } | undefined)?.validation?.scope;
        return isValidationScope(value) ? value : VALIDATION_SETTING_DEFAULTS.scope;
    };

    const configuration = shared.workspace.ConfigurationProvider;
    configuration.onConfigurationSectionUpdate(({ section, configuration: settings }) => {
        if (section === LANGUAGE_ID) apply(scopeIn(settings));
    });
    void configuration.getConfiguration(LANGUAGE_ID, 'validation').then((validation: unknown) => apply(scopeIn({ validation })));
    // A file closed while only open files count: its problems leave the panel.
    shared.workspace.TextDocuments.onDidClose(({ document }) => {
        if (scope === 'openFiles') void publish({ uri: document.uri, diagnostics: [] });
    });
}
