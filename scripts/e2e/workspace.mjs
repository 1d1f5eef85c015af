// The workspace the end-to-end tests open: a fresh copy of the multi-file
// example (teams and segments in shared/, maps in journeys/), so that nothing a
// test types or renames lands in the real files. One example only: every
// folder of examples/ is a workspace of its own, and their teams would clash.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function prepareWorkspace(root, target) {
    cpSync(path.join(root, 'examples', 'workspace'), target, { recursive: true });
    mkdirSync(path.join(target, '.vscode'), { recursive: true });
    writeFileSync(path.join(target, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }, null, 2));
    return target;
}
