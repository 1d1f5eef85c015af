/**
 * A long map cut into pages that each fit a width (a slide, a page, the
 * largest PNG we write), so that static outputs never shrink text below a
 * legible size: each page is the map of some consecutive stages.
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

/**
 * The map as pages at most `maxWidth` wide (in layout px), in stage order:
 * one page when it fits, else as many stages per page as fit. Throws
 * StageTooWide when one stage alone does not fit.
 */
export async function layoutPages(journey: Journey, layouter: Layouter, maxWidth: number, options: MapLayoutOptions = {}): Promise<DiagramLayout[]> {
    const whole = await layoutJourney(journey, layouter, options);
    if (whole.width <= maxWidth || journey.stages.length <= 1) {
        if (whole.width > maxWidth) {
            throw new StageTooWide(journey.stages[0]?.title ?? journey.title, whole.width);
        }
        return [whole];
    }
    // What a page needs besides its stage columns: margins, lane labels.
    const frame = whole.width - whole.stages.reduce((sum, stage) => sum + stage.width, 0);
    const names = journey.stages.map((stage) => stage.name);
    const groups: string[][] = [];
    let start = 0;
    while (start < names.length) {
        let end = start + 1;
        let width = frame + whole.stages[start].width;
        while (end < names.length && width + whole.stages[end].width <= maxWidth) {
            width += whole.stages[end].width;
            end++;
        }
        // Columns widen a little to meet their neighbours: check the real page, and give back stages until it fits.
        while (end - start > 1 && (await layoutJourney(stagesView(journey, names.slice(start, end)), layouter, options)).width > maxWidth) {
            end--;
        }
        groups.push(names.slice(start, end));
        start = end;
    }
    return Promise.all(
        groups.map(async (group, index) => {
            const page = stagesView(journey, group);
            const titled = { ...page, title: `${journey.title} (page ${index + 1} of ${groups.length})` };
            const layout = await layoutJourney(titled, layouter, options);
            if (layout.width > maxWidth) {
                throw new StageTooWide(page.stages[0].title, layout.width);
            }
            return layout;
        }),
    );
}
