import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_PROJECT_SETTINGS, readProjectSettings } from '../../../src/language/projects/project-settings.js';
import { CHANNELS } from '../../../src/language/element-info.js';

describe('reading a project file', () => {
    it('takes every valid setting', () => {
        const { settings, problems } = readProjectSettings('{ "name": "EMEA", "staleAfterDays": 180, "channels": ["portal", "email"], "include": ["maps/**/*.journey"], "exclude": ["maps/drafts/**"] }');
        expect(problems).toEqual([]);
        expect(settings).toEqual({ name: 'EMEA', staleAfterDays: 180, channels: ['portal', 'email'], include: ['maps/**/*.journey'], exclude: ['maps/drafts/**'] });
    });

    it('an empty file is a project with the defaults', () => {
        expect(readProjectSettings('')).toEqual({ settings: DEFAULT_PROJECT_SETTINGS, problems: [] });
        expect(readProjectSettings('{}')).toEqual({ settings: DEFAULT_PROJECT_SETTINGS, problems: [] });
    });

    it('invalid JSON: one problem where the parser stopped, and the defaults', () => {
        const text = '{ "staleAfterDays": 30, }';
        const { settings, problems } = readProjectSettings(text);
        expect(settings).toBe(DEFAULT_PROJECT_SETTINGS);
        expect(problems).toHaveLength(1);
        expect(problems[0].message).toMatch(/^journeys\.json is not valid JSON \(.+\); fix it — until then the default settings apply$/);
        expect(problems[0].start).toBeGreaterThan(20);
    });

    it('each wrong setting is a problem on its key, and its default applies; the valid ones are kept', () => {
        const text = '{\n  "staleAfterDays": 0,\n  "channels": ["in app"],\n  "exclude": "drafts",\n  "chanels": [],\n  "name": "ok"\n}';
        const { settings, problems } = readProjectSettings(text);
        expect(settings).toEqual({ ...DEFAULT_PROJECT_SETTINGS, name: 'ok' });
        expect(settings.channels).toEqual(CHANNELS);
        expect(problems.map((problem) => [text.slice(problem.start, problem.end), problem.message])).toEqual([
            ['"chanels"', 'Unknown setting "chanels" in journeys.json; the settings are name, staleAfterDays, channels, include, exclude'],
            ['"staleAfterDays"', '"staleAfterDays" must be a whole number of days, 1 or more; the default, 90, applies'],
            ['"channels"', '"channels" must be a list of channel names (letters, digits, _); the default applies'],
            ['"exclude"', '"exclude" must be a list of glob patterns; the default applies'],
        ]);
    });

    it('a list or a number instead of an object is one problem', () => {
        expect(readProjectSettings('[]').problems.map((problem) => problem.message)).toEqual([
            'journeys.json must hold one JSON object ({ "staleAfterDays": 90, … }); the default settings apply',
        ]);
    });

    it('the JSON schema VS Code uses knows the same settings and defaults', () => {
        const schema = JSON.parse(readFileSync('schemas/journeys.schema.json', 'utf8')) as { properties: Record<string, { default?: unknown }> };
        expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'channels', 'exclude', 'include', 'name', 'staleAfterDays']);
        expect(schema.properties.staleAfterDays.default).toBe(DEFAULT_PROJECT_SETTINGS.staleAfterDays);
        expect(schema.properties.channels.default).toEqual(DEFAULT_PROJECT_SETTINGS.channels);
        expect(schema.properties.include.default).toEqual(DEFAULT_PROJECT_SETTINGS.include);
        expect(schema.properties.exclude.default).toEqual(DEFAULT_PROJECT_SETTINGS.exclude);
    });
});
