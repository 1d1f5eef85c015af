import { type ValidationAcceptor } from 'langium';
import type { Metric } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import type { Clock } from '../clock.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { impossibleDateReason } from '../iso-date.js';

/**
 * A metric's earlier values (`was 28 on 2026-07-01`): each on a date that
 * exists, has passed, and is the only value recorded for that day. Today comes
 * from the clock service, so that tests are deterministic.
 */
export class MetricHistoryValidator {
    protected readonly clock: Clock;

    constructor(services: JourneyServices) {
        this.clock = services.clock;
    }

    readonly checkHistoryDates = (metric: Metric, accept: ValidationAcceptor): void => {
        const seen = new Set<string>();
        for (const past of metric.history) {
            if (!past.date) continue;
            const reason = impossibleDateReason(past.date);
            if (reason) {
                accept('error', `Date ${past.date} does not exist: ${reason}`, { node: past, property: 'date', code: DiagnosticCode.InvalidDate });
            } else if (past.date > this.clock.today()) {
                accept('warning', `Metric '${metric.name}' was ${past.value} on ${past.date}, after today (${this.clock.today()}): \`was\` records a value measured earlier — give the date it was measured, and today's value as \`actual\``, {
                    node: past, property: 'date', code: DiagnosticCode.FutureMetricDate,
                });
            } else if (seen.has(past.date)) {
                accept('warning', `Metric '${metric.name}' has two earlier values on ${past.date}: keep the one that was measured that day and remove the other`, {
                    node: past, code: DiagnosticCode.DuplicateMetricDate,
                });
            }
            seen.add(past.date);
        }
    };
}
