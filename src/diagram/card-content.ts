/**
 * The inside of every box on the map — wrapped text lines and chips,
 * positioned relative to the box's top-left corner — and the box's size.
 * Placement later moves whole contents with `moveContent`.
 */
import type { Chip, ChipTone, Point, TextLine } from './diagram-types.js';
import { clampLines, type FontWeight, measureText, wrapText } from './text-measure.js';

export const CARD_WIDTH = 200;
export const CARD_PADDING = 10;
const LOCK_SIZE = 12;
const CHIP_HEIGHT = 16;
const CHIP_FONT = 11;
const CHIP_PADDING_X = 5;
const CHIP_GAP = 4;
/** A card title longer than this many lines ends in an ellipsis: a card is a mark on a map, not a page. */
export const MAX_TITLE_LINES = 3;

export interface Content {
    width: number;
    height: number;
    lines: TextLine[];
    chips: Chip[];
    /** Top-left of the lock mark, for internal elements. */
    lock?: Point;
    /** The whole title, when the card shows it cut short. */
    fullTitle?: string;
}

export interface TextStyle {
    size: number;
    weight?: FontWeight;
    tone?: TextLine['tone'];
    /** Distance between baselines; defaults to 1.3 × size. */
    lineHeight?: number;
    /** More lines are cut short with an ellipsis. */
    maxLines?: number;
}

/** Builds a box's content top to bottom. */
export class ContentBuilder {
    readonly lines: TextLine[] = [];
    readonly chips: Chip[] = [];
    private y: number;

    constructor(
        private readonly left: number,
        private readonly innerWidth: number,
        top: number,
    ) {
        this.y = top;
    }

    get cursor(): number {
        return this.y;
    }

    /** Adds `text` wrapped to the inner width (less `reserveRight` on the first line's row); false when it was cut short. */
    text(text: string, style: TextStyle, reserveRight = 0, indent = 0): boolean {
        const weight = style.weight ?? 'normal';
        const lineHeight = style.lineHeight ?? Math.round(style.size * 1.3);
        const width = this.innerWidth - reserveRight - indent;
        const all = wrapText(text, width, style.size, weight);
        const wrapped = clampLines(all, style.maxLines ?? Infinity, width, style.size, weight);
        for (const line of wrapped) {
            // The baseline sits about 0.8 em below the top of the line box.
            this.lines.push({
                text: line,
                x: this.left + indent,
                y: round(this.y + (lineHeight - style.size) / 2 + style.size * 0.8),
                size: style.size,
                weight,
                tone: style.tone ?? 'normal',
            });
            this.y += lineHeight;
        }
        return wrapped.length === all.length && wrapped.at(-1) === all.at(-1);
    }

    /** Adds chips left to right, wrapping to a new row when the row is full. */
    chipRow(chips: { text: string; tone: ChipTone }[]): void {
        if (chips.length === 0) {
            return;
        }
        let x = this.left;
        for (const { text, tone } of chips) {
            const label = wrapText(text, this.innerWidth - 2 * CHIP_PADDING_X, CHIP_FONT, 'bold')[0];
            const width = Math.ceil(measureText(label, CHIP_FONT, 'bold') + 2 * CHIP_PADDING_X);
            if (x > this.left && x + width > this.left + this.innerWidth) {
                x = this.left;
                this.y += CHIP_HEIGHT + CHIP_GAP;
            }
            this.chips.push(chipAt(label, tone, x, this.y, width));
            x += width + CHIP_GAP;
        }
        this.y += CHIP_HEIGHT;
    }

    space(px: number): void {
        this.y += px;
    }
}

export function chipAt(text: string, tone: ChipTone, x: number, y: number, width?: number): Chip {
    const w = width ?? Math.ceil(measureText(text, CHIP_FONT, 'bold') + 2 * CHIP_PADDING_X);
    return { text, tone, x, y, width: w, height: CHIP_HEIGHT, textX: x + CHIP_PADDING_X, textY: round(y + 12) };
}

export interface CardInput {
    title: string;
    /** Small print under the title, each its own wrapped paragraph. */
    details: string[];
    /** Chips above the title (severity, status). */
    tags?: { text: string; tone: ChipTone }[];
    /** Chips under the details (segments). */
    chips?: { text: string; tone: ChipTone }[];
    internal: boolean;
    titleSize?: number;
}

/** A card of the fixed card width: tags, bold title, details, chips; height from its text. */
export function cardContent(input: CardInput): Content {
    const builder = new ContentBuilder(CARD_PADDING, CARD_WIDTH - 2 * CARD_PADDING, CARD_PADDING);
    const lockRoom = input.internal ? LOCK_SIZE + 6 : 0;
    let titleReserve = lockRoom;
    if (input.tags && input.tags.length > 0) {
        builder.chipRow(input.tags);
        builder.space(6);
        titleReserve = 0; // the lock sits beside the tags, not the title
    }
    const whole = builder.text(input.title, { size: input.titleSize ?? 13, weight: 'bold', tone: 'strong', maxLines: MAX_TITLE_LINES }, titleReserve);
    if (input.details.length > 0) {
        builder.space(3);
    }
    for (const detail of input.details) {
        builder.text(detail, { size: 11, tone: 'muted', lineHeight: 14 });
    }
    if (input.chips && input.chips.length > 0) {
        builder.space(6);
        builder.chipRow(input.chips);
    }
    const height = Math.ceil(builder.cursor + CARD_PADDING);
    return {
        width: CARD_WIDTH,
        height,
        lines: builder.lines,
        chips: builder.chips,
        lock: input.internal ? { x: CARD_WIDTH - CARD_PADDING - LOCK_SIZE, y: CARD_PADDING } : undefined,
        ...(!whole && { fullTitle: input.title }),
    };
}

/** The same content, moved by (dx, dy). */
export function moveContent(content: Content, dx: number, dy: number): Content {
    return {
        width: content.width,
        height: content.height,
        lines: content.lines.map((line) => ({ ...line, x: round(line.x + dx), y: round(line.y + dy) })),
        chips: content.chips.map((chip) => ({
            ...chip,
            x: round(chip.x + dx),
            y: round(chip.y + dy),
            textX: round(chip.textX + dx),
            textY: round(chip.textY + dy),
        })),
        lock: content.lock ? { x: round(content.lock.x + dx), y: round(content.lock.y + dy) } : undefined,
        ...(content.fullTitle !== undefined && { fullTitle: content.fullTitle }),
    };
}

/** Rounds to hundredths, so that coordinates print the same everywhere. */
export function round(value: number): number {
    const rounded = Math.round(value * 100) / 100;
    return rounded === 0 ? 0 : rounded; // no "-0"
}
