/**
 * The project file: a `journeys.json` in a folder makes that folder a project
 * root. Teams, segments and journeys are unique and visible within their
 * project only, and the file holds the settings teams differ on. Bad content
 * is reported (one problem per setting) and the defaults apply to it.
 * schemas/journeys.schema.json describes the same file for editors; a test
 * keeps the two in step.
 */
import { CHANNELS } from '../element-info.js';
import { DEFAULT_LEVEL, isConfigurableRule } from '../diagnostic-codes.js';
import { closestNames } from '../references/closest-names.js';
import { STALE_AFTER_DAYS } from '../../model/derived-facts.js';
import { SEVERITY_NAMES, type SeverityName } from '../../protocol/diagnostic-severity.js';

export const PROJECT_FILE_NAME = 'journeys.json';

export interface ProjectSettings {
    /** A name for messages and reports; the folder's name when absent. */
    name?: string;
    /** A journey not reviewed for more than this many days is stale. */
    staleAfterDays: number;
    /** The channels completion offers after `channel`. */
    channels: readonly string[];
    /** Which .journey files under the root belong to the project (globs relative to the root). */
    include: readonly string[];
    /** Which of them do not (globs relative to the root). */
    exclude: readonly string[];
    /** The levels the project gives rules, by code (`off` drops the rule's diagnostics); the others keep their default level. */
    rules: Readonly<Record<string, RuleSetting>>;
}

/** What a project file may set a rule to: a severity, or off. */
export type RuleSetting = SeverityName | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = [...SEVERITY_NAMES, 'off'];

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
    staleAfterDays: STALE_AFTER_DAYS,
    channels: CHANNELS,
    include: ['**/*.journey'],
    exclude: [],
    rules: {},
};

/** Something wrong in a project file: where (character offsets) and what. */
export interface ProjectFileProblem {
    message: string;
    start: number;
    end: number;
}

export interface ReadProjectSettings {
    settings: ProjectSettings;
    problems: ProjectFileProblem[];
}

const KNOWN_KEYS = ['$schema', 'name', 'staleAfterDays', 'channels', 'include', 'exclude', 'rules'] as const;

/** The settings of a project file's text: what is valid is used, everything else falls back to the default. */
export function readProjectSettings(text: string): ReadProjectSettings {
    if (text.trim() === '') return { settings: DEFAULT_PROJECT_SETTINGS, problems: [] };
    let content: unknown;
    try {
        content = JSON.parse(text);
    } catch (error) {
        const offset = syntaxErrorOffset(error, text);
        const reason = (error as Error).message.split('\n')[0].replace(/ in JSON at position \d+.*$/, '');
        return {
            settings: DEFAULT_PROJECT_SETTINGS,
            problems: [{ message: `${PROJECT_FILE_NAME} is not valid JSON (${reason}); fix it — until then the default settings apply`, start: offset, end: offset + 1 }],
        };
    }
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
        return { settings: DEFAULT_PROJECT_SETTINGS, problems: [{ message: `${PROJECT_FILE_NAME} must hold one JSON object ({ "staleAfterDays": 90, … }); the default settings apply`, start: 0, end: text.length }] };
    }
    const values = content as Record<string, unknown>;
    const problems: ProjectFileProblem[] = [];
    const report = (key: string, message: string) => problems.push({ message, ...keyRange(text, key) });
    const settings: ProjectSettings = { ...DEFAULT_PROJECT_SETTINGS };

    for (const key of Object.keys(values)) {
        if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
            report(key, `Unknown setting "${key}" in ${PROJECT_FILE_NAME}; the settings are ${KNOWN_KEYS.slice(1).join(', ')}`);
        }
    }
    if ('name' in values) {
        if (typeof values.name === 'string' && values.name.trim() !== '') settings.name = values.name;
        else report('name', `"name" must be a non-empty string; the folder's name is used`);
    }
    if ('staleAfterDays' in values) {
        const days = values.staleAfterDays;
        if (typeof days === 'number' && Number.isInteger(days) && days >= 1) settings.staleAfterDays = days;
        else report('staleAfterDays', `"staleAfterDays" must be a whole number of days, 1 or more; the default, ${STALE_AFTER_DAYS}, applies`);
    }
    for (const key of ['channels', 'include', 'exclude'] as const) {
        if (!(key in values)) continue;
        const list = values[key];
        if (Array.isArray(list) && list.every((item) => typeof item === 'string' && item !== '') && (key !== 'channels' || list.every(isChannelName))) {
            settings[key] = list as string[];
        } else {
            report(key, `"${key}" must be a list of ${key === 'channels' ? 'channel names (letters, digits, _)' : 'glob patterns'}; the default applies`);
        }
    }
    if ('rules' in values) settings.rules = readRules(values.rules, text, problems);
    return { settings, problems };
}

/** The valid entries of `"rules"`; each invalid one is a problem on its code, and that rule keeps its default level. */
function readRules(rules: unknown, text: string, problems: ProjectFileProblem[]): Record<string, RuleSetting> {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
        problems.push({ message: `"rules" must be an object of rule codes and levels, e.g. { "journey.negative-stage": "off" }; every rule keeps its default level`, ...keyRange(text, 'rules') });
        return {};
    }
    const valid: Record<string, RuleSetting> = {};
    for (const [code, level] of Object.entries(rules)) {
        const problem = ruleProblem(code, level);
        if (problem) problems.push({ message: problem, ...keyRange(text, code) });
        else valid[code] = level as RuleSetting;
    }
    return valid;
}

function ruleProblem(code: string, level: unknown): string | undefined {
    if (code in DEFAULT_LEVEL && !isConfigurableRule(code)) {
        return `"${code}" can't be changed in "rules": ${DEFAULT_LEVEL[code as keyof typeof DEFAULT_LEVEL] === 'error' ? 'it is an error, and the map cannot be drawn right with it' : 'it reports mistakes in this file'}; fix what it reports instead`;
    }
    if (!isConfigurableRule(code)) {
        const configurable = Object.keys(DEFAULT_LEVEL).filter(isConfigurableRule).map((name) => ({ name }));
        const [closest] = closestNames(code, configurable);
        return closest
            ? `Unknown rule "${code}" in "rules": did you mean "${closest.name}"? (the rules a project can set are the warning and info codes of docs/diagnostics.md)`
            : `Unknown rule "${code}" in "rules": the rules a project can set are the warning and info codes of docs/diagnostics.md`;
    }
    if (!(RULE_SETTINGS as readonly unknown[]).includes(level)) {
        return `"${code}" must be one of ${RULE_SETTINGS.map((setting) => `"${setting}"`).join(', ')}; it keeps its default level, "${DEFAULT_LEVEL[code]}"`;
    }
    return undefined;
}

function isChannelName(name: string): boolean {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** The range of `"key"` in the text, or the whole text when it cannot be found. */
function keyRange(text: string, key: string): { start: number; end: number } {
    const start = text.indexOf(JSON.stringify(key));
    return start < 0 ? { start: 0, end: text.length } : { start, end: start + JSON.stringify(key).length };
}

function syntaxErrorOffset(error: unknown, text: string): number {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return position === undefined ? Math.max(0, text.length - 1) : Number(position);
}

/** "line:column" (1-based) of a character offset, for one-line reports. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}
