import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCES } from '../../src/protocol/audience.js';
import {
    Command, ContextKey, LANGUAGE_ID, PREVIEW_SETTING_DEFAULTS, PREVIEW_SETTINGS_SECTION, VALIDATION_SCOPES, VALIDATION_SETTING_DEFAULTS, VALIDATION_SETTINGS_SECTION,
} from '../../src/protocol/contributions.js';
import { REPO_ROOT } from '../helpers/paths.js';

interface Contributes {
    languages: { id: string }[];
    commands: { command: string }[];
    keybindings: { command: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { default: unknown; enum?: string[] }> };
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8'));
const contributes = (readJson('package.json') as { contributes: Contributes }).contributes;
const menuItems = Object.values(contributes.menus).flat();

describe("package.json's contributions", () => {
    it('declare the language the extension and the server serve', () => {
        expect(contributes.languages.map((language) => language.id)).toEqual([LANGUAGE_ID]);
        expect((readJson('langium-config.json') as { languages: { id: string }[] }).languages.map((language) => language.id)).toEqual([LANGUAGE_ID]);
    });

    it('declare exactly the commands of src/protocol/contributions.ts', () => {
        expect(contributes.commands.map((entry) => entry.command).sort()).toEqual(Object.values(Command).sort());
    });

    it('bind keys and menu items only to those commands', () => {
        for (const entry of [...contributes.keybindings, ...menuItems]) {
            expect(Object.values(Command), entry.command).toContain(entry.command);
        }
    });

    it('read only the context keys the extension sets', () => {
        const ours = [...contributes.keybindings, ...menuItems].flatMap((entry) => entry.when?.match(/\bjourney\.\w+/g) ?? []);
        expect(ours.length).toBeGreaterThan(0);
        for (const key of ours) expect(Object.values(ContextKey)).toContain(key);
    });

    it('declare exactly the preview and validation settings, with the same defaults and choices', () => {
        const declared = Object.fromEntries(Object.entries(contributes.configuration.properties).map(([key, property]) => [key, property.default]));
        const ours = Object.fromEntries([
            ...Object.entries(PREVIEW_SETTING_DEFAULTS).map(([key, value]): [string, unknown] => [`${PREVIEW_SETTINGS_SECTION}.${key}`, value]),
            ...Object.entries(VALIDATION_SETTING_DEFAULTS).map(([key, value]): [string, unknown] => [`${VALIDATION_SETTINGS_SECTION}.${key}`, value]),
        ]);
        expect(declared).toEqual(ours);
        expect(contributes.configuration.properties[`${PREVIEW_SETTINGS_SECTION}.defaultAudience`].enum).toEqual(AUDIENCES);
        expect(contributes.configuration.properties[`${VALIDATION_SETTINGS_SECTION}.scope`].enum).toEqual(VALIDATION_SCOPES);
    });
});
