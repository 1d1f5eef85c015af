/** Geometric checks on a laid-out map: what a reader would notice if it were wrong. */
import { expect } from 'vitest';
import type { Box, DiagramLayout } from '../../src/diagram/diagram-types.js';
import type { Journey } from '../../src/model/types.js';
import { effectiveSegments } from '../../src/model/segments.js';
import { curveLabelBox, segmentCrossesBox } from '../../src/diagram/layout/curve-labels.js';

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
export const inside = (inner: Box, outer: Box) =>
    inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const onBorder = (p: { x: number; y: number }, b: Box) =>
    p.x >= b.x - 0.5 && p.x <= b.x + b.width + 0.5 && p.y >= b.y - 0.5 && p.y <= b.y + b.height + 0.5 &&
    (Math.abs(p.x - b.x) < 0.5 || Math.abs(p.x - b.x - b.width) < 0.5 || Math.abs(p.y - b.y) < 0.5 || Math.abs(p.y - b.y - b.height) < 0.5);

/** Whether the segment p–q runs through the inside of the box (touching its border is fine). */
function crossesInside(p: { x: number; y: number }, q: { x: number; y: number }, b: Box): boolean {
    const [left, right, top, bottom] = [b.x + 0.5, b.x + b.width - 0.5, b.y + 0.5, b.y + b.height - 0.5];
    return Math.max(p.x, q.x) > left && Math.min(p.x, q.x) < right && Math.max(p.y, q.y) > top && Math.min(p.y, q.y) < bottom;
}

function expectNoOverlap(boxes: (Box & { name: string })[]) {
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            expect(overlaps(boxes[i], boxes[j]), `${boxes[i].name} overlaps ${boxes[j].name}`).toBe(false);
        }
    }
}

export function checkGeometry(journey: Journey, layout: DiagramLayout) {
    // Columns in document order, side by side; on a wrapped map, the next row under the one before.
    expect(layout.stages.map((s) => s.name)).toEqual(journey.stages.map((s) => s.name));
    for (let i = 1; i < layout.stages.length; i++) {
        const [before, stage] = [layout.stages[i - 1], layout.stages[i]];
        if (stage.row === before.row) {
            expect(stage.x).toBeGreaterThanOrEqual(before.x + before.width - 0.01);
        } else {
            expect(stage.row, `${stage.name} starts the next row`).toBe(before.row + 1);
            expect(stage.y).toBeGreaterThanOrEqual(before.y + before.height);
        }
    }
    // Every touchpoint, and only those, as a card inside its stage's column, inside the touchpoint lane of its row.
    expect(layout.touchpoints.map((t) => t.name).sort()).toEqual(journey.touchpoints.map((t) => t.name).sort());
    for (const card of layout.touchpoints) {
        const column = layout.stages.find((s) => s.name === card.stage)!;
        const lane = layout.lanes.find((l) => l.kind === 'touchpoints' && l.row === column.row)!;
        expect(inside(card, column), `${card.name} inside column ${column.name}`).toBe(true);
        expect(inside(card, lane), `${card.name} inside the touchpoint lane`).toBe(true);
    }
    const references = layout.initiativeReferences.map((ref) => ({ ...ref, name: `${ref.initiative} (reference)`, chips: [] }));
    expectNoOverlap([...layout.touchpoints, ...layout.painPoints, ...layout.initiatives, ...references]);
    checkAddressLinks(journey, layout);
    // Every flow edge, and only those, from its source card's border to its target card's border.
    const expected = journey.flow.map((e) => `${e.from}->${e.to}`).sort();
    expect(layout.edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(expected);
    for (const edge of layout.edges) {
        const from = layout.touchpoints.find((t) => t.name === edge.from)!;
        const to = layout.touchpoints.find((t) => t.name === edge.to)!;
        expect(onBorder(edge.points[0], from), `${edge.from}->${edge.to} starts at ${edge.from}`).toBe(true);
        expect(onBorder(edge.points.at(-1)!, to), `${edge.from}->${edge.to} ends at ${edge.to}`).toBe(true);
        // Orthogonal, never through a card, and never down a stage divider (it would read as part of it).
        for (let i = 1; i < edge.points.length; i++) {
            const [p, q] = [edge.points[i - 1], edge.points[i]];
            expect(p.x === q.x || p.y === q.y, `${edge.from}->${edge.to} runs orthogonally`).toBe(true);
            if (p.x === q.x && p.y !== q.y) {
                const divider = layout.stages.find(
                    (stage, k) => k > 0 && stage.row === layout.stages[k - 1].row && Math.abs(stage.x - p.x) < 4 && Math.max(p.y, q.y) > stage.y && Math.min(p.y, q.y) < stage.y + stage.height,
                );
                expect(divider, `${edge.from}->${edge.to} runs down the divider of ${divider?.name}`).toBeUndefined();
                // A step of a pixel or two reads as a drawing error, not a bend.
                expect(Math.abs(q.y - p.y), `${edge.from}->${edge.to} has a kink at (${p.x}, ${p.y})`).toBeGreaterThanOrEqual(3);
            }
            for (const card of layout.touchpoints) {
                expect(crossesInside(p, q, card), `${edge.from}->${edge.to} runs through ${card.name}`).toBe(false);
            }
        }
    }
    // Text stays inside its card.
    for (const card of [...layout.touchpoints, ...layout.painPoints, ...layout.initiatives, ...references]) {
        for (const line of card.lines) {
            expect(line.y).toBeLessThan(card.y + card.height);
            expect(line.size).toBeGreaterThanOrEqual(11);
        }
        for (const chip of card.chips) {
            expect(inside(chip, card), `chip ${chip.text} inside ${card.name}`).toBe(true);
        }
    }
    // Lanes stack top to bottom without gaps or overlaps, row by row.
    for (let i = 1; i < layout.lanes.length; i++) {
        const [above, lane] = [layout.lanes[i - 1], layout.lanes[i]];
        if (lane.row === above.row) {
            expect(lane.y).toBeCloseTo(above.y + above.height, 1);
        } else {
            expect(lane.y).toBeGreaterThan(above.y + above.height);
        }
    }
    checkCurve(journey, layout);
    // A one-segment view names its segment in the header, not on every card.
    if (journey.view.segment !== undefined) {
        const chips = [...layout.touchpoints, ...layout.painPoints, ...layout.initiatives].flatMap((card) => card.chips);
        expect(chips.filter((chip) => chip.tone === 'segment').map((chip) => chip.text), 'segment chips in a segment view').toEqual([]);
    }
    checkLegend(journey, layout);
}

/**
 * Every pain point on the map is joined to each initiative on the map that
 * addresses it, in the pain point's own row: to the initiative's card, or on
 * a wrapped map to its stand-in there when the card is in another row.
 */
function checkAddressLinks(journey: Journey, layout: DiagramLayout) {
    const rowOf = (card: Box) => layout.lanes.find((lane) => (lane.kind === 'painpoints' || lane.kind === 'initiatives') && inside(card, lane))?.row;
    const drawn = new Set(layout.initiatives.map((card) => card.name));
    for (const initiative of journey.initiatives.filter((i) => drawn.has(i.name))) {
        for (const name of initiative.addresses) {
            const pain = layout.painPoints.find((card) => card.name === name);
            if (!pain) continue;
            const link = layout.links.find((l) => l.painPoint === name && l.initiative === initiative.name);
            expect(link, `a link from ${name} to ${initiative.name}`).toBeDefined();
            const targets = [...layout.initiatives.filter((card) => card.name === initiative.name), ...layout.initiativeReferences.filter((ref) => ref.initiative === initiative.name)];
            const target = targets.find((card) => onBorder(link!.points.at(-1)!, card));
            expect(onBorder(link!.points[0], pain), `the link ${name} → ${initiative.name} starts at the pain point`).toBe(true);
            expect(target, `the link ${name} → ${initiative.name} ends at the initiative or its reference`).toBeDefined();
            expect(rowOf(target!), `the link ${name} → ${initiative.name} stays in the pain point's row`).toBe(rowOf(pain));
        }
    }
    expect(layout.links.length, 'one link per pain point and initiative that addresses it').toBe(new Set(layout.links.map((l) => `${l.painPoint}>${l.initiative}`)).size);
}

/**
 * The curve, row by row: each point under its card, in its row's experience
 * lane; every line through touchpoints that one customer passes (one segment
 * they are all for, with what they inherit from their stage and journey), at
 * the emotion that customer feels there; no line through a value label.
 */
export function checkCurve(journey: Journey, layout: DiagramLayout) {
    const segmentsOf = new Map(journey.touchpoints.map((t) => [t.name, effectiveSegments(journey, t)]));
    const touchpoints = new Map(journey.touchpoints.map((t) => [t.name, t]));
    const feltBy = (name: string, segment: string | undefined) => {
        const touchpoint = touchpoints.get(name)!;
        return segment !== undefined && touchpoint.segmentEmotions && Object.hasOwn(touchpoint.segmentEmotions, segment) ? touchpoint.segmentEmotions[segment] : touchpoint.emotion;
    };
    expect(layout.experience.length).toBe(Math.max(1, ...layout.stages.map((stage) => stage.row + 1)));
    layout.experience.forEach((curve, row) => {
        const lane = layout.lanes.find((l) => l.kind === 'experience' && l.row === row)!;
        const touchpointAt = new Map(curve.points.map((point) => [`${point.x},${point.y}`, point.touchpoint]));
        for (const point of curve.points) {
            const card = layout.touchpoints.find((t) => t.name === point.touchpoint)!;
            expect(point.x >= card.x && point.x <= card.x + card.width, `emotion point of ${point.touchpoint} under its card`).toBe(true);
            expect(layout.stages.find((stage) => stage.name === card.stage)!.row, `emotion point of ${point.touchpoint} in its row`).toBe(row);
            expect(point.y > lane.y && point.y < lane.y + lane.height, `emotion point of ${point.touchpoint} in the experience lane`).toBe(true);
            const label = curveLabelBox(point, point.label!);
            for (const line of curve.lines) {
                for (let i = 1; i < line.points.length; i++) {
                    expect(segmentCrossesBox(line.points[i - 1], line.points[i], label), `the curve crosses the label of ${point.touchpoint}`).toBe(false);
                }
            }
        }
        for (const line of curve.lines) {
            const names = line.points.map((p) => touchpointAt.get(`${p.x},${p.y}`));
            expect(names.every((name) => name !== undefined), 'every point of a line is a dot').toBe(true);
            for (let i = 1; i < line.points.length; i++) {
                expect(line.points[i].x, 'a line runs left to right').toBeGreaterThan(line.points[i - 1].x);
            }
            // One customer passes them all: some segment every one of them is for.
            const limited = names.map((name) => segmentsOf.get(name!)!).filter((segments) => segments.length > 0);
            const common = limited.reduce<string[] | undefined>((shared, segments) => (shared ? shared.filter((s) => segments.includes(s)) : [...segments]), undefined);
            const oneCustomer = common === undefined || common.length > 0 || journey.view.segment !== undefined;
            expect(oneCustomer, `a line of the curve runs through ${names.join(', ')}, which no one customer passes`).toBe(true);
            const emotions = line.points.map((p) => curve.points.find((point) => point.x === p.x && point.y === p.y)!.emotion);
            expect(emotions, `the ${line.segment ?? 'main'} line runs through the emotions its customers feel`).toEqual(names.map((name) => feltBy(name!, line.segment)));
            expect(line.dashed, 'a segment\'s own way is dashed, the main path solid').toBe(line.segment !== undefined);
        }
    });
}

/** The stages the changes of the last review (latest date, the last written of equal ones) improved or worsened. */
export function changedStages(journey: Journey): string[] {
    const dated = journey.reviews.map((review, index) => ({ review, index })).sort((a, b) => (a.review.date ?? '').localeCompare(b.review.date ?? '') || a.index - b.index);
    return (dated.at(-1)?.review.changes ?? []).flatMap((change) => change.effects.map((effect) => effect.stage));
}

/** The legend explains every mark the map draws, and nothing it does not (derived from the journey, not the layout). */
export function checkLegend(journey: Journey, layout: DiagramLayout) {
    const elements = [...journey.touchpoints, ...journey.painPoints, ...journey.initiatives];
    const statuses = new Set(journey.metrics.map((metric) => metric.status));
    const expected = [
        journey.flow.length > 0 && 'flow',
        journey.touchpoints.some((t) => t.emotion !== undefined) && 'emotion',
        layout.experience.some((curve) => curve.lines.some((line) => line.dashed)) && 'segment-way',
        journey.stages.length > 0 && 'net-emotion',
        journey.view.audience !== 'customer' && changedStages(journey).some((stage) => journey.stages.some((s) => s.name === stage)) && 'review-change',
        journey.view.segment === undefined && elements.some((element) => element.segments.length > 0) && 'segment',
        elements.some((element) => element.internal) && 'internal',
        ...['low', 'medium', 'high', 'critical'].filter((s) => journey.painPoints.some((p) => p.severity === s)).map((s) => `severity:${s.toUpperCase()}`),
        journey.painPoints.some((p) => p.unaddressed) && 'unaddressed',
        journey.initiatives.some((i) => i.pastDue) && 'past-due',
        statuses.has('met') && 'metric-met',
        statuses.has('missed') && 'metric-missed',
        (statuses.has('no-target') || statuses.has('no-actual')) && 'metric-unknown',
    ].filter((kind): kind is string => kind !== false);
    const shown = layout.legend.items.map((item) => (item.kind === 'severity' ? `severity:${item.chip!.text}` : item.kind));
    expect(shown, 'legend entries').toEqual(expected);
    for (const item of layout.legend.items) {
        expect(item.label.text !== '' || item.kind === 'severity', `${item.kind} is explained`).toBe(true);
    }
    const severities = layout.legend.items.filter((item) => item.kind === 'severity');
    if (severities.length > 0) {
        expect(severities.at(-1)!.label.text).toBe('pain point severity');
    }
}
