import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_PROJECT_SETTINGS, readProjectSettings, RULE_SETTINGS } from '../../../src/language/projects/project-settings.js';
import { DEFAULT_LEVEL, isConfigurableRule } from '../../../src/language/diagnostic-codes.js';
import { CHANNELS } from '../../../src/language/element-info.js';

describe('reading a project file', () => {
    it('takes every valid setting', () => {
        const { settings, problems } = readProjectSettings('{ "name": "EMEA", "staleAfterDays": 180, "channels": ["portal", "email"], "include": ["maps/**/*.journey"], "exclude": ["maps/drafts/**"] }');
        expect(problems).toEqual([]);
        expect(settings).toEqual({ name: 'EMEA', staleAfterDays: 180, channels: ['portal', 'email'], include: ['maps/**/*.journey'], exclude: ['maps/drafts/**'], rules: {} });
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
            ['"chanels"', 'Unknown setting "chanels" in journeys.json; the settings are name, staleAfterDays, channels, include, exclude, rules'],
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

    it('rules: a level for each warning or info code; an error, an unknown code or an unknown level is a problem on its code', () => {
        const text = `{ "rules": {
            "journey.negative-stage": "off",
            "journey.stale-review": "error",
            "journey.metric-off-target": "hint",
            "journey.negative-stag": "off",
            "journey.duplicate-name": "warning",
            "journey.project-file": "off",
            "journey.closed-loop": "warn"
        } }`;
        const { settings, problems } = readProjectSettings(text);
        expect(settings.rules).toEqual({ 'journey.negative-stage': 'off', 'journey.stale-review': 'error', 'journey.metric-off-target': 'hint' });
        expect(problems.map((problem) => [text.slice(problem.start, problem.end), problem.message])).toEqual([
            ['"journey.negative-stag"', 'Unknown rule "journey.negative-stag" in "rules": did you mean "journey.negative-stage"? (the rules a project can set are the warning and info codes of docs/diagnostics.md)'],
            ['"journey.duplicate-name"', '"journey.duplicate-name" can\'t be changed in "rules": it is an error, and the map cannot be drawn right with it; fix what it reports instead'],
            ['"journey.project-file"', '"journey.project-file" can\'t be changed in "rules": it reports mistakes in this file; fix what it reports instead'],
            ['"journey.closed-loop"', '"journey.closed-loop" must be one of "error", "warning", "info", "hint", "off"; it keeps its default level, "warning"'],
        ]);
        expect(readProjectSettings('{ "rules": ["journey.negative-stage"] }').problems.map((problem) => problem.message)).toEqual([
            '"rules" must be an object of rule codes and levels, e.g. { "journey.negative-stage": "off" }; every rule keeps its default level',
        ]);
    });

    it('the JSON schema VS Code uses knows the same settings and defaults', () => {
        const schema = JSON.parse(readFileSync('schemas/journeys.schema.json', 'utf8')) as { properties: Record<string, { default?: unknown; propertyNames?: { enum: string[] }; additionalProperties?: { enum: string[] } }> };
        expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'channels', 'exclude', 'include', 'name', 'rules', 'staleAfterDays']);
        expect(schema.properties.rules.propertyNames?.enum.sort()).toEqual(Object.keys(DEFAULT_LEVEL).filter(isConfigurableRule).sort());
        expect(schema.properties.rules.additionalProperties?.enum).toEqual(RULE_SETTINGS);
        expect(schema.properties.staleAfterDays.default).toBe(DEFAULT_PROJECT_SETTINGS.staleAfterDays);
        expect(schema.properties.channels.default).toEqual(DEFAULT_PROJECT_SETTINGS.channels);
        expect(schema.properties.include.default).toEqual(DEFAULT_PROJECT_SETTINGS.include);
        expect(schema.properties.exclude.default).toEqual(DEFAULT_PROJECT_SETTINGS.exclude);
    });
});
