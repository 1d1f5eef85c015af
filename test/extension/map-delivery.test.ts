import { describe, expect, it } from 'vitest';
import { MapDelivery } from '../../src/extension/map-delivery.js';
import type { DrawnMap } from '../../src/protocol/diagram-requests.js';
import { diffSvg, splitSvg } from '../../src/protocol/svg-patch.js';

const svgOf = (titles: string[]) => `<svg xmlns="http://www.w3.org/2000/svg"><style>x{}</style><g id="touchpoints">${titles.map((t, i) => `<g id="touchpoint-t${i}"><text>${t}</text></g>`).join('')}</g></svg>\n`;
const TITLES = Array.from({ length: 40 }, (_, i) => `Touchpoint number ${i}`);
const BEFORE = svgOf(TITLES);
const AFTER = svgOf(TITLES.map((t, i) => (i === 7 ? `${t}, typed` : t)));

function drawn(svg: string, mapId?: string, patch?: DrawnMap['patch']): DrawnMap {
    return { journey: 'j', journeys: [], segments: [], svg, sources: {}, mapId, patch };
}

describe("a preview's map on its way to the page", () => {
    it('sends the first map whole, then what changed, whether the server sent the map whole or patched', () => {
        const delivery = new MapDelivery();
        expect(delivery.receive(drawn(BEFORE, '1'))).toEqual({ svg: BEFORE });
        expect(delivery.since).toBe('1');

        const sent = delivery.receive(drawn(AFTER, '2'));
        expect(sent && 'patch' in sent && sent.patch.edits).toEqual([{ group: 1, start: 7, deleteCount: 1, insert: ['<g id="touchpoint-t7"><text>Touchpoint number 7, typed</text></g>'] }]);

        const back = diffSvg(splitSvg(AFTER)!, splitSvg(BEFORE)!);
        expect(delivery.receive(drawn('', '3', { since: '2', patch: back }))).toEqual({ patch: back });
        expect(delivery.svg).toBe(BEFORE);
        expect(delivery.since).toBe('3');
    });

    it('sends the whole map to a page that was cleared or reloaded, and to a preview of another document', () => {
        const delivery = new MapDelivery();
        delivery.receive(drawn(BEFORE, '1'));
        delivery.pageCleared();
        expect(delivery.receive(drawn('', '2', { since: '1', patch: diffSvg(splitSvg(BEFORE)!, splitSvg(AFTER)!) }))).toEqual({ svg: AFTER });
        delivery.forget();
        expect(delivery.hasMap).toBe(false);
        expect(delivery.since).toBeUndefined();
        expect(delivery.receive(drawn(BEFORE, '3'))).toEqual({ svg: BEFORE });
    });

    it('asks for the whole map again when the server patched a map it no longer holds', () => {
        const delivery = new MapDelivery();
        delivery.receive(drawn(BEFORE, '1'));
        expect(delivery.receive(drawn('', '5', { since: '4', patch: diffSvg(splitSvg(BEFORE)!, splitSvg(AFTER)!) }))).toBeUndefined();
        expect(delivery.since).toBeUndefined();
        expect(delivery.hasMap).toBe(false);
    });
});
