/**
 * `journey review`'s pull-request comment: a one-line summary, then per
 * changed journey its changes (warnings first), the net emotion per stage
 * before and after, the problems the change introduces, and a Mermaid map of
 * the journey with the changed steps marked. It stays under GitHub's comment
 * limit: long tables fold into <details>, and what does not fit is named in a
 * closing line instead of being cut mid-table.
 */
import type { JourneyDiff, ModelChange, StageEmotion, WorkspaceDiff } from '../../model/diff/changes.js';
import type { Journey } from '../../model/types.js';
import type { ReportedDiagnostic } from '../diagnostic-report.js';
import { changeTable, journeyHeading } from './diff-markdown.js';
import { groupChanges, plural, type JourneyGroup } from './diff-groups.js';
import { escapeMarkdownInline as markdownText } from '../../language/markdown.js';
import { journeyToMermaid } from './mermaid.js';

/** A workflow finds its earlier comment by this line and updates it instead of adding another. */
export const REVIEW_MARKER = '<!-- journey-maps-review -->';
/** GitHub refuses a comment longer than this many characters. */
export const COMMENT_LIMIT = 65_536;
/** A table longer than this folds into <details>. */
const FOLD_ROWS = 15;

export interface NewProblem extends ReportedDiagnostic {
    /** A journey declared in the problem's file, if any. */
    journey?: string;
}

export interface ReviewInput {
    diff: WorkspaceDiff;
    labels: { before: string; after: string };
    /** The new version's journeys, to draw. */
    journeys: readonly Journey[];
    /** Problems of the new version that the old one did not have, with the journey of their file. */
    newProblems: readonly NewProblem[];
    /** The compare map written for each journey (`journey review --compare-dir`), by journey name. */
    compareMaps?: ReadonlyMap<string, string>;
    /** Syntax errors that kept a side from being compared, as printable lines. */
    errors?: string;
    limit?: number;
}

export function reviewComment(input: ReviewInput): string {
    const limit = input.limit ?? COMMENT_LIMIT;
    const head = [REVIEW_MARKER, '## 🗺️ Journey map changes', ''];
    if (input.errors !== undefined) {
        return [...head, '**The maps could not be compared:** a side has syntax errors.', '', fenced(input.errors), ''].join('\n');
    }
    if (input.diff.changes.length === 0) {
        return [...head, `No map changes (${markdownText(input.labels.before)} → ${markdownText(input.labels.after)}).`, ''].join('\n');
    }
    const grouped = groupChanges(input.diff);
    head.push(`**${summaryLine(input.diff)}**`, '', `_${markdownText(input.labels.before)} → ${markdownText(input.labels.after)}_`, '');
    const sections: { text: string; changes: number }[] = [];
    if (grouped.shared.length > 0) {
        sections.push({ text: ['### Teams and segments', '', folded(grouped.shared), ''].join('\n'), changes: grouped.shared.length });
    }
    for (const group of grouped.journeys) {
        sections.push({ text: journeySection(group, input), changes: group.count });
    }
    const shown = new Set(grouped.journeys.map((group) => group.journey.name));
    const elsewhere = input.newProblems.filter((problem) => problem.journey === undefined || !shown.has(problem.journey));
    if (elsewhere.length > 0) {
        sections.push({ text: `${problemList(elsewhere)}\n`, changes: 0 });
    }
    return fitToLimit(head.join('\n'), sections, limit);
}

/** "2 journeys changed: 3 touchpoints added, 1 pain point removed, 2 changes to watch; net emotion of Onboarding −1 → +2". */
export function summaryLine(diff: WorkspaceDiff): string {
    const journeys = diff.journeys.filter((journey) => journey.status !== 'unchanged').length;
    const counts = new Map<string, number>();
    for (const change of diff.changes) {
        const key = countKey(change);
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const parts = [...counts].map(([key, count]) => {
        const [noun, verb] = key.split('|');
        return verb === '' ? plural(count, noun) : `${plural(count, noun)} ${verb}`;
    });
    const warnings = diff.changes.filter((change) => change.level === 'warning').length;
    if (warnings > 0) parts.push(`${plural(warnings, 'change')} to look at`);
    const emotions = netEmotionMoves(diff.journeys);
    const start = journeys > 0 ? `${plural(journeys, 'journey')} changed: ` : '';
    return `${start}${parts.join(', ')}${emotions ? `; ${emotions}` : ''}`;
}

const NOUNS: Record<string, string> = {
    team: 'team', segment: 'segment', journey: 'journey', stage: 'stage', touchpoint: 'touchpoint', painpoint: 'pain point',
    metric: 'metric', initiative: 'initiative', review: 'review', change: 'review change',
};

function countKey(change: ModelChange): string | undefined {
    const noun = NOUNS[change.element.kind];
    switch (change.code) {
        case 'journey.diff.added': return `${noun}|added`;
        case 'journey.diff.removed':
        case 'journey.diff.flow-target-removed':
        case 'journey.diff.unaddressed-painpoint-removed': return `${noun}|removed`;
        case 'journey.diff.renamed': return `${noun}|renamed`;
        case 'journey.diff.moved': return `${noun}|moved`;
        case 'journey.diff.initiative-done': return 'initiative|done';
        case 'journey.diff.net-emotion-changed':
        case 'journey.diff.net-emotion-dropped':
        case 'journey.diff.metric-now-met':
        case 'journey.diff.metric-now-missed':
        case 'journey.diff.painpoint-unaddressed':
        case 'journey.diff.initiative-past-due': return undefined;
        default: return 'property change|';
    }
}

/** "net emotion of Onboarding −1 → +2" for the stages whose net emotion moved most (at most three). */
function netEmotionMoves(journeys: readonly JourneyDiff[]): string {
    const moved = journeys.flatMap((journey) => journey.stageEmotions)
        .filter((stage): stage is Required<StageEmotion> => stage.before !== undefined && stage.after !== undefined && stage.before !== stage.after)
        .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before))
        .slice(0, 3);
    if (moved.length === 0) return '';
    return `net emotion of ${moved.map((stage) => `${markdownText(stage.title)} ${signed(stage.before)} → ${signed(stage.after)}`).join(', ')}`;
}

function signed(value: number): string {
    return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
}

function journeySection(group: JourneyGroup, input: ReviewInput): string {
    const changes = group.groups.flatMap((stage) => stage.changes);
    const lines = [`### ${journeyHeading(group)}`, ''];
    const compareMap = input.compareMaps?.get(group.journey.name);
    if (compareMap !== undefined) {
        lines.push(`**Compare map:** ${markdownText(compareMap)} (new, changed and removed cards marked on the map)`, '');
    }
    lines.push(folded(changes), '');
    if (group.journey.stageEmotions.some((stage) => stage.before !== stage.after)) {
        lines.push(emotionTable(group.journey.stageEmotions), '');
    }
    const problems = input.newProblems.filter((problem) => problem.journey === group.journey.name);
    if (problems.length > 0) {
        lines.push(problemList(problems), '');
    }
    const journey = input.journeys.find((candidate) => candidate.name === group.journey.name);
    if (journey) {
        lines.push(mapOf(journey, changes), '');
    }
    return lines.join('\n');
}

/** Net emotion per stage, with a bar so the curve reads at a glance. */
function emotionTable(stages: readonly StageEmotion[]): string {
    const cell = (value: number | undefined) => (value === undefined ? '—' : signed(value));
    const trend = (stage: StageEmotion) => {
        if (stage.before === undefined) return 'new';
        if (stage.after === undefined) return 'removed';
        const delta = stage.after - stage.before;
        return delta > 0 ? `▲ ${signed(delta)}` : delta < 0 ? `▼ ${signed(delta)}` : '';
    };
    return [
        '**Net emotion per stage**',
        '',
        '| stage | before | after | |',
        '|---|---|---|---|',
        ...stages.map((stage) => `| ${markdownText(stage.title)} | ${cell(stage.before)} | ${cell(stage.after)} | ${trend(stage)} |`),
    ].join('\n');
}

function problemList(problems: readonly ReportedDiagnostic[]): string {
    return [
        '**New problems**',
        '',
        ...problems.map((problem) => `- ${problem.severity === 'error' ? '❌' : '⚠️'} \`${markdownText(problem.file)}:${problem.line}\` ${markdownText(problem.message)} (\`${problem.code}\`)`),
    ].join('\n');
}

const MARKS: Partial<Record<ModelChange['code'], string>> = { 'journey.diff.added': '🆕', 'journey.diff.renamed': '✏️', 'journey.diff.moved': '↪️' };

/** The journey as Mermaid draws it, its added, changed and moved touchpoints marked. */
function mapOf(journey: Journey, changes: readonly ModelChange[]): string {
    const marks = new Map<string, string>();
    for (const change of changes) {
        if (change.element.kind !== 'touchpoint') continue;
        const mark = MARKS[change.code] ?? (change.level === 'warning' ? '⚠️' : '✏️');
        if (!marks.has(change.element.name)) marks.set(change.element.name, mark);
    }
    const diagram = journeyToMermaid(journey, marks).trimEnd();
    const fence = '```';
    return ['<details><summary>Map of the journey (🆕 added, ✏️ changed, ↪️ moved, ⚠️ to look at)</summary>', '', `${fence}mermaid`, diagram, fence, '', '</details>'].join('\n');
}

/** A table of changes, folded when long. */
function folded(changes: readonly ModelChange[]): string {
    const table = changeTable(changes);
    if (changes.length <= FOLD_ROWS) return table;
    return [`<details><summary>${plural(changes.length, 'change')}</summary>`, '', table, '', '</details>'].join('\n');
}

function fenced(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}\n${text}\n${fence}`;
}

/** Whole sections while they fit; then one line naming what was left out. */
function fitToLimit(head: string, sections: readonly { text: string; changes: number }[], limit: number): string {
    const reserve = 400;
    let body = head;
    for (const [index, section] of sections.entries()) {
        if (body.length + section.text.length + 1 + reserve <= limit) {
            body += `\n${section.text}`;
            continue;
        }
        const rest = sections.slice(index);
        const changes = rest.reduce((sum, left) => sum + left.changes, 0);
        body += `\n_${plural(rest.length, 'more section')} with ${plural(changes, 'change')} left out: GitHub comments are limited to ${limit.toLocaleString('en-US')} characters. Run \`journey diff\` for the whole list._\n`;
        break;
    }
    return body;
}
