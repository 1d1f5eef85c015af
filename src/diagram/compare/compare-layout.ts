/**
 * The compare map: the new version of a journey laid out with the removed
 * elements put back as ghosts, then marked — what is new, changed, removed or
 * unchanged since the base version —, with the old emotion curve and a change
 * legend. The changes come from `journey diff`'s engine (src/model/diff),
 * mapped onto the map's element ids.
 */
import { diffWorkspaces } from '../../model/diff/diff-workspace.js';
import type { ModelChange } from '../../model/diff/changes.js';
import type { Journey } from '../../model/types.js';
import { connectionId, elementId } from '../../protocol/element-id.js';
import { chipAt, round } from '../card-content.js';
import type { Box, ChipTone, DiagramLayout, MetricMark, TouchpointCard } from '../diagram-types.js';
import type { Layouter, MapLayoutOptions } from '../elk/layouter.js';
import { experienceCurve, layoutJourney } from '../layout/map-layout.js';
import { measureText } from '../text-measure.js';
import type { ChangeLegend, ChangeLegendItem, ChangeMark, ChangeState, CompareOverlay } from './compare-types.js';
import { type ElementChange, mergeVersions, type MergedVersions } from './merge-versions.js';

export interface CompareOptions extends MapLayoutOptions {
    /** What the base version is, as the user named it (`HEAD`, `main`, a file). */
    base: string;
}

/** The changes between two versions of one journey (or view of it), in map order. */
export function journeyChanges(before: Journey | undefined, after: Journey): ModelChange[] {
    const side = (journey: Journey) => ({ journeys: [journey], teams: journey.teams, segments: journey.segments });
    if (!before) return [];
    return diffWorkspaces(side(before), side(after)).changes;
}

/** Lays out the compare map of `after` against `before` (undefined: the journey is new). */
export async function layoutComparison(before: Journey | undefined, after: Journey, layouter: Layouter, options: CompareOptions): Promise<DiagramLayout> {
    const merged = mergeVersions(before, after, journeyChanges(before, after));
    const layout = await layoutJourney(merged.journey, layouter, options);
    return withOverlay(layout, merged, options.base);
}

const TAG_TONES: Record<Exclude<ChangeState, 'unchanged'>, ChipTone> = { added: 'ok', changed: 'severity-medium', removed: 'danger' };
/** How far a tag sticks out above its card: less than half the space ELK leaves between cards. */
const TAG_RISE = 8;
const TAG_INSET = 8;

/**
 * The tag's word. A moved card names the stage it left: it leaves no ghost
 * there (a second card with the same title would read as a duplicate, and
 * would push the old stage's cards about), so the tag says where it came from.
 */
function tagText(change: ElementChange, stageTitle: (name: string) => string | undefined): string {
    if (change.state === 'added') return 'NEW';
    if (change.state === 'removed') return 'REMOVED';
    if (change.how.size === 1 && change.how.has('renamed')) return 'RENAMED';
    if (change.how.size === 1 && change.how.has('moved')) {
        const from = change.movedFrom === undefined ? undefined : stageTitle(change.movedFrom);
        return from === undefined ? 'MOVED' : `MOVED from ${from}`;
    }
    return 'CHANGED';
}

function markOf(change: ElementChange | undefined, box: Box | undefined, stageTitle: (name: string) => string | undefined = () => undefined): ChangeMark {
    if (!change || change.state === 'unchanged') {
        return { state: 'unchanged', notes: change?.notes ?? [] };
    }
    const text = box ? fitted(tagText(change, stageTitle), box.width - 2 * TAG_INSET - 12, 'bold') : tagText(change, stageTitle);
    const width = Math.ceil(measureText(text, 11, 'bold') + 12);
    const tag = box ? chipAt(text, TAG_TONES[change.state], round(box.x + box.width - width - TAG_INSET), round(box.y - TAG_RISE), width) : undefined;
    return { state: change.state, tag, notes: change.notes };
}

function withOverlay(layout: DiagramLayout, merged: MergedVersions, base: string): DiagramLayout {
    const marks: Record<string, ChangeMark> = {};
    const titles = new Map(layout.stages.map((stage) => [stage.name, stage.title]));
    const mark = (id: string, box?: Box) => {
        marks[id] = markOf(merged.changes.get(id), box, (name) => titles.get(name));
    };
    layout.stages.forEach((stage) => mark(elementId('stage', stage.name), stage.header));
    layout.touchpoints.forEach((card) => mark(elementId('touchpoint', card.name), card));
    layout.painPoints.forEach((card) => mark(elementId('painpoint', card.name), card));
    layout.initiatives.forEach((card) => mark(elementId('initiative', card.name), card));
    for (const metric of [...layout.header.metrics, ...layout.stages.flatMap((stage) => stage.metrics)]) {
        const id = elementId('metric', metric.name);
        const entry = markOf(merged.changes.get(id), undefined);
        marks[id] = entry.state === 'unchanged' ? entry : { ...entry, outline: metricOutline(metric) };
    }

    const lane = layout.lanes.find((l) => l.kind === 'experience');
    const oldCards: TouchpointCard[] = layout.touchpoints
        .filter((card) => merged.oldEmotions.has(card.name))
        .map((card) => ({ ...card, emotion: merged.oldEmotions.get(card.name) }));
    const oldCurve = lane ? experienceCurve(oldCards, lane.y, layout.experience[0].left, layout.experience[0].right).points : [];

    const above = layout.evidence ?? layout.legend; // evidence notes, when there are any, sit under the legend
    const top = above.y + above.height + 12;
    const legend = changeLegend(marks, merged.offMap, base, { x: layout.legend.x, y: top, width: layout.legend.width });
    const ghostFlows = [...merged.ghostFlows].map((key) => {
        const [from, to] = key.split('->');
        return connectionId('flow', from, to);
    });
    const overlay: CompareOverlay = { base, marks, ghostFlows, oldCurve, legend };
    return { ...layout, height: Math.ceil(legend.y + legend.height + 24), compare: overlay };
}

/** Around a metric's status mark and text (the mark is a circle of radius 6). */
function metricOutline(metric: MetricMark): Box {
    const left = metric.mark.x - 9;
    const top = Math.min(metric.mark.y - 9, ...metric.lines.map((line) => line.y - line.size));
    const right = Math.max(metric.mark.x + 9, ...metric.lines.map((line) => line.x + measureText(line.text, line.size, line.weight) + 4));
    const bottom = Math.max(metric.mark.y + 9, ...metric.lines.map((line) => line.y + 5));
    return { x: round(left), y: round(top), width: round(right - left), height: round(bottom - top) };
}

const LABEL_SIZE = 11;
const ROW_HEIGHT = 22;
/** Off-map changes listed before "and N more". */
const MAX_OFF_MAP_LINES = 5;
const STATE_WORDS: Record<ChangeState, string> = { added: 'new', changed: 'changed', removed: 'removed (dashed, where it was)', unchanged: 'unchanged (faded)' };
const STATE_ORDER: ChangeState[] = ['added', 'changed', 'removed', 'unchanged'];

function changeLegend(marks: Record<string, ChangeMark>, offMap: readonly ModelChange[], base: string, box: { x: number; y: number; width: number }): ChangeLegend {
    const title = { text: `Changes since ${base}`, x: box.x, y: round(box.y + 14), size: 12, weight: 'bold' as const, tone: 'strong' as const };
    let x = box.x + Math.ceil(measureText(title.text, 12, 'bold')) + 16;
    const counts = new Map<ChangeState, number>(STATE_ORDER.map((state) => [state, 0]));
    for (const mark of Object.values(marks)) counts.set(mark.state, counts.get(mark.state)! + 1);
    const items: ChangeLegendItem[] = STATE_ORDER.map((state) => {
        const count = counts.get(state)!;
        const chip = state === 'unchanged' ? undefined : chipAt(state === 'added' ? 'NEW' : state === 'removed' ? 'REMOVED' : 'CHANGED', TAG_TONES[state], round(x), round(box.y + 3));
        const sample = { x: round(x), y: round(box.y + 3), width: chip?.width ?? 24, height: 16 };
        const text = `${count} ${STATE_WORDS[state]}`;
        const label = { text, x: round(x + sample.width + 6), y: round(box.y + 15), size: LABEL_SIZE, weight: 'normal' as const, tone: 'muted' as const };
        x += sample.width + 6 + measureText(text, LABEL_SIZE) + 20;
        return { state, count, sample, chip, label };
    });
    const lines = offMap.length > MAX_OFF_MAP_LINES ? [...offMap.slice(0, MAX_OFF_MAP_LINES - 1).map((c) => c.message), `and ${offMap.length - MAX_OFF_MAP_LINES + 1} more changes`] : offMap.map((c) => c.message);
    const offMapLines = lines.map((text, i) => ({
        text: fitted(i === 0 ? `Not on the map: ${text}` : text, box.width - 16),
        x: box.x + (i === 0 ? 0 : 16),
        y: round(box.y + ROW_HEIGHT + 15 + i * 18),
        size: LABEL_SIZE,
        weight: 'normal' as const,
        tone: 'muted' as const,
    }));
    return { ...box, height: ROW_HEIGHT + offMapLines.length * 18 + 4, title, items, offMap: offMapLines };
}

/** The text, cut with "…" to fit the width. */
function fitted(text: string, width: number, weight: 'normal' | 'bold' = 'normal'): string {
    const full = measureText(text, LABEL_SIZE, weight);
    if (full <= width) return text;
    // Start near the fit (a hostile title may be thousands of characters), then step back.
    let end = Math.min(text.length, Math.ceil((text.length * width) / full) + 1);
    while (end > 0 && measureText(`${text.slice(0, end)}\u2026`, LABEL_SIZE, weight) > width) end -= 1;
    return `${text.slice(0, end)}\u2026`;
}
