import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { JourneyLanguageAstType, Touchpoint } from './generated/ast.js';
import type { JourneyServices } from './journey-module.js';
import type { Clock } from './clock.js';
import { DiagnosticCode } from './diagnostic-codes.js';

export function registerValidationChecks(services: JourneyServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.JourneyValidator;
    const checks: ValidationChecks<JourneyLanguageAstType> = {
        Touchpoint: [validator.checkEmotionRange],
    };
    registry.register(checks, validator);
}

/** The rules of LANGUAGE.md beyond syntax. Each diagnostic carries a stable code. */
export class JourneyValidator {
    protected readonly clock: Clock;

    constructor(services: JourneyServices) {
        this.clock = services.clock;
    }

    checkEmotionRange(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        touchpoint.emotions.forEach((emotion, index) => {
            if (!Number.isInteger(emotion) || emotion < -2 || emotion > 2) {
                accept('error', `Emotion ${emotion} is out of range: expected a whole number from -2 to +2.`, {
                    node: touchpoint,
                    property: 'emotions',
                    index,
                    code: DiagnosticCode.EmotionOutOfRange,
                });
            }
        });
    }
}
