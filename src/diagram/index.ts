/**
 * The map, as one public API for the CLI, the preview and the benchmark:
 * journey (model) → laid-out diagram (plain JSON) → SVG string. Layout runs
 * through a `Layouter` the caller creates (`createWorkerLayouter()`) and
 * disposes of.
 */
import type { Journey } from '../model/types.js';
import type { Layouter, MapLayoutOptions } from './elk/layouter.js';
import { layoutJourney } from './layout/map-layout.js';
import { renderSvg, type RenderOptions } from './svg/render-svg.js';
import { type CompareOptions, layoutComparison } from './compare/compare-layout.js';
import { layoutPriorities } from './priorities/priorities-layout.js';
import { renderPrioritiesSvg as drawPriorities } from './svg/render-priorities.js';

export type { DiagramLayout } from './diagram-types.js';
export { layoutJourney } from './layout/map-layout.js';
export { LEGIBLE_TEXT_PX, LEGIBLE_ZOOM, layoutPages, type PageBox, smallestText, StageTooWide } from './layout/map-pages.js';
export { MIN_FONT_SIZE } from './text-measure.js';
export { LayoutError, type Layouter, type MapLayoutOptions } from './elk/layouter.js';
export { createWorkerLayouter } from './elk/worker-pool.js';
export { RowCache } from './layout/row-cache.js';
export { renderSvg, type RenderOptions } from './svg/render-svg.js';
export { escapeXml } from './svg/escape.js';
export { journeyChanges, layoutComparison, type CompareOptions } from './compare/compare-layout.js';

/** Lays out and draws the map of one journey (view). */
export async function renderJourneySvg(journey: Journey, layouter: Layouter, options: RenderOptions & MapLayoutOptions = {}): Promise<string> {
    return renderSvg(await layoutJourney(journey, layouter, options), options);
}

/** Lays out and draws the compare map: `after` with what changed since `before` (undefined: a new journey) marked. */
export async function renderComparisonSvg(before: Journey | undefined, after: Journey, layouter: Layouter, options: RenderOptions & CompareOptions): Promise<string> {
    return renderSvg(await layoutComparison(before, after, layouter, options), options);
}

/** Draws the impact × effort matrix of a journey's initiatives (no ELK: cards stack in their cells). */
export function renderPrioritiesSvg(journey: Journey, options: RenderOptions & { today: string }): string {
    return drawPriorities(layoutPriorities(journey, options.today), options);
}
