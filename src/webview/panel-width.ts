/**
 * Tells the extension how wide a map fits the preview at 100 % — the Rows
 * layout wraps the map's stages to it — on opening and after a resize that
 * changes it noticeably (a few pixels do not lay the map out again).
 */
import { PANEL_WIDTH_RANGE } from '../protocol/preview-messages.js';

/** Space kept around the map when it is fitted (fitToViewport's margin, both sides). */
const FIT_MARGINS = 32;
/** A resize smaller than this does not lay the map out again. */
const WIDTH_STEP = 24;
const RESIZE_SETTLE_MS = 250;

export class PanelWidth {
    private sent?: number;
    private timer?: ReturnType<typeof setTimeout>;

    constructor(
        private readonly viewport: HTMLElement,
        private readonly post: (width: number) => void,
    ) {
        viewport.ownerDocument.defaultView?.addEventListener('resize', () => {
            clearTimeout(this.timer);
            this.timer = setTimeout(() => this.report(), RESIZE_SETTLE_MS);
        });
    }

    /** Posts the width when it is the first or differs from the last one posted by WIDTH_STEP or more. */
    report(): void {
        const available = Math.floor(this.viewport.clientWidth - FIT_MARGINS);
        const width = Math.min(PANEL_WIDTH_RANGE.max, Math.max(PANEL_WIDTH_RANGE.min, available));
        if (available <= 0 || (this.sent !== undefined && Math.abs(width - this.sent) < WIDTH_STEP)) return;
        this.sent = width;
        this.post(width);
    }
}
