/**
 * A long map fitted to a page (a slide, a sheet of paper, a pull request,
 * the largest PNG we write), so that static outputs never shrink text below
 * a legible size: its stages wrapped into rows as wide as the page, and the
 * rows cut into pages as tall as the page.
 */
import type { Journey } from '../../model/types.js';
import { stagesView } from '../../model/views.js';
import type { DiagramLayout } from '../diagram-types.js';
import type { Layouter, MapLayoutOptions } from '../elk/layouter.js';
import { MIN_FONT_SIZE } from '../text-measure.js';
import { layoutJourney } from './map-layout.js';

/** The smallest text a reader can read on a slide or a page, in output pixels. */
export const LEGIBLE_TEXT_PX = 11;
/** The least zoom at which the map's smallest text (MIN_FONT_SIZE at 100 %) is legible. */
export const LEGIBLE_ZOOM = LEGIBLE_TEXT_PX / MIN_FONT_SIZE;

/** A stage too wide for the page on its own: the map cannot be cut to fit. */
export class StageTooWide extends Error {
    override name = 'StageTooWide';
    constructor(
        readonly stage: string,
        readonly width: number,
    ) {
        super(`stage "${stage}" alone is ${width} px wide`);
    }
}

/** The smallest text on any card, chip or label of the layout, in px at 100 %. */
export function smallestText(layout: DiagramLayout): number {
    const cards = [...layout.touchpoints, ...layout.painPoints, ...layout.initiatives];
    const sizes = [
        ...cards.flatMap((card) => card.lines.map((line) => line.size)),
        ...cards.flatMap((card) => card.chips).map(() => MIN_FONT_SIZE),
        ...layout.stages.flatMap((stage) => stage.lines.map((line) => line.size)),
    ];
    return sizes.length > 0 ? Math.min(...sizes) : MIN_FONT_SIZE;
}

/** How big a page of the map may be, in layout px (at 100 %). */
export interface PageBox {
    maxWidth: number;
    /** No limit when absent: the map grows down in rows. */
    maxHeight?: number;
}

/**
 * The map for a page: its stages wrapped into rows at most `maxWidth` wide
 * (the flow continuing from row to row); when that is taller than
 * `maxHeight`, pages of whole rows, each as tall as fits (a row taller than a
 * page on its own is a page of its own). Throws StageTooWide when one stage
 * alone is wider than the page.
 */
export async function layoutPages(journey: Journey, layouter: Layouter, box: PageBox, options: MapLayoutOptions = {}): Promise<DiagramLayout[]> {
    const wrapped = { ...options, maxWidth: box.maxWidth };
    const whole = await layoutJourney(journey, layouter, wrapped);
    if (whole.width > box.maxWidth) {
        const widest = whole.stages.reduce((most, stage) => (stage.width > most.width ? stage : most), whole.stages[0]);
        throw new StageTooWide(widest?.title ?? journey.title, whole.width);
    }
    if (box.maxHeight === undefined || whole.height <= box.maxHeight || whole.stages.length <= 1) {
        return [whole];
    }
    const rows = rowsOfStages(whole);
    const groups: string[][] = [];
    let start = 0;
    while (start < rows.length) {
        let end = start + 1;
        while (end < rows.length && (await layoutJourney(stagesView(journey, rows.slice(start, end + 1).flat()), layouter, wrapped)).height <= box.maxHeight) {
            end++;
        }
        groups.push(rows.slice(start, end).flat());
        start = end;
    }
    return Promise.all(
        groups.map((group, index) => {
            const page = stagesView(journey, group);
            return layoutJourney({ ...page, title: `${journey.title} (page ${index + 1} of ${groups.length})` }, layouter, wrapped);
        }),
    );
}

/** The stage names of each row of a laid-out map. */
function rowsOfStages(layout: DiagramLayout): string[][] {
    const rows: string[][] = [];
    for (const stage of layout.stages) {
        (rows[stage.row] ??= []).push(stage.name);
    }
    return rows;
}
