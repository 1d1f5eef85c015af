/**
 * The last tune-up on the map: its changes as ↑/↓ marks in the headers of the
 * stages they improved or worsened, and its name and date in the map's
 * header — so that a map pasted into a slide says what the last review found.
 */
import type { Journey, Review, StageEffect } from '../../model/types.js';
import { dateWithAge, reviewText } from '../format.js';

/** A change of the last review, as it shows on one stage. */
export interface StageChangeMark {
    change: string;
    title: string;
    direction: StageEffect['direction'];
    note?: string;
}

export const CHANGE_ARROWS: Record<StageEffect['direction'], string> = { improves: '\u2191', worsens: '\u2193' };

/** The review held last: the latest date; of equal dates or none, the last written. */
export function lastReview(journey: Journey): Review | undefined {
    return journey.reviews.reduce<Review | undefined>((last, review) => (last === undefined || (review.date ?? '') >= (last.date ?? '') ? review : last), undefined);
}

/** Each stage's marks from the last review, in the order the review lists its changes. */
export function reviewMarksByStage(journey: Journey): Map<string, StageChangeMark[]> {
    const marks = new Map<string, StageChangeMark[]>();
    for (const change of lastReview(journey)?.changes ?? []) {
        for (const effect of change.effects) {
            const mark = { change: change.name, title: change.title, direction: effect.direction, ...(effect.note !== undefined && { note: effect.note }) };
            marks.set(effect.stage, [...(marks.get(effect.stage) ?? []), mark]);
        }
    }
    return marks;
}

/**
 * When the map was reviewed and its last recorded review, for the header:
 * "reviewed 2026-09-01 · last review: 2026 Q3 tune-up, 2026-10-15", said once
 * when they are the same day: "last review: 2026 Q3 tune-up, 2026-10-15".
 */
export function reviewFacts(journey: Journey): string[] {
    const review = lastReview(journey);
    if (!review) {
        return [reviewText(journey.lastReviewed, journey.reviewAgeDays)];
    }
    const named = `last review: ${review.title}`;
    if (review.date !== undefined && review.date === journey.lastReviewed) {
        return [`${named}, ${dateWithAge(review.date, journey.reviewAgeDays)}`];
    }
    return [reviewText(journey.lastReviewed, journey.reviewAgeDays), `${named}${review.date ? `, ${review.date}` : ''}`];
}
