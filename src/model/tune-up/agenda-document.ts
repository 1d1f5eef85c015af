/**
 * The tune-up agenda laid out as one page a CS-ops lead puts on screen in the
 * meeting: the journey's state in a line, then stage by stage what changed,
 * the pain points with the initiatives on them and the metrics off target,
 * then every initiative in priority order, and the decisions needed.
 */
import type {
    AgendaChange, AgendaInitiative, AgendaMetric, AgendaPainPoint, AgendaTextChange, JourneyAgenda, StageAgenda,
} from './agenda-types.js';
import type { Block, Inline, Span } from './report-blocks.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function agendaBlocks(agenda: JourneyAgenda): Block[] {
    const painPointTitles = new Map(agenda.stages.flatMap((stage) => stage.painPoints.map((painPoint) => [painPoint.name, painPoint.title] as const)));
    return [
        { kind: 'heading', level: 1, text: ['Tune-up agenda: ', agenda.journey.title] },
        { kind: 'paragraph', text: summaryLine(agenda) },
        ...journeyChanges(agenda),
        ...metricBlocks(agenda.metricsOffTarget, 'Journey metrics off target', 2),
        ...agenda.stages.flatMap((stage, index) => stageBlocks(stage, index, agenda)),
        ...initiativeBlocks(agenda.initiatives, painPointTitles),
        ...decisionBlocks(agenda),
    ];
}

function summaryLine(agenda: JourneyAgenda): Inline {
    const review: Span[] = agenda.lastReviewed === undefined
        ? [{ text: 'never', tone: 'danger', strong: true }]
        : [`${agenda.lastReviewed} (${plural(agenda.reviewAgeDays ?? 0, 'day')} ago)`,
            ...(agenda.stale ? [' — ', { text: 'stale', tone: 'danger', strong: true } as Span] : [])];
    // --since another day than the last review: say which changes the agenda lists.
    const since: Span[] = agenda.since !== undefined && agenda.since !== agenda.lastReviewed ? [' · ', { text: 'Changes since: ', strong: true }, agenda.since] : [];
    return [
        { text: 'Owner: ', strong: true }, agenda.journey.owner?.title ?? 'none', ' · ',
        { text: 'Last review: ', strong: true }, ...review, ' · ',
        { text: 'Today: ', strong: true }, agenda.today, ...since, ' · ',
        { text: `${plural(agenda.decisions.length, 'decision')} needed`, strong: agenda.decisions.length > 0 },
    ];
}

function journeyChanges(agenda: JourneyAgenda): Block[] {
    const items = [...agenda.changes.map(changeItem), ...agenda.textChanges.map(textChangeItem)];
    const blocks: Block[] = items.length > 0 ? [{ kind: 'heading', level: 2, text: ['Journey-wide changes'] }, { kind: 'list', ordered: false, items }] : [];
    if (!agenda.textCompared && agenda.since) {
        blocks.push({ kind: 'paragraph', text: [{ text: `Edits to the map's text since ${agenda.since} are not listed: journey agenda lists them in a git repository that has the map as it was that day. The changes below are the ones the reviews record.`, tone: 'muted' }] });
    }
    return blocks;
}

function stageBlocks(stage: StageAgenda, index: number, agenda: JourneyAgenda): Block[] {
    const emotion = stage.netEmotion > 0 ? `+${stage.netEmotion}` : String(stage.netEmotion);
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: [`${index + 1}. `, stage.title, ` (net emotion ${emotion})`] }];
    const changes = [...stage.changes.map(changeItem), ...stage.textChanges.map(textChangeItem)];
    if (changes.length > 0) {
        blocks.push({ kind: 'paragraph', text: [{ text: agenda.since ? `Changes since ${agenda.since}` : 'Changes recorded', strong: true }] });
        blocks.push({ kind: 'list', ordered: false, items: changes });
    }
    if (stage.painPoints.length > 0) {
        blocks.push({ kind: 'table', header: ['Pain point', 'Severity', 'Initiatives on it'], rows: stage.painPoints.map((painPoint) => painPointRow(painPoint, stage.initiatives)) });
    }
    blocks.push(...metricBlocks(stage.metricsOffTarget, 'Metrics off target', 3));
    if (blocks.length === 1) {
        blocks.push({ kind: 'paragraph', text: [{ text: 'Nothing changed, no pain point, every metric on target.', tone: 'muted' }] });
    }
    return blocks;
}

function changeItem(entry: AgendaChange): Inline {
    const direction: Span[] = entry.direction === undefined ? [] : [{ text: entry.direction === 'improves' ? '▲ improved' : '▼ worsened', tone: entry.direction === 'improves' ? 'ok' : 'danger', strong: true }, ': '];
    const when = entry.review.date ? `, ${entry.review.date}` : '';
    return [...direction, entry.change.title, ...(entry.note ? [' — ', entry.note] : []), { text: ` (${entry.review.title}${when})`, tone: 'muted' }];
}

function textChangeItem(change: AgendaTextChange): Inline {
    return [{ text: 'edited', strong: true, tone: change.level === 'warning' ? 'warning' : undefined }, ': ', change.message];
}

function painPointRow(painPoint: AgendaPainPoint, initiatives: readonly AgendaInitiative[]): Inline[] {
    const onIt = painPoint.initiatives.map((name) => initiatives.find((initiative) => initiative.name === name)).filter((entry) => entry !== undefined);
    const covered: Inline = onIt.length === 0
        ? [{ text: painPoint.unaddressed ? '⚠️ none — unaddressed' : 'none', tone: painPoint.unaddressed ? 'danger' : 'muted', strong: painPoint.unaddressed }]
        : onIt.flatMap((initiative, index) => [...(index > 0 ? ['; '] : []), `#${initiative.rank} `, initiative.title, { text: ` (${initiative.status ?? 'no status'})`, tone: 'muted' }]);
    const severity: Span = painPoint.severity === undefined
        ? { text: 'not rated', tone: 'muted' }
        : { text: painPoint.severity, tone: painPoint.severity === 'critical' || painPoint.severity === 'high' ? 'danger' : undefined, strong: painPoint.severity === 'critical' };
    return [[painPoint.title, ...(painPoint.internal ? [{ text: ' (internal)', tone: 'muted' } as Span] : [])], [severity], covered];
}

function metricBlocks(metrics: readonly AgendaMetric[], heading: string, level: 2 | 3): Block[] {
    if (metrics.length === 0) return [];
    const label: Block = level === 2 ? { kind: 'heading', level: 2, text: [heading] } : { kind: 'paragraph', text: [{ text: heading, strong: true }] };
    return [label, { kind: 'list', ordered: false, items: metrics.map((metric) => [
        metric.title, ': ', ...metric.earlier.map((value) => `${value} \u2192 `), { text: metric.actual, strong: true, tone: 'danger' }, ` (target ${metric.target})`,
    ]) }];
}

function initiativeBlocks(initiatives: readonly AgendaInitiative[], titles: ReadonlyMap<string, string>): Block[] {
    if (initiatives.length === 0) {
        return [{ kind: 'heading', level: 2, text: ['Initiatives'] }, { kind: 'paragraph', text: [{ text: 'The journey has no initiative.', tone: 'muted' }] }];
    }
    return [
        { kind: 'heading', level: 2, text: ['Initiatives in priority order'] },
        {
            kind: 'table',
            header: ['#', 'Initiative', 'Owner', 'Status', 'Due', 'Impact / effort', 'Addresses'],
            rows: initiatives.map((initiative) => [
                [String(initiative.rank)],
                [initiative.title, ...(initiative.quadrant === 'quick-win' && initiative.dueState !== 'closed' ? [{ text: ' ★ quick win', tone: 'ok', strong: true } as Span] : [])],
                initiative.owner ? [initiative.owner.title] : [{ text: '⚠️ no owner', tone: 'danger', strong: true }],
                [initiative.status ?? 'no status'],
                dueCell(initiative),
                [`${initiative.impact ?? '?'} / ${initiative.effort ?? '?'}`],
                initiative.addresses.length > 0 ? [initiative.addresses.map((name) => titles.get(name) ?? name).join('; ')] : [{ text: 'nothing', tone: 'muted' }],
            ]),
        },
    ];
}

function dueCell(initiative: AgendaInitiative): Inline {
    const due = initiative.due ?? '—';
    const days = initiative.daysUntilDue ?? 0;
    switch (initiative.dueState) {
        case 'past-due': return [{ text: `⚠️ ${due}, ${plural(-days, 'day')} past due`, tone: 'danger', strong: true }];
        case 'due-soon': return [{ text: `${due}, due ${days === 0 ? 'today' : `in ${plural(days, 'day')}`}`, tone: 'warning', strong: true }];
        case 'closed': return [{ text: due, tone: 'muted' }];
        default: return [due];
    }
}

function decisionBlocks(agenda: JourneyAgenda): Block[] {
    return [
        { kind: 'heading', level: 2, text: ['Decisions needed'] },
        agenda.decisions.length === 0
            ? { kind: 'paragraph', text: ['None: the map is fresh, every high or critical pain point has an open initiative, and every open initiative has an owner and is on time.'] }
            : { kind: 'list', ordered: true, items: agenda.decisions.map((decision) => [decision.text]) },
    ];
}
