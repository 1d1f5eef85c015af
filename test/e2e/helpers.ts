// What the end-to-end tests share: the workspace (a copy of examples/), waiting
// for the language server, and finding the cross-file references the examples hold.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'journey-maps.journey-maps';

export async function journeyFiles(): Promise<vscode.Uri[]> {
    const files = await vscode.workspace.findFiles('**/*.journey');
    assert.ok(files.length > 0, 'the test workspace holds no .journey file');
    return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Opens a .journey file in an editor and waits until the extension is active. */
export async function openJourney(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test window`);
    await waitFor(() => extension.isActive, 'the extension to activate');
    return editor;
}

/** Polls until `probe` returns a value that passes `done`; the language server answers only once it has built the workspace. */
export async function waitFor<T>(probe: () => T | Thenable<T>, what: string, done: (value: T) => boolean = Boolean, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (done(value)) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

/** Throws away every unsaved change, so that one test's edits never reach the next. */
export async function revertAll(): Promise<void> {
    for (const document of vscode.workspace.textDocuments.filter((doc) => doc.isDirty)) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    }
}

export interface Declaration {
    name: string;
    uri: vscode.Uri;
    /** The range of the declared name. */
    range: vscode.Range;
}

/** Every `team NAME` of the workspace. */
export async function teamDeclarations(): Promise<Declaration[]> {
    return declarationsOf('team');
}

export async function declarationsOf(keyword: 'team' | 'segment'): Promise<Declaration[]> {
    const found: Declaration[] = [];
    for (const uri of await journeyFiles()) {
        const document = await vscode.workspace.openTextDocument(uri);
        for (const match of document.getText().matchAll(new RegExp(`^\\s*${keyword}\\s+([A-Za-z_]\\w*)`, 'gm'))) {
            const start = document.positionAt(match.index + match[0].length - match[1].length);
            found.push({ name: match[1], uri, range: new vscode.Range(start, start.translate(0, match[1].length)) });
        }
    }
    return found;
}

export interface CrossFileUse {
    team: Declaration;
    /** A file other than the team's own that names it as `owner`. */
    uri: vscode.Uri;
    /** The range of the team's name after `owner`. */
    range: vscode.Range;
}

/** An `owner NAME` whose team is declared in another file: the case that needs workspace-wide linking. */
export async function crossFileOwner(): Promise<CrossFileUse> {
    const teams = await teamDeclarations();
    for (const uri of await journeyFiles()) {
        const document = await vscode.workspace.openTextDocument(uri);
        for (const match of document.getText().matchAll(/\bowner\s+([A-Za-z_]\w*)/g)) {
            const team = teams.find((candidate) => candidate.name === match[1] && candidate.uri.toString() !== uri.toString());
            if (!team) continue;
            const start = document.positionAt(match.index + match[0].length - match[1].length);
            return { team, uri, range: new vscode.Range(start, start.translate(0, match[1].length)) };
        }
    }
    assert.fail('no example names as `owner` a team declared in another file');
}

/** Definition results come as Location or LocationLink; both name a file and the declaration's range. */
export function targetOf(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
    return 'targetUri' in location
        ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange }
        : { uri: location.uri, range: location.range };
}
