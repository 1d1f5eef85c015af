/**
 * How a CS-ops person names each kind of declaration, and the keyword that
 * declares it: messages say "pain point 'x'", quick fixes write `painpoint x`.
 */
const KINDS: Record<string, { label: string; keyword: string }> = {
    Team: { label: 'team', keyword: 'team' },
    Segment: { label: 'segment', keyword: 'segment' },
    Journey: { label: 'journey', keyword: 'journey' },
    Stage: { label: 'stage', keyword: 'stage' },
    Touchpoint: { label: 'touchpoint', keyword: 'touchpoint' },
    PainPoint: { label: 'pain point', keyword: 'painpoint' },
    Metric: { label: 'metric', keyword: 'metric' },
    Initiative: { label: 'initiative', keyword: 'initiative' },
    Review: { label: 'review', keyword: 'review' },
    Change: { label: 'change', keyword: 'change' },
};

/** "pain point" for `PainPoint`; the AST type itself for anything unknown. */
export function kindLabel(type: string): string {
    return KINDS[type]?.label ?? type;
}

/** The keyword that declares an element of this AST type (`painpoint` for `PainPoint`). */
export function kindKeyword(type: string): string {
    return KINDS[type]?.keyword ?? type.toLowerCase();
}

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
