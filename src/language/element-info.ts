import { type AstNode, AstUtils, UriUtils } from 'langium';
import { isStage, type Journey, type Stage, type Touchpoint } from './generated/ast.js';
import { lastReview, type LastReview, netEmotion } from '../model/derived-facts.js';
import { isValidIsoDate } from '../model/dates.js';

/*
 * How tools name and describe elements: display titles, where an element is
 * declared, emotions, and the channels and emotion scale completion offers.
 * The kinds' labels are in element-kinds.ts.
 */

interface Titled extends AstNode {
    name?: string;
    title?: string;
}

/** The display title of an element: its title, or its name where the title is missing. */
export function displayTitle(node: AstNode): string {
    const titled = node as Titled;
    return titled.title ?? titled.name ?? '';
}

/** The name of an element ('' for unnamed nodes). */
export function nameOf(node: AstNode | undefined): string {
    return node ? ((node as Titled).name ?? '') : '';
}

/** The stage an element is declared in, if any. */
export function stageOf(node: AstNode): Stage | undefined {
    return node.$container ? AstUtils.getContainerOfType(node.$container, isStage) : undefined;
}

/** "onboarding · saas.journey": where an element is declared, short enough for a completion list. */
export function declaredWhere(node: AstNode): string {
    const file = UriUtils.basename(AstUtils.getDocument(node).uri);
    // A stage being typed may have no name yet.
    const stage = nameOf(stageOf(node));
    return stage ? `${stage} · ${file}` : file;
}

/** Whether a number is an emotion: a whole number from -2 to +2. */
export function isValidEmotion(value: number): boolean {
    return Number.isInteger(value) && value >= -2 && value <= 2;
}

/** The emotion of a touchpoint for every segment (its first `emotion` without `for`) when it is a valid one, as the model reads it. */
export function emotionOf(touchpoint: Touchpoint): number | undefined {
    const emotion = touchpoint.emotions.find((candidate) => candidate.segments.length === 0)?.value;
    return emotion !== undefined && isValidEmotion(emotion) ? emotion : undefined;
}

/** The valid `emotion for … N` of a touchpoint by segment name (the first given for a segment counts), as the model reads them. */
export function segmentEmotionsOf(touchpoint: Touchpoint): Record<string, number> {
    const bySegment: Record<string, number> = {};
    for (const emotion of touchpoint.emotions) {
        if (!isValidEmotion(emotion.value)) continue;
        for (const segment of emotion.segments) {
            const name = segment.ref?.name;
            if (name !== undefined && !Object.hasOwn(bySegment, name)) bySegment[name] = emotion.value;
        }
    }
    return bySegment;
}

/** "+2", "0", "-1": an emotion as people write it. */
export function formatEmotion(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}

/** The sum of a stage's touchpoint emotions, computed as the preview computes it. */
export function stageNetEmotion(stage: Stage): number {
    return netEmotion(stage.touchpoints.map((touchpoint) => ({ emotion: emotionOf(touchpoint) })));
}

/** The channels completion offers after `channel` (any identifier is accepted). */
export const CHANNELS = [
    'web', 'email', 'call', 'meeting', 'chat', 'in_app', 'product', 'docs',
    'support', 'community', 'event', 'social', 'sms', 'other',
] as const;

/** The emotion scale, best first, with how each value feels to the customer. */
export const EMOTION_SCALE: ReadonlyArray<readonly [value: string, feeling: string]> = [
    ['+2', 'delighted'], ['+1', 'pleased'], ['0', 'neutral'], ['-1', 'frustrated'], ['-2', 'angry'],
];

/** When the journey was last reviewed, from its valid `reviewed` and review dates: a recorded review counts (derived-facts.ts lastReview). */
export function lastReviewOf(journey: Journey): LastReview | undefined {
    const valid = (date: string | undefined) => (date !== undefined && isValidIsoDate(date) ? date : undefined);
    return lastReview(valid(journey.reviewed[0]), journey.reviews.filter((review) => review.name).map((review) => ({ name: review.name, date: valid(review.dates[0]) })));
}
