// What the extension lets the end-to-end tests see of its previews (its
// exports' `preview`): which file each shows, what it last drew, and the
// element ids the webview rendered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers.js';

export interface PreviewInspection {
    documentUri: string;
    settings: { locked: boolean };
    lastResult?: 'diagram' | 'errors' | 'empty';
    svg?: string;
    renderedIds: string[];
}

export interface PreviewApi {
    inspect(): PreviewInspection | undefined;
    inspectAll(): PreviewInspection[];
    receive(message: unknown): Promise<void>;
}

export function preview(): PreviewApi {
    const api = vscode.extensions.getExtension<{ preview: PreviewApi }>(EXTENSION_ID)?.exports;
    assert.ok(api?.preview, 'the extension exposes its preview');
    return api.preview;
}

/** Waits until the active preview's state passes `done`. */
export async function drawn(what: string, done: (state: PreviewInspection) => boolean): Promise<PreviewInspection> {
    const state = await waitFor(() => preview().inspect(), what, (found) => found !== undefined && done(found));
    return state as PreviewInspection;
}
