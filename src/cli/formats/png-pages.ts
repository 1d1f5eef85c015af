/**
 * How big a PNG of the map is drawn, and when it becomes pages: text is never
 * drawn smaller than LEGIBLE_TEXT_PX. A map too wide for the requested width
 * (or for the largest PNG we write) at a legible size is cut into pages of
 * consecutive stages; one that cannot be cut to fit is refused.
 */
import type { Journey } from '../../model/types.js';
import { type Layouter, LEGIBLE_TEXT_PX, LEGIBLE_ZOOM, layoutPages, MIN_FONT_SIZE, renderSvg, smallestText, StageTooWide } from '../../diagram/index.js';
import type { Theme } from '../../protocol/theme.js';
import { UsageError } from '../usage-error.js';
import { type PngResult, svgToPng, svgWidth } from './png.js';

/** Image viewers and PR pages choke on wider pictures. */
export const MAX_PNG_WIDTH = 8192;
/** Sharp on high-density screens, when no width is asked for. */
const DEFAULT_SCALE = 2;

export interface PngSize {
    /** Output pixels wide, for a slide or a page: each page is drawn this wide. */
    width?: number;
    /** Output pixels per map pixel (default 2). */
    scale?: number;
}

export interface PngPage {
    png: Uint8Array;
    width: number;
    height: number;
    /** Card text as drawn, in output px. */
    smallestTextPx: number;
}

export interface PngPages {
    pages: PngPage[];
    warning?: string;
}

export async function renderPngPages(journey: Journey, layouter: Layouter, theme: Theme, size: PngSize): Promise<PngPages> {
    if (size.width !== undefined && size.scale !== undefined) {
        throw new UsageError('journey render: give --width or --scale, not both');
    }
    const legibleZoom = LEGIBLE_ZOOM;
    if (size.scale !== undefined && size.scale < legibleZoom) {
        throw new UsageError(`journey render: at --scale ${size.scale} card text would be ${round(MIN_FONT_SIZE * size.scale)} px, below the legible ${LEGIBLE_TEXT_PX} px: use --scale ${legibleZoom} or more`);
    }
    const widthPx = size.width ?? MAX_PNG_WIDTH;
    const pageWidth = Math.floor(widthPx / (size.scale ?? legibleZoom));
    const layouts = await layoutPages(journey, layouter, pageWidth).catch((error: unknown) => {
        if (error instanceof StageTooWide) {
            const needed = Math.ceil(error.width * (size.scale ?? legibleZoom));
            throw new UsageError(`journey render: ${error.message}, so no page ${widthPx} px wide holds it at a legible size: use --width ${needed} or more, or render SVG`);
        }
        throw error;
    });
    let warning: string | undefined;
    const pages = layouts.map((layout) => {
        const zoom = size.width !== undefined ? size.width / layout.width : (size.scale ?? Math.max(legibleZoom, Math.min(DEFAULT_SCALE, MAX_PNG_WIDTH / layout.width)));
        const result = svgToPng(renderSvg(layout, { theme }), zoom);
        warning ??= result.warning;
        return { png: result.png, width: Math.round(layout.width * zoom), height: Math.round(layout.height * zoom), smallestTextPx: round(smallestText(layout) * zoom) };
    });
    return { pages, warning };
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

/** One picture that cannot be cut into pages (a comparison, the priorities matrix): at a legible zoom, or refused. */
export function singlePicturePng(svg: string, size: PngSize): PngResult {
    const width = svgWidth(svg);
    const zoom = size.width !== undefined ? size.width / width : (size.scale ?? Math.max(LEGIBLE_ZOOM, Math.min(DEFAULT_SCALE, MAX_PNG_WIDTH / width)));
    if (zoom < LEGIBLE_ZOOM || width * zoom > MAX_PNG_WIDTH) {
        const needed = Math.ceil(width * LEGIBLE_ZOOM);
        throw new UsageError(`journey render: the picture is ${Math.round(width)} px wide and cannot be split into pages: a legible PNG needs --width ${needed} or more (at most ${MAX_PNG_WIDTH}); render SVG or HTML instead`);
    }
    return svgToPng(svg, zoom);
}

/** A positive number given to --NAME, or undefined. */
export function positiveNumberOption(value: string | undefined, name: string): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) {
        throw new UsageError(`journey render: --${name} must be a positive number, not "${value}"`);
    }
    return number;
}

/** map.png → map-1.png, map-2.png … (the one target itself when there is one page). */
export function pageFileNames(target: string, count: number): string[] {
    if (count === 1) {
        return [target];
    }
    const dot = target.toLowerCase().endsWith('.png') ? target.length - 4 : target.length;
    return Array.from({ length: count }, (_, i) => `${target.slice(0, dot)}-${i + 1}${target.slice(dot) || '.png'}`);
}
