/**
 * The priorities view laid out: an impact × effort matrix of a journey's
 * initiatives (impact rows from high to low, effort columns from low to
 * high, a row for initiatives without an estimate), each initiative a card
 * in its cell in priority order, with its status, due date, owner and the
 * pain points it addresses with their severity. Plain geometry, no ELK:
 * cards stack in their cell. Deterministic: the day is given.
 */
import { dueState, type DueState } from '../../model/tune-up/due-dates.js';
import { prioritizeInitiatives, quadrantOf, type Quadrant } from '../../model/tune-up/priorities.js';
import type { InitiativeStatus, Journey, Level, Severity } from '../../model/types.js';
import { CARD_PADDING, chipAt, ContentBuilder, moveContent, round, type Content } from '../card-content.js';
import type { Box, Chip, ChipTone, TextLine } from '../diagram-types.js';

const MARGIN = 24;
const AXIS_WIDTH = 104;
const COLUMN_WIDTH = 300;
const CELL_PADDING = 12;
const CARD_GAP = 10;
const CELL_LABEL_HEIGHT = 22;
const COLUMN_HEAD_HEIGHT = 30;
const MIN_ROW_HEIGHT = 96;
const STRIPE = 6;
const CARD_WIDTH = COLUMN_WIDTH - 2 * CELL_PADDING;

const IMPACTS: readonly Level[] = ['high', 'medium', 'low'];
const EFFORTS: readonly Level[] = ['low', 'medium', 'high'];

export interface PainPointLine {
    name: string;
    severity?: Severity;
    chip?: Chip;
    lines: TextLine[];
    box: Box;
}

export interface PriorityCard extends Box {
    name: string;
    title: string;
    rank: number;
    quadrant: Quadrant;
    status?: InitiativeStatus;
    dueState: DueState;
    content: Content;
    painPoints: PainPointLine[];
    /** Short words for screen readers and the hover. */
    summary: string;
}

export interface MatrixCell extends Box {
    quadrant: Quadrant;
    label: string;
    highlighted: boolean;
}

export interface AxisLabel {
    text: string;
    x: number;
    y: number;
}

export interface PrioritiesLayout {
    journey: { name: string; title: string };
    width: number;
    height: number;
    header: TextLine[];
    cells: MatrixCell[];
    rowLabels: AxisLabel[];
    columnLabels: AxisLabel[];
    cards: PriorityCard[];
    /** Where the legend starts. */
    legendY: number;
    emptyNote?: TextLine;
    counts: { initiatives: number; quickWins: string[]; pastDue: string[] };
}

const STATUS_TONE: Record<InitiativeStatus | 'none', ChipTone> = {
    planned: 'neutral', active: 'segment', done: 'ok', dropped: 'neutral', none: 'neutral',
};

const QUADRANT_LABEL: Record<Quadrant, string> = {
    'quick-win': '★ Quick win', 'major-project': 'Major project', 'fill-in': 'Fill-in', thankless: 'Thankless', 'not-rated': 'Not rated',
};

export function layoutPriorities(journey: Journey, today: string): PrioritiesLayout {
    const ranked = prioritizeInitiatives(journey);
    const cards = ranked.map((entry) => cardFor(entry.initiative, entry.rank, entry.quadrant, journey, today));
    const rows: (Level | 'unrated')[] = [...IMPACTS, ...(cards.some((card) => card.quadrant === 'not-rated') ? ['unrated' as const] : [])];
    const header = headerLines(journey, cards);
    const top = MARGIN + 64;
    const left = MARGIN + AXIS_WIDTH;
    const placed: PriorityCard[] = [];
    const cells: MatrixCell[] = [];
    const rowLabels: AxisLabel[] = [];
    let y = top + COLUMN_HEAD_HEIGHT;
    for (const row of rows) {
        const columns = EFFORTS.map((effort, column) => cards.filter((card) => cellOf(card, journey, row, effort, column)));
        const height = Math.max(MIN_ROW_HEIGHT, ...columns.map((stack) => CELL_LABEL_HEIGHT + stack.reduce((sum, card) => sum + card.height + CARD_GAP, 0) + CELL_PADDING));
        columns.forEach((stack, column) => {
            const x = left + column * COLUMN_WIDTH;
            const quadrant = row === 'unrated' ? 'not-rated' : quadrantOf(row, EFFORTS[column]);
            cells.push({ x, y, width: COLUMN_WIDTH, height, quadrant, label: row === 'unrated' && column > 0 ? '' : QUADRANT_LABEL[quadrant], highlighted: quadrant === 'quick-win' });
            let cardY = y + CELL_LABEL_HEIGHT;
            for (const card of stack) {
                placed.push(moveCard(card, x + CELL_PADDING, cardY));
                cardY += card.height + CARD_GAP;
            }
        });
        rowLabels.push({ text: row === 'unrated' ? 'No estimate' : `${capitalized(row)} impact`, x: MARGIN, y: y + height / 2 });
        y += height;
    }
    const columnLabels = EFFORTS.map((effort, column) => ({ text: `${capitalized(effort)} effort`, x: left + column * COLUMN_WIDTH + COLUMN_WIDTH / 2, y: top + 20 }));
    const width = left + EFFORTS.length * COLUMN_WIDTH + MARGIN;
    const emptyNote = cards.length === 0
        ? { text: 'No initiatives yet: add one with impact and effort to see it here.', x: left + CELL_PADDING, y: top + COLUMN_HEAD_HEIGHT + MIN_ROW_HEIGHT + 50, size: 13, weight: 'normal' as const, tone: 'muted' as const }
        : undefined;
    const open = placed.filter((card) => card.dueState !== 'closed');
    return {
        journey: { name: journey.name, title: journey.title },
        width,
        height: y + 70,
        header,
        cells,
        rowLabels,
        columnLabels,
        cards: placed.sort((a, b) => a.rank - b.rank),
        legendY: y + 24,
        ...(emptyNote ? { emptyNote } : {}),
        counts: {
            initiatives: cards.length,
            quickWins: open.filter((card) => card.quadrant === 'quick-win').map((card) => card.title),
            pastDue: open.filter((card) => card.dueState === 'past-due').map((card) => card.title),
        },
    };
}

function cellOf(card: PriorityCard, journey: Journey, row: Level | 'unrated', effort: Level, column: number): boolean {
    const initiative = journey.initiatives.find((candidate) => candidate.name === card.name)!;
    if (row === 'unrated') {
        // Without an estimate there is no cell: the cards fill the row's columns in priority order.
        const unrated = journey.initiatives.filter((candidate) => candidate.impact === undefined || candidate.effort === undefined);
        return card.quadrant === 'not-rated' && unrated.indexOf(initiative) % EFFORTS.length === column;
    }
    return initiative.impact === row && initiative.effort === effort;
}

function headerLines(journey: Journey, cards: readonly PriorityCard[]): TextLine[] {
    const quickWins = cards.filter((card) => card.quadrant === 'quick-win' && card.dueState !== 'closed').length;
    const subtitle = `Impact × effort of ${cards.length} ${cards.length === 1 ? 'initiative' : 'initiatives'}, numbered in priority order · ${quickWins} open ${quickWins === 1 ? 'quick win' : 'quick wins'} · colour: status`;
    return [
        { text: `Priorities: ${journey.title}`, x: MARGIN, y: MARGIN + 20, size: 20, weight: 'bold', tone: 'strong' },
        { text: subtitle, x: MARGIN, y: MARGIN + 44, size: 12, weight: 'normal', tone: 'muted' },
    ];
}

function cardFor(initiative: Journey['initiatives'][number], rank: number, quadrant: Quadrant, journey: Journey, today: string): PriorityCard {
    const left = CARD_PADDING + STRIPE;
    const inner = CARD_WIDTH - left - CARD_PADDING;
    const builder = new ContentBuilder(left, inner, CARD_PADDING);
    builder.text(`#${rank} ${initiative.title}`, { size: 13, weight: 'bold', tone: 'strong' });
    builder.space(5);
    const state = dueState(initiative, today);
    const owner = initiative.owner === undefined ? undefined : journey.teams.find((team) => team.name === initiative.owner)?.title ?? initiative.owner;
    builder.chipRow([
        { text: initiative.status ?? 'no status', tone: STATUS_TONE[initiative.status ?? 'none'] },
        ...(state === 'past-due' ? [{ text: `past due ${initiative.due}`, tone: 'danger' as const }] : initiative.due ? [{ text: `due ${initiative.due}`, tone: state === 'due-soon' ? 'severity-medium' as const : 'neutral' as const }] : []),
    ]);
    builder.space(4);
    builder.text(owner === undefined ? 'No owner' : `Owner: ${owner}`, { size: 11, tone: owner === undefined ? 'danger' : 'muted', lineHeight: 14 });
    const painPoints: PainPointLine[] = [];
    for (const name of initiative.addresses) {
        const painPoint = journey.painPoints.find((candidate) => candidate.name === name);
        if (!painPoint) continue;
        builder.space(4);
        const top = builder.cursor;
        const chip = painPoint.severity ? chipAt(painPoint.severity, `severity-${painPoint.severity}`, left, top) : undefined;
        const before = builder.lines.length;
        builder.text(painPoint.title, { size: 11, tone: 'normal', lineHeight: 16 }, 0, chip ? chip.width + 5 : 0);
        painPoints.push({
            name,
            severity: painPoint.severity,
            chip,
            lines: builder.lines.splice(before),
            box: { x: left, y: top, width: inner, height: builder.cursor - top },
        });
    }
    const height = Math.ceil(builder.cursor + CARD_PADDING);
    const addresses = painPoints.map((line) => `${line.severity ?? 'unrated'}: ${painPoint(journey, line.name)}`).join('; ');
    const summary = [
        `Initiative #${rank} ${initiative.title}`,
        `${initiative.impact ?? 'unknown'} impact, ${initiative.effort ?? 'unknown'} effort`,
        initiative.status ?? 'no status',
        ...(state === 'past-due' ? [`past due since ${initiative.due}`] : initiative.due ? [`due ${initiative.due}`] : []),
        owner === undefined ? 'no owner' : `owner ${owner}`,
        ...(addresses ? [`addresses ${addresses}`] : []),
    ].join(', ');
    return {
        name: initiative.name, title: initiative.title, rank, quadrant, status: initiative.status, dueState: state,
        x: 0, y: 0, width: CARD_WIDTH, height,
        content: { width: CARD_WIDTH, height, lines: builder.lines, chips: builder.chips },
        painPoints, summary,
    };
}

function painPoint(journey: Journey, name: string): string {
    return journey.painPoints.find((candidate) => candidate.name === name)?.title ?? name;
}

function moveCard(card: PriorityCard, x: number, y: number): PriorityCard {
    const move = <T extends { x: number; y: number }>(item: T): T => ({ ...item, x: round(item.x + x), y: round(item.y + y) });
    return {
        ...card,
        x,
        y,
        content: moveContent(card.content, x, y),
        painPoints: card.painPoints.map((line) => ({
            ...line,
            box: move(line.box),
            lines: line.lines.map(move),
            chip: line.chip ? { ...move(line.chip), textX: round(line.chip.textX + x), textY: round(line.chip.textY + y) } : undefined,
        })),
    };
}

function capitalized(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
