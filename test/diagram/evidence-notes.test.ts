import { afterAll, describe, expect, test } from 'vitest';
import { layoutJourney, renderSvg } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { evidenceReference } from '../../src/diagram/layout/evidence-notes.js';
import { customerView } from '../../src/model/customer-view.js';
import { inside } from '../helpers/diagram-geometry.js';
import { saasJourney } from '../fixtures/journeys.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

describe('evidence as numbered footnotes', () => {
    test('every piece of evidence has a footnote, numbered left to right, named on its card', async () => {
        const journey = saasJourney();
        const layout = await layoutJourney(journey, layouter);
        const withEvidence = layout.painPoints.filter((card) => card.evidence.length > 0).sort((a, b) => a.x - b.x || a.y - b.y);
        expect(withEvidence.length).toBeGreaterThan(0);
        const notes = layout.evidence!.lines.map((line) => line.text).join(' ');
        let expected = 1;
        for (const card of withEvidence) {
            expect(card.firstNote).toBe(expected);
            const title = journey.painPoints.find((p) => p.name === card.name)!.title;
            card.evidence.forEach((text, i) => expect(notes).toContain(`[${expected + i}] ${text} (${title})`));
            expect(card.lines.map((line) => line.text)).toContain(evidenceReference(expected, card.evidence.length));
            expected += card.evidence.length;
        }
        // Under the legend, inside the map.
        expect(layout.evidence!.y).toBeGreaterThanOrEqual(layout.legend.y + layout.legend.height);
        expect(inside(layout.evidence!, { x: 0, y: 0, width: layout.width, height: layout.height })).toBe(true);
        const svg = renderSvg(layout);
        expect(svg).not.toContain('(hover)');
        expect(svg).toContain('id="evidence"');
    });

    test('the card says which notes: a few by number, a long run as a range', () => {
        expect(evidenceReference(1, 1)).toBe('evidence [1]');
        expect(evidenceReference(4, 3)).toBe('evidence [4] [5] [6]');
        expect(evidenceReference(2, 5)).toBe('evidence [2]\u2013[6]');
    });

    test('the customer-facing view has no evidence and no notes', async () => {
        const layout = await layoutJourney(customerView(saasJourney()), layouter);
        expect(layout.evidence).toBeUndefined();
        expect(layout.painPoints.flatMap((card) => card.lines.map((line) => line.text)).join(' ')).not.toMatch(/evidence/);
    });
});
