import { describe, expect, it } from 'vitest';
import { daysBetween, isValidIsoDate } from '../../src/model/dates.js';
import { deriveFlow, isPastDue, isUnaddressed, metricStatus, netEmotion, reviewAge } from '../../src/model/derived-facts.js';
import type { Touchpoint } from '../../src/model/types.js';
import { journeyOf } from '../helpers/model.js';

function touchpoint(name: string, next: string[] = [], emotion?: number): Touchpoint {
    return { kind: 'touchpoint', name, title: name, stage: 's', segments: [], internal: false, next, emotion };
}

describe('flow', () => {
    it('follows document order when no touchpoint has next', () => {
        expect(deriveFlow([touchpoint('a'), touchpoint('b'), touchpoint('c')])).toEqual({
            flow: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }],
            flowIsExplicit: false,
        });
    });

    it('uses only the explicit edges as soon as one touchpoint has next', () => {
        expect(deriveFlow([touchpoint('a', ['c']), touchpoint('b'), touchpoint('c', ['a', 'b'])])).toEqual({
            flow: [{ from: 'a', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'b' }],
            flowIsExplicit: true,
        });
    });

    it('crosses stages in document order in a built journey', async () => {
        const journey = await journeyOf('journey j { stage s1 { touchpoint a touchpoint b } stage s2 { touchpoint c } }');
        expect(journey.flow).toEqual([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }]);
    });

    it('has no edge for a single touchpoint', () => {
        expect(deriveFlow([touchpoint('a')]).flow).toEqual([]);
    });
});

describe('net emotion per stage', () => {
    it('sums the emotions, counting a missing one as 0', () => {
        expect(netEmotion([touchpoint('a', [], -2), touchpoint('b'), touchpoint('c', [], 1)])).toBe(-1);
    });

    it('is computed for every stage of a built journey', async () => {
        const journey = await journeyOf('journey j { stage s1 { touchpoint a { emotion -2 } touchpoint b { emotion -1 } } stage s2 }');
        expect(journey.stages.map((stage) => stage.netEmotion)).toEqual([-3, 0]);
    });
});

describe('unaddressed pain points', () => {
    it('flags high and critical pain points without an initiative', () => {
        expect(isUnaddressed('high', [])).toBe(true);
        expect(isUnaddressed('critical', [])).toBe(true);
        expect(isUnaddressed('critical', ['fix'])).toBe(false);
        expect(isUnaddressed('medium', [])).toBe(false);
        expect(isUnaddressed(undefined, [])).toBe(false);
    });

    it('knows which initiatives address a pain point', async () => {
        const journey = await journeyOf(`journey j { stage s { touchpoint t painpoint p { severity critical } painpoint q { severity high } }
            initiative fix { addresses q } initiative alsoFix { addresses q } }`);
        expect(journey.painPoints.map((p) => [p.name, p.addressedBy, p.unaddressed])).toEqual([
            ['p', [], true],
            ['q', ['fix', 'alsoFix'], false],
        ]);
    });
});

describe('metric status', () => {
    const quantity = (value: number) => ({ value, percent: false });
    it('compares the actual with the target in the direction of the comparator', () => {
        expect(metricStatus({ ...quantity(40), comparator: '>=' }, quantity(40))).toBe('met');
        expect(metricStatus({ ...quantity(40), comparator: '>=' }, quantity(31))).toBe('missed');
        expect(metricStatus({ ...quantity(14), comparator: '<=' }, quantity(21))).toBe('missed');
        expect(metricStatus({ ...quantity(14), comparator: '<=' }, quantity(9))).toBe('met');
    });

    it('says what is missing', () => {
        expect(metricStatus(undefined, quantity(1))).toBe('no-target');
        expect(metricStatus({ ...quantity(1), comparator: '>=' }, undefined)).toBe('no-actual');
    });

    it('defaults the comparator to >=', async () => {
        const journey = await journeyOf('journey j { metric csat { target 4.5 actual 4.6 } stage s }');
        expect(journey.metrics[0]).toMatchObject({ target: { comparator: '>=', value: 4.5 }, status: 'met' });
    });
});

describe('past-due initiatives', () => {
    it('is past due the day after the due date unless done or dropped', () => {
        expect(isPastDue('2026-11-22', 'active', '2026-11-23')).toBe(true);
        expect(isPastDue('2026-11-22', undefined, '2026-11-23')).toBe(true);
        expect(isPastDue('2026-11-23', 'active', '2026-11-23')).toBe(false);
        expect(isPastDue('2026-11-22', 'done', '2026-11-23')).toBe(false);
        expect(isPastDue('2026-11-22', 'dropped', '2026-11-23')).toBe(false);
        expect(isPastDue(undefined, 'planned', '2026-11-23')).toBe(false);
    });

    it('is measured against the given today', async () => {
        const text = 'journey j { stage s initiative i { due 2027-01-31 status planned } }';
        expect((await journeyOf(text, '2026-11-23')).initiatives[0].pastDue).toBe(false);
        expect((await journeyOf(text, '2027-02-01')).initiatives[0].pastDue).toBe(true);
    });
});

describe('review age', () => {
    it('counts days since the review and is stale after 90', () => {
        expect(reviewAge('2026-08-25', '2026-11-23')).toEqual({ reviewAgeDays: 90, stale: false });
        expect(reviewAge('2026-08-24', '2026-11-23')).toEqual({ reviewAgeDays: 91, stale: true });
    });

    it('is stale when never reviewed', () => {
        expect(reviewAge(undefined, '2026-11-23')).toEqual({ stale: true });
    });

    it('counts across a leap day', () => {
        expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
        expect(isValidIsoDate('2028-02-29')).toBe(true);
        expect(isValidIsoDate('2026-02-29')).toBe(false);
    });
});
