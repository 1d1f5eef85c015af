/** Items by each of their keys, in the items' order, each item once per key: lookups by name stay linear on large maps. */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        for (const key of new Set(keys(item))) {
            const group = groups.get(key);
            if (group) group.push(item);
            else groups.set(key, [item]);
        }
    }
    return groups;
}
