/**
 * How big a PNG of the map is drawn, and when it becomes pages: text is never
 * drawn smaller than LEGIBLE_TEXT_PX. A map too wide for the requested width
 * (or for the largest PNG we write) at a legible size wraps its stages into
 * rows; one too tall for the page (a slide, a sheet, the largest PNG) is cut
 * into pages of whole rows; one whose single stage cannot fit is refused.
 */
import type { Journey } from '../../model/types.js';
import { type DiagramLayout, type Layouter, LEGIBLE_TEXT_PX, LEGIBLE_ZOOM, layoutPages, MIN_FONT_SIZE, type PageBox, renderSvg, smallestText, StageTooWide } from '../../diagram/index.js';
import type { Theme } from '../../protocol/theme.js';
import { UsageError } from '../usage-error.js';
import { PAGE_SIZES, type PageSizeName } from './page-sizes.js';
import { type PngResult, svgToPng, svgWidth } from './png.js';

/** Image viewers and PR pages choke on wider or taller pictures. */
export const MAX_PNG_WIDTH = 8192;
const MAX_PNG_HEIGHT = 8192;
/** Sharp on high-density screens, when no width is asked for. */
const DEFAULT_SCALE = 2;

export interface PngSize {
    /** Output pixels wide, for a slide or a page: each page is drawn this wide. */
    width?: number;
    /** Output pixels per map pixel (default 2). */
    scale?: number;
    /** A place the picture is made for (PAGE_SIZES): as wide as it, pages as tall as it. */
    fit?: PageSizeName;
    /** The map's own width limit (px at 100 %): its stages wrap into rows. */
    maxWidth?: number;
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
    const given = (['width', 'scale', 'fit'] as const).filter((option) => size[option] !== undefined);
    if (given.length > 1) {
        throw new UsageError(`journey render: give one of --${given.join(', --')}, not ${given.length === 2 ? 'both' : 'several'}`);
    }
    if (size.scale !== undefined && size.scale < LEGIBLE_ZOOM) {
        throw new UsageError(`journey render: at --scale ${size.scale} card text would be ${round(MIN_FONT_SIZE * size.scale)} px, below the legible ${LEGIBLE_TEXT_PX} px: use --scale ${LEGIBLE_ZOOM} or more`);
    }
    const { box, zoomOf, widthPx } = drawingSize(size);
    const layouts = await layoutPages(journey, layouter, box).catch((error: unknown) => {
        if (error instanceof StageTooWide) {
            const needed = Math.ceil(error.width * (size.scale ?? LEGIBLE_ZOOM));
            throw new UsageError(`journey render: ${error.message}, so no page ${Math.round(widthPx)} px wide holds it at a legible size: use --width ${needed} or more, or render SVG`);
        }
        throw error;
    });
    let warning: string | undefined;
    const pages = layouts.map((layout) => {
        const zoom = zoomOf(layout);
        const result = svgToPng(renderSvg(layout, { theme }), zoom);
        warning ??= result.warning;
        return { png: result.png, width: Math.round(layout.width * zoom), height: Math.round(layout.height * zoom), smallestTextPx: round(smallestText(layout) * zoom) };
    });
    return { pages, warning };
}

/** The page the map is laid out for (in map px), the zoom each page is drawn at, and the page's width in output px. */
function drawingSize(size: PngSize): { box: PageBox; zoomOf: (layout: DiagramLayout) => number; widthPx: number } {
    const legible = LEGIBLE_ZOOM;
    const within = (maxWidth: number) => Math.min(maxWidth, size.maxWidth ?? Infinity);
    if (size.fit !== undefined) {
        const page: { width: number; height?: number } = PAGE_SIZES[size.fit];
        const fitted = (layout: DiagramLayout) => Math.min(page.width / layout.width, page.height === undefined ? Infinity : page.height / layout.height);
        return {
            box: { maxWidth: within(page.width / legible), maxHeight: (page.height ?? MAX_PNG_HEIGHT) / legible },
            zoomOf: (layout) => Math.max(legible, Math.min(fitted(layout), MAX_PNG_HEIGHT / layout.height)),
            widthPx: page.width,
        };
    }
    if (size.width !== undefined) {
        const width = size.width;
        return { box: { maxWidth: within(width / legible), maxHeight: MAX_PNG_HEIGHT / legible }, zoomOf: (layout) => width / layout.width, widthPx: width };
    }
    const scale = size.scale;
    const largest = (layout: DiagramLayout) => Math.min(DEFAULT_SCALE, MAX_PNG_WIDTH / layout.width, MAX_PNG_HEIGHT / layout.height);
    return {
        box: { maxWidth: within(MAX_PNG_WIDTH / (scale ?? legible)), maxHeight: MAX_PNG_HEIGHT / (scale ?? legible) },
        zoomOf: (layout) => scale ?? Math.max(legible, largest(layout)),
        widthPx: MAX_PNG_WIDTH,
    };
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
