import { join } from 'node:path';

/** The repository root, wherever the test file that asks sits. */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** A path under test/fixtures. */
export function fixturePath(...segments: string[]): string {
    return join(REPO_ROOT, 'test', 'fixtures', ...segments);
}
