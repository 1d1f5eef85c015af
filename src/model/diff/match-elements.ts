/**
 * Pairs the elements of one kind in two versions: by name first, then the
 * rest by content, so that a renamed element is reported as a rename and not
 * as one removed and one added. Deterministic: ties go to document order.
 */
import { comparable, type PropertyReader, type Renames } from './element-properties.js';

export interface Matching<T> {
    /** [before, after] pairs, in the new version's order. */
    pairs: [T, T][];
    removed: T[];
    added: T[];
}

/** How alike two elements must be (share of their set properties that agree, the title counting twice) to be one renamed element. */
const RENAME_SIMILARITY = 0.6;

export function matchElements<T extends { name: string }>(
    before: readonly T[],
    after: readonly T[],
    properties: readonly PropertyReader<T>[],
    renames?: Renames,
): Matching<T> {
    const afterByName = new Map(after.map((element) => [element.name, element]));
    const beforeByName = new Map(before.map((element) => [element.name, element]));
    const partner = new Map<T, T>();
    for (const old of before) {
        const same = afterByName.get(old.name);
        if (same) partner.set(same, old);
    }
    const unmatchedBefore = before.filter((old) => !afterByName.has(old.name));
    const unmatchedAfter = after.filter((element) => !beforeByName.has(element.name));
    for (const [old, element] of renamePairs(unmatchedBefore, unmatchedAfter, properties, renames)) {
        partner.set(element, old);
    }
    const paired = new Set(partner.values());
    return {
        pairs: after.filter((element) => partner.has(element)).map((element) => [partner.get(element)!, element]),
        removed: before.filter((old) => !paired.has(old)),
        added: after.filter((element) => !partner.has(element)),
    };
}

function renamePairs<T>(
    before: readonly T[],
    after: readonly T[],
    properties: readonly PropertyReader<T>[],
    renames: Renames | undefined,
): [T, T][] {
    const candidates: { old: number; now: number; score: number }[] = [];
    before.forEach((old, oldIndex) => {
        after.forEach((element, newIndex) => {
            const score = similarity(old, element, properties, renames);
            if (score >= RENAME_SIMILARITY) candidates.push({ old: oldIndex, now: newIndex, score });
        });
    });
    candidates.sort((a, b) => b.score - a.score || a.old - b.old || a.now - b.now);
    const takenOld = new Set<number>();
    const takenNew = new Set<number>();
    const pairs: [T, T][] = [];
    for (const { old, now } of candidates) {
        if (takenOld.has(old) || takenNew.has(now)) continue;
        takenOld.add(old);
        takenNew.add(now);
        pairs.push([before[old], after[now]]);
    }
    return pairs;
}

/** The share of the properties set on either side that agree; the title weighs double. Nothing set: not alike. */
function similarity<T>(old: T, element: T, properties: readonly PropertyReader<T>[], renames: Renames | undefined): number {
    let agreeing = 0;
    let total = 0;
    for (const property of properties) {
        const was = comparable(property.read(old, renames));
        const now = comparable(property.read(element));
        if (was === undefined && now === undefined) continue;
        const weight = property.keyword === 'title' ? 2 : 1;
        total += weight;
        if (was === now) agreeing += weight;
    }
    return total === 0 ? 0 : agreeing / total;
}
