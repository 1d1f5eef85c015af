import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { renderPrioritiesSvg } from '../../src/diagram/index.js';
import { layoutPriorities } from '../../src/diagram/priorities/priorities-layout.js';
import { THEMES } from '../../src/protocol/theme.js';
import { journeyOf } from '../helpers/model.js';
import { loadExample, loadExampleWorkspace } from '../model/tune-up/examples.js';

const TODAY = '2026-11-23';
const NO_FONTS = { font: { loadSystemFonts: false } };

/** Which cell (impact row, effort column) each card sits in, read from the geometry. */
function cellsOfCards(layout: ReturnType<typeof layoutPriorities>): Record<string, string> {
    return Object.fromEntries(layout.cards.map((card) => {
        const cell = layout.cells.find((c) => card.x >= c.x && card.x + card.width <= c.x + c.width && card.y >= c.y && card.y + card.height <= c.y + c.height)!;
        return [card.name, cell.quadrant];
    }));
}

describe('the priorities matrix', () => {
    it('puts every initiative of the support example in its impact × effort cell, quick wins highlighted', async () => {
        const layout = layoutPriorities(await loadExample('support-heavy', 'support'), TODAY);
        expect(cellsOfCards(layout)).toEqual({
            bugSla: 'quick-win', caseSummary: 'quick-win', followTheSun: 'major-project', articleOwners: 'thankless', botRetrain: 'major-project', callback: 'thankless',
        });
        expect(layout.cells.filter((cell) => cell.highlighted).map((cell) => cell.quadrant)).toEqual(['quick-win', 'quick-win']);
        expect(layout.counts).toEqual({
            initiatives: 6,
            quickWins: ['Bug triage SLA between Support and Product', 'Case summary handed over at escalation'],
            pastDue: ['Bug triage SLA between Support and Product'],
        });
    });

    it('never overlaps two cards, and stacks a cell in priority order', async () => {
        for (const folder of ['b2b-saas', 'support-heavy', 'workspace']) {
            for (const journey of (await loadExampleWorkspace(folder)).journeys) {
                const layout = layoutPriorities(journey, TODAY);
                const { cards } = layout;
                const cellIndex = (card: (typeof cards)[number]) => layout.cells.findIndex((c) => card.x >= c.x && card.x < c.x + c.width && card.y >= c.y && card.y < c.y + c.height);
                for (const a of cards) {
                    for (const b of cards) {
                        if (a === b) continue;
                        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
                        expect(apart, `${a.name} and ${b.name} overlap in ${journey.name}`).toBe(true);
                        if (cellIndex(a) === cellIndex(b) && a.rank < b.rank) expect(a.y).toBeLessThan(b.y);
                    }
                }
            }
        }
    });

    it('links each card to the pain points it addresses, with their severity, and to its declaration', async () => {
        const svg = renderPrioritiesSvg(await loadExample('support-heavy', 'support'), { today: TODAY });
        const card = /<g id="initiative-bugSla"[^>]*>/.exec(svg)![0];
        expect(card).toContain('data-kind="initiative"');
        expect(card).toContain('data-due="past-due"');
        expect(card).toMatch(/aria-label="Initiative #1 Bug triage SLA between Support and Product, high impact, low effort, active, past due since 2026-11-13, owner Product, addresses high: Bugs wait/);
        const inCard = svg.slice(svg.indexOf('<g id="initiative-bugSla"'), svg.indexOf('<g id="initiative-caseSummary"'));
        expect([...inCard.matchAll(/data-kind="painpoint" data-name="(\w+)" data-severity="(\w+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['bugLimbo high', 'fixesDoNotHold high']);
        expect(svg).toMatch(/<desc id="jm-desc">Impact and effort matrix of 6 initiatives of Getting help\. Open quick wins: Bug triage SLA/);
    });

    it('puts initiatives without an estimate in a row of their own, and draws an empty matrix with a note', async () => {
        const layout = layoutPriorities(await journeyOf('journey j { stage s { touchpoint t } initiative a { } initiative b { impact high } initiative c { impact low effort low } }'), TODAY);
        expect(cellsOfCards(layout)).toEqual({ a: 'not-rated', b: 'not-rated', c: 'fill-in' });
        const empty = layoutPriorities(await journeyOf('journey j { stage s { touchpoint t } }'), TODAY);
        expect(empty.cards).toEqual([]);
        expect(empty.emptyNote?.text).toMatch(/^No initiatives yet/);
    });

    it('is well-formed XML in every theme, hostile titles escaped, the same bytes for the same day', async () => {
        const hostile = await journeyOf(`journey h "<script>alert(1)</script>" { stage s { touchpoint t
            painpoint p "\\"><img src=x onerror=alert(2)>" { severity critical } }
            initiative i "</text><script>alert(3)</script> & ]]>" { addresses p impact high effort low due 2026-01-01 } }`);
        for (const theme of THEMES) {
            const svg = renderPrioritiesSvg(hostile, { today: TODAY, theme });
            expect(svg).not.toMatch(/<script|<img/);
            expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; ]]&gt;');
            expect(new Resvg(svg, NO_FONTS).render().width).toBeGreaterThan(0);
        }
        expect(renderPrioritiesSvg(hostile, { today: TODAY })).toBe(renderPrioritiesSvg(hostile, { today: TODAY }));
    });
});
