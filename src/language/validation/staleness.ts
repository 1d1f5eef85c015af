import { AstUtils, type ValidationAcceptor } from 'langium';
import type { ProjectRegistry } from '../projects/project-registry.js';
import type { Initiative, Journey, Review } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import type { Clock } from '../clock.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { writesKeyword } from './written-keywords.js';
import { isPastDue, reviewAge } from '../../model/derived-facts.js';
import { lastReviewOf } from '../element-info.js';
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

    /**
     * A recorded review counts as a review: the journey was last reviewed on
     * the latest of its `reviewed` date and its reviews' `on` dates, and the
     * stale warning sits on that date.
     */
    readonly checkReviewed = (journey: Journey, accept: ValidationAcceptor): void => {
        const last = lastReviewOf(journey);
        if (last === undefined) {
            // A date written but not valid (values.ts), or a review without one (completeness.ts), is reported as such, not as "never reviewed".
            if (journey.reviews.length === 0 && !writesKeyword(journey, 'reviewed')) {
                accept('warning', `Journey '${journey.name}' has never been reviewed: after its next tune-up, add \`reviewed\` with the date (YYYY-MM-DD)`, {
                    node: journey,
                    property: 'name',
                    code: DiagnosticCode.NeverReviewed,
                });
            }
            return;
        }
        const staleAfterDays = this.projects.projectOf(AstUtils.getDocument(journey).uri.toString()).settings.staleAfterDays;
        const { reviewAgeDays, stale } = reviewAge(last.date, this.clock.today(), staleAfterDays);
        if (!stale) return;
        const review = last.review === undefined ? undefined : journey.reviews.find((candidate) => candidate.name === last.review);
        const message = `Journey '${journey.name}' was last reviewed on ${last.date}${review ? ` (review '${review.name}')` : ''}, ${reviewAgeDays} days ago: a map not reviewed for ${staleAfterDays} days is stale; hold a tune-up and update \`reviewed\``;
        const code = DiagnosticCode.StaleReview;
        if (review) accept('warning', message, { node: review, property: 'dates', index: 0, code });
        else accept('warning', message, { node: journey, property: 'reviewed', index: 0, code });
    };

    /** A review records a tune-up that was held: its date can't be after today. */
    readonly checkFutureReviewed = (journey: Journey, accept: ValidationAcceptor): void => {
        const date = journey.reviewed[0];
        if (date === undefined || !this.isFuture(date)) return;
        accept('warning', `Journey '${journey.name}' is marked reviewed on ${date}, after today (${this.clock.today()}): write the date the last tune-up was held`, {
            node: journey,
            property: 'reviewed',
            index: 0,
            code: DiagnosticCode.FutureReviewDate,
        });
    };

    readonly checkFutureReview = (review: Review, accept: ValidationAcceptor): void => {
        const date = review.dates[0];
        if (date === undefined || !this.isFuture(date)) return;
        accept('warning', `Review '${review.name}' is dated ${date}, after today (${this.clock.today()}): a review records a tune-up that was held — write its date, or add the review after the meeting`, {
            node: review,
            property: 'dates',
            index: 0,
            code: DiagnosticCode.FutureReviewDate,
        });
    };

    private isFuture(date: string): boolean {
        return isValidIsoDate(date) && date > this.clock.today();
    }

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
