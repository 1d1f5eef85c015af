// docs/customer-view.md shows the customer view of the B2B SaaS example as
// rendered now, and its journey snippet parses; the README links to it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';
import { validate } from '../helpers/services.js';

const doc = readFileSync('docs/customer-view.md', 'utf8');

describe('docs/customer-view.md', () => {
    it('shows the example as `journey render --audience customer` draws it today', () => {
        const rendered = journey(['render', 'examples/b2b-saas/saas.journey', '--audience', 'customer']);
        expect(rendered.status).toBe(0);
        expect(readFileSync('docs/customer-view.svg', 'utf8'), 'run the render command of docs/customer-view.md again').toBe(rendered.stdout);
        expect(doc).toContain('![The B2B SaaS journey as customers see it](customer-view.svg)');
    });

    it('has a journey snippet that parses', async () => {
        const snippet = /```journey\n([\s\S]*?)```/.exec(doc)![1];
        const document = await validate(snippet);
        expect((document.diagnostics ?? []).filter((diagnostic) => diagnostic.severity === 1)).toEqual([]);
    });

    it('is linked from the README', () => {
        expect(readFileSync('README.md', 'utf8')).toContain('(docs/customer-view.md)');
    });
});
