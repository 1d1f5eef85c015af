import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command, ContextKey } from '../../src/protocol/commands.js';
import { REPO_ROOT } from '../helpers/paths.js';

interface Contributes {
    commands: { command: string }[];
    keybindings: { command: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
}

const contributes = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: Contributes }).contributes;
const menuItems = Object.values(contributes.menus).flat();

describe("package.json's contributions", () => {
    it('declare exactly the commands of src/protocol/commands.ts', () => {
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
});
