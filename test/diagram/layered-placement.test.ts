/**
 * Our own layout of the stages (src/diagram/layered): the maps people write
 * never need ELK, the map it draws passes every geometry check, a loop back
 * and forth reads as two edges, and a stage too large for it still goes to ELK.
 */
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { generateJourney, sharedDeclarations } from '../../bench/generate.js';
import { layoutJourney } from '../../src/diagram/index.js';
import { createElkEngine } from '../../src/diagram/elk/elk-engine.js';
import type { ElkNode } from '../../src/diagram/elk/elk-graph-types.js';
import { layouterOf } from '../../src/diagram/elk/layouter.js';
import { findJourneyFiles, loadJourneyFiles } from '../../src/language/workspace-loader.js';
import { checkGeometry } from '../helpers/diagram-geometry.js';
import { journeyOf } from '../helpers/model.js';
import { TODAY } from '../helpers/services.js';

/** A layouter whose ELK lays out the stages it is sent in this thread, after noting their ids in `sent`. */
function layouterNoting(sent: string[]) {
    return layouterOf({
        run: (root: ElkNode) => {
            sent.push(...(root.children ?? []).map((stage) => stage.id));
            return createElkEngine().layout(structuredClone(root));
        },
        warmUp: () => {},
        dispose: () => Promise.resolve(),
    });
}

/** A journey of stages of the given sizes, the flow in document order. */
function journeyText(sizes: number[]): string {
    const stages = sizes.map((size, s) => {
        const cards = Array.from({ length: size }, (_, t) => `    touchpoint t${s}_${t} "Step ${t + 1} of stage ${s + 1}" { channel web  emotion 0 }`);
        return `  stage s${s} "Stage ${s + 1}" {\n${cards.join('\n')}\n  }`;
    });
    return `journey sizes "Stages of ${sizes.join(', ')}" {\n${stages.join('\n')}\n}\n`;
}

test('the benchmark map (stages of ten with branches, pain points, initiatives) needs no ELK, in one row or wrapped', async () => {
    const journey = await journeyOf([generateJourney(150), sharedDeclarations()]);
    const sent: string[] = [];
    for (const maxWidth of [undefined, 1920]) {
        const layout = await layoutJourney(journey, layouterNoting(sent), { maxWidth });
        checkGeometry(journey, layout);
    }
    expect(sent).toEqual([]);
});

test('a loop back and forth between two cards is two edges: apart on both cards, never on one line', async () => {
    const { model } = await loadJourneyFiles(await findJourneyFiles([path.resolve('test/fixtures/diagram')]), { today: TODAY });
    const sent: string[] = [];
    const layout = await layoutJourney(model.journeys[0], layouterNoting(sent));
    expect(sent).toEqual([]);
    const edge = (from: string, to: string) => layout.edges.find((e) => e.from === from && e.to === to)!.points;
    const [there, back] = [edge('importData', 'ticket'), edge('ticket', 'importData')];
    // Where they leave and meet the import card, and where they meet and leave the ticket card, at least 8 px apart.
    expect(Math.abs(there[0].y - back.at(-1)!.y)).toBeGreaterThanOrEqual(8);
    expect(Math.abs(there.at(-1)!.y - back[0].y)).toBeGreaterThanOrEqual(8);
    // No piece of one runs along a piece of the other.
    const pieces = (points: { x: number; y: number }[]) => points.slice(1).map((q, i) => [points[i], q] as const);
    for (const [p, q] of pieces(there)) {
        for (const [r, s] of pieces(back)) {
            const vertical = p.x === q.x && r.x === s.x && p.x === r.x && Math.max(p.y, q.y) > Math.min(r.y, s.y) && Math.max(r.y, s.y) > Math.min(p.y, q.y);
            const horizontal = p.y === q.y && r.y === s.y && p.y === r.y && Math.max(p.x, q.x) > Math.min(r.x, s.x) && Math.max(r.x, s.x) > Math.min(p.x, q.x);
            expect(vertical || horizontal, `importData→ticket and back share a line at (${p.x}, ${p.y})`).toBe(false);
        }
    }
});

test('a stage too large for our placement goes to ELK, alone; the map is whole and in order', async () => {
    const journey = await journeyOf(journeyText([3, 401, 3]));
    const sent: string[] = [];
    const layout = await layoutJourney(journey, layouterNoting(sent));
    expect(sent).toEqual(['stage:s1']);
    checkGeometry(journey, layout);
}, 60_000);
