/**
 * The open items of a tune-up agenda as a checklist, one line each, for the
 * next review block (the editor's "Start the next review" action writes them
 * as a comment above it): the decisions needed, the open initiatives in
 * priority order, the metrics off target.
 */
import type { AgendaInitiative, JourneyAgenda } from './agenda-types.js';

export function reviewChecklist(agenda: JourneyAgenda): string[] {
    const open = agenda.initiatives.filter((initiative) => initiative.status !== 'done' && initiative.status !== 'dropped');
    const metrics = [...agenda.metricsOffTarget, ...agenda.stages.flatMap((stage) => stage.metricsOffTarget)];
    return [
        ...agenda.decisions.map((decision) => `Decide: ${decision.text}`),
        ...open.map(initiativeItem),
        ...metrics.map((metric) => `Metric off target: ${metric.title}, ${metric.actual} (target ${metric.target})`),
    ];
}

function initiativeItem(initiative: AgendaInitiative): string {
    const due = initiative.due === undefined ? 'no due date'
        : initiative.dueState === 'past-due' ? `due ${initiative.due}, past due` : `due ${initiative.due}`;
    const owner = initiative.owner?.title ?? 'no owner';
    return `Initiative #${initiative.rank} ${initiative.title}: ${initiative.status ?? 'no status'}, ${owner}, ${due}`;
}
