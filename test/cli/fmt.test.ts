import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const MESSY = '// keep me\njourney j {stage s {touchpoint t {emotion +1}}}\n';
const TIDY = '// keep me\njourney j {\n  stage s {\n    touchpoint t { emotion +1 }\n  }\n}\n';

function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-fmt-'));
    for (const [name, text] of Object.entries(files)) {
        writeFileSync(path.join(folder, name), text);
    }
    return folder;
}

describe('journey fmt', () => {
    it('prints one file formatted, keeping comments, and leaves it untouched', () => {
        const folder = folderWith({ 'a.journey': MESSY });
        const result = journey(['fmt', path.join(folder, 'a.journey')]);
        expect(result.status).toBe(0);
        expect(result.stdout).toBe(TIDY);
        expect(readFileSync(path.join(folder, 'a.journey'), 'utf8')).toBe(MESSY);
    });

    it('--check lists unformatted files and exits 1 without writing', () => {
        const folder = folderWith({ 'a.journey': MESSY, 'b.journey': TIDY });
        const result = journey(['fmt', '--check', folder]);
        expect(result.status).toBe(1);
        expect(result.stdout.trim().split('\n').map((line) => path.basename(line))).toEqual(['a.journey']);
        expect(readFileSync(path.join(folder, 'a.journey'), 'utf8')).toBe(MESSY);
        expect(journey(['fmt', '--check', path.join(folder, 'b.journey')]).status).toBe(0);
    });

    it('--write rewrites only what changes, whole, with no temporary files left', () => {
        const folder = folderWith({ 'a.journey': MESSY, 'b.journey': TIDY });
        const result = journey(['fmt', '--write', folder]);
        expect(result.status).toBe(0);
        expect(readFileSync(path.join(folder, 'a.journey'), 'utf8')).toBe(TIDY);
        expect(readdirSync(folder).sort()).toEqual(['a.journey', 'b.journey']);
        expect(journey(['fmt', '--check', folder]).status).toBe(0);
    });

    it('leaves a file with syntax errors alone and exits 1', () => {
        const broken = 'journey j { stage s { touchpoint } \n';
        const folder = folderWith({ 'bad.journey': broken });
        const result = journey(['fmt', '--write', folder]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/bad\.journey: not formatted: it has syntax errors/);
        expect(readFileSync(path.join(folder, 'bad.journey'), 'utf8')).toBe(broken);
    });

    it('exits 2 for --check with --write, or several files without either', () => {
        const folder = folderWith({ 'a.journey': MESSY, 'b.journey': TIDY });
        expect(journey(['fmt', '--check', '--write', folder]).status).toBe(2);
        const several = journey(['fmt', folder]);
        expect(several.status).toBe(2);
        expect(several.stderr).toMatch(/add --check or --write/);
    });
});
