import { describe, expect, it } from 'vitest';
import { prioritizeInitiatives, quadrantOf } from '../../../src/model/tune-up/priorities.js';
import { journeyOf } from '../../helpers/model.js';
import { loadExample } from './examples.js';

const names = (ranked: ReturnType<typeof prioritizeInitiatives>) => ranked.map((entry) => entry.initiative.name);

describe('priority order of initiatives', () => {
    it('puts high impact for low effort first, then by impact, closed ones last (support example)', async () => {
        const journey = await loadExample('support-heavy', 'support');
        const ranked = prioritizeInitiatives(journey);
        expect(names(ranked)).toEqual(['bugSla', 'caseSummary', 'followTheSun', 'articleOwners', 'botRetrain', 'callback']);
        expect(ranked.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(ranked.filter((entry) => !entry.open).map((entry) => entry.initiative.name)).toEqual(['botRetrain', 'callback']);
    });

    it('breaks a tie of impact and effort by the severity of what they address, then by due date', async () => {
        const journey = await journeyOf(`journey j {
            stage s { touchpoint t
                painpoint low1 { severity low } painpoint crit { severity critical } painpoint med { severity medium } }
            initiative lateLow { addresses low1 impact medium effort medium due 2027-01-01 }
            initiative later { addresses med impact medium effort medium due 2027-06-01 }
            initiative sooner { addresses med impact medium effort medium due 2027-02-01 }
            initiative fixCrit { addresses crit, low1 impact medium effort medium }
            initiative noDate { addresses med impact medium effort medium }
        }`);
        expect(names(prioritizeInitiatives(journey))).toEqual(['fixCrit', 'sooner', 'later', 'noDate', 'lateLow']);
    });

    it('ranks an initiative without an estimate as low impact for high effort, after rated ones', async () => {
        const journey = await journeyOf(`journey j { stage s { touchpoint t }
            initiative unrated { }
            initiative thankless { impact low effort high }
            initiative quick { impact high effort low }
        }`);
        const ranked = prioritizeInitiatives(journey);
        expect(names(ranked)).toEqual(['quick', 'thankless', 'unrated']);
        expect(ranked.map((entry) => entry.quadrant)).toEqual(['quick-win', 'thankless', 'not-rated']);
    });

    it('keeps document order for initiatives that are equal in everything', async () => {
        const journey = await journeyOf('journey j { stage s { touchpoint t } initiative b { impact high effort low } initiative a { impact high effort low } }');
        expect(names(prioritizeInitiatives(journey))).toEqual(['b', 'a']);
    });

    it('has no initiatives to rank in a journey without any', async () => {
        expect(prioritizeInitiatives(await journeyOf('journey j { stage s { touchpoint t } }'))).toEqual([]);
    });
});

describe('quadrants of the impact × effort matrix', () => {
    it('names every cell', () => {
        const cells = (['high', 'medium', 'low'] as const).map((impact) =>
            (['low', 'medium', 'high'] as const).map((effort) => quadrantOf(impact, effort)));
        expect(cells).toEqual([
            ['quick-win', 'major-project', 'major-project'],
            ['quick-win', 'thankless', 'thankless'],
            ['fill-in', 'fill-in', 'thankless'],
        ]);
        expect(quadrantOf(undefined, 'low')).toBe('not-rated');
        expect(quadrantOf('high', undefined)).toBe('not-rated');
    });
});
