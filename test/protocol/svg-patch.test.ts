import { afterAll, describe, expect, test } from 'vitest';
import { renderJourneySvg } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { diffSvg, joinSvg, patchSize, patchSvgTree, splitSvg } from '../../src/protocol/svg-patch.js';
import type { Journey } from '../../src/model/types.js';
import { generatedJourney, saasJourney } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

function retitled(journey: Journey, touchpoint: string, title: string): Journey {
    return { ...journey, touchpoints: journey.touchpoints.map((t) => (t.name === touchpoint ? { ...t, title } : t)) };
}

describe('a map split for patches', () => {
    test('splits a real map losslessly, into its sections and their cards', async () => {
        const svg = await renderJourneySvg(saasJourney(), layouter, { theme: 'dark' });
        const tree = splitSvg(svg)!;
        expect(joinSvg(tree)).toBe(svg);
        expect(tree.open).toMatch(/^<svg [^>]*>$/);
        const touchpoints = tree.children.find((child) => child.group?.open.includes('id="touchpoints"'))!;
        expect(touchpoints.group!.children).toHaveLength(saasJourney().touchpoints.length);
        expect(touchpoints.group!.children[0]).toMatch(/^<g id="touchpoint-/);
        // The style sheet is one part, whatever its rules hold.
        expect(tree.children.filter((child) => child.markup.trimStart().startsWith('<style>'))).toHaveLength(1);
    });

    test('a title typed into one card of a 12-stage map: the patch holds that card and what names it, not the map', async () => {
        const journey = generatedJourney(12, 6);
        const name = journey.touchpoints[40].name;
        const before = await renderJourneySvg(journey, layouter, { maxWidth: 900 });
        const after = await renderJourneySvg(retitled(journey, name, `${journey.touchpoints[40].title}x`), layouter, { maxWidth: 900 });
        const patch = diffSvg(splitSvg(before)!, splitSvg(after)!);
        expect(joinSvg(patchSvgTree(splitSvg(before)!, patch))).toBe(after);
        expect(patch.edits.some((edit) => edit.insert.some((markup) => markup.includes(`id="touchpoint-${name}"`)))).toBe(true);
        expect(patchSize(patch)).toBeLessThan(after.length / 20);
    });

    test('patches that add and remove sections, cards and the style sheet give the new map exactly', () => {
        const maps = [
            '<svg a="1"><style>x{}</style><g id="g"><g id="c1"/><g id="c2"><text>a</text></g></g><rect/></svg>\n',
            '<svg a="2"><style>y{}</style><g id="g"><g id="c2"><text>b</text></g><g id="c3"/></g></svg>\n',
            '<svg a="2"><g id="g"><g id="c0"/></g><g id="h"><rect/></g><rect/></svg>\n',
            '<svg a="3">\n<title>t</title>\n<g id="g"></g>\n</svg>\n',
        ];
        for (const before of maps) {
            for (const after of maps) {
                const patched = patchSvgTree(splitSvg(before)!, diffSvg(splitSvg(before)!, splitSvg(after)!));
                expect(joinSvg(patched)).toBe(after);
                // A patched tree patches on as a freshly split one does.
                expect(joinSvg(patchSvgTree(patched, diffSvg(patched, splitSvg(before)!)))).toBe(before);
            }
        }
    });

    test('the same map twice: no edits', async () => {
        const svg = await renderJourneySvg(saasJourney(), layouter);
        expect(diffSvg(splitSvg(svg)!, splitSvg(svg)!).edits).toEqual([]);
    });

    test('text that is not one SVG element is not split', () => {
        expect(splitSvg('not a map')).toBeUndefined();
        expect(splitSvg('<svg><g>')).toBeUndefined();
    });
});
