/**
 * The preview page: draws the map the extension sends, keeps zoom and pan
 * across updates, shows a banner while the text has errors (the last good map
 * stays), highlights the element under the editor's cursor and posts back
 * what the person did. All user text reaches the page through textContent or
 * as an already-escaped SVG; never through innerHTML.
 */
import { isAudience } from '../protocol/audience.js';
import { isMapView } from '../protocol/diagram-requests.js';
import { elementId, isDeclaredElementId, isDeclaredKind } from '../protocol/element-id.js';
import { type FromWebview, isPreviewLayout, type MapMessage, type NamedOption, type PageState, type PreviewSettings, type ToWebview } from '../protocol/preview-messages.js';
import type { SvgPatch } from '../protocol/svg-patch.js';
import { CompareBar } from './compare-bar.js';
import { svgToPngBase64, withMapFont } from './export-png.js';
import { boxOf, svgSize } from './map-geometry.js';
import { PanelWidth } from './panel-width.js';
import { adoptStyles, applySvgPatch, parseSvg, svgTextOf } from './svg-insert.js';
import {
    bringIntoView,
    fitToViewport,
    fitToWidth,
    IDENTITY,
    isViewTransform,
    toCss,
    type ViewTransform,
    zoomAround,
    zoomIn,
    zoomOut,
} from './zoom-pan.js';

export interface WebviewHost {
    postMessage(message: FromWebview): void;
    getState(): unknown;
    setState(state: PageState): void;
}

const HIGHLIGHT_CLASS = 'journey-highlight';
/** The smallest scale a new map opens at: text of 11 px stays about 5 px high. */
const READABLE_SCALE = 0.45;

export class PreviewApp {
    private view: ViewTransform = IDENTITY;
    /** Until the person zooms or pans, every new map is fitted to the window. */
    private fitted = true;
    /** Whether a map is on the page (a patch needs one). */
    private hasMap = false;
    private highlighted?: string;
    private drag?: { startX: number; startY: number; view: ViewTransform; moved: boolean };
    private state: PageState;
    private readonly compareBar: CompareBar;
    readonly panelWidth: PanelWidth;

    constructor(
        private readonly document: Document,
        private readonly host: WebviewHost,
        private readonly nonce: string,
    ) {
        const state = host.getState();
        this.state = typeof state === 'object' && state !== null ? { ...(state as PageState) } : {};
        if (isViewTransform(this.state.view)) {
            this.view = this.state.view;
            this.fitted = this.state.fitted ?? false;
        }
        this.bindToolbar();
        this.bindViewport();
        this.compareBar = new CompareBar(document, (message) => this.post(message), (id) => this.highlight(id));
        this.panelWidth = new PanelWidth(this.element('viewport'), (width) => this.post({ type: 'panelWidth', width }));
        this.panelWidth.report();
    }

    handle(message: ToWebview): void {
        switch (message.type) {
            case 'diagram':
                this.showDiagram(message.svg, message);
                this.compareBar.show(message.compare);
                break;
            case 'diagramPatch':
                this.patchDiagram(message.patch, message);
                this.compareBar.show(message.compare);
                break;
            case 'problem':
                this.showProblem(message.message, message.location, message.errorCount);
                break;
            case 'empty':
                this.showEmpty(message.message);
                break;
            case 'highlight':
                this.highlight(message.id);
                break;
            case 'settings':
                this.state.documentUri = message.documentUri;
                this.applySettings(message.settings);
                break;
            case 'exported':
                this.status(`Exported to ${message.path}`);
                break;
        }
    }

    private element<T extends HTMLElement>(id: string): T {
        const element = this.document.getElementById(id);
        if (!element) throw new Error(`The preview page has no #${id}.`);
        return element as T;
    }

    private showDiagram(svgText: string, map: MapMessage): void {
        const svg = parseSvg(this.document, svgText);
        if (!svg) {
            this.showEmpty('The map could not be drawn.');
            return;
        }
        adoptStyles(this.document, svg, this.nonce, this.document.head);
        this.element('canvas').replaceChildren(svg);
        this.hasMap = true;
        this.mapShown(svg, map);
    }

    /** Changes only what the patch replaces: a keystroke in a big map redraws a card, not 100,000 elements. */
    private patchDiagram(patch: SvgPatch, map: MapMessage): void {
        const svg = this.element('canvas').querySelector('svg');
        const size = svg?.getAttribute('viewBox');
        if (!this.hasMap || !svg || !applySvgPatch(this.document, svg, patch, this.nonce, this.document.head)) {
            // Not the map the patch was made against: the extension sends the whole map to a page that is ready.
            this.post({ type: 'ready' });
            return;
        }
        // A map of the same size keeps its fit: fitting measures the page, which makes the browser lay out the whole map at once.
        this.mapShown(svg, map, svg.getAttribute('viewBox') !== size);
    }

    private mapShown(svg: SVGSVGElement, { fileName, journeys, segments, settings }: MapMessage, refit = true): void {
        this.element('placeholder').hidden = true;
        this.element('banner').hidden = true;
        // Says which view is on screen (and what Export saves): the one this map was drawn for.
        this.element('audience-banner').hidden = settings.audience !== 'customer';
        this.element('file-name').textContent = fileName;
        fillSelect(this.element<HTMLSelectElement>('journey'), journeys, settings.journey);
        this.element('journey-field').hidden = journeys.length < 2;
        fillSelect(this.element<HTMLSelectElement>('segment'), [{ name: '', title: 'All segments' }, ...segments], settings.segment ?? '');
        this.applySettings(settings);
        // A map laid out in rows for this panel is meant to be read at 100 %: a stage wider than the panel scrolls sideways rather than shrinking every row.
        if (this.fitted && refit) this.fit((settings.layout ?? 'rows') === 'rows' ? 1 : READABLE_SCALE, fitToWidth);
        else this.applyView();
        if (this.highlighted) this.highlight(this.highlighted, false);
        const ids = Array.from(svg.querySelectorAll('[data-kind][id]'), (element) => element.id).filter(isDeclaredElementId);
        this.post({ type: 'rendered', ids });
    }

    private showProblem(message: string, location: string, errorCount: number): void {
        const more = errorCount > 1 ? ` (and ${errorCount - 1} more)` : '';
        this.element('banner-text').textContent = `${location}: ${message}${more}`;
        this.element('banner').hidden = false;
        if (!this.hasMap) {
            this.element('placeholder').textContent = 'The map appears when the file has no errors.';
            this.element('placeholder').hidden = false;
        }
    }

    private showEmpty(message: string): void {
        this.hasMap = false;
        this.element('canvas').replaceChildren();
        this.element('banner').hidden = true;
        this.element('audience-banner').hidden = true;
        const placeholder = this.element('placeholder');
        placeholder.textContent = message;
        placeholder.hidden = false;
    }

    private applySettings(settings: PreviewSettings): void {
        this.state.settings = settings;
        this.saveState();
        this.element<HTMLSelectElement>('audience').value = settings.audience;
        this.element<HTMLSelectElement>('view').value = settings.view ?? 'map';
        this.element<HTMLSelectElement>('segment').value = settings.segment ?? '';
        this.element<HTMLSelectElement>('layout').value = settings.layout ?? 'rows';
        const lock = this.element('lock');
        lock.setAttribute('aria-pressed', String(settings.locked));
        lock.textContent = settings.locked ? 'Locked' : 'Lock';
        lock.title = settings.locked ? 'The preview stays on this file. Click to follow the active editor.' : 'Keep the preview on this file';
    }

    /** Marks the element with this id and brings it into view. */
    private highlight(id: string | undefined, scroll = true): void {
        const canvas = this.element('canvas');
        for (const old of Array.from(canvas.getElementsByClassName(HIGHLIGHT_CLASS))) old.classList.remove(HIGHLIGHT_CLASS);
        this.highlighted = id;
        if (!id) return;
        const target = canvas.querySelector(`[id="${CSS.escape(id)}"]`);
        if (!target) return;
        target.classList.add(HIGHLIGHT_CLASS);
        if (scroll) {
            const box = boxOf(target);
            if (box) {
                const viewport = this.element('viewport');
                this.setView(bringIntoView(this.view, box, viewport.clientWidth, viewport.clientHeight), false);
            }
        }
    }

    private status(text: string): void {
        this.element('status').textContent = text;
    }

    private post(message: FromWebview): void {
        this.host.postMessage(message);
    }

    private bindToolbar(): void {
        this.element<HTMLSelectElement>('journey').addEventListener('change', (event) => {
            this.post({ type: 'setJourney', journey: (event.target as HTMLSelectElement).value });
        });
        this.element<HTMLSelectElement>('segment').addEventListener('change', (event) => {
            const segment = (event.target as HTMLSelectElement).value;
            this.post(segment ? { type: 'setSegment', segment } : { type: 'setSegment' });
        });
        this.element<HTMLSelectElement>('audience').addEventListener('change', (event) => {
            const audience = (event.target as HTMLSelectElement).value;
            this.post({ type: 'setAudience', audience: isAudience(audience) ? audience : 'internal' });
        });
        this.element<HTMLSelectElement>('view').addEventListener('change', (event) => {
            const view = (event.target as HTMLSelectElement).value;
            this.post({ type: 'setView', view: isMapView(view) ? view : 'map' });
        });
        this.element<HTMLSelectElement>('layout').addEventListener('change', (event) => {
            const layout = (event.target as HTMLSelectElement).value;
            // A new layout is a new picture: show it fitted, as a new map.
            this.fitted = true;
            this.post({ type: 'setLayout', layout: isPreviewLayout(layout) ? layout : 'rows' });
        });
        this.element('lock').addEventListener('click', () => this.post({ type: 'toggleLock' }));
        this.element('export-svg').addEventListener('click', () => this.post({ type: 'exportSvg' }));
        this.element('export-png').addEventListener('click', () => void this.exportPng());
        this.element('fit').addEventListener('click', () => this.fit());
        this.element('actual-size').addEventListener('click', () => this.setView({ ...this.view, scale: 1 }));
        this.element('zoom-in').addEventListener('click', () => this.zoomBy(zoomIn));
        this.element('zoom-out').addEventListener('click', () => this.zoomBy(zoomOut));
        this.element('banner-link').addEventListener('click', (event) => {
            event.preventDefault();
            this.post({ type: 'revealProblem' });
        });
    }

    private bindViewport(): void {
        const viewport = this.element('viewport');
        viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
        viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
        viewport.addEventListener('pointermove', (event) => this.onPointerMove(event));
        viewport.addEventListener('pointerup', (event) => this.onPointerUp(event));
        this.document.addEventListener('keydown', (event) => this.onKey(event));
    }

    private onWheel(event: WheelEvent): void {
        event.preventDefault();
        // Line- and page-based wheels (some mice, Firefox) report steps, not pixels.
        const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
        const dx = event.deltaX * unit;
        const dy = event.deltaY * unit;
        if (event.ctrlKey || event.metaKey) {
            const rect = this.element('viewport').getBoundingClientRect();
            this.setView(zoomAround(this.view, Math.exp(-dy / 300), event.clientX - rect.left, event.clientY - rect.top));
        } else {
            this.setView({ ...this.view, x: this.view.x - dx, y: this.view.y - dy });
        }
    }

    private onPointerDown(event: PointerEvent): void {
        if (event.button !== 0) return;
        this.drag = { startX: event.clientX, startY: event.clientY, view: this.view, moved: false };
    }

    private onPointerMove(event: PointerEvent): void {
        if (!this.drag) return;
        const dx = event.clientX - this.drag.startX;
        const dy = event.clientY - this.drag.startY;
        if (!this.drag.moved && Math.hypot(dx, dy) < 4) return;
        this.drag.moved = true;
        this.element('viewport').classList.add('dragging');
        this.setView({ ...this.drag.view, x: this.drag.view.x + dx, y: this.drag.view.y + dy });
    }

    private onPointerUp(event: PointerEvent): void {
        const drag = this.drag;
        this.drag = undefined;
        this.element('viewport').classList.remove('dragging');
        if (drag && !drag.moved) this.onClick(event.target);
    }

    /**
     * A click on a card (not a drag) asks the extension to reveal its
     * declaration. A pain point named on an initiative's card in the
     * priorities view has no id of its own (it may sit on several cards): its
     * kind and name say which it is.
     */
    private onClick(target: EventTarget | null): void {
        let node = target instanceof Element ? target : null;
        while (node && node.id !== 'canvas') {
            const kind = node.getAttribute('data-kind');
            const name = node.getAttribute('data-name');
            const id = node.id || (isDeclaredKind(kind) && name ? elementId(kind, name) : '');
            if (id && isDeclaredKind(kind)) {
                if (!this.compareBar.handlesClick(id)) this.post({ type: 'select', id });
                return;
            }
            node = node.parentElement;
        }
    }

    private onKey(event: KeyboardEvent): void {
        const target = event.target as HTMLElement | null;
        if (target && (target.tagName === 'SELECT' || target.tagName === 'INPUT')) return;
        if (event.key === '+' || event.key === '=') this.zoomBy(zoomIn);
        else if (event.key === '-' || event.key === '_') this.zoomBy(zoomOut);
        else if (event.key === '0') this.setView({ ...this.view, scale: 1 });
        else if (event.key === 'f') this.fit();
        else return;
        event.preventDefault();
    }

    private zoomBy(zoom: typeof zoomIn): void {
        const viewport = this.element('viewport');
        this.setView(zoom(this.view, viewport.clientWidth, viewport.clientHeight));
    }

    /**
     * Fits the map to the window (the Fit button: the whole map). A new map is
     * fitted to the window's width from its top (`fitToWidth`), so that a map
     * wrapped into rows reads at 100 % and scrolls down; one too wide for that
     * at `minimumScale` opens at that scale at its left edge.
     */
    private fit(minimumScale = 0, fitter = fitToViewport): void {
        const svg = this.element('canvas').querySelector('svg');
        const viewport = this.element('viewport');
        if (!svg) return;
        const { width, height } = svgSize(svg);
        const fitted = fitter(width, height, viewport.clientWidth, viewport.clientHeight);
        this.view = fitted.scale >= minimumScale ? fitted : { scale: minimumScale, x: 16, y: 16 };
        this.fitted = true;
        this.applyView();
    }

    private setView(view: ViewTransform, byPerson = true): void {
        this.view = view;
        if (byPerson) this.fitted = false;
        this.applyView();
    }

    private applyView(): void {
        this.element('canvas').style.transform = toCss(this.view);
        this.element('zoom-level').textContent = `${Math.round(this.view.scale * 100)}%`;
        this.state.view = this.view;
        this.state.fitted = this.fitted;
        this.saveState();
    }

    private saveState(): void {
        this.host.setState(this.state);
    }

    private async exportPng(): Promise<void> {
        const svg = this.element('canvas').querySelector('svg');
        if (!svg || !this.hasMap) return;
        const { width, height } = svgSize(svg);
        try {
            const styleSheet = svg.ownerDocument.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')?.href;
            const svgText = svgTextOf(svg, this.document.head);
            this.post({ type: 'exportPng', base64: await svgToPngBase64(await withMapFont(svgText, styleSheet), width, height) });
        } catch (error) {
            this.status(error instanceof Error ? error.message : String(error));
        }
    }
}

function fillSelect(select: HTMLSelectElement, options: NamedOption[], selected: string | undefined): void {
    const document = select.ownerDocument;
    select.replaceChildren(
        ...options.map((option) => {
            const element = document.createElement('option');
            element.value = option.name;
            element.textContent = option.title;
            return element;
        }),
    );
    select.value = selected ?? options[0]?.name ?? '';
}
