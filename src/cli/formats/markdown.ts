/**
 * The journey as a Markdown report that reads well in a pull request: the map
 * (as a Mermaid diagram GitHub draws), stages, pain points by severity,
 * initiatives and metrics against their targets. Every piece of user text is
 * escaped: a title is text, never markup.
 */
import type { Journey, Metric, PainPoint, Quantity, Severity } from '../../model/types.js';
import { escapeMarkdownInline } from '../../language/markdown.js';
import { journeyToMermaid } from './mermaid.js';
import { trendText } from '../../model/metric-values.js';

/** A code fence longer than any run of backticks in the content, so that a title cannot close it. */
function fenceFor(content: string): string {
    const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    return '`'.repeat(Math.max(3, longestRun + 1));
}

const SEVERITIES: readonly (Severity | undefined)[] = ['critical', 'high', 'medium', 'low', undefined];

function signed(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}

function quantity(value: Quantity, unit: string | undefined): string {
    const number = `${value.value}${value.percent ? '%' : ''}`;
    return unit === undefined ? number : `${number} ${escapeMarkdownInline(unit)}`;
}

const METRIC_STATUS: Record<Metric['status'], string> = {
    met: '✅ met',
    missed: '❌ missed',
    'no-target': 'no target',
    'no-actual': 'no actual value',
};

export function journeyToMarkdown(journey: Journey): string {
    const title = (kind: 'teams' | 'stages' | 'touchpoints' | 'painPoints' | 'initiatives' | 'segments', name: string) =>
        escapeMarkdownInline((journey[kind] as { name: string; title: string }[]).find((element) => element.name === name)?.title ?? name);
    const lines: string[] = [];
    const push = (...more: string[]) => lines.push(...more);

    push(`# ${escapeMarkdownInline(journey.title)}`, '');
    if (journey.description) {
        push(escapeMarkdownInline(journey.description), '');
    }
    // The customer view has no owner, review or severity (customer-view.ts): the report does not mention their absence either.
    const forCustomers = journey.view.audience === 'customer';
    if (!forCustomers) {
        push(`- **Owner:** ${journey.owner ? title('teams', journey.owner) : 'none'}`);
        const age = journey.reviewAgeDays === undefined ? '' : ` (${journey.reviewAgeDays} days ago)`;
        push(`- **Last review:** ${journey.lastReviewed ? `${journey.lastReviewed}${age}` : 'never'}${journey.stale ? ` — ⚠️ stale (over ${journey.staleAfterDays} days)` : ''}`);
    }
    const segment = journey.view.segment === undefined ? 'all segments' : `segment ${title('segments', journey.view.segment)}`;
    push(`- **View:** ${segment}, ${journey.view.audience === 'customer' ? 'customer-facing' : 'internal'}`, '');

    const diagram = journeyToMermaid(journey).trimEnd();
    push('## Map', '', `${fenceFor(diagram)}mermaid`, diagram, fenceFor(diagram), '');

    push('## Stages', '');
    for (const [index, stage] of journey.stages.entries()) {
        push(`### ${index + 1}. ${escapeMarkdownInline(stage.title)} (net emotion ${signed(stage.netEmotion)})`, '');
        for (const goal of stage.goals) {
            push(`- **Goal:** ${escapeMarkdownInline(goal)}`);
        }
        if (stage.goals.length > 0) {
            push('');
        }
        const touchpoints = journey.touchpoints.filter((t) => t.stage === stage.name);
        if (touchpoints.length === 0) {
            push('No touchpoints.', '');
            continue;
        }
        if (forCustomers) {
            push('| Touchpoint | Channel | Emotion |', '|---|---|---|');
            touchpoints.forEach((t) => push(`| ${escapeMarkdownInline(t.title)} | ${t.channel ? escapeMarkdownInline(t.channel) : ''} | ${t.emotion === undefined ? '' : signed(t.emotion)} |`));
            push('');
            continue;
        }
        push('| Touchpoint | Channel | Owner | Emotion | Segments |', '|---|---|---|---|---|');
        for (const t of touchpoints) {
            const segments = t.segments.length > 0 ? t.segments.map((s) => title('segments', s)).join(', ') : 'all';
            // "+1 (Enterprise −2)": the emotion for everyone, then the segments' own.
            const own = Object.entries(t.segmentEmotions ?? {}).map(([segment, emotion]) => `${title('segments', segment)} ${signed(emotion)}`);
            const emotion = [t.emotion === undefined ? '' : signed(t.emotion), own.length > 0 ? `(${own.join(', ')})` : ''].filter(Boolean).join(' ');
            push(`| ${escapeMarkdownInline(t.title)}${t.internal ? ' 🔒' : ''} | ${t.channel ? escapeMarkdownInline(t.channel) : ''} | ${t.owner ? title('teams', t.owner) : ''}${t.accountable ? ` (accountable: ${title('teams', t.accountable)})` : ''} | ${emotion} | ${segments} |`);
        }
        push('');
    }

    push(forCustomers ? '## Pain points' : '## Pain points by severity', '');
    if (journey.painPoints.length === 0) {
        push('No pain points.', '');
    }
    if (forCustomers && journey.painPoints.length > 0) {
        journey.painPoints.forEach((painPoint) => push(...painPointLines(painPoint, title)));
        push('');
    }
    for (const severity of forCustomers ? [] : SEVERITIES) {
        const group = journey.painPoints.filter((p) => p.severity === severity);
        if (group.length === 0) {
            continue;
        }
        push(`### ${severity ? severity[0].toUpperCase() + severity.slice(1) : 'Severity not set'}`, '');
        for (const painPoint of group) {
            push(...painPointLines(painPoint, title));
        }
        push('');
    }

    push('## Initiatives', '');
    if (journey.initiatives.length === 0) {
        push('No initiatives.', '');
    } else if (forCustomers) {
        push('| Initiative | Addresses |', '|---|---|');
        journey.initiatives.forEach((i) => push(`| ${escapeMarkdownInline(i.title)} | ${i.addresses.map((name) => title('painPoints', name)).join(', ')} |`));
        push('');
    } else {
        push('| Initiative | Owner | Status | Due | Impact / effort | Addresses |', '|---|---|---|---|---|---|');
        for (const i of journey.initiatives) {
            const due = i.due ? `${i.due}${i.pastDue ? ' ⚠️ past due' : ''}` : '';
            const addresses = i.addresses.map((name) => title('painPoints', name)).join(', ');
            push(`| ${escapeMarkdownInline(i.title)}${i.internal ? ' 🔒' : ''} | ${i.owner ? title('teams', i.owner) : ''} | ${i.status ?? ''} | ${due} | ${i.impact ?? '?'} / ${i.effort ?? '?'} | ${addresses} |`);
        }
        push('');
    }

    push('## Metrics', '');
    if (journey.metrics.length === 0) {
        push('No metrics.', '');
    } else {
        push('| Metric | Stage | Target | Actual | Status |', '|---|---|---|---|---|');
        for (const m of journey.metrics) {
            const target = m.target ? `${m.target.comparator === '>=' ? '≥' : '≤'} ${quantity(m.target, m.unit)}` : '';
            push(`| ${escapeMarkdownInline(m.title)} | ${m.stage ? title('stages', m.stage) : 'whole journey'} | ${target} | ${m.actual ? trendText(m, quantity) : ''} | ${METRIC_STATUS[m.status]} |`);
        }
        push('');
    }

    if (journey.reviews.length > 0) {
        push('## Reviews', '');
        for (const review of journey.reviews) {
            push(`### ${escapeMarkdownInline(review.title)}${review.date ? ` (${review.date})` : ''}`, '');
            for (const change of review.changes) {
                push(`- **${escapeMarkdownInline(change.title)}**`);
                for (const effect of change.effects) {
                    const note = effect.note ? `: ${escapeMarkdownInline(effect.note)}` : '';
                    push(`  - ${effect.direction === 'improves' ? '⬆️ improves' : '⬇️ worsens'} ${title('stages', effect.stage)}${note}`);
                }
            }
            push('');
        }
    }
    return `${lines.join('\n').trimEnd()}\n`;
}

function painPointLines(
    painPoint: PainPoint,
    title: (kind: 'stages' | 'touchpoints' | 'initiatives' | 'segments', name: string) => string,
): string[] {
    const where = [title('stages', painPoint.stage), ...painPoint.at.map((name) => `at ${title('touchpoints', name)}`)].join(', ');
    const segments = painPoint.segments.length > 0 ? ` · for ${painPoint.segments.map((s) => title('segments', s)).join(', ')}` : '';
    const marks = `${painPoint.internal ? ' 🔒 internal' : ''}${painPoint.unaddressed ? ' · ⚠️ **unaddressed**' : ''}`;
    return [
        `- **${escapeMarkdownInline(painPoint.title)}** — ${where}${segments}${marks}`,
        ...painPoint.evidence.map((evidence) => `  - Evidence: ${escapeMarkdownInline(evidence)}`),
        ...(painPoint.addressedBy.length > 0
            ? [`  - Addressed by: ${painPoint.addressedBy.map((name) => title('initiatives', name)).join(', ')}`]
            : []),
    ];
}
