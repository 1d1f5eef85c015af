import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { findJourneyFiles, loadJourneyFiles } from '../../src/language/workspace-loader.js';
import { journeyView } from '../../src/model/views.js';
import type { Journey } from '../../src/model/types.js';
import { TODAY } from '../helpers/services.js';

/** Every folder of examples/ is one workspace; the LANGUAGE.md example is always among them. */
const workspaces = [
    path.resolve('test/fixtures/saas'),
    ...(existsSync('examples') ? readdirSync('examples', { withFileTypes: true }) : [])
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.resolve('examples', entry.name)),
];

/** Every name the journey refers to is declared in it: the model never invents a reference. */
function danglingReferences(journey: Journey): string[] {
    const has = (list: { name: string }[], name: string) => list.some((element) => element.name === name);
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const touchpoint of journey.touchpoints) {
        check(has(journey.stages, touchpoint.stage), `touchpoint ${touchpoint.name} in stage ${touchpoint.stage}`);
        touchpoint.next.forEach((to) => check(has(journey.touchpoints, to), `${touchpoint.name} next ${to}`));
        touchpoint.segments.forEach((segment) => check(has(journey.segments, segment), `${touchpoint.name} for ${segment}`));
        check(!touchpoint.owner || has(journey.teams, touchpoint.owner), `${touchpoint.name} owner ${touchpoint.owner}`);
    }
    for (const painPoint of journey.painPoints) {
        painPoint.at.forEach((at) => check(has(journey.touchpoints, at), `${painPoint.name} at ${at}`));
        painPoint.addressedBy.forEach((by) => check(has(journey.initiatives, by), `${painPoint.name} addressed by ${by}`));
    }
    for (const initiative of journey.initiatives) {
        initiative.addresses.forEach((name) => check(has(journey.painPoints, name), `${initiative.name} addresses ${name}`));
    }
    for (const edge of journey.flow) {
        check(has(journey.touchpoints, edge.from) && has(journey.touchpoints, edge.to), `flow ${edge.from} → ${edge.to}`);
    }
    for (const stage of journey.stages) {
        const own = journey.touchpoints.filter((touchpoint) => touchpoint.stage === stage.name).map((t) => t.name);
        check(JSON.stringify(own) === JSON.stringify(stage.touchpoints), `stage ${stage.name} lists its touchpoints in order`);
    }
    return problems;
}

describe.each(workspaces)('model of the workspace %s', (folder) => {
    it('builds without errors, with sources for every element and consistent references in every view', async () => {
        const workspace = await loadJourneyFiles(await findJourneyFiles([folder]), { today: TODAY });
        const errors = workspace.diagnostics.flatMap(({ file, diagnostics }) =>
            diagnostics.filter((d) => d.severity === 1).map((d) => `${file}:${d.range.start.line + 1}: ${d.message}`),
        );
        expect(errors).toEqual([]);
        expect(workspace.model.journeys.length).toBeGreaterThan(0);
        const fileUris = workspace.files.map((file) => URI.file(file).toString());

        for (const journey of workspace.model.journeys) {
            expect(journey.stages.length).toBeGreaterThan(0);
            expect(journey.view).toEqual({ audience: 'internal' });
            const elements = [journey, ...journey.stages, ...journey.touchpoints, ...journey.painPoints,
                ...journey.metrics, ...journey.initiatives, ...journey.reviews];
            expect(elements.filter((element) => !fileUris.includes(element.source?.uri ?? ''))).toEqual([]);
            expect(elements.filter((element) => element.title.trim() === '')).toEqual([]);

            const views = [undefined, ...journey.segments.map((segment) => segment.name)].flatMap((segment) =>
                (['internal', 'customer'] as const).map((audience) => journeyView(journey, { segment, audience })),
            );
            for (const view of views) {
                expect(danglingReferences(view), JSON.stringify(view.view)).toEqual([]);
            }
        }
        expect(JSON.parse(JSON.stringify(workspace.model))).toEqual(workspace.model);
    });
});
