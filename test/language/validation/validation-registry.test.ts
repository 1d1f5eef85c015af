import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ValidationAcceptor } from 'langium';
import type { Team } from '../../../src/language/generated/ast.js';
import { createTestServices, validate } from '../../helpers/services.js';

/** Checks are called without Langium's async wrappers (validation-registry.ts); what a check reports, or its failure, is unchanged. */
describe('the validation registry', () => {
    afterEach(() => vi.restoreAllMocks());

    it('reports a check that throws on its node, as Langium does, and runs the other checks', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const services = createTestServices();
        services.Journey.validation.ValidationRegistry.register({
            Team: (team: Team) => {
                if (team.name === 'broken') throw new Error('boom');
            },
        });
        const document = await validate('team broken "Broken"\nteam cs "CS"\nteam cs "CS again"\n', services);
        const messages = (document.diagnostics ?? []).map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]);
        expect(messages).toContainEqual([0, 'An error occurred during validation: boom']);
        expect(messages.some(([line, message]) => line === 1 && String(message).includes("'cs'"))).toBe(true);
    });

    it('waits for a check that returns a promise', async () => {
        const services = createTestServices();
        services.Journey.validation.ValidationRegistry.register({
            Team: async (team: Team, accept: ValidationAcceptor) => {
                await new Promise((resolve) => setTimeout(resolve, 5));
                accept('warning', `checked ${team.name} later`, { node: team });
            },
        });
        const document = await validate('team cs "CS"\n', services);
        expect(document.diagnostics?.map((diagnostic) => diagnostic.message)).toContain('checked cs later');
    });
});
