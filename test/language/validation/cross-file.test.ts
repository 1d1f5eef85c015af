import { AstUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../src/language/generated/ast.js';
import { createTestServices, validate } from '../../helpers/services.js';
import { findings } from '../../helpers/diagnostics.js';
import { TestWorkspace } from '../../helpers/workspace.js';

const shared = `team cs "Customer Success"
team support "Support"
segment enterprise "Enterprise"
segment midmarket "Mid-market"`;

const saas = (forList = 'enterprise') => `journey saas {
  owner cs
  reviewed 2026-11-01
  stage onboarding {
    touchpoint kickoff { owner support  for ${forList} }
  }
}`;

describe('teams and segments declared in one file, used from another', () => {
    it('resolve across files of one workspace (parseHelper)', async () => {
        const services = createTestServices();
        const teams = await validate(`${shared}`, services);
        const journey = await validate(saas('enterprise, midmarket'), services);
        expect(findings(journey)).toEqual([]);
        const touchpoint = (journey.parseResult.value.elements[0] as Journey).stages[0].touchpoints[0];
        expect(AstUtils.getDocument(touchpoint.owners[0].ref!).uri.toString()).toBe(teams.uri.toString());
        expect(touchpoint.segments.map((segment) => segment.ref?.name)).toEqual(['enterprise', 'midmarket']);
    });

    it('do not resolve from a different workspace', async () => {
        await validate(shared);
        const journey = await validate(saas());
        expect(findings(journey).map((f) => [f.code, f.text])).toEqual([
            ['journey.unresolved-reference', 'cs'],
            ['journey.unresolved-reference', 'support'],
            ['journey.unresolved-reference', 'enterprise'],
        ]);
    });

    it('resolve once the declaring file appears, and fail again once it is deleted', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'saas.journey': saas() });
        expect(findings(workspace.document('saas.journey')).map((f) => f.message)).toEqual([
            "No team named 'cs' in the workspace; `owner` expects a team (declared with `team cs`)",
            "No team named 'support' in the workspace; `owner` expects a team (declared with `team support`)",
            "No segment named 'enterprise' in the workspace; `for` expects a segment (declared with `segment enterprise`)",
        ]);
        await workspace.write({ 'shared.journey': shared });
        expect(findings(workspace.document('saas.journey'))).toEqual([]);
        await workspace.delete('shared.journey');
        expect(findings(workspace.document('saas.journey')).map((f) => f.code)).toEqual([
            'journey.unresolved-reference', 'journey.unresolved-reference', 'journey.unresolved-reference',
        ]);
    });
});

describe('duplicate names across files', () => {
    it('are an error on both declarations, each naming the other file', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'teams.journey': `team cs\nteam support`, 'more.journey': `// more teams\nteam cs "Customer Success"` });
        expect(findings(workspace.document('teams.journey'))).toEqual([{
            code: 'journey.duplicate-name',
            severity: 'error',
            text: 'cs',
            message: "Team 'cs' is declared twice in the workspace (also at more.journey line 2); a team name must be unique across all .journey files",
        }]);
        expect(findings(workspace.document('more.journey')).map((f) => [f.text, f.message])).toEqual([
            ['cs', "Team 'cs' is declared twice in the workspace (also at teams.journey line 1); a team name must be unique across all .journey files"],
        ]);
    });

    it('appear and disappear in the other file as one file is edited', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'a.journey': `segment enterprise\n${saas()}\nteam cs\nteam support`, 'b.journey': `team other` });
        expect(findings(workspace.document('a.journey'))).toEqual([]);

        await workspace.write({ 'b.journey': `team other\nsegment enterprise\njourney saas { owner other  reviewed 2026-11-01  stage s { touchpoint t { for enterprise } } }` });
        expect(findings(workspace.document('a.journey'), 'journey.duplicate-name').map((f) => f.text)).toEqual(['enterprise', 'saas']);
        expect(findings(workspace.document('b.journey'), 'journey.duplicate-name').map((f) => f.text)).toEqual(['enterprise', 'saas']);

        await workspace.write({ 'b.journey': `team other` });
        expect(findings(workspace.document('a.journey'))).toEqual([]);
    });

    it('disappear when the other file is deleted', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'a.journey': 'team cs', 'b.journey': 'team cs' });
        expect(findings(workspace.document('a.journey')).map((f) => f.code)).toEqual(['journey.duplicate-name']);
        await workspace.delete('b.journey');
        expect(findings(workspace.document('a.journey'))).toEqual([]);
    });
});

describe('a segment no file uses (journey.unused-segment) across files', () => {
    it('is reported in the declaring file only while no other file uses it', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'shared.journey': shared, 'saas.journey': saas('enterprise') });
        expect(findings(workspace.document('shared.journey'))).toEqual([{
            code: 'journey.unused-segment',
            severity: 'warning',
            text: 'midmarket',
            message: "Segment 'midmarket' is not used: no journey, stage, touchpoint, pain point or initiative names it in `for`; use it in a `for` list or remove it",
        }]);

        await workspace.write({ 'saas.journey': saas('enterprise, midmarket') });
        expect(findings(workspace.document('shared.journey'))).toEqual([]);

        await workspace.write({ 'saas.journey': saas('midmarket') });
        expect(findings(workspace.document('shared.journey')).map((f) => f.text)).toEqual(['enterprise']);
    });

    it('comes back when the only file using the segment is deleted', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'shared.journey': shared, 'saas.journey': saas('enterprise, midmarket') });
        expect(findings(workspace.document('shared.journey'))).toEqual([]);
        await workspace.delete('saas.journey');
        expect(findings(workspace.document('shared.journey')).map((f) => f.text)).toEqual(['enterprise', 'midmarket']);
    });

    it('leaves files that no change concerns alone', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'shared.journey': shared, 'saas.journey': saas('enterprise, midmarket'), 'other.journey': 'team product' });
        const before = workspace.document('other.journey').diagnostics;
        await workspace.write({ 'saas.journey': saas('enterprise') });
        expect(workspace.document('other.journey').diagnostics).toBe(before);
    });
});

describe('`at` a touchpoint of a journey in another file', () => {
    it('is journey.at-other-journey, and becomes unresolved when that touchpoint goes', async () => {
        const workspace = new TestWorkspace();
        const support = (touchpoint: string) => `journey support { owner cs  reviewed 2026-11-01  stage s { touchpoint ${touchpoint} { owner cs  for enterprise } } }`;
        await workspace.write({
            'shared.journey': shared.replace('segment midmarket "Mid-market"', ''),
            'saas.journey': saas().replace('touchpoint kickoff { owner support  for enterprise }', 'touchpoint kickoff { owner support  for enterprise }\n    painpoint p { at billing  severity low }'),
            'support.journey': support('billing'),
        });
        expect(findings(workspace.document('saas.journey')).map((f) => [f.code, f.text])).toEqual([['journey.at-other-journey', 'billing']]);
        await workspace.write({ 'support.journey': support('invoices') });
        expect(findings(workspace.document('saas.journey')).map((f) => [f.code, f.text])).toEqual([['journey.unresolved-reference', 'billing']]);
    });
});
