/**
 * The kinds of change `journey diff` reports: one table, read by the differ,
 * the CLI's formats and the documentation test (docs/diff.md lists every code).
 * A code never changes meaning; its level says whether a reviewer should look.
 */

export type DiffLevel = 'info' | 'warning';
export type DiffMark = 'added' | 'removed' | 'changed' | 'consequence';

interface DiffCodeInfo {
    level: DiffLevel;
    /**
     * How the compare map shows it: the element marked added, removed or
     * changed; a consequence only adds a line to the element's hover.
     */
    mark: DiffMark;
    /** When it is reported, as docs/diff.md says it. */
    summary: string;
}

export const DIFF_CODES = {
    'journey.diff.added': { level: 'info', mark: 'added', summary: 'an element was added' },
    'journey.diff.removed': { level: 'info', mark: 'removed', summary: 'an element was removed' },
    'journey.diff.renamed': { level: 'info', mark: 'changed', summary: 'an element was renamed (same kind, same or nearly the same content)' },
    'journey.diff.moved': { level: 'info', mark: 'changed', summary: 'a touchpoint, pain point or metric moved to another stage' },
    'journey.diff.changed': { level: 'info', mark: 'changed', summary: 'a property changed' },
    'journey.diff.emotion-dropped': { level: 'warning', mark: 'changed', summary: "a touchpoint's emotion dropped by 2 or more" },
    'journey.diff.owner-removed': { level: 'warning', mark: 'changed', summary: 'an owner was removed and nobody replaces it' },
    'journey.diff.metric-target-lowered': { level: 'warning', mark: 'changed', summary: "a metric's target was made easier to meet" },
    'journey.diff.flow-target-removed': { level: 'warning', mark: 'removed', summary: 'a touchpoint that other touchpoints flowed to was removed' },
    'journey.diff.unaddressed-painpoint-removed': { level: 'warning', mark: 'removed', summary: 'a high or critical pain point was removed while no initiative addressed it' },
    'journey.diff.painpoint-unaddressed': { level: 'warning', mark: 'consequence', summary: 'a high or critical pain point is now addressed by no initiative' },
    'journey.diff.metric-now-missed': { level: 'warning', mark: 'consequence', summary: 'a metric that met its target now misses it' },
    'journey.diff.metric-now-met': { level: 'info', mark: 'consequence', summary: 'a metric that missed its target now meets it' },
    'journey.diff.initiative-past-due': { level: 'warning', mark: 'consequence', summary: 'an initiative is now past its due date' },
    'journey.diff.initiative-done': { level: 'info', mark: 'changed', summary: 'an initiative is now done' },
    'journey.diff.initiative-dropped': { level: 'info', mark: 'changed', summary: 'an initiative is now dropped' },
    'journey.diff.review-date-moved': { level: 'info', mark: 'changed', summary: "a journey's `reviewed` date changed" },
    'journey.diff.net-emotion-changed': { level: 'info', mark: 'consequence', summary: "a stage's net emotion changed" },
    'journey.diff.net-emotion-dropped': { level: 'warning', mark: 'consequence', summary: "a stage's net emotion dropped by 2 or more" },
} as const satisfies Record<string, DiffCodeInfo>;

export type DiffCode = keyof typeof DIFF_CODES;

export function levelOf(code: DiffCode): DiffLevel {
    return DIFF_CODES[code].level;
}

export function markOf(code: DiffCode): DiffMark {
    return DIFF_CODES[code].mark;
}

/** How much an emotion (of a touchpoint or a stage's net emotion) must fall before a reviewer is warned. */
export const EMOTION_DROP_WARNING = 2;
