import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const SUPPORT = 'examples/support-heavy/support.journey';
const TODAY = ['--today', '2026-11-23'];
const folder = mkdtempSync(path.join(tmpdir(), 'journey-priorities-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('journey render --view priorities', () => {
    it('writes the impact × effort matrix as SVG, PNG and HTML', () => {
        const svg = journey(['render', SUPPORT, '--view', 'priorities', ...TODAY]);
        expect(svg.status).toBe(0);
        expect(svg.stdout).toMatch(/^<svg [^>]*data-view="priorities"/);
        expect(svg.stdout.match(/<g id="initiative-\w+"/g)).toHaveLength(6);
        const png = path.join(folder, 'priorities.png');
        expect(journey(['render', SUPPORT, '--view', 'priorities', ...TODAY, '-o', png]).status).toBe(0);
        expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
        const html = journey(['render', SUPPORT, '--view', 'priorities', ...TODAY, '--format', 'html']);
        expect(html.stdout).toContain('<title>Priorities: Getting help</title>');
        expect(html.stdout).toContain('data-view="priorities"');
    });

    it('is not drawn for customers: impact, effort, owners and statuses are internal (one line, exit 2)', () => {
        const internal = journey(['render', SUPPORT, '--view', 'priorities', ...TODAY]).stdout;
        expect(internal).toContain('data-name="bugLimbo"');
        const customer = journey(['render', SUPPORT, '--view', 'priorities', '--audience', 'customer', ...TODAY]);
        expect([customer.status, customer.stdout, customer.stderr.trim()]).toEqual([
            2, '', 'journey render: the priorities view shows impact, effort, owners and statuses, which customers do not see; leave out --audience customer',
        ]);
    });

    it('rejects an unknown view', () => {
        const result = journey(['render', SUPPORT, '--view', 'kanban']);
        expect([result.status, result.stderr.trim()]).toEqual([2, 'journey render: --view must be one of map, priorities, not "kanban"']);
    });
});
