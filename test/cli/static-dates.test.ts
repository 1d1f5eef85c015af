/** Static outputs are kept and diffed: without --today they show the review date, never its age. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const SAAS = 'test/fixtures/saas/saas.journey';
const AGE = /\d+ days? ago|\(today\)/;

describe('static outputs without --today', () => {
    it.each([
        ['svg', ['render', SAAS, '--format', 'svg']],
        ['html', ['render', SAAS, '--format', 'html']],
        ['markdown', ['export', SAAS, '--format', 'markdown']],
    ])('%s shows the review date and no age', (_format, args) => {
        const result = journey(args);
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toContain('2026-10-15');
        expect(result.stdout).not.toMatch(AGE);
    });

    it('json leaves the age out too', () => {
        const result = journey(['export', SAAS, '--format', 'json']);
        expect(JSON.parse(result.stdout)).not.toHaveProperty('reviewAgeDays');
    });

    it('--today pins the day and brings the age back', () => {
        const svg = journey(['render', SAAS, '--today', '2026-11-23']).stdout;
        expect(svg).toContain('last review: 2026 Q3 tune-up, 2026-10-15 (39 days ago)');
        const markdown = journey(['export', SAAS, '--format', 'markdown', '--today', '2026-11-23']).stdout;
        expect(markdown).toContain('2026-10-15 (39 days ago)');
    });

    it('a stale map still says so, without a day count that changes daily', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-dates-'));
        cpSync('test/fixtures/saas', folder, { recursive: true });
        const file = path.join(folder, 'saas.journey');
        // Its recorded review counts as a review too: both dates move back.
        writeFileSync(file, readFileSync(file, 'utf8').replace('reviewed 2026-10-15', 'reviewed 2020-01-01').replace('on 2026-10-15', 'on 2019-12-01'));
        const svg = journey(['render', file]).stdout;
        expect(svg).toContain('reviewed 2020-01-01');
        expect(svg).toContain('STALE: not reviewed for over 90 days');
        expect(svg).not.toMatch(AGE);
        expect(journey(['render', file, '--today', '2020-06-01']).stdout).toContain('STALE: not reviewed for 152 days');
    });
});
