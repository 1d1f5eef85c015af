import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestWorkspace } from '../../helpers/workspace.js';

const example = readFileSync(new URL('../../../examples/b2b-saas/saas.journey', import.meta.url), 'utf8');

describe('validation of half-typed documents', () => {
    afterEach(() => vi.restoreAllMocks());

    it('never throws and never names an element "undefined", whatever prefix of a real map is being typed', async () => {
        const errors = vi.spyOn(console, 'error');
        const workspace = new TestWorkspace();
        const cuts = new Set<number>();
        // Mid-token cuts every 97 characters, and the end of every other line.
        for (let offset = 0; offset < example.length; offset += 97) cuts.add(offset);
        example.split('\n').reduce((offset, line, index) => (index % 2 === 0 && cuts.add(offset + line.length), offset + line.length + 1), 0);
        const messages = new Set<string>();
        for (const cut of [...cuts].sort((a, b) => a - b)) {
            await workspace.write({ 'saas.journey': example.slice(0, cut) });
            workspace.document('saas.journey').diagnostics?.forEach((d) => messages.add(d.message));
        }
        expect(errors).not.toHaveBeenCalled();
        expect([...messages].filter((message) => /\bundefined\b|NaN/.test(message))).toEqual([]);
    });
});
