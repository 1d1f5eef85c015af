// The CLI end to end on a map with an emotion of one segment and a metric's earlier values.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const MAP = `segment smb "Small business"
segment enterprise "Enterprise"
team cs "Customer Success"
journey onboarding "Onboarding" {
  owner cs
  reviewed 2026-10-01
  metric nps "Net Promoter Score" {
    target >= 40  actual 31
    was 28 on 2026-07-01
    was 25 on 2026-04-01
  }
  stage setup "Setup" {
    touchpoint sso "SSO setup" {
      emotion +1
      emotion for enterprise -2
    }
    touchpoint report "First report" { emotion +1  for smb }
  }
}
`;

describe('emotion for a segment and metric history, through the CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-refinements-'));
    const file = join(dir, 'map.journey');
    writeFileSync(file, MAP);
    const today = ['--today', '2026-11-20'];

    it('draws the enterprise view with the enterprise emotion, and the map of all segments with both', () => {
        const enterprise = journey(['render', file, '--segment', 'enterprise', ...today]);
        expect(enterprise.status).toBe(0);
        expect(enterprise.stdout).toContain('net \u22122');
        expect(enterprise.stdout).not.toContain('for Enterprise');
        const all = journey(['render', file, ...today]);
        expect(all.stdout).toContain('emotion \u22122 for Enterprise');
        expect(all.stdout).toContain('Net Promoter Score: 25 \u2192 28 \u2192 31 (target \u2265 40)');
    });

    it('writes the trend into the agenda', () => {
        const agenda = journey(['agenda', file, ...today]);
        expect(agenda.status).toBe(0);
        expect(agenda.stdout).toContain('Net Promoter Score: 25 \u2192 28 \u2192 **31**');
    });

    it('reports an earlier value dated after today, with its code and place', () => {
        const future = join(dir, 'future.journey');
        writeFileSync(future, MAP.replace('was 28 on 2026-07-01', 'was 28 on 2027-07-01'));
        const result = journey(['validate', future, '--min-severity', 'warning', ...today]);
        expect(result.status).toBe(0);
        expect(result.stdout.trim().split('\n')).toEqual([
            `${future}:9:15: warning journey.future-metric-date: Metric 'nps' was 28 on 2027-07-01, after today (2026-11-20): \`was\` records a value measured earlier — give the date it was measured, and today's value as \`actual\``,
        ]);
    });
});
