/**
 * How stable the compare map is: after a realistic edit of a map's text (one
 * touchpoint added, removed, renamed or moved to the next stage), how many of
 * the cards the edit did not touch keep their column and row — the column
 * being the card's layer inside its stage, the row its place from the top in
 * that layer — compared with the map of the base version.
 */
import { layoutComparison, layoutJourney, type Layouter } from '../../src/diagram/index.js';
import type { DiagramLayout, TouchpointCard } from '../../src/diagram/diagram-types.js';
import { journeyOf } from './model.js';

export type EditKind = 'added' | 'removed' | 'renamed' | 'moved';
export const EDIT_KINDS: readonly EditKind[] = ['added', 'removed', 'renamed', 'moved'];

export interface Edit {
    kind: EditKind;
    touchpoint: string;
    text: string;
}

const BLOCK = (name: string) => new RegExp(`\\n( +)touchpoint ${name} "[^"]*"(?: \\{[\\s\\S]*?\\n\\1\\})?\\n`);

/** Every edit of one kind the text allows: one per touchpoint (moves: those with a stage after theirs). */
export function editsOf(text: string, kind: EditKind): Edit[] {
    const names = [...text.matchAll(/\n +touchpoint (\w+) "/g)].map((m) => m[1]);
    return names.flatMap((name): Edit[] => {
        const block = BLOCK(name).exec(text);
        if (!block) return [];
        const edited = editText(text, kind, name, block);
        return edited === undefined ? [] : [{ kind, touchpoint: kind === 'renamed' ? `${name}Renamed` : kind === 'added' ? `${name}Twin` : name, text: edited }];
    });
}

function editText(text: string, kind: EditKind, name: string, block: RegExpExecArray): string | undefined {
    const [whole, indent] = block;
    const end = block.index + whole.length;
    switch (kind) {
        case 'added':
            return `${text.slice(0, end)}${indent}touchpoint ${name}Twin "A new step after ${name}" { channel email  emotion +1 }\n${text.slice(end)}`;
        case 'removed':
            // The `next` and `at` naming it are left: the model leaves unresolved references out, as if they were gone too.
            return text.slice(0, block.index + 1) + text.slice(end);
        case 'renamed':
            return text.replace(new RegExp(`\\b${name}\\b`, 'g'), `${name}Renamed`);
        case 'moved': {
            const rest = text.slice(0, block.index + 1) + text.slice(end);
            const nextStage = /\n( +)stage \w+ "[^"]*" \{\n/g;
            nextStage.lastIndex = block.index + 1;
            const found = nextStage.exec(rest);
            if (!found) return undefined;
            const at = found.index + found[0].length;
            return `${rest.slice(0, at)}${whole.slice(1)}${rest.slice(at)}`;
        }
    }
}

/** Each card's (column, row) inside its stage. */
function gridOf(layout: DiagramLayout): Map<string, { stage: string; column: number; row: number }> {
    const grid = new Map<string, { stage: string; column: number; row: number }>();
    const byStage = new Map<string, TouchpointCard[]>();
    for (const card of layout.touchpoints) byStage.set(card.stage, [...(byStage.get(card.stage) ?? []), card]);
    for (const [stage, cards] of byStage) {
        const columns = [...new Set(cards.map((c) => c.x))].sort((a, b) => a - b);
        for (const card of cards) {
            const column = columns.indexOf(card.x);
            const row = cards.filter((c) => c.x === card.x && c.y < card.y).length;
            grid.set(card.name, { stage, column, row });
        }
    }
    return grid;
}

export interface Stability {
    /** Cards neither the edit nor its consequences touched, in both versions. */
    unchanged: number;
    /** Of those, how many keep column and row (in the same stage) on the compare map. */
    keptOnCompareMap: number;
    /** The same on the plain map of the new version, for comparison: what the ghosts buy. */
    keptOnPlainMap: number;
}

export async function stabilityOf(baseText: string, edit: Edit, layouter: Layouter): Promise<Stability> {
    const [before, after] = [await journeyOf(baseText), await journeyOf(edit.text)];
    const [base, compare, plain] = [await layoutJourney(before, layouter), await layoutComparison(before, after, layouter, { base: 'base' }), await layoutJourney(after, layouter)];
    const [baseGrid, compareGrid, plainGrid] = [gridOf(base), gridOf(compare), gridOf(plain)];
    const unchanged = compare.touchpoints
        .filter((card) => compare.compare!.marks[`touchpoint-${card.name}`]?.state === 'unchanged' && baseGrid.has(card.name))
        .map((card) => card.name);
    const kept = (grid: typeof baseGrid) => unchanged.filter((name) => {
        const [was, now] = [baseGrid.get(name)!, grid.get(name)];
        return now !== undefined && now.stage === was.stage && now.column === was.column && now.row === was.row;
    }).length;
    return { unchanged: unchanged.length, keptOnCompareMap: kept(compareGrid), keptOnPlainMap: kept(plainGrid) };
}
