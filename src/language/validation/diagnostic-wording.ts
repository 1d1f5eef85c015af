import { kindLabel } from '../element-kinds.js';

/**
 * The words diagnostics are made of: kinds at the start of a sentence, lists
 * of names, "twice".
 */

/** "Pain point" — the label for the start of a sentence. */
export function capitalizedKindLabel(type: string): string {
    const label = kindLabel(type);
    return label.charAt(0).toUpperCase() + label.slice(1);
}

/** 'a', 'a and b', 'a, b and c' — a long list cut short. */
export function joinedList(items: readonly string[], limit = 6): string {
    const shown = items.slice(0, limit);
    if (items.length > limit) {
        shown.push(`${items.length - limit} more`);
    }
    return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Names quoted and joined: 'a', 'b' and 'c'. */
export function quotedList(names: readonly string[]): string {
    return joinedList(names.map((name) => `'${name}'`));
}

/** "twice", "3 times". */
export function times(count: number): string {
    return count === 2 ? 'twice' : `${count} times`;
}
