/**
 * The layout measures text with the real advance widths of the font every
 * surface draws with (media/fonts): the committed table is what the font
 * files say, and measureText adds exactly those widths. A font file changed
 * without `node scripts/font-metrics.mjs` fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontAdvance, fontMetricsSource } from '../../scripts/font-metrics.mjs';
import { NOTDEF_ADVANCE, UNITS_PER_EM } from '../../src/diagram/font-metrics.js';
import { measureText, wrapText } from '../../src/diagram/text-measure.js';

describe('text measurement and the shipped font', () => {
    it('holds the advance widths of the font files (regenerate with node scripts/font-metrics.mjs)', () => {
        expect(readFileSync('src/diagram/font-metrics.ts', 'utf8')).toBe(fontMetricsSource());
    });

    it.each([
        ['Closed-won handoff → Discovery workshop', 'normal'],
        ['SSO setup is confusing (38 tickets, ≤ 14 days) — “Q3”', 'bold'],
        ['Zürich Çalışma Éléphant Ærøskøbing', 'normal'],
        ['Онбординг Ξεκίνημα', 'bold'],
        ['WAVE Tea 100 % AVATAR', 'normal'],
    ] as const)('measures "%s" (%s) as the sum of the font\'s advances', (text, weight) => {
        expect(measureText(text, 16, weight)).toBe((fontAdvance(text, weight) * 16) / UNITS_PER_EM);
    });

    it('measures what the font lacks on the safe side: a full em for CJK and emoji, the empty box for other scripts', () => {
        expect(measureText('顧客体験', 20)).toBe(80);
        expect(measureText('🚀', 20)).toBe(20);
        // A family emoji is one picture in a colour-emoji font, four boxes without one: room for four.
        expect(measureText('👨\u200d👩\u200d👧\u200d👦', 20)).toBe(80);
        expect(measureText('رحلة', 20)).toBe((4 * NOTDEF_ADVANCE * 20) / UNITS_PER_EM);
        expect(measureText('e\u0301', 20)).toBe(measureText('e', 20));
    });

    it('wraps a mixed-script title inside its width', () => {
        const lines = wrapText('Onboarding オンボーディング رحلة العميل 👨\u200d👩\u200d👧\u200d👦 kickoff', 160, 14, 'bold');
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) expect(measureText(line, 14, 'bold')).toBeLessThanOrEqual(160);
    });
});
