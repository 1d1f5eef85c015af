/** The legend under the map: what every mark and colour means. */
import { chipAt, round } from '../card-content.js';
import type { Chip, ChipTone, Legend, LegendItem } from '../diagram-types.js';
import { measureText } from '../text-measure.js';
import type { Audience } from '../../protocol/audience.js';

const LABEL_SIZE = 11;
const ROW_HEIGHT = 22;
const ITEM_GAP = 20;

type Entry = { kind: LegendItem['kind']; label: string; chip?: { text: string; tone: ChipTone }; sampleWidth?: number };

const ENTRIES: Entry[] = [
    { kind: 'flow', label: 'flow between touchpoints', sampleWidth: 28 },
    { kind: 'emotion', label: 'emotion \u22122 (bad) to +2 (good): curve and card edge', sampleWidth: 30 },
    { kind: 'net-emotion', label: 'stage emotion, summed', chip: { text: 'net +1', tone: 'ok' } },
    { kind: 'segment', label: 'only for these segments', chip: { text: 'Segment', tone: 'segment' } },
    { kind: 'internal', label: 'internal (hidden from customers)', sampleWidth: 12 },
    { kind: 'severity', label: '', chip: { text: 'LOW', tone: 'severity-low' } },
    { kind: 'severity', label: '', chip: { text: 'MEDIUM', tone: 'severity-medium' } },
    { kind: 'severity', label: '', chip: { text: 'HIGH', tone: 'severity-high' } },
    { kind: 'severity', label: 'pain point severity', chip: { text: 'CRITICAL', tone: 'severity-critical' } },
    { kind: 'unaddressed', label: 'high or critical, no initiative', chip: { text: 'NO INITIATIVE', tone: 'danger' } },
    { kind: 'past-due', label: 'initiative past its due date', chip: { text: 'PAST DUE', tone: 'danger' } },
    { kind: 'metric-met', label: 'metric meets target', sampleWidth: 12 },
    { kind: 'metric-missed', label: 'metric misses target', sampleWidth: 12 },
];

/** Marks the customer view never draws: internal elements, segments, severities, statuses. */
const INTERNAL_ONLY: ReadonlySet<LegendItem['kind']> = new Set(['internal', 'segment', 'severity', 'unaddressed', 'past-due']);

function sampleWidthOf(entry: Entry): number {
    return entry.chip ? chipAt(entry.chip.text, entry.chip.tone, 0, 0).width : (entry.sampleWidth ?? 12);
}

/** The legend; the customer-facing view has nothing internal to explain. */
export function buildLegend(left: number, top: number, width: number, audience: Audience): Legend {
    const title = { text: 'Legend', x: left, y: round(top + 14), size: 12, weight: 'bold' as const, tone: 'strong' as const };
    const start = left + 60;
    let x = start;
    let y = top;
    const items: LegendItem[] = [];
    const entries = ENTRIES.filter((e) => audience === 'internal' || !INTERNAL_ONLY.has(e.kind));
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
