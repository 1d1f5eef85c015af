// Every example folder is one workspace, loaded the way the CLI and the
// editor load it (all files together, so shared teams and segments resolve).
// The examples are what a new user opens first: they must have no errors, and
// the few warnings they have are deliberate and explained in the files.
import { readdirSync, readFileSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { findJourneyFiles, loadJourneyFiles } from '../../src/language/workspace-loader.js';
import { formatJourneyText } from '../../src/language/lsp/formatter.js';
import { createTestServices, TODAY } from '../helpers/services.js';

const examplesRoot = new URL('../../examples/', import.meta.url).pathname;

/** The warnings each example shows on purpose, by code (see the comments in the files). */
const deliberateWarnings: Record<string, string[]> = {
    'b2b-saas': [],
    'support-heavy': ['journey.past-due-initiative'],
    workspace: [],
};

const loaded = new Map<string, ReturnType<typeof loadJourneyFiles>>();

/** Loads an example folder once per test run: several tests look at the same workspace. */
function loadExample(name: string) {
    if (!loaded.has(name)) {
        loaded.set(name, findJourneyFiles([`${examplesRoot}${name}`]).then((files) => loadJourneyFiles(files, { today: TODAY })));
    }
    return loaded.get(name)!;
}

function diagnosticsOf(workspace: Awaited<ReturnType<typeof loadExample>>, severity: DiagnosticSeverity) {
    return workspace.diagnostics.flatMap(({ file, diagnostics }) =>
        diagnostics
            .filter((diagnostic) => diagnostic.severity === severity)
            .map((diagnostic) => `${file.slice(examplesRoot.length)}:${diagnostic.range.start.line + 1} ${diagnostic.code} ${diagnostic.message}`),
    );
}

describe('examples', () => {
    const folders = readdirSync(examplesRoot, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

    it('cover the three kinds of map the README promises', () => {
        expect(folders).toEqual(expect.arrayContaining(Object.keys(deliberateWarnings)));
    });

    it.each(folders)('%s validates with no errors', async (name) => {
        const workspace = await loadExample(name);
        expect(workspace.files.length).toBeGreaterThan(0);
        expect(diagnosticsOf(workspace, DiagnosticSeverity.Error)).toEqual([]);
    });

    it.each(folders)('%s has only its deliberate warnings', async (name) => {
        const workspace = await loadExample(name);
        const codes = diagnosticsOf(workspace, DiagnosticSeverity.Warning).map((line) => line.split(' ')[1]);
        expect(codes, diagnosticsOf(workspace, DiagnosticSeverity.Warning).join('\n')).toEqual(deliberateWarnings[name] ?? []);
    });

    it.each(folders)('%s is already in the formatter\'s canonical layout', async (name) => {
        const services = createTestServices().Journey;
        for (const file of await findJourneyFiles([`${examplesRoot}${name}`])) {
            const text = readFileSync(file, 'utf8');
            expect(formatJourneyText(services, text), file).toBe(text);
        }
    });

    it('b2b-saas maps both segments from awareness to advocacy', async () => {
        const [journey] = (await loadExample('b2b-saas')).model.journeys;
        expect(journey?.stages.map((stage) => stage.name)).toEqual(['awareness', 'evaluation', 'onboarding', 'adoption', 'renewal', 'advocacy']);
        expect(journey?.touchpoints.length).toBeGreaterThanOrEqual(20);
    });

    it('workspace resolves teams and segments declared in shared files', async () => {
        const workspace = await loadExample('workspace');
        expect(workspace.files.some((file) => file.includes('/shared/'))).toBe(true);
        expect(workspace.model.journeys.length).toBe(2);
        for (const journey of workspace.model.journeys) {
            expect(journey.owner, journey.name).toBeDefined();
            expect(journey.touchpoints.some((touchpoint) => touchpoint.segments.length > 0), journey.name).toBe(true);
        }
    });
});
