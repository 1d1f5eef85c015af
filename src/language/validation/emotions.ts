import { type ValidationAcceptor } from 'langium';
import type { Touchpoint } from '../generated/ast.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { isValidEmotion } from '../element-info.js';
import { quotedList } from './diagnostic-wording.js';
import { segmentContainerOf } from './references.js';

/**
 * A touchpoint's emotions: `emotion -1` for every segment, and
 * `emotion for enterprise +1` for some. Each value from -2 to +2, one for
 * every segment and one per segment, for segments the touchpoint is for.
 */
export class EmotionValidator {
    readonly checkEmotionRange = (touchpoint: Touchpoint, accept: ValidationAcceptor): void => {
        for (const emotion of touchpoint.emotions) {
            // A missing value is the syntax error's to report.
            if (emotion.value === undefined || isValidEmotion(emotion.value)) continue;
            const problem = Number.isInteger(emotion.value) ? 'is out of range' : 'is not a whole number';
            accept('error', `Emotion ${emotion.value} ${problem}: expected a whole number from -2 to +2`, {
                node: emotion,
                property: 'value',
                code: DiagnosticCode.EmotionOutOfRange,
            });
        }
    };

    /** One emotion for every segment, and one per segment: a second is reported as a duplicate property (its quick fix removes it). */
    readonly checkDuplicateEmotions = (touchpoint: Touchpoint, accept: ValidationAcceptor): void => {
        const seen = new Set<string>();
        for (const emotion of touchpoint.emotions) {
            const keys = emotion.segments.length === 0 ? [''] : emotion.segments.map((segment) => segment.$refText);
            const repeated = keys.filter((key) => seen.has(key));
            keys.forEach((key) => seen.add(key));
            if (repeated.length === 0) continue;
            const what = repeated[0] === '' ? '`emotion`' : `\`emotion for ${repeated[0]}\``;
            accept('error', `${what} is given twice in touchpoint '${touchpoint.name}'; it takes one value: keep one and remove the other`, {
                node: emotion,
                code: DiagnosticCode.DuplicateProperty,
                data: { property: 'emotion' },
            });
        }
    };

    /** `emotion for smb` on a touchpoint that only enterprise customers see says nothing any view shows. */
    readonly checkEmotionSegments = (touchpoint: Touchpoint, accept: ValidationAcceptor): void => {
        const allowed = touchpoint.segments.length > 0 ? touchpoint.segments : (segmentContainerOf(touchpoint)?.segments ?? []);
        if (allowed.length === 0) return;
        const names = new Set(allowed.map((reference) => reference.$refText));
        for (const emotion of touchpoint.emotions) {
            emotion.segments.forEach((reference, index) => {
                if (!reference.ref || names.has(reference.$refText)) return;
                accept('warning', `Touchpoint '${touchpoint.name}' has an emotion for segment '${reference.$refText}', but it is only for ${quotedList([...names])}: remove '${reference.$refText}' from this \`emotion for\`, or add it to the touchpoint's \`for\``, {
                    node: emotion,
                    property: 'segments',
                    index,
                    code: DiagnosticCode.SegmentOutsideContainer,
                    data: { name: reference.$refText },
                });
            });
        }
    };
}
