import type { AstNodeDescription, ReferenceInfo, ScopeProvider } from 'langium';
import { distance } from 'fastest-levenshtein';

/** At most this many names are suggested for a name that does not resolve. */
const MAX_SUGGESTIONS = 3;

/**
 * The names a reference could name: those in its scope, so of the right kind
 * and reachable from where it is written; each name once (a document's own
 * teams are in its local scope and in the workspace's). The unresolved-reference
 * message (linking-errors.ts) and its quick fix (lsp/code-actions.ts) both ask.
 */
export function namesInScope(scopeProvider: ScopeProvider, info: ReferenceInfo): AstNodeDescription[] {
    return scopeProvider.getScope(info).getAllElements().distinct((description) => description.name).toArray();
}

/** The names closest to what was written, by edit distance, ignoring case. */
export function closestNames<T extends { name: string }>(written: string, candidates: readonly T[]): T[] {
    const target = written.toLowerCase();
    const tolerance = Math.max(2, Math.floor(written.length * 0.4));
    return candidates
        .filter((candidate) => candidate.name !== written)
        .map((candidate) => {
            const name = candidate.name.toLowerCase();
            const related = name.startsWith(target) || target.startsWith(name);
            return { candidate, score: distance(target, name), related };
        })
        .filter(({ score, related }) => score <= tolerance || related)
        .sort((a, b) => a.score - b.score || a.candidate.name.localeCompare(b.candidate.name))
        .slice(0, MAX_SUGGESTIONS)
        .map(({ candidate }) => candidate);
}
