// What goes into the .vsix: the bundles and the files VS Code reads, and
// nothing that would bloat the download or leak sources (.vscodeignore).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
interface Manifest {
    main: string;
    icon: string;
    contributes: { languages: { configuration: string }[]; grammars: { path: string }[]; jsonValidation: { url: string }[] };
}

const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as Manifest;

describe('the packaged extension', () => {
    it('holds the bundles, the grammar and the language configuration, and no sources or maps', async () => {
        const { stdout } = await promisify(execFile)(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root });
        const files = stdout.split('\n').filter(Boolean);
        expect(files).toEqual(expect.arrayContaining([
            'package.json', 'README.md', 'LICENSE', 'language-configuration.json',
            'syntaxes/journey.tmLanguage.json', 'out/extension.cjs', 'out/server.cjs', 'out/layout-worker.cjs',
            'media/dist/preview.js', 'media/icon.png', 'schemas/journeys.schema.json',
            'media/fonts/LiberationSans-Regular.ttf', 'media/fonts/LiberationSans-Bold.ttf', 'media/fonts/OFL.txt',
        ]));
        const unwanted = files.filter((file) => /^(src|test|examples|scripts|node_modules)\/|\.map$|\.ts$|^out\/cli\.cjs$/.test(file));
        expect(unwanted).toEqual([]);
    });

    it('points at files that exist', () => {
        const paths = [
            manifest.main,
            manifest.icon,
            ...manifest.contributes.languages.map((language) => language.configuration),
            ...manifest.contributes.grammars.map((grammar) => grammar.path),
            ...manifest.contributes.jsonValidation.map((validation) => validation.url.replace(/^\.\//, '')),
        ];
        for (const path of paths) expect(existsSync(`${root}${path}`), path).toBe(true);
    });
});
