/**
 * The map, as one public API for the CLI, the preview and the benchmark:
 * journey (model) → laid-out diagram (plain JSON) → SVG string.
 */
import type { Journey } from '../model/types.js';
import { layoutJourney, type MapLayoutOptions } from './layout/map-layout.js';
import { renderSvg, type RenderOptions } from './svg/render-svg.js';

export type { DiagramLayout } from './diagram-types.js';
export { layoutJourney, type MapLayoutOptions } from './layout/map-layout.js';
export { renderSvg, type RenderOptions } from './svg/render-svg.js';
export { disposeLayoutWorker, LayoutError, startLayoutWorker } from './elk/worker-pool.js';
export { escapeXml } from './svg/escape.js';

/** Lays out and draws the map of one journey (view). */
export async function renderJourneySvg(journey: Journey, options: RenderOptions & MapLayoutOptions = {}): Promise<string> {
    return renderSvg(await layoutJourney(journey, options), options);
}
