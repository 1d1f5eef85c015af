import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const SAAS = 'test/fixtures/saas/saas.journey';
const HOSTILE = 'test/fixtures/hostile/hostile.journey';
const TODAY = ['--today', '2026-11-23'];

describe('journey export --format json', () => {
    it('prints the model of the journey, resolved against the shared file of its folder', () => {
        const result = journey(['export', SAAS, '--format', 'json', ...TODAY]);
        expect(result.status).toBe(0);
        const model = JSON.parse(result.stdout) as { teams: { name: string }[] };
        expect(model).toMatchObject({ kind: 'journey', name: 'saas', owner: 'cs', reviewAgeDays: 39, view: { audience: 'internal' } });
        expect(model.teams.map((team) => team.name)).toContain('marketing');
    });

    it('applies --segment and --audience', () => {
        const result = journey(['export', SAAS, '--format', 'json', '--segment', 'midmarket', '--audience', 'customer', ...TODAY]);
        const model = JSON.parse(result.stdout) as { view: unknown; touchpoints: { name: string }[] };
        expect(model.view).toEqual({ segment: 'midmarket', audience: 'customer' });
        expect(model.touchpoints.map((t) => t.name)).toEqual(['website', 'welcome', 'selfServe', 'sso']);
        expect(result.stdout).not.toContain('handoff');
    });

    it('writes -o whole and leaves the input untouched', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-export-'));
        const before = readFileSync(SAAS, 'utf8');
        const result = journey(['export', SAAS, '--format', 'mermaid', '-o', path.join(folder, 'map.mmd')]);
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('');
        expect(readFileSync(path.join(folder, 'map.mmd'), 'utf8')).toMatch(/^journey\n {2}title B2B SaaS customer journey\n/);
        expect(readdirSync(folder)).toEqual(['map.mmd']);
        expect(readFileSync(SAAS, 'utf8')).toBe(before);
    });
});

describe('journey export refuses what it cannot export', () => {
    it('exits 1 with the diagnostics of a file with errors and writes nothing', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-export-'));
        const target = path.join(folder, 'report.md');
        const result = journey(['export', 'test/fixtures/broken/broken.journey', '--format', 'markdown', '-o', target]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/broken\.journey:7:28: error journey\.emotion-out-of-range/);
        expect(existsSync(target)).toBe(false);
        expect(readdirSync(folder)).toEqual([]);
    });

    it('exports despite warnings', () => {
        // Never reviewed and an unaddressed high pain point: warnings, not errors.
        const result = journey(['export', 'test/fixtures/hostile/hostile.journey', '--format', 'json', '--today', '2030-01-01']);
        expect(result.status).toBe(0);
    });

    it('exits 2 with one line for an unknown segment, journey, format or a missing file', () => {
        const cases = [
            [[SAAS, '--format', 'json', '--segment', 'smb'], /unknown segment "smb" \(segments: enterprise, midmarket\)/],
            [[SAAS, '--format', 'json', '--journey', 'other'], /unknown journey "other" \(journeys: saas\)/],
            [[SAAS, '--format', 'pdf'], /--format must be one of json, mermaid, markdown/],
            [[SAAS], /--format is required/],
            [['missing.journey', '--format', 'json'], /missing\.journey: no such file or folder/],
            [['test/fixtures/saas/shared.journey', '--format', 'json'], /declares no journey/],
            [[SAAS, 'second.journey', '--format', 'json'], /expected one \.journey file, got 2/],
        ] as const;
        for (const [args, message] of cases) {
            const result = journey(['export', ...args]);
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stderr.trim().split('\n')).toHaveLength(1);
            expect(result.stderr).toMatch(message);
        }
    });
});

describe('journey export --format markdown', () => {
    it('reports stages, pain points by severity, initiatives and metrics against targets', () => {
        const result = journey(['export', SAAS, '--format', 'markdown', ...TODAY]);
        expect(result.status).toBe(0);
        const report = result.stdout;
        const headings = [...report.matchAll(/^##+ (.+)$/gm)].map((match) => match[1]);
        expect(headings).toEqual([
            'Map', 'Stages', '1. Awareness (net emotion +1)', '2. Onboarding (net emotion +1)', '3. Renewal (net emotion +1)',
            'Pain points by severity', 'High', 'Medium', 'Initiatives', 'Metrics', 'Reviews', '2026 Q3 tune-up (2026-10-15)',
        ]);
        expect(report).toContain('| Time to value | Onboarding | ≤ 14 days | 21 days | ❌ missed |');
        expect(report).toContain('| Guided SSO wizard | Product | active | 2027-01-31 | high / medium | SSO setup is confusing |');
        expect(report).toContain("  - Evidence: 38 support tickets tagged 'sso' in Q3");
    });

    it('leaves evidence and internal elements out of the customer-facing report', () => {
        const report = journey(['export', SAAS, '--format', 'markdown', '--audience', 'customer', ...TODAY]).stdout;
        expect(report).not.toContain('Evidence');
        expect(report).not.toContain('handoff loses context');
        expect(report).toContain('customer-facing');
    });

    it('escapes hostile titles: no HTML tag, link or table cell survives', () => {
        const report = journey(['export', HOSTILE, '--format', 'markdown', ...TODAY]).stdout;
        const outsideMermaid = report.replace(/```mermaid[\s\S]*?\n```/, '');
        expect(outsideMermaid).not.toMatch(/<(script|img|iframe|b|\/text)/i);
        expect(outsideMermaid).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
        expect(outsideMermaid).toContain('"&gt;&lt;img src=x onerror=alert\\(5\\)&gt;');
        expect(outsideMermaid).toContain('\\[link\\]\\(javascript:alert\\(3\\)\\)');
        // A table row keeps its five cells whatever the titles hold.
        for (const row of outsideMermaid.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Touchpoint'))) {
            expect(row.split(/(?<!\\)\|/).length, row).toBeGreaterThanOrEqual(6);
        }
        // The title's backticks cannot close the Mermaid fence.
        expect(report).toMatch(/^```mermaid$/m);
    });
});
