/**
 * The change list as text for a terminal or a CI log: one line per change,
 * under its journey and stage, marked like a diff (+ added, - removed,
 * > renamed or moved, ~ changed, ! a reviewer should look). Colour only on a
 * terminal, and never when NO_COLOR is set.
 */
import type { ModelChange, WorkspaceDiff } from '../../model/diff/changes.js';
import { changeMark, changeSummary, groupChanges } from './diff-groups.js';

export interface TextStyle {
    color: boolean;
}

const COLORS: Record<string, string> = { '+': '32', '-': '31', '!': '33', '>': '36', '~': '0', header: '1' };

export function diffToText(diff: WorkspaceDiff, labels: { before: string; after: string }, style: TextStyle): string {
    if (diff.changes.length === 0) {
        return `No semantic changes (${labels.before} → ${labels.after}).\n`;
    }
    const paint = (kind: string, text: string) => (style.color && COLORS[kind] !== '0' ? `\u001b[${COLORS[kind]}m${text}\u001b[0m` : text);
    const line = (indent: string, change: ModelChange) => {
        const mark = changeMark(change);
        const code = change.level === 'warning' ? `  [${change.code}]` : '';
        return `${indent}${paint(mark, `${mark} ${change.message}`)}${code}`;
    };
    const grouped = groupChanges(diff);
    const lines: string[] = [];
    if (grouped.shared.length > 0) {
        lines.push(paint('header', 'teams and segments'), ...grouped.shared.map((change) => line('  ', change)));
    }
    for (const { journey, groups } of grouped.journeys) {
        lines.push(paint('header', `journey ${journey.name}${journey.title === journey.name ? '' : ` "${journey.title}"`}`));
        for (const group of groups) {
            if (group.stage === undefined) {
                lines.push(...group.changes.map((change) => line('  ', change)));
            } else {
                lines.push(`  stage ${group.stage}${group.title && group.title !== group.stage ? ` "${group.title}"` : ''}`);
                lines.push(...group.changes.map((change) => line('    ', change)));
            }
        }
    }
    lines.push('', `${changeSummary(diff)} (${labels.before} → ${labels.after})`);
    return `${lines.join('\n')}\n`;
}

/** Colour when writing to a terminal, unless NO_COLOR says otherwise (https://no-color.org). */
export function wantsColor(isTerminal: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
    return isTerminal && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
