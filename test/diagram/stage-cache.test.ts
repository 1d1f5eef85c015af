import { afterAll, expect, test } from 'vitest';
import { layoutJourney } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import type { ElkNode } from '../../src/diagram/elk/elk-graph-types.js';
import { layouterOf } from '../../src/diagram/elk/layouter.js';
import { StageLayoutCache } from '../../src/diagram/elk/stage-layout-cache.js';
import { generatedJourney } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

/** A stand-in for ELK that records the stages it is sent. */
function recordingElk(sent: string[][]) {
    return (root: ElkNode) => {
        sent.push((root.children ?? []).map((stage) => stage.id));
        return Promise.resolve({ ...root, children: (root.children ?? []).map((stage) => ({ ...stage, x: 0, y: 0, width: 300, height: 100 })) });
    };
}

const stage = (id: string, width: number): ElkNode => ({ id, children: [{ id: `${id}-card`, width, height: 40 }] });
const root = (widths: number[]): ElkNode => ({ id: 'cache-test', children: widths.map((width, i) => stage(`cache-test-${i}`, width)) });

test('after an edit in one stage, only that stage goes to ELK again', async () => {
    const sent: string[][] = [];
    const elk = recordingElk(sent);
    const cache = new StageLayoutCache();
    const first = await cache.layoutStages(root([100, 110, 120]), elk);
    const second = await cache.layoutStages(root([100, 111, 120]), elk);
    expect(sent).toEqual([['cache-test-0', 'cache-test-1', 'cache-test-2'], ['cache-test-1']]);
    expect(second.children!.map((s) => s.id)).toEqual(['cache-test-0', 'cache-test-1', 'cache-test-2']);
    expect(second.children![0]).toBe(first.children![0]);
    expect(second.children![1].children![0].width).toBe(111);
});

test('two layouters share no stages', async () => {
    const sent: string[][] = [];
    // Every stage to (the stand-in for) ELK: none laid out by our own placement.
    const layouterSending = () => layouterOf({ run: recordingElk(sent), warmUp: () => {}, dispose: () => Promise.resolve() }, () => undefined);
    await layouterSending().layout(root([100, 110]));
    await layouterSending().layout(root([100, 110]));
    expect(sent).toEqual([['cache-test-0', 'cache-test-1'], ['cache-test-0', 'cache-test-1']]);
});

test('a map drawn from reused stages is the map drawn from scratch', async () => {
    const journey = generatedJourney(8, 5);
    await layoutJourney(journey, layouter);
    const edited = structuredClone(journey);
    edited.touchpoints[12] = { ...edited.touchpoints[12], title: 'A much longer title for this one touchpoint, wrapping over lines' };
    const reused = await layoutJourney(edited, layouter);
    const fresh = await layoutJourney(edited, layouter, { reuseStages: false });
    expect(reused).toEqual(fresh);
    expect(fresh.touchpoints[12].height).toBeGreaterThan(fresh.touchpoints[11].height);
});
