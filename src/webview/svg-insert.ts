/**
 * Puts the server's SVG into the page. The SVG escapes user text already;
 * this is defence in depth: scripts, event handlers, foreign objects and
 * external references are dropped, and the SVG's <style> sheets are moved
 * into nonced <style> elements so that the strict CSP (no 'unsafe-inline')
 * still lets them apply.
 */

const DROPPED_ELEMENTS = ['script', 'foreignObject', 'iframe', 'object', 'embed'];

export function parseSvg(document: Document, svgText: string): SVGSVGElement | undefined {
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const root = parsed.documentElement;
    if (!root || root.nodeName.toLowerCase() !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) {
        return undefined;
    }
    sanitize(root);
    return document.importNode(root, true) as unknown as SVGSVGElement;
}

function sanitize(root: Element): void {
    for (const name of DROPPED_ELEMENTS) {
        for (const element of Array.from(root.getElementsByTagName(name))) element.remove();
    }
    for (const element of [root, ...Array.from(root.getElementsByTagName('*'))]) {
        for (const attribute of Array.from(element.attributes)) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.trim().toLowerCase();
            const isLink = name === 'href' || name === 'xlink:href' || name === 'src';
            if (name.startsWith('on') || (isLink && !value.startsWith('#'))) {
                element.removeAttribute(attribute.name);
            }
        }
    }
}

/** Moves the SVG's style sheets into nonced <style> elements of the page (replacing the previous map's). */
export function adoptStyles(document: Document, svg: Element, nonce: string, host: Element): void {
    for (const old of Array.from(host.querySelectorAll('style[data-map-style]'))) old.remove();
    for (const style of Array.from(svg.getElementsByTagName('style'))) {
        const adopted = document.createElement('style');
        adopted.setAttribute('data-map-style', '');
        adopted.setAttribute('nonce', nonce);
        adopted.textContent = style.textContent;
        host.appendChild(adopted);
        style.remove();
    }
}
