/**
 * Where things are on the drawn map, in the map's own units: its size, and
 * the box of an element (to bring it into view).
 */
/** The map's size in its own units, from width/height or the viewBox. */
export function svgSize(svg: Element): { width: number; height: number } {
    const width = parseFloat(svg.getAttribute('width') ?? '');
    const height = parseFloat(svg.getAttribute('height') ?? '');
    if (width > 0 && height > 0) return { width, height };
    const viewBox = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
    return viewBox.length === 4 ? { width: viewBox[2], height: viewBox[3] } : { width: 0, height: 0 };
}

/** The element's box in map coordinates, from data attributes the renderer writes, or its geometry. */
export function boxOf(element: Element): { x: number; y: number; width: number; height: number } | undefined {
    const data = ['data-x', 'data-y', 'data-width', 'data-height'].map((name) => parseFloat(element.getAttribute(name) ?? ''));
    if (data.every(Number.isFinite)) return { x: data[0], y: data[1], width: data[2], height: data[3] };
    const graphics = element as unknown as SVGGraphicsElement;
    if (typeof graphics.getBBox === 'function') {
        try {
            const box = graphics.getBBox();
            return { x: box.x, y: box.y, width: box.width, height: box.height };
        } catch {
            return undefined;
        }
    }
    return undefined;
}
