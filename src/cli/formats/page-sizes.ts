/**
 * The places a rendered map is shared, as sizes in output pixels: `render
 * --fit NAME` wraps the map's stages into rows as wide as the place, and a
 * PNG that is taller than it becomes pages.
 */
export interface PageSize {
    width: number;
    /** Absent: the picture grows down as far as the map needs. */
    height?: number;
    description: string;
}

export const PAGE_SIZES = {
    slide: { width: 1920, height: 1080, description: 'a 16:9 slide, 1920 × 1080' },
    page: { width: 1240, height: 1754, description: 'an A4 page at 150 dpi, 1240 × 1754' },
    pr: { width: 1000, description: 'a pull request or chat image, 1000 px wide' },
} as const satisfies Record<string, PageSize>;

export type PageSizeName = keyof typeof PAGE_SIZES;
export const PAGE_SIZE_NAMES = Object.keys(PAGE_SIZES) as PageSizeName[];
