import { type AstNode, isOperationCancelled, type ValidationAcceptor, type ValidationCheck, ValidationRegistry } from 'langium';

/**
 * Langium runs every check of every node through two async wrappers: three
 * promises per check, hundreds of thousands per build of a large map, and
 * most of what its garbage collector then does. Our checks are synchronous;
 * a check is called directly, and only a check that returns a promise is
 * awaited (document-validator.ts). A check that throws is reported exactly
 * as Langium reports it.
 */
export class JourneyValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise ? result.catch((error: unknown) => reportCheckError(error, accept, node)) : undefined;
            } catch (error) {
                reportCheckError(error, accept, node);
                return undefined;
            }
        };
    }
}

function reportCheckError(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Langium's cancellation is a symbol, rethrown as it came for the builder to recognise
    if (isOperationCancelled(error)) throw error;
    const context = 'An error occurred during validation';
    console.error(`${context}:`, error);
    if (error instanceof Error && error.stack) console.error(error.stack);
    accept('error', `${context}: ${error instanceof Error ? error.message : String(error)}`, { node });
}
