import { describe, expect, it } from 'vitest';
import { findings } from '../../helpers/diagnostics.js';
import { TestWorkspace } from '../../helpers/workspace.js';

const teams = (names: string[]) => names.map((name) => `team ${name} "${name}"`).join('\n');
const journeyOwnedBy = (name: string, owner: string, reviewed = '2026-11-01') => `journey ${name} {
  owner ${owner}
  reviewed ${reviewed}
  stage s {
    touchpoint t { owner ${owner} }
  }
}`;

const problems = (workspace: TestWorkspace, file: string) =>
    findings(workspace.document(file)).filter((finding) => finding.severity !== 'info').map((finding) => `${finding.code} ${finding.message}`);

describe('projects: a journeys.json makes its folder a project root', () => {
    it('lets two projects of one workspace declare the same teams and journeys without errors', async () => {
        const workspace = new TestWorkspace();
        await workspace.writeProjectFile('emea', '{ "name": "emea" }');
        await workspace.writeProjectFile('apac', '{ "name": "apac" }');
        await workspace.write({
            'emea/teams.journey': teams(['cs', 'support']),
            'emea/onboarding.journey': journeyOwnedBy('onboarding', 'cs'),
            'apac/teams.journey': teams(['cs', 'support']),
            'apac/onboarding.journey': journeyOwnedBy('onboarding', 'support'),
        });
        for (const file of ['emea/teams.journey', 'emea/onboarding.journey', 'apac/teams.journey', 'apac/onboarding.journey']) {
            expect(problems(workspace, file), file).toEqual([]);
        }
    });

    it('without project files the workspace is one project, as before', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'emea/teams.journey': teams(['cs']), 'apac/teams.journey': teams(['cs']) });
        expect(problems(workspace, 'apac/teams.journey')).toEqual([
            "journey.duplicate-name Team 'cs' is declared twice in the workspace (also at teams.journey line 1); a team name must be unique across all .journey files",
        ]);
    });

    it('reports duplicates within a project, naming the project', async () => {
        const workspace = new TestWorkspace();
        await workspace.writeProjectFile('emea', '{ "name": "emea" }');
        await workspace.write({ 'emea/a.journey': teams(['cs']), 'emea/b.journey': teams(['cs']), 'apac/c.journey': teams(['cs']) });
        expect(problems(workspace, 'emea/a.journey')).toEqual([
            "journey.duplicate-name Team 'cs' is declared twice in project 'emea' (also at b.journey line 1); a team name must be unique across the project's .journey files",
        ]);
        expect(problems(workspace, 'apac/c.journey')).toEqual([]);
    });

    it('leaves a reference to another project unresolved, saying where the name is declared', async () => {
        const workspace = new TestWorkspace();
        await workspace.writeProjectFile('emea', '{ "name": "emea" }');
        await workspace.writeProjectFile('apac', '{ "name": "apac" }');
        await workspace.write({ 'emea/teams.journey': teams(['cs']), 'apac/onboarding.journey': journeyOwnedBy('onboarding', 'cs') });
        const unresolved = problems(workspace, 'apac/onboarding.journey').filter((problem) => problem.startsWith('journey.unresolved-reference'));
        expect(unresolved).toHaveLength(2);
        expect(unresolved[0]).toBe(
            "journey.unresolved-reference No team named 'cs' in project 'apac': 'cs' is declared in project 'emea', and projects do not share names; declare it in this project too (`team cs`)",
        );
    });

    it('separates nested projects: the inner project sees none of the outer one’s names, and the other way round', async () => {
        const workspace = new TestWorkspace();
        await workspace.writeProjectFile('company', '{ "name": "company" }');
        await workspace.writeProjectFile('company/labs', '{ "name": "labs" }');
        await workspace.write({
            'company/teams.journey': teams(['cs']),
            'company/sales/renewal.journey': journeyOwnedBy('renewal', 'cs'),
            'company/labs/pilot.journey': journeyOwnedBy('pilot', 'cs'),
        });
        expect(problems(workspace, 'company/sales/renewal.journey')).toEqual([]);
        expect(problems(workspace, 'company/labs/pilot.journey')[0]).toMatch(/No team named 'cs' in project 'labs': 'cs' is declared in project 'company'/);
        await workspace.write({ 'company/labs/teams.journey': teams(['cs']) });
        expect(problems(workspace, 'company/labs/pilot.journey')).toEqual([]);
        expect(problems(workspace, 'company/teams.journey')).toEqual([]);
    });

    it('re-resolves every file when a project file appears or goes away', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'emea/teams.journey': teams(['cs']), 'apac/onboarding.journey': journeyOwnedBy('onboarding', 'cs') });
        expect(problems(workspace, 'apac/onboarding.journey')).toEqual([]);
        await workspace.writeProjectFile('apac', '{}');
        expect(problems(workspace, 'apac/onboarding.journey')[0]).toMatch(/No team named 'cs' in project 'apac'/);
        await workspace.deleteProjectFile('apac');
        expect(problems(workspace, 'apac/onboarding.journey')).toEqual([]);
    });

    it('warns about a segment only another project uses', async () => {
        const workspace = new TestWorkspace();
        await workspace.writeProjectFile('emea', '{}');
        await workspace.writeProjectFile('apac', '{}');
        await workspace.write({
            'emea/segments.journey': 'segment smb "SMB"',
            'apac/segments.journey': 'segment smb "SMB"\nteam cs',
            'apac/j.journey': 'journey j {\n  owner cs\n  reviewed 2026-11-01\n  stage s { touchpoint t { for smb } }\n}',
        });
        expect(problems(workspace, 'emea/segments.journey')).toEqual([
            "journey.unused-segment Segment 'smb' is not used: no journey, stage, touchpoint, pain point or initiative names it in `for`; use it in a `for` list or remove it",
        ]);
        expect(problems(workspace, 'apac/segments.journey')).toEqual([]);
    });
});

describe('project settings', () => {
    it('staleAfterDays sets the staleness window of the project’s journeys', async () => {
        const workspace = new TestWorkspace();
        await workspace.writeProjectFile('monthly', '{ "staleAfterDays": 30 }');
        // Test day 2026-11-23: reviewed 2026-10-01 is 53 days ago.
        await workspace.write({
            'monthly/teams.journey': teams(['cs']),
            'monthly/j.journey': journeyOwnedBy('j', 'cs', '2026-10-01'),
            'quarterly/teams.journey': teams(['cs']),
            'quarterly/j.journey': journeyOwnedBy('k', 'cs', '2026-10-01'),
        });
        expect(problems(workspace, 'monthly/j.journey')).toEqual([
            "journey.stale-review Journey 'j' was last reviewed on 2026-10-01, 53 days ago: a map not reviewed for 30 days is stale; hold a tune-up and update `reviewed`",
        ]);
        expect(problems(workspace, 'quarterly/j.journey')).toEqual([]);
    });

    it('bad content in the project file leaves the defaults in place', async () => {
        const workspace = new TestWorkspace();
        await workspace.writeProjectFile('p', '{ "staleAfterDays": "monthly" }');
        await workspace.write({ 'p/teams.journey': teams(['cs']), 'p/j.journey': journeyOwnedBy('j', 'cs', '2026-10-01') });
        expect(problems(workspace, 'p/j.journey')).toEqual([]);
        const project = workspace.services.Journey.projects.ProjectRegistry.projectOf(workspace.uri('p/j.journey').toString());
        expect(project.settings.staleAfterDays).toBe(90);
        expect(project.problems.map((problem) => problem.message)).toEqual([
            '"staleAfterDays" must be a whole number of days, 1 or more; the default, 90, applies',
        ]);
    });

    it('rules set the levels of the project’s rules: off drops them, a level replaces theirs; other projects keep the defaults', async () => {
        const workspace = new TestWorkspace();
        await workspace.writeProjectFile('strict', '{ "rules": { "journey.stale-review": "error", "journey.negative-stage": "off", "journey.empty-stage": "hint" } }');
        const gloomy = (name: string) => `journey ${name} {
  owner cs
  reviewed 2026-01-05
  stage s { touchpoint t { owner cs emotion -2 } }
  stage later { }
}`;
        await workspace.write({ 'strict/teams.journey': teams(['cs']), 'strict/j.journey': gloomy('j'), 'relaxed/teams.journey': teams(['cs']), 'relaxed/j.journey': gloomy('j') });
        const levels = (file: string) => findings(workspace.document(file)).map((finding) => `${finding.severity} ${finding.code}`).sort();
        expect(levels('strict/j.journey')).toEqual(['error journey.stale-review', 'hint journey.empty-stage']);
        expect(levels('relaxed/j.journey')).toEqual(['info journey.negative-stage', 'warning journey.empty-stage', 'warning journey.stale-review']);
    });

    it('exclude leaves matching files out of the project files the server loads', () => {
        const workspace = new TestWorkspace();
        const registry = workspace.services.Journey.projects.ProjectRegistry;
        registry.setProjectFile(workspace.uri('p/journeys.json').toString(), '{ "exclude": ["drafts/**", "*.wip.journey"] }');
        expect(registry.includes(workspace.uri('p/maps/a.journey').toString())).toBe(true);
        expect(registry.includes(workspace.uri('p/drafts/deep/b.journey').toString())).toBe(false);
        expect(registry.includes(workspace.uri('p/c.wip.journey').toString())).toBe(false);
        expect(registry.includes(workspace.uri('p/maps/c.wip.journey').toString())).toBe(true);
    });
});
