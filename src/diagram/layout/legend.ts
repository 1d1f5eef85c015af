/** The legend under the map: what every mark and colour means. */
import type { Audience } from '../../protocol/audience.js';
import { chipAt, round } from '../card-content.js';
import type { Chip, ChipTone, DiagramLayout, Legend, LegendItem } from '../diagram-types.js';
import { measureText } from '../text-measure.js';

const LABEL_SIZE = 11;
const ROW_HEIGHT = 22;
const ITEM_GAP = 20;

type Entry = { kind: LegendItem['kind']; label: string; chip?: { text: string; tone: ChipTone }; sampleWidth?: number };

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** What the map draws, so that the legend explains exactly that. */
export interface LegendUses {
    flow: boolean;
    emotion: boolean;
    /** Dashed lines of the curve: a segment's own way. */
    segmentWays: boolean;
    stages: boolean;
    /** ↑/↓ lines of the last review in stage headers. */
    reviewChanges: boolean;
    segments: boolean;
    internal: boolean;
    severities: ReadonlySet<(typeof SEVERITIES)[number]>;
    unaddressed: boolean;
    pastDue: boolean;
    metrics: ReadonlySet<'met' | 'missed' | 'no-target' | 'no-actual'>;
}

type DrawnMarks = Pick<DiagramLayout, 'header' | 'stages' | 'touchpoints' | 'edges' | 'experience' | 'painPoints' | 'initiatives'>;

/** What the laid-out map draws. */
export function legendUses(map: DrawnMarks): LegendUses {
    const cards = [...map.touchpoints, ...map.painPoints, ...map.initiatives];
    return {
        flow: map.edges.length > 0,
        emotion: map.experience.some((row) => row.points.length > 0),
        segmentWays: map.experience.some((row) => row.lines.some((line) => line.dashed)),
        stages: map.stages.length > 0,
        reviewChanges: map.stages.some((stage) => stage.changes.length > 0),
        segments: cards.some((card) => card.chips.some((chip) => chip.tone === 'segment')),
        internal: cards.some((card) => card.internal),
        severities: new Set(map.painPoints.flatMap((card) => (card.severity ? [card.severity] : []))),
        unaddressed: map.painPoints.some((card) => card.unaddressed),
        pastDue: map.initiatives.some((card) => card.pastDue),
        metrics: new Set([...map.header.metrics, ...map.stages.flatMap((stage) => stage.metrics)].map((metric) => metric.status)),
    };
}

function entriesFor(uses: LegendUses): Entry[] {
    const severities = SEVERITIES.filter((severity) => uses.severities.has(severity));
    const entries: (Entry | false)[] = [
        uses.flow && { kind: 'flow', label: 'flow between touchpoints', sampleWidth: 28 },
        uses.emotion && { kind: 'emotion', label: 'emotion \u22122 (bad) to +2 (good): curve and card edge', sampleWidth: 30 },
        uses.segmentWays && { kind: 'segment-way', label: 'a segment\u2019s own way (dashed)', sampleWidth: 30 },
        uses.stages && { kind: 'net-emotion', label: 'stage emotion, summed', chip: { text: 'net +1', tone: 'ok' } },
        uses.reviewChanges && { kind: 'review-change', label: 'improved / worsened by a change of the last review', sampleWidth: 22 },
        uses.segments && { kind: 'segment', label: 'only for these segments', chip: { text: 'Segment', tone: 'segment' } },
        uses.internal && { kind: 'internal', label: 'internal (hidden from customers)', sampleWidth: 12 },
        // The severities run together under one label, on the last of them.
        ...severities.map((severity, i): Entry => ({
            kind: 'severity',
            label: i === severities.length - 1 ? 'pain point severity' : '',
            chip: { text: severity.toUpperCase(), tone: `severity-${severity}` },
        })),
        uses.unaddressed && { kind: 'unaddressed', label: 'high or critical, no initiative', chip: { text: 'NO INITIATIVE', tone: 'danger' } },
        uses.pastDue && { kind: 'past-due', label: 'initiative past its due date', chip: { text: 'PAST DUE', tone: 'danger' } },
        uses.metrics.has('met') && { kind: 'metric-met', label: 'metric meets target', sampleWidth: 12 },
        uses.metrics.has('missed') && { kind: 'metric-missed', label: 'metric misses target', sampleWidth: 12 },
        (uses.metrics.has('no-target') || uses.metrics.has('no-actual')) && { kind: 'metric-unknown', label: 'metric without a target or a value yet', sampleWidth: 12 },
    ];
    return entries.filter((entry): entry is Entry => entry !== false);
}

/** Marks the customer view never draws: internal elements, segments, severities, statuses. */
const INTERNAL_ONLY: ReadonlySet<LegendItem['kind']> = new Set(['internal', 'segment', 'severity', 'unaddressed', 'past-due', 'review-change']);

function sampleWidthOf(entry: Entry): number {
    return entry.chip ? chipAt(entry.chip.text, entry.chip.tone, 0, 0).width : (entry.sampleWidth ?? 12);
}

/** The legend of the marks the map uses, and only those. */
export function buildLegend(left: number, top: number, width: number, uses: LegendUses, audience: Audience): Legend {
    const title = { text: 'Legend', x: left, y: round(top + 14), size: 12, weight: 'bold' as const, tone: 'strong' as const };
    const start = left + 60;
    let x = start;
    let y = top;
    const items: LegendItem[] = [];
    const entries = entriesFor(uses).filter((e) => audience === 'internal' || !INTERNAL_ONLY.has(e.kind));
    const widthOf = (entry: Entry) => sampleWidthOf(entry) + (entry.label ? measureText(entry.label, LABEL_SIZE) + 6 : 0);
    entries.forEach((entry, index) => {
        const chip: Chip | undefined = entry.chip ? chipAt(entry.chip.text, entry.chip.tone, 0, 0) : undefined;
        const sampleWidth = sampleWidthOf(entry);
        // Entries without a label run on into the next one: they wrap together.
        const runEnd = entries.findIndex((e, i) => i >= index && e.label !== '');
        const startsRun = index === 0 || entries[index - 1].label !== '';
        const runWidth = entries.slice(index, startsRun ? runEnd + 1 : index + 1).reduce((sum, e) => sum + widthOf(e) + 4, 0);
        if (startsRun && x > start && x + runWidth > left + width) {
            x = start;
            y += ROW_HEIGHT;
        }
        const sample = { x: round(x), y: round(y + 3), width: sampleWidth, height: 16 };
        items.push({
            kind: entry.kind,
            sample,
            chip: chip ? chipAt(chip.text, chip.tone, sample.x, sample.y, chip.width) : undefined,
            label: { text: entry.label, x: round(x + sampleWidth + 6), y: round(y + 15), size: LABEL_SIZE, weight: 'normal', tone: 'muted' },
        });
        x += widthOf(entry) + (entry.label ? ITEM_GAP : 4);
    });
    return { x: left, y: top, width, height: y + ROW_HEIGHT - top, title, items };
}
