/**
 * The customer view: the one function every customer-facing output is made
 * from (the preview, SVG, PNG, HTML, JSON, Markdown, Mermaid, diff and review
 * with `--audience customer`). What a customer sees is documented in
 * docs/customer-view.md; this file is its implementation.
 *
 * Safe by default, on two levels:
 * - elements: stages and touchpoints are shown unless `internal`; pain points,
 *   initiatives and metrics only when marked `shared` (and not `internal`);
 *   reviews, changes and teams never; anything inside an internal stage never.
 * - fields: every field of every shown element is classified below, and only
 *   the fields marked SHOWN are copied; the others get a blank value. The
 *   tables are typed over the model's types, so a field added to
 *   src/model/types.ts does not compile until it is classified here, and a
 *   field the types do not know of is never copied.
 *   test/model/customer-view.test.ts walks a built model against the tables.
 */
import { STALE_AFTER_DAYS } from './derived-facts.js';
import { keepOnly } from './keep-only.js';
import type { Initiative, Journey, Metric, PainPoint, Segment, Stage, Touchpoint, WorkspaceModel } from './types.js';

export const SHOWN = 'shown';

/** Every field of T: SHOWN to customers, or hidden, with the value the customer copy holds instead. */
export type CustomerFields<T> = { readonly [K in keyof T]-?: typeof SHOWN | { readonly hidden: T[K] } };

const HIDDEN = { hidden: undefined } as const;
const NONE = { hidden: [] as never[] } as const;
const NO = { hidden: false } as const;
const DEFAULT_WINDOW = { hidden: STALE_AFTER_DAYS } as const;

const JOURNEY_FIELDS: CustomerFields<Journey> = {
    kind: SHOWN, name: SHOWN, title: SHOWN, description: SHOWN, source: HIDDEN, internal: SHOWN,
    owner: HIDDEN, reviewed: HIDDEN, lastReviewed: HIDDEN, reviewAgeDays: HIDDEN, stale: NO, staleAfterDays: DEFAULT_WINDOW,
    forSegments: NONE,
    // Each element of these lists is copied through its own table below.
    stages: SHOWN, touchpoints: SHOWN, painPoints: SHOWN, metrics: SHOWN, initiatives: SHOWN, segments: SHOWN,
    reviews: NONE, teams: NONE,
    flow: SHOWN, flowIsExplicit: SHOWN, view: SHOWN,
};

const STAGE_FIELDS: CustomerFields<Stage> = {
    kind: SHOWN, name: SHOWN, title: SHOWN, description: SHOWN, source: HIDDEN, internal: SHOWN,
    goals: SHOWN, touchpoints: SHOWN, painPoints: SHOWN, metrics: SHOWN, netEmotion: SHOWN, segments: NONE,
};

const TOUCHPOINT_FIELDS: CustomerFields<Touchpoint> = {
    kind: SHOWN, name: SHOWN, title: SHOWN, description: SHOWN, source: HIDDEN, internal: SHOWN,
    stage: SHOWN, channel: SHOWN, emotion: SHOWN, next: SHOWN,
    // Which segments feel it differently names the segments, which customers do not see.
    owner: HIDDEN, accountable: HIDDEN, segments: NONE, segmentEmotions: HIDDEN,
};

const PAIN_POINT_FIELDS: CustomerFields<PainPoint> = {
    kind: SHOWN, name: SHOWN, title: SHOWN, description: SHOWN, source: HIDDEN, internal: SHOWN, shared: SHOWN,
    stage: SHOWN, at: SHOWN, addressedBy: SHOWN,
    severity: HIDDEN, evidence: NONE, unaddressed: NO, segments: NONE,
};

const METRIC_FIELDS: CustomerFields<Metric> = {
    kind: SHOWN, name: SHOWN, title: SHOWN, description: SHOWN, source: HIDDEN, internal: SHOWN, shared: SHOWN,
    stage: SHOWN, target: SHOWN, actual: SHOWN, history: SHOWN, unit: SHOWN, status: SHOWN,
};

const INITIATIVE_FIELDS: CustomerFields<Initiative> = {
    kind: SHOWN, name: SHOWN, title: SHOWN, description: SHOWN, source: HIDDEN, internal: SHOWN, shared: SHOWN,
    addresses: SHOWN,
    owner: HIDDEN, impact: HIDDEN, effort: HIDDEN, due: HIDDEN, status: HIDDEN, pastDue: NO, segments: NONE,
};

const SEGMENT_FIELDS: CustomerFields<Segment> = {
    kind: SHOWN, name: SHOWN, title: SHOWN, description: HIDDEN, source: HIDDEN, internal: SHOWN,
};

/** The tables by the model's `kind`, for the test that walks a model against them. */
export const CUSTOMER_FIELDS = {
    journey: JOURNEY_FIELDS,
    stage: STAGE_FIELDS,
    touchpoint: TOUCHPOINT_FIELDS,
    painpoint: PAIN_POINT_FIELDS,
    metric: METRIC_FIELDS,
    initiative: INITIATIVE_FIELDS,
    segment: SEGMENT_FIELDS,
} as const;

/** An `internal` journey has no customer view: asking for one is refused with this. */
export class NotForCustomers extends Error {
    constructor(readonly journey: string) {
        super(`journey '${journey}' is internal: it has no customer view (remove \`internal\` from it to share it, or use the internal audience)`);
    }
}

/** What customers may see of the journey (already seen through a segment, or not). */
export function customerView(journey: Journey): Journey {
    if (journey.internal) {
        throw new NotForCustomers(journey.name);
    }
    const notInternal = (element: { internal: boolean }) => !element.internal;
    const sharedOnly = (element: { internal: boolean; shared: boolean }) => element.shared && !element.internal;
    const shown = keepOnly(journey, {
        stage: notInternal, touchpoint: notInternal, painPoint: sharedOnly, metric: sharedOnly, initiative: sharedOnly,
    });
    const segment = journey.segments.find((candidate) => candidate.name === journey.view.segment && !candidate.internal);
    return {
        ...customerCopy(shown, JOURNEY_FIELDS),
        stages: shown.stages.map((stage) => customerCopy(stage, STAGE_FIELDS)),
        touchpoints: shown.touchpoints.map((touchpoint) => customerCopy(touchpoint, TOUCHPOINT_FIELDS)),
        painPoints: shown.painPoints.map((painPoint) => customerCopy(painPoint, PAIN_POINT_FIELDS)),
        metrics: shown.metrics.map((metric) => customerCopy(metric, METRIC_FIELDS)),
        initiatives: shown.initiatives.map((initiative) => customerCopy(initiative, INITIATIVE_FIELDS)),
        // Only the segment the view is for, when it is not internal; an internal one is not named.
        segments: segment ? [customerCopy(segment, SEGMENT_FIELDS)] : [],
        view: segment ? { segment: segment.name, audience: 'customer' } : { audience: 'customer' },
    };
}

/** What customers may see of a whole workspace (for diff and review): its shared journeys' customer views, no teams. */
export function customerWorkspace(model: WorkspaceModel): WorkspaceModel {
    return {
        journeys: model.journeys.filter((journey) => !journey.internal).map(customerView),
        teams: [],
        segments: model.segments.filter((segment) => !segment.internal).map((segment) => customerCopy(segment, SEGMENT_FIELDS)),
    };
}

/** A copy with the SHOWN fields of the table and the hidden ones blank; fields the table does not know are not copied. */
function customerCopy<T extends object>(element: T, fields: CustomerFields<T>): T {
    const copy: Partial<T> = {};
    for (const key of Object.keys(fields) as (keyof T)[]) {
        const field = fields[key];
        const value = field === SHOWN ? element[key] : field.hidden;
        if (value !== undefined) copy[key] = Array.isArray(value) && field !== SHOWN ? ([] as T[keyof T]) : value;
    }
    return copy as T;
}
