/**
 * Evidence as numbered footnotes under the map: a picture pasted into a
 * slide or a pull request cannot be hovered, and evidence is what a tune-up
 * argues about. Cards name their notes ("evidence [1] [2]").
 */
import type { PainPoint } from '../../model/types.js';
import { ContentBuilder, round } from '../card-content.js';
import type { EvidenceNotes, TextLine } from '../diagram-types.js';

const NOTE_SIZE = 11;
const NOTE_LINE_HEIGHT = 15;
const COLUMN_WIDTH = 420;
const COLUMN_GAP = 24;

/** "evidence [1] [2]", or "evidence [3]–[7]" for a longer run. */
export function evidenceReference(first: number, count: number): string {
    if (count <= 3) {
        return `evidence ${Array.from({ length: count }, (_, i) => `[${first + i}]`).join(' ')}`;
    }
    return `evidence [${first}]\u2013[${first + count - 1}]`;
}

/** The first footnote number of each pain point's evidence, numbered in the order given from `first`. */
export function numberEvidence(painPoints: readonly PainPoint[], first = 1): Map<string, number> {
    const firsts = new Map<string, number>();
    let next = first;
    for (const painPoint of painPoints) {
        if (painPoint.evidence.length > 0) {
            firsts.set(painPoint.name, next);
            next += painPoint.evidence.length;
        }
    }
    return firsts;
}

export interface NotedEvidence {
    /** The pain point's title. */
    title: string;
    evidence: readonly string[];
    firstNote?: number;
}

/** The notes, in columns filled top to bottom, from `top`; undefined when there is no evidence. */
export function buildEvidenceNotes(noted: readonly NotedEvidence[], left: number, top: number, width: number): EvidenceNotes | undefined {
    const notes = noted.flatMap(({ title, evidence, firstNote }) =>
        firstNote === undefined ? [] : evidence.map((text, i) => `[${firstNote + i}] ${text} (${title})`),
    );
    if (notes.length === 0) {
        return undefined;
    }
    const title: TextLine = { text: 'Evidence', x: left, y: round(top + 14), size: 12, weight: 'bold', tone: 'strong' };
    const columns = Math.max(1, Math.floor((width + COLUMN_GAP) / (COLUMN_WIDTH + COLUMN_GAP)));
    const columnWidth = (width - (columns - 1) * COLUMN_GAP) / columns;
    const wrapped = notes.map((note) => {
        const builder = new ContentBuilder(0, columnWidth, 0);
        builder.text(note, { size: NOTE_SIZE, tone: 'normal', lineHeight: NOTE_LINE_HEIGHT });
        return builder;
    });
    const perColumn = Math.ceil(wrapped.reduce((sum, note) => sum + note.cursor + 4, 0) / columns);
    const lines: TextLine[] = [];
    const bodyTop = top + 24;
    let [column, y, bottom] = [0, bodyTop, bodyTop];
    for (const note of wrapped) {
        if (y > bodyTop && y - bodyTop + note.cursor > perColumn && column < columns - 1) {
            column++;
            y = bodyTop;
        }
        const x = left + column * (columnWidth + COLUMN_GAP);
        lines.push(...note.lines.map((line) => ({ ...line, x: round(line.x + x), y: round(line.y + y) })));
        y += note.cursor + 4;
        bottom = Math.max(bottom, y);
    }
    return { x: left, y: top, width, height: round(bottom - top), title, lines };
}
