// The workspace the end-to-end tests open: a fresh copy of examples/, so that
// nothing a test types or renames lands in the real files.
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function prepareWorkspace(root, target) {
    cpSync(sourceOf(root), target, { recursive: true });
    mkdirSync(path.join(target, '.vscode'), { recursive: true });
    writeFileSync(path.join(target, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }, null, 2));
    return target;
}

// Until examples/ holds maps (issue 2), the tests run on a small two-file workspace of their own.
function sourceOf(root) {
    const examples = path.join(root, 'examples');
    const hasMaps = existsSync(examples) && readdirSync(examples, { recursive: true }).some((name) => String(name).endsWith('.journey'));
    return hasMaps ? examples : path.join(root, 'test', 'e2e', 'fixture-workspace');
}
