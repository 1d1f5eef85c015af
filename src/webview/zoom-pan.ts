/**
 * Zoom and pan of the map: a translate + scale transform on the map's
 * container, kept across map updates. Plain wheel scrolls (pans), Ctrl/Cmd +
 * wheel zooms around the pointer, so that the wheel never hijacks scrolling.
 */

export interface ViewTransform {
    x: number;
    y: number;
    scale: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 8;
const STEP = 1.2;

export const IDENTITY: ViewTransform = { x: 0, y: 0, scale: 1 };

export function clampScale(scale: number): number {
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Zooms by `factor`, keeping the point (px, py) of the viewport where it is. */
export function zoomAround(view: ViewTransform, factor: number, px: number, py: number): ViewTransform {
    const scale = clampScale(view.scale * factor);
    const applied = scale / view.scale;
    return { scale, x: px - (px - view.x) * applied, y: py - (py - view.y) * applied };
}

export function zoomIn(view: ViewTransform, width: number, height: number): ViewTransform {
    return zoomAround(view, STEP, width / 2, height / 2);
}

export function zoomOut(view: ViewTransform, width: number, height: number): ViewTransform {
    return zoomAround(view, 1 / STEP, width / 2, height / 2);
}

/** The whole map inside the viewport, centred, never enlarged beyond 100 %. */
export function fitToViewport(contentWidth: number, contentHeight: number, width: number, height: number, margin = 16): ViewTransform {
    if (contentWidth <= 0 || contentHeight <= 0) return IDENTITY;
    const scale = clampScale(Math.min(1, (width - 2 * margin) / contentWidth, (height - 2 * margin) / contentHeight));
    return { scale, x: (width - contentWidth * scale) / 2, y: Math.max(margin, (height - contentHeight * scale) / 2) };
}

/** The map as wide as the viewport (never enlarged beyond 100 %), from its top; centred when it is shorter than the viewport. */
export function fitToWidth(contentWidth: number, contentHeight: number, width: number, height: number, margin = 16): ViewTransform {
    if (contentWidth <= 0 || contentHeight <= 0) return IDENTITY;
    const scale = clampScale(Math.min(1, (width - 2 * margin) / contentWidth));
    return { scale, x: Math.max(margin, (width - contentWidth * scale) / 2), y: Math.max(margin, (height - contentHeight * scale) / 2) };
}

/** Pans just enough to bring a box (in map coordinates) fully into the viewport, centring it when it was out of view. */
export function bringIntoView(
    view: ViewTransform,
    box: { x: number; y: number; width: number; height: number },
    width: number,
    height: number,
): ViewTransform {
    const left = view.x + box.x * view.scale;
    const top = view.y + box.y * view.scale;
    const right = left + box.width * view.scale;
    const bottom = top + box.height * view.scale;
    if (left >= 0 && top >= 0 && right <= width && bottom <= height) return view;
    return {
        scale: view.scale,
        x: width / 2 - (box.x + box.width / 2) * view.scale,
        y: height / 2 - (box.y + box.height / 2) * view.scale,
    };
}

export function isViewTransform(value: unknown): value is ViewTransform {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    return [v.x, v.y, v.scale].every((n) => typeof n === 'number' && Number.isFinite(n)) && (v.scale as number) > 0;
}

export function toCss(view: ViewTransform): string {
    return `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
}
