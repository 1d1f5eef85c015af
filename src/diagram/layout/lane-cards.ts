/**
 * The cards of the pain-point and initiative lanes, and how they are stacked
 * under what they belong to without overlapping.
 */
import type { Initiative, PainPoint } from '../../model/types.js';
import { type Content, cardContent } from '../card-content.js';
import type { ChipTone } from '../diagram-types.js';
import type { CardLabels } from './diagram-graph.js';
import type { Audience } from '../../protocol/audience.js';
import { evidenceReference } from './evidence-notes.js';

/** `firstNote`: the footnote number of its first piece of evidence. */
export function painPointContent(painPoint: PainPoint, labels: CardLabels, audience: Audience, firstNote?: number): Content {
    const where = painPoint.at.length > 0 ? `at ${painPoint.at.map((name) => labels.touchpoint(name)).join(', ')}` : 'across the whole stage';
    const details = [where];
    if (painPoint.evidence.length > 0 && firstNote !== undefined) {
        details.push(evidenceReference(firstNote, painPoint.evidence.length));
    }
    // Severity is internal triage: the customer view has none, and no "no severity" either.
    const tags: { text: string; tone: ChipTone }[] = [];
    if (painPoint.severity) {
        tags.push({ text: painPoint.severity.toUpperCase(), tone: `severity-${painPoint.severity}` });
    } else if (audience === 'internal') {
        tags.push({ text: 'NO SEVERITY', tone: 'neutral' });
    }
    if (painPoint.unaddressed) {
        tags.push({ text: 'NO INITIATIVE', tone: 'danger' });
    }
    return cardContent({
        title: painPoint.title,
        titleSize: 12,
        tags,
        details,
        chips: labels.segmentChips(painPoint.segments),
        internal: painPoint.internal,
    });
}

export function initiativeContent(initiative: Initiative, labels: CardLabels, audience: Audience): Content {
    const tags: { text: string; tone: ChipTone }[] = [];
    if (initiative.status) {
        tags.push({ text: initiative.status.toUpperCase(), tone: initiative.status === 'done' ? 'ok' : 'neutral' });
    }
    if (initiative.pastDue) {
        tags.push({ text: 'PAST DUE', tone: 'danger' });
    }
    const who = initiative.owner ? labels.team(initiative.owner) : 'no owner';
    const when = initiative.due ? `due ${initiative.due}` : 'no due date';
    // Owner and due date are internal: the customer view has neither, and says nothing of their absence.
    const details = audience === 'internal' ? [`${who} \u00b7 ${when}`] : [];
    const sizing = [initiative.impact ? `impact ${initiative.impact}` : undefined, initiative.effort ? `effort ${initiative.effort}` : undefined].filter(Boolean);
    if (sizing.length > 0) {
        details.push(sizing.join(' \u00b7 '));
    }
    return cardContent({
        title: initiative.title,
        titleSize: 12,
        tags,
        details,
        chips: labels.segmentChips(initiative.segments),
        internal: initiative.internal,
    });
}

/** An initiative's stand-in in another row than its card's: its title, and which row to look in. */
export function initiativeReferenceContent(initiative: Initiative, cardRow: number, row: number): Content {
    return cardContent({
        title: initiative.title,
        titleSize: 12,
        tags: [],
        details: [`${cardRow < row ? '\u2191' : '\u2193'} initiative, card in row ${cardRow}`],
        chips: [],
        internal: false,
    });
}

/**
 * Stacks boxes of a lane: each goes at its wanted x, as high as it can without
 * overlapping a box placed before it.
 */
export class LanePacker {
    private readonly placed: { left: number; right: number; bottom: number }[] = [];

    constructor(
        private readonly top: number,
        private readonly gap: number,
    ) {}

    /** The y where a box of `width` at `x` would go. */
    probe(x: number, width: number): number {
        let y = this.top;
        for (const box of this.placed) {
            if (box.left < x + width + this.gap && x < box.right + this.gap) {
                y = Math.max(y, box.bottom + this.gap);
            }
        }
        return y;
    }

    place(x: number, width: number, height: number): number {
        const y = this.probe(x, width);
        this.placed.push({ left: x, right: x + width, bottom: y + height });
        return y;
    }

    get bottom(): number {
        return this.placed.reduce((max, box) => Math.max(max, box.bottom), this.top);
    }
}
