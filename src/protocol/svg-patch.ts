/**
 * A map's SVG as the preview updates it: split into the root's children and,
 * inside each group among them, the group's children (the cards, the flow's
 * edges, the lanes…), so that a keystroke that changes one card sends the
 * webview that card, not the whole map again (9 MB at 5,000 touchpoints).
 * Plain strings only: the extension host diffs, the webview applies the
 * edits to its DOM (src/webview/svg-insert.ts) and the extension to its copy.
 *
 * The split is lossless (`joinSvg(splitSvg(svg)) === svg`) and relies on
 * what every SVG of ours is: well-formed, with `<` and `>` escaped in text
 * and attribute values, and a `<style>` sheet with no tags inside.
 */

/** One child of the root: the whole element (with the white space before it); a group's children as well. */
export interface SvgPart {
    markup: string;
    /** For a group with element children: the white space and open tag before them, and what follows them to the end of `markup`. */
    group?: { open: string; children: string[]; close: string };
}

export interface SvgTree {
    /** Everything up to the end of the root's open tag. */
    open: string;
    children: SvgPart[];
    /** Everything after the last child. */
    close: string;
}

/**
 * Children `start` to `start + deleteCount` replaced by `insert` (markup of
 * whole elements), in the root (`group` absent) or in the root's child
 * number `group`. Indices are those of the tree before the patch.
 */
export interface SvgEdit {
    group?: number;
    start: number;
    deleteCount: number;
    insert: string[];
}

export interface SvgPatch {
    /** The new root open tag (its size and view box change with the map). */
    open: string;
    close: string;
    edits: SvgEdit[];
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g;

/** The tree of an SVG of ours; undefined for text that is not one element with a root open tag. */
export function splitSvg(svg: string): SvgTree | undefined {
    const tag = new RegExp(TAG.source, 'g');
    let depth = 0;
    let open = '';
    const children: SvgPart[] = [];
    let childStart = 0;
    let childOpenEnd = 0;
    let grandStart = 0;
    let grandchildren: string[] = [];
    for (let match = tag.exec(svg); match; match = tag.exec(svg)) {
        const [text, closing, name, selfClosing] = match;
        const end = match.index + text.length;
        if (!closing) {
            if (name === 'style' && !selfClosing) {
                // A style sheet holds no tags; skip to its end so that nothing in it is read as one.
                const styleEnd = svg.indexOf('</style>', end);
                if (styleEnd < 0) return undefined;
                tag.lastIndex = styleEnd;
            }
            if (depth === 0) {
                open = svg.slice(0, end);
                childStart = end;
            } else if (depth === 1) {
                childOpenEnd = end;
                grandStart = end;
                grandchildren = [];
                if (selfClosing) {
                    children.push({ markup: svg.slice(childStart, end) });
                    childStart = end;
                }
            } else if (depth === 2 && selfClosing) {
                grandchildren.push(svg.slice(grandStart, end));
                grandStart = end;
            }
            if (!selfClosing) depth++;
            continue;
        }
        depth--;
        if (depth === 0) {
            return { open, children, close: svg.slice(childStart) };
        } else if (depth === 1) {
            const part: SvgPart = { markup: svg.slice(childStart, end) };
            if (grandchildren.length > 0) part.group = { open: svg.slice(childStart, childOpenEnd), children: grandchildren, close: svg.slice(grandStart, end) };
            children.push(part);
            childStart = end;
        } else if (depth === 2) {
            grandchildren.push(svg.slice(grandStart, end));
            grandStart = end;
        }
    }
    return undefined;
}

export function joinSvg(tree: SvgTree): string {
    return tree.open + tree.children.map((child) => child.markup).join('') + tree.close;
}

/** The edits that turn `before` into `after`: the children that differ, within a group where only its children differ. */
export function diffSvg(before: SvgTree, after: SvgTree): SvgPatch {
    const edits: SvgEdit[] = [];
    const { start, beforeEnd, afterEnd } = changedRange(before.children.map((c) => c.markup), after.children.map((c) => c.markup));
    const sameGroups = beforeEnd - start === afterEnd - start &&
        before.children.slice(start, beforeEnd).every((part, i) => sameGroupTags(part, after.children[start + i]));
    if (sameGroups) {
        for (let i = start; i < beforeEnd; i++) {
            const old = before.children[i].group!;
            const now = after.children[i].group!;
            const range = changedRange(old.children, now.children);
            if (range.beforeEnd > range.start || range.afterEnd > range.start) {
                edits.push({ group: i, start: range.start, deleteCount: range.beforeEnd - range.start, insert: now.children.slice(range.start, range.afterEnd) });
            }
        }
    } else if (beforeEnd > start || afterEnd > start) {
        edits.push({ start, deleteCount: beforeEnd - start, insert: after.children.slice(start, afterEnd).map((c) => c.markup) });
    }
    return { open: after.open, close: after.close, edits };
}

/** The tree `patch` makes of `tree` (a new tree; `tree` is left as it is). */
export function patchSvgTree(tree: SvgTree, patch: SvgPatch): SvgTree {
    const children = [...tree.children];
    for (const edit of patch.edits) {
        if (edit.group === undefined) {
            children.splice(edit.start, edit.deleteCount, ...edit.insert.map((markup) => splitPart(markup)));
            continue;
        }
        const group = children[edit.group].group!;
        const grandchildren = [...group.children];
        grandchildren.splice(edit.start, edit.deleteCount, ...edit.insert);
        children[edit.group] = { markup: group.open + grandchildren.join('') + group.close, group: { ...group, children: grandchildren } };
    }
    return { open: patch.open, children, close: patch.close };
}

/** How many characters of markup a patch carries. */
export function patchSize(patch: SvgPatch): number {
    return patch.open.length + patch.close.length + patch.edits.reduce((sum, edit) => sum + edit.insert.reduce((n, markup) => n + markup.length, 0), 0);
}

/** A root child on its own, split as splitSvg splits it inside the root. */
function splitPart(markup: string): SvgPart {
    const wrapped = splitSvg(`<svg>${markup}</svg>`);
    return wrapped?.children.length === 1 && wrapped.close === '</svg>' ? wrapped.children[0] : { markup };
}

function sameGroupTags(before: SvgPart, after: SvgPart | undefined): boolean {
    return before.group !== undefined && after?.group !== undefined && before.group.open === after.group.open && before.group.close === after.group.close;
}

/** The range where two lists differ: the common start and end left out. */
function changedRange(before: readonly string[], after: readonly string[]): { start: number; beforeEnd: number; afterEnd: number } {
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let beforeEnd = before.length;
    let afterEnd = after.length;
    while (beforeEnd > start && afterEnd > start && before[beforeEnd - 1] === after[afterEnd - 1]) {
        beforeEnd--;
        afterEnd--;
    }
    return { start, beforeEnd, afterEnd };
}
