// A journey `for` some segments has no view for the others: `--segment` says so in one line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const MAP = `segment enterprise "Enterprise"
segment smb "Small business"
journey enterprise_onboarding "Enterprise onboarding" {
  for enterprise
  reviewed 2026-11-01
  stage kickoff { touchpoint call "Kickoff call" { emotion +1 } }
}
`;

describe('journey render --segment on a journey for some segments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-segments-'));
    const file = join(dir, 'map.journey');
    writeFileSync(file, MAP);

    it('draws the view of one of its segments', () => {
        const result = journey(['render', file, '--segment', 'enterprise', '--today', '2026-11-20']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('Kickoff call');
    });

    it('refuses another segment in one line that says which segments it has', () => {
        const result = journey(['render', file, '--segment', 'smb', '--today', '2026-11-20']);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim().split('\n')).toEqual([
            `journey render: journey 'enterprise_onboarding' is only for enterprise: it has no view for segment "smb" (leave --segment out, or use one of its segments)`,
        ]);
    });
});
