/**
 * The change list as JSON, for tools: a versioned document (docs/diff.md
 * describes it). Fields are added in later versions, never renamed or
 * removed within one.
 */
import type { WorkspaceDiff } from '../../model/diff/changes.js';

export const DIFF_JSON_VERSION = 1;

export function diffToJson(diff: WorkspaceDiff, labels: { before: string; after: string }): string {
    const warnings = diff.changes.filter((change) => change.level === 'warning').length;
    const document = {
        format: 'journey-maps/diff',
        version: DIFF_JSON_VERSION,
        base: labels.before,
        head: labels.after,
        summary: { changes: diff.changes.length, warnings, info: diff.changes.length - warnings },
        journeys: diff.journeys,
        changes: diff.changes,
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}
