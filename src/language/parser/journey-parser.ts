import {
    type AbstractLangiumParser,
    createCompletionParser,
    createLangiumParser,
    type LangiumCompletionParser,
    type LangiumCoreServices,
    type LangiumParser,
} from 'langium';

/**
 * After this many syntax errors the parser stops recovering and stops parsing:
 * the rest of the document is left out of the AST and one more diagnostic says so
 * (see parser-messages.ts and syntax-diagnostics.ts).
 *
 * Why: chevrotain's recovery inside a repetition calls itself once per error, so
 * on binary data or other long garbage (tens of thousands of errors) the stack
 * overflows and the parser throws; and each recovery costs time. Real mistakes
 * in a real file are far fewer than this.
 */
export const MAX_PARSER_ERRORS = 100;

/** The parts of chevrotain's parser (Langium's `wrapper`) that the bound needs; not in its public typings. */
interface RecoveringParser {
    recoveryEnabled: boolean;
    _errors: unknown[];
    reset(): void;
    SAVE_ERROR(error: unknown): unknown;
    tryInRepetitionRecovery(...args: unknown[]): void;
}

export function createJourneyParser(services: LangiumCoreServices): LangiumParser {
    return boundRecovery(createLangiumParser(services));
}

export function createJourneyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    return boundRecovery(createCompletionParser(services));
}

function boundRecovery<P extends AbstractLangiumParser>(parser: P): P {
    const chevrotain = (parser as unknown as { wrapper: RecoveringParser }).wrapper;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the originals are only called with .call(this)
    const { reset, SAVE_ERROR: saveError, tryInRepetitionRecovery } = chevrotain;
    // Each parse starts with recovery on (chevrotain resets when Langium sets the input).
    chevrotain.reset = function (this: RecoveringParser) {
        reset.call(this);
        this.recoveryEnabled = true;
    };
    // At the bound, recovery stops: the next error ends the parse.
    chevrotain.SAVE_ERROR = function (this: RecoveringParser, error: unknown) {
        const saved = saveError.call(this, error);
        if (this._errors.length >= MAX_PARSER_ERRORS) {
            this.recoveryEnabled = false;
        }
        return saved;
    };
    // Chevrotain installs this recovery when the parser is built and does not look at recoveryEnabled again.
    chevrotain.tryInRepetitionRecovery = function (this: RecoveringParser, ...args: unknown[]) {
        if (this.recoveryEnabled) {
            tryInRepetitionRecovery.apply(this, args);
        }
    };
    return parser;
}
