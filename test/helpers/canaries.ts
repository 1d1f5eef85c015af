/**
 * The customer-view leak fixture (test/fixtures/canary/): every field a
 * customer must not see holds a canary; everything a customer sees says
 * VISIBLE. `leaks` lists the canaries found in an output.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const CANARY_FOLDER = path.resolve('test/fixtures/canary');
export const CANARY_MAP = path.join(CANARY_FOLDER, 'map.journey');
export const CANARY_FILES = ['shared.journey', 'map.journey', 'internal-journey.journey'].map((file) => path.join(CANARY_FOLDER, file));
/** The fixture's "today": its review and the unshared initiative's due date lie in the past. */
export const CANARY_TODAY = '2026-11-23';

/**
 * What no customer output may hold: the canary word (names, titles,
 * descriptions, evidence, notes, units, team names, the fixture's folder),
 * the unshared metrics' values, the dates (review, due), and the words of
 * internal facts (statuses, triage, ownership).
 */
const CANARIES: readonly RegExp[] = [
    /canary/i, /9876\d/, /2026-03-17/, /2031-07-19/, /2020-01-15/, /2029-11-23/,
    /dropped/i, /past due/i, /\bimpact\b/i, /\beffort\b/i, /severity/i, /evidence/i, /\bowner\b/i, /stale/i,
    // The shared pain point's severity: as a word, not the palette's CSS names (--jm-critical, .jm-fill-critical {…}).
    /(?<![-\w])critical\b(?![\w-]*[:{])/i, /class="[^"]*jm-fill-critical/,
    /file:\/\//, new RegExp(escapeRegExp(path.resolve('.'))),
];

/** What every customer output of the full map shows (an output that shows nothing cannot leak). */
export const VISIBLE = ['VISIBLE journey title', 'VISIBLE touchpoint welcome', 'VISIBLE touchpoint kickoff', 'VISIBLE second stage'];

export function canaryTexts(): string[] {
    return CANARY_FILES.map((file) => readFileSync(file, 'utf8'));
}

/** The canaries found in `output`, as the matched text. */
export function leaks(output: string): string[] {
    return CANARIES.flatMap((canary) => output.match(new RegExp(canary.source, `${canary.flags}g`)) ?? []);
}

/** The strings and numbers of a JSON value (not its keys: `"evidence": []` is an empty field, not a leak). */
export function valuesOf(value: unknown): string {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map(valuesOf).join('\n');
    if (typeof value === 'object' && value !== null) return Object.values(value).map(valuesOf).join('\n');
    return '';
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
