/**
 * The preview reuses the rows of a wrapped map that a keystroke did not
 * change (src/diagram/layout/row-cache.ts): after random edits of every kind
 * of text and reference, the map drawn with the cache of all the maps before
 * is the map drawn afresh, byte for byte.
 */
import { afterAll, expect, test } from 'vitest';
import { layoutJourney, renderSvg, RowCache } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { journeyView } from '../../src/model/views.js';
import { generateJourney, sharedDeclarations } from '../../bench/generate.js';
import { journeyOf } from '../helpers/model.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

/** A small deterministic generator (mulberry32): a failure names its seed and edit. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const WORDS = ['Kickoff', 'renewal call', 'a much longer title that wraps onto more lines than before', 'SSO', 'QBR', ''];

/** One edit as a person makes it: a title or text retyped, a number changed, a reference pointed elsewhere. */
function edit(texts: string[], next: () => number): { texts: string[]; what: string } {
    const file = next() < 0.3 ? 0 : 1;
    const text = texts[file];
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const kind = pick(['string', 'number', 'reference'] as const);
    const pattern = kind === 'string' ? /"[^"\n]*"/g : kind === 'number' ? /(?<=[\s=])[+-]?\d+(?=[\s}])/g : /(?<=\b(?:at|addresses|owner|for|next)\s+)[a-z_]\w*/g;
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) return { texts, what: 'nothing' };
    const match = pick(matches);
    const names = [...text.matchAll(/\b(?:touchpoint|painpoint|team|segment|initiative)\s+(\w+)/g)].map((m) => m[1]);
    const replacement = kind === 'string' ? `"${pick(WORDS)}"` : kind === 'number' ? String(Math.floor(next() * 7) - 3) : pick(names.length > 0 ? names : [match[0]]);
    const edited = text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length);
    return { texts: texts.map((t, i) => (i === file ? edited : t)), what: `${match[0]} → ${replacement} at ${match.index} of file ${file}` };
}

test.each([20261202, 7])('a wrapped map drawn with the rows of the maps before is the map drawn afresh (seed %i)', async (seed) => {
    const next = random(seed);
    let texts = [sharedDeclarations(), generateJourney(120)];
    const cache = new RowCache();
    let reused = 0;
    let before = new Set<object>();
    for (let i = 0; i < 30; i++) {
        const edited = edit(texts, next);
        texts = edited.texts;
        const journey = await journeyOf(texts);
        const view = journeyView(journey, { audience: i % 7 === 3 ? 'customer' : 'internal', segment: i % 5 === 4 ? 'enterprise' : undefined });
        const maxWidth = i % 4 === 0 ? 900 : 520;
        const cached = await layoutJourney(view, layouter, { maxWidth, rows: cache });
        const fresh = await layoutJourney(view, layouter, { maxWidth });
        reused += cached.touchpoints.filter((card) => before.has(card)).length;
        before = new Set(cached.touchpoints);
        expect(renderSvg(cached), `seed ${seed}, edit ${i}: ${edited.what}`).toBe(renderSvg(fresh));
    }
    // The cache is used: most cards come from rows laid out before.
    expect(reused).toBeGreaterThan(300);
});
