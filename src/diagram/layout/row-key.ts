/**
 * Everything a row of the map is made from (placeRow's input, row-placement.ts),
 * as one string: two rows with the same key are placed the same, so the
 * preview reuses the rows a keystroke did not change (row-cache.ts). A key
 * must name every input placeRow reads: the differential test in
 * test/diagram/row-cache.test.ts draws maps with and without the cache.
 */
import type { Journey } from '../../model/types.js';
import type { CurvePaths } from './experience-curve.js';
import type { RowInput } from './row-placement.js';

/** What every row reads of the whole journey: team and segment titles (labels, chips), metrics and the view (stage headers). */
export function sharedRowKey(whole: Journey, paths: CurvePaths | undefined): string {
    return JSON.stringify([whole.teams, whole.segments, whole.metrics, whole.view, whole.forSegments, paths?.segments]);
}

export function rowKey(input: RowInput, shared: string): string {
    const { journey, lane, cards, edges, paths } = input;
    const touchpoints = journey.touchpoints.map((touchpoint) => touchpoint.name);
    return JSON.stringify([
        shared,
        [input.row, input.top, input.columnsLeft, input.firstNote, input.emptyNotes],
        [journey.stages, journey.touchpoints, journey.painPoints, journey.initiatives, journey.view],
        (input.referenced ?? []).map(({ initiative, cardRow }) => [initiative, cardRow]),
        [lane.stages, [...lane.cards], [...lane.routes], lane.width, lane.height],
        touchpoints.map((name) => cards.get(name)),
        [...lane.routes.keys()].map((id) => edges.get(id)),
        paths && touchpoints.map((name) => [paths.segmentsOf.get(name), paths.emotionsOf.get(name)]),
        // A pain point's card names the touchpoints it is at, wherever they are.
        journey.painPoints.map((painPoint) => painPoint.at.map((name) => input.labels.touchpoint(name))),
        journey.stages.map((stage) => input.changes.get(stage.name)),
    ]);
}
