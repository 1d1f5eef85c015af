import { afterAll, expect, test } from 'vitest';
import { disposeLayoutWorker, layoutJourney } from '../../src/diagram/index.js';
import type { ElkNode } from '../../src/diagram/elk/elk-graph-types.js';
import { layoutStages } from '../../src/diagram/elk/stage-layout-cache.js';
import { generatedJourney } from '../fixtures/journeys.js';

afterAll(() => disposeLayoutWorker());

test('after an edit in one stage, only that stage goes to ELK again', async () => {
    const sent: string[][] = [];
    const elk = (root: ElkNode) => {
        sent.push((root.children ?? []).map((stage) => stage.id));
        return Promise.resolve({ ...root, children: (root.children ?? []).map((stage) => ({ ...stage, x: 0, y: 0, width: 300, height: 100 })) });
    };
    const stage = (id: string, width: number): ElkNode => ({ id, children: [{ id: `${id}-card`, width, height: 40 }] });
    const root = (widths: number[]): ElkNode => ({ id: 'cache-test', children: widths.map((width, i) => stage(`cache-test-${i}`, width)) });

    const first = await layoutStages(root([100, 110, 120]), elk);
    const second = await layoutStages(root([100, 111, 120]), elk);
    expect(sent).toEqual([['cache-test-0', 'cache-test-1', 'cache-test-2'], ['cache-test-1']]);
    expect(second.children!.map((s) => s.id)).toEqual(['cache-test-0', 'cache-test-1', 'cache-test-2']);
    expect(second.children![0]).toBe(first.children![0]);
    expect(second.children![1].children![0].width).toBe(111);
});

test('a map drawn from reused stages is the map drawn from scratch', async () => {
    const journey = generatedJourney(8, 5);
    await layoutJourney(journey);
    const edited = structuredClone(journey);
    edited.touchpoints[12] = { ...edited.touchpoints[12], title: 'A much longer title for this one touchpoint, wrapping over lines' };
    const reused = await layoutJourney(edited);
    const fresh = await layoutJourney(edited, { reuseStages: false });
    expect(reused).toEqual(fresh);
    expect(fresh.touchpoints[12].height).toBeGreaterThan(fresh.touchpoints[11].height);
});
