/**
 * The change list as Markdown, for a pull request: per journey, a table of its
 * changes with the warnings first. Every piece of user text is escaped.
 */
import type { ModelChange, WorkspaceDiff } from '../../model/diff/changes.js';
import { changeSummary, groupChanges, plural, type JourneyGroup } from './diff-groups.js';
import { escapeMarkdownInline as markdownText } from '../../language/markdown.js';

const LEVEL_ICONS: Record<ModelChange['level'], string> = { warning: '⚠️', info: '' };

/** The Markdown table of some changes, warnings first (stable otherwise: map order). */
export function changeTable(changes: readonly ModelChange[]): string {
    const ordered = [...changes].sort((a, b) => Number(b.level === 'warning') - Number(a.level === 'warning'));
    return [
        '| | change | code |',
        '|---|---|---|',
        ...ordered.map((change) => `| ${LEVEL_ICONS[change.level]} | ${markdownText(change.message)} | \`${change.code.replace('journey.diff.', '')}\` |`),
    ].join('\n');
}

export function journeyHeading(group: JourneyGroup): string {
    const { journey } = group;
    const status = journey.status === 'added' ? ' (new)' : journey.status === 'removed' ? ' (removed)' : '';
    const warnings = group.warnings > 0 ? `, ${plural(group.warnings, 'warning')}` : '';
    return `${markdownText(journey.title)} (\`${journey.name}\`)${status} — ${plural(group.count, 'change')}${warnings}`;
}

export function diffToMarkdown(diff: WorkspaceDiff, labels: { before: string; after: string }): string {
    if (diff.changes.length === 0) {
        return `No semantic changes (${markdownText(labels.before)} → ${markdownText(labels.after)}).\n`;
    }
    const grouped = groupChanges(diff);
    const sections = [`**${changeSummary(diff)}** (${markdownText(labels.before)} → ${markdownText(labels.after)})`];
    if (grouped.shared.length > 0) {
        sections.push('### Teams and segments', changeTable(grouped.shared));
    }
    for (const group of grouped.journeys) {
        sections.push(`### ${journeyHeading(group)}`, changeTable(group.groups.flatMap((stage) => stage.changes)));
    }
    return `${sections.join('\n\n')}\n`;
}
