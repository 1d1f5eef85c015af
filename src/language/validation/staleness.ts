import { AstUtils, type ValidationAcceptor } from 'langium';
import type { ProjectRegistry } from '../projects/project-registry.js';
import type { Initiative, Journey } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import type { Clock } from '../clock.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { writesKeyword } from './written-keywords.js';
import { isPastDue, reviewAge } from '../../model/derived-facts.js';
import { isValidIsoDate } from '../../model/dates.js';

/**
 * What "today" makes out of date: a journey never reviewed or not reviewed
 * for too long, an initiative past its due date. Today comes from the clock
 * service, so that tests are deterministic. (A date that does not exist is
 * reported by values.ts, and is not compared with today.)
 */
export class StalenessValidator {
    protected readonly clock: Clock;
    protected readonly projects: ProjectRegistry;

    constructor(services: JourneyServices) {
        this.clock = services.clock;
        this.projects = services.projects.ProjectRegistry;
    }

    readonly checkReviewed = (journey: Journey, accept: ValidationAcceptor): void => {
        const reviewed = journey.reviewed[0];
        if (reviewed === undefined && !writesKeyword(journey, 'reviewed')) {
            accept('warning', `Journey '${journey.name}' has never been reviewed: after its next tune-up, add \`reviewed\` with the date (YYYY-MM-DD)`, {
                node: journey,
                property: 'name',
                code: DiagnosticCode.NeverReviewed,
            });
            return;
        }
        if (reviewed === undefined || !isValidIsoDate(reviewed)) return;
        const staleAfterDays = this.projects.projectOf(AstUtils.getDocument(journey).uri.toString()).settings.staleAfterDays;
        const { reviewAgeDays, stale } = reviewAge(reviewed, this.clock.today(), staleAfterDays);
        if (!stale) return;
        accept('warning', `Journey '${journey.name}' was last reviewed on ${reviewed}, ${reviewAgeDays} days ago: a map not reviewed for ${staleAfterDays} days is stale; hold a tune-up and update \`reviewed\``, {
            node: journey,
            property: 'reviewed',
            index: 0,
            code: DiagnosticCode.StaleReview,
        });
    };

    readonly checkDueDate = (initiative: Initiative, accept: ValidationAcceptor): void => {
        const due = initiative.due[0];
        const status = initiative.statuses[0] ?? 'planned';
        if (!due || !isValidIsoDate(due) || !isPastDue(due, status, this.clock.today())) return;
        accept('warning', `Initiative '${initiative.name}' was due on ${due} and is still ${status}: set \`status done\` or \`dropped\`, or move \`due\` to a new date`, {
            node: initiative,
            property: 'due',
            index: 0,
            code: DiagnosticCode.PastDueInitiative,
        });
    };
}
