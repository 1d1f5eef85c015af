/**
 * Whether customers see an element, in words, for the hover and completion:
 * the editor's side of src/model/customer-view.ts (which decides it for every
 * output; docs/customer-view.md is the reference). Read from the syntax tree,
 * so that it is right while the file is being typed.
 */
import type { AstNode } from 'langium';

/** The element kinds customers see only when they are marked `shared`. */
const SHAREABLE_TYPES: ReadonlySet<string> = new Set(['PainPoint', 'Initiative', 'Metric']);
/** The kinds no customer-facing output ever shows. */
const NEVER_SHOWN_TYPES: ReadonlySet<string> = new Set(['Team', 'Review', 'Change']);

type Flags = AstNode & { internal?: string[]; shared?: string[] };

/** "shown", "hidden: marked `internal`"… for a named element. */
export function customerVisibility(node: AstNode): string {
    if (NEVER_SHOWN_TYPES.has(node.$type)) {
        return 'never shown (customers see no teams, reviews or changes)';
    }
    if (isMarkedInternal(node)) {
        return 'hidden: marked `internal`';
    }
    const internalContainer = containers(node).find(isMarkedInternal);
    if (internalContainer) {
        return `hidden: its ${internalContainer.$type === 'Journey' ? 'journey' : 'stage'} is \`internal\``;
    }
    if (SHAREABLE_TYPES.has(node.$type)) {
        return ((node as Flags).shared?.length ?? 0) > 0
            ? 'shown (`shared`), without its internal details'
            : 'hidden: add `shared` to show it to customers';
    }
    return 'shown';
}

function isMarkedInternal(node: AstNode): boolean {
    return ((node as Flags).internal?.length ?? 0) > 0;
}

function containers(node: AstNode): AstNode[] {
    const found: AstNode[] = [];
    for (let current = node.$container; current; current = current.$container) found.push(current);
    return found;
}
