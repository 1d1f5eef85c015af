/**
 * The preview's compare mode, on the server's side: the base version of a
 * document (its text, read from git by the extension) resolved with the
 * workspace's other documents as they are now, and the changes the compare
 * map marks, listed for the preview's "Changes" list. The base is built in a
 * workspace of its own — the live one never sees it — and kept while neither
 * its text nor the other documents change, so that a keystroke only redraws.
 */
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { fixedClock } from '../language/clock.js';
import { createJourneyServices } from '../language/journey-module.js';
import { buildDocuments, modelOfDocuments } from '../language/workspace-loader.js';
import type { CompareOverlay } from '../diagram/compare/compare-types.js';
import { layoutComparison, type Layouter, renderSvg } from '../diagram/index.js';
import type { Theme } from '../protocol/theme.js';
import type { Journey, JourneyView, SourceLocation } from '../model/types.js';
import { journeyView } from '../model/views.js';
import type { CompareBase, MapChange } from '../protocol/diagram-requests.js';
import { parseElementId } from '../protocol/element-id.js';

export type BaseJourney = { journey: Journey | undefined } | { error: string };

interface Built {
    key: string;
    journeys: Journey[];
    error?: string;
}

/** The last base built: a keystroke in the document being compared does not change it. */
let cached: Built | undefined;

/** The journey named `name` (or declared alone in the file) in the base version, seen through `view`. */
export async function baseJourney(base: CompareBase, documentUri: string, workspace: readonly LangiumDocument[], today: string, name: string, view: JourneyView): Promise<BaseJourney> {
    if (base.text === null) return { journey: undefined };
    const others = workspace.filter((document) => document.uri.toString() !== documentUri);
    const key = [documentUri, today, base.text, ...others.map((document) => `${document.uri.toString()}@${document.textDocument.version}`)].join('\0');
    if (cached?.key !== key) cached = await build(key, base.text, documentUri, others, today);
    if (cached.error) return { error: cached.error };
    const journeys = cached.journeys;
    const found = journeys.find((journey) => journey.name === name) ?? singleDeclaredIn(journeys, documentUri);
    return { journey: found && journeyView(found, view) };
}

function singleDeclaredIn(journeys: readonly Journey[], uri: string): Journey | undefined {
    const declared = journeys.filter((journey) => journey.source?.uri === uri);
    return declared.length === 1 ? declared[0] : undefined;
}

async function build(key: string, text: string, documentUri: string, others: readonly LangiumDocument[], today: string): Promise<Built> {
    const { shared } = createJourneyServices(EmptyFileSystem, { clock: fixedClock(today) });
    const sources = [{ uri: URI.parse(documentUri), text }, ...others.map((document) => ({ uri: document.uri, text: document.textDocument.getText() }))];
    const documents = await buildDocuments(shared, sources, { validation: { categories: ['built-in'] } });
    const { lexerErrors, parserErrors } = documents[0].parseResult;
    return {
        key,
        journeys: modelOfDocuments(documents, today).journeys,
        error: lexerErrors.length + parserErrors.length > 0 ? 'the base version of this file has syntax errors: compare with another revision' : undefined,
    };
}

/** The changes the compare map marks, in map order, each with what the preview's list shows. */
export function mapChanges(overlay: CompareOverlay, after: Journey, before: Journey | undefined, baseText: string | null): MapChange[] {
    const changes: MapChange[] = [];
    for (const [id, mark] of Object.entries(overlay.marks)) {
        if (mark.state === 'unchanged') continue;
        const element = parseElementId(id);
        if (!element || !('name' in element)) continue;
        const find = (journey: Journey | undefined) => elementsOf(journey).find((e) => e.kind === element.kind && e.name === element.name);
        const found = mark.state === 'removed' ? find(before) : find(after);
        const label = `${element.kind === 'painpoint' ? 'pain point' : element.kind} "${found?.title ?? element.name}"`;
        const oldText = mark.state === 'removed' && found?.source && baseText !== null ? declarationText(baseText, found.source) : undefined;
        changes.push({ id, state: mark.state, label, notes: mark.notes, oldText });
    }
    return changes;
}

function elementsOf(journey: Journey | undefined): { kind: string; name: string; title: string; source?: SourceLocation }[] {
    if (!journey) return [];
    return [...journey.stages, ...journey.touchpoints, ...journey.painPoints, ...journey.initiatives, ...journey.metrics];
}

/** Lines shown at most for a removed element's old declaration. */
const MAX_LINES = 40;

/** The declaration whose name is at `source`: from its line to the line where its braces close. */
export function declarationText(text: string, source: SourceLocation): string {
    const lines = text.split(/\r?\n/).slice(source.start.line, source.start.line + MAX_LINES);
    let depth = 0;
    const taken: string[] = [];
    for (const line of lines) {
        taken.push(line);
        const code = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/, '');
        depth += (code.match(/\{/g)?.length ?? 0) - (code.match(/\}/g)?.length ?? 0);
        if (depth <= 0) break;
    }
    const indent = Math.min(...taken.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)![0].length));
    return taken.map((line) => line.slice(indent)).join('\n');
}

export type CompareDiagram = { svg: string; changes: MapChange[] } | { error: string };

/** The compare map of `view` against the base version, and its list of changes. */
export async function compareDiagram(
    base: CompareBase,
    document: LangiumDocument,
    workspace: readonly LangiumDocument[],
    today: string,
    view: Journey,
    theme: Theme,
    layouter: Layouter,
): Promise<CompareDiagram> {
    const before = await baseJourney(base, document.uri.toString(), workspace, today, view.name, view.view);
    if ('error' in before) return { error: `${base.label}: ${before.error}` };
    const layout = await layoutComparison(before.journey, view, layouter, { base: base.label });
    return { svg: renderSvg(layout, { theme }), changes: mapChanges(layout.compare!, view, before.journey, base.text) };
}
