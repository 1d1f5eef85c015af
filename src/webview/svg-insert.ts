/**
 * Puts the server's SVG into the page. The SVG escapes user text already;
 * this is defence in depth: scripts, event handlers, foreign objects and
 * external references are dropped, and the SVG's <style> sheets are moved
 * into nonced <style> elements so that the strict CSP (no 'unsafe-inline')
 * still lets them apply.
 */

import type { SvgPatch } from '../protocol/svg-patch.js';

const DROPPED_ELEMENTS = ['script', 'foreignObject', 'iframe', 'object', 'embed'];
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Marks the place of a style sheet moved out of the map (adoptStyles). */
const STYLE_SLOT = 'data-map-style-slot';

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
        // An empty group in its place: the map's other elements keep the positions a patch names them by.
        for (const element of Array.from(root.getElementsByTagName(name))) element.replaceWith(root.ownerDocument.createElementNS(SVG_NS, 'g'));
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

/**
 * Moves the SVG's style sheets into nonced <style> elements of the page
 * (replacing the previous map's). Each leaves an empty group in its place, so
 * that the map's elements keep the positions a patch names them by.
 */
export function adoptStyles(document: Document, svg: Element, nonce: string, host: Element): void {
    const styles = Array.from(svg.getElementsByTagName('style'));
    for (const old of Array.from(host.querySelectorAll('style[data-map-style]'))) old.remove();
    for (const style of styles) {
        const adopted = document.createElement('style');
        adopted.setAttribute('data-map-style', '');
        adopted.setAttribute('nonce', nonce);
        adopted.textContent = style.textContent;
        host.appendChild(adopted);
        const slot = document.createElementNS(SVG_NS, 'g');
        slot.setAttribute(STYLE_SLOT, '');
        style.replaceWith(slot);
    }
}

/**
 * Applies a patch (src/protocol/svg-patch.ts) to the map on the page: only
 * the elements it replaces are parsed, sanitized like a whole map and put in
 * place. False when the page's map is not the one the patch was made
 * against (then nothing is changed, and the whole map is needed).
 */
export function applySvgPatch(document: Document, svg: SVGSVGElement, patch: SvgPatch, nonce: string, host: Element): boolean {
    const root = parseSvg(document, `${patch.open}</svg>`);
    if (!root) return false;
    const targets = patch.edits.map((edit) => ({ edit, parent: edit.group === undefined ? svg : svg.children[edit.group] }));
    if (targets.some(({ edit, parent }) => !parent || edit.start + edit.deleteCount > parent.children.length)) return false;
    const parsed = targets.map(({ edit }) => parseSvg(document, `${patch.open}${edit.insert.join('')}</svg>`));
    if (parsed.some((fragment) => !fragment)) return false;
    // Every position is read before anything moves: the edits' indices are those of the map before the patch.
    const places = targets.map(({ edit, parent }) => ({
        parent,
        removed: Array.from(parent.children).slice(edit.start, edit.start + edit.deleteCount),
        before: parent.children[edit.start + edit.deleteCount] ?? null,
    }));
    places.forEach(({ parent, removed, before }, i) => {
        const fragment = parsed[i]!;
        if (fragment.getElementsByTagName('style').length > 0) adoptStyles(document, fragment, nonce, host);
        for (const element of removed) element.remove();
        for (const element of Array.from(fragment.children)) parent.insertBefore(element, before);
    });
    for (const attribute of Array.from(svg.attributes)) if (!root.hasAttribute(attribute.name)) svg.removeAttribute(attribute.name);
    // Only what changed: setting the root's size or view box, even to the same value, makes the browser lay out every text of the map again.
    for (const attribute of Array.from(root.attributes)) if (svg.getAttribute(attribute.name) !== attribute.value) svg.setAttribute(attribute.name, attribute.value);
    return true;
}

/** The map as SVG text again, its style sheet back in place (for export: a patched map has no text of its own). */
export function svgTextOf(svg: SVGSVGElement, host: Element): string {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const slot = copy.querySelector(`[${STYLE_SLOT}]`);
    if (slot) {
        const style = svg.ownerDocument.createElementNS(SVG_NS, 'style');
        style.textContent = Array.from(host.querySelectorAll('style[data-map-style]'), (adopted) => adopted.textContent).join('\n');
        slot.replaceWith(style);
    }
    return new XMLSerializer().serializeToString(copy);
}
