import { describe, expect, it } from 'vitest';
import { healthSummary, journeyHealth } from '../../../src/model/tune-up/health.js';
import { journeyOf } from '../../helpers/model.js';
import { loadExample, loadExampleWorkspace } from './examples.js';

describe('the health row of a journey', () => {
    it('sums up the support example', async () => {
        const health = journeyHealth(await loadExample('support-heavy', 'support'), '2026-11-23');
        expect(health).toMatchObject({
            name: 'support',
            owner: { name: 'supportOps', title: 'Support Operations' },
            lastReviewed: '2026-10-20',
            reviewAgeDays: 34,
            stale: false,
            touchpoints: 17,
            painPoints: { critical: 1, high: 3, medium: 2, low: 1, unrated: 0, total: 7 },
            unaddressed: 0,
            initiatives: { planned: 2, active: 2, done: 1, dropped: 1, none: 0, total: 6 },
            pastDue: 1,
            metrics: { met: 2, missed: 5, unknown: 0 },
            evidence: { withEvidence: 7, share: 1 },
        });
        expect(healthSummary(health)).toBe('Map reviewed 34 days ago · 1 past due');
    });

    it('has a row for every journey of every example, each journey in one row', async () => {
        for (const folder of ['b2b-saas', 'support-heavy', 'workspace']) {
            const model = await loadExampleWorkspace(folder);
            const rows = model.journeys.map((journey) => journeyHealth(journey, '2026-11-23'));
            expect(rows.map((row) => row.name)).toEqual(model.journeys.map((journey) => journey.name));
            for (const row of rows) {
                expect(row.painPoints.total).toBe(row.painPoints.critical + row.painPoints.high + row.painPoints.medium + row.painPoints.low + row.painPoints.unrated);
                expect(row.initiatives.total).toBe(row.initiatives.planned + row.initiatives.active + row.initiatives.done + row.initiatives.dropped + row.initiatives.none);
            }
        }
    });

    it('counts the net emotion, evidence coverage and unaddressed pain points of a small journey', async () => {
        const health = journeyHealth(await journeyOf(`journey j {
            stage s { touchpoint a { emotion -2 } touchpoint b { emotion +1 }
              painpoint p { severity high evidence "tickets" } painpoint q { } }
            metric m { target >= 3 } }`), '2026-11-23');
        expect(health).toMatchObject({ netEmotion: -1, unaddressed: 1, evidence: { withEvidence: 1, share: 0.5 }, stale: true });
        expect(health.reviewAgeDays).toBeUndefined();
        expect(health.painPoints.unrated).toBe(1);
        expect(health.metrics).toEqual({ met: 0, missed: 0, unknown: 1 });
        expect(healthSummary(health)).toBe('Map never reviewed · 1 unaddressed');
    });

    it('has no evidence share without pain points', async () => {
        const health = journeyHealth(await journeyOf('journey j { reviewed 2026-11-23 stage s { touchpoint a } }'), '2026-11-23');
        expect(health.evidence).toEqual({ withEvidence: 0 });
        expect(healthSummary(health)).toBe('Map reviewed today');
    });
});
