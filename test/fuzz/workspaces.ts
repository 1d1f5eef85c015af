import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';

/** A folder someone would open in VS Code: its .journey files, relative to it. */
export interface FuzzWorkspace {
    name: string;
    root: string;
    files: string[];
}

/**
 * Every example and every fixture, as the workspaces they are written for:
 * each folder under examples/ and test/fixtures/ is one, each loose fixture
 * file its own. They are copied to a temporary folder so that the server sees
 * only them (two examples declaring the same team are not a conflict).
 */
export function fuzzWorkspaces(): FuzzWorkspace[] {
    const workspaces: FuzzWorkspace[] = [];
    for (const parent of ['examples', join('test', 'fixtures')]) {
        const folder = join(REPO_ROOT, parent);
        for (const entry of readdirSync(folder).sort()) {
            const path = join(folder, entry);
            if (statSync(path).isDirectory()) {
                const files = journeyFiles(path);
                if (files.length > 0) workspaces.push({ name: join(parent, entry), root: path, files });
            } else if (entry.endsWith('.journey')) {
                workspaces.push({ name: join(parent, entry), root: folder, files: [entry] });
            }
        }
    }
    return workspaces;
}

/** A copy of the workspace's files in a new temporary folder. */
export function copyWorkspace(workspace: FuzzWorkspace): string {
    const copy = mkdtempSync(join(tmpdir(), 'journey-fuzz-'));
    for (const file of workspace.files) {
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        copyFileSync(join(workspace.root, file), join(copy, file));
    }
    return copy;
}

function journeyFiles(folder: string): string[] {
    const found: string[] = [];
    const walk = (path: string) => {
        for (const entry of readdirSync(path).sort()) {
            const child = join(path, entry);
            if (statSync(child).isDirectory()) walk(child);
            else if (entry.endsWith('.journey')) found.push(relative(folder, child));
        }
    };
    walk(folder);
    return found;
}
