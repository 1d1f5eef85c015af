/**
 * What package.json's `contributes` declares and the code refers to by name:
 * the language id, the commands (registered by the extension, invoked by the
 * language server's code lens), the context keys `when` clauses read, and the
 * preview's settings with their defaults. test/protocol/contributions.test.ts
 * checks package.json against this file.
 */
import type { Audience } from './audience.js';

export const LANGUAGE_ID = 'journey';

export const Command = {
    OpenPreview: 'journey.openPreview',
    OpenPreviewToSide: 'journey.openPreviewToSide',
    TogglePreviewLock: 'journey.togglePreviewLock',
    CompareWithHead: 'journey.compareWithHead',
    CompareWith: 'journey.compareWith',
    OpenAgenda: 'journey.openAgenda',
} as const;
export type CommandId = (typeof Command)[keyof typeof Command];

export const ContextKey = {
    /** True while at least one preview is open: Toggle Preview Lock is offered only then. */
    PreviewOpen: 'journey.previewOpen',
} as const;

/** The settings `journey.preview.<key>`, with the defaults package.json declares. */
export const PREVIEW_SETTINGS_SECTION = 'journey.preview';
export const PREVIEW_SETTING_DEFAULTS: { updateDelay: number; defaultAudience: Audience; syncCursor: boolean } = {
    /** Milliseconds between a change and the redraw. */
    updateDelay: 100,
    defaultAudience: 'internal',
    syncCursor: true,
};

/** `journey.validation.scope`: problems of every .journey file of the workspace's projects, or of open files only. */
export const VALIDATION_SCOPES = ['workspace', 'openFiles'] as const;
export type ValidationScope = (typeof VALIDATION_SCOPES)[number];
export const VALIDATION_SETTINGS_SECTION = 'journey.validation';
export const VALIDATION_SETTING_DEFAULTS: { scope: ValidationScope } = {
    scope: 'workspace',
};

export function isValidationScope(value: unknown): value is ValidationScope {
    return (VALIDATION_SCOPES as readonly unknown[]).includes(value);
}
