/**
 * The ids VS Code knows the extension by: commands (declared in package.json's
 * `contributes`, registered by the extension, invoked by the language
 * server's code lens) and the context keys package.json's `when` clauses read.
 * test/protocol/commands.test.ts checks package.json against this file.
 */

export const Command = {
    OpenPreview: 'journey.openPreview',
    OpenPreviewToSide: 'journey.openPreviewToSide',
    TogglePreviewLock: 'journey.togglePreviewLock',
} as const;
export type CommandId = (typeof Command)[keyof typeof Command];

export const ContextKey = {
    /** True while at least one preview is open: Toggle Preview Lock is offered only then. */
    PreviewOpen: 'journey.previewOpen',
} as const;
