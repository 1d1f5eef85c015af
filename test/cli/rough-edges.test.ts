import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, journey } from '../helpers/cli.js';

const MAP = 'examples/b2b-saas/saas.journey';
const scratch = mkdtempSync(join(tmpdir(), 'journey-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a folder where one journey file is expected', () => {
    it('render lists the journeys of the folder to choose from (exit 2)', () => {
        const result = journey(['render', 'examples/']);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim()).toBe('journey render: examples/ is a folder; name the file of one journey: '
            + 'examples/b2b-saas/saas.journey (saas), examples/support-heavy/support.journey (support), '
            + 'examples/workspace/journeys/implementation.journey (implementation), examples/workspace/journeys/self-serve.journey (selfServe)');
    });

    it('export says so when the folder declares no journey', () => {
        const result = journey(['export', 'examples/workspace/shared', '--format', 'json']);
        expect(result.status).toBe(2);
        expect(result.stderr.trim()).toBe('journey export: examples/workspace/shared is a folder and declares no journey; name a .journey file that declares one');
    });
});

describe('an output file whose extension says another format', () => {
    it.each([
        [['render', MAP, '-o', join(scratch, 'map.pdf')], `journey render: cannot tell the format from -o ${join(scratch, 'map.pdf')}: name the file .svg, .png or .html`],
        [['render', MAP, '-o', join(scratch, 'map.svg'), '--format', 'png'], `journey render: -o ${join(scratch, 'map.svg')} does not match --format png: name the file ${join(scratch, 'map.png')}, or leave out --format`],
        [['export', MAP, '-o', join(scratch, 'map.json'), '--format', 'markdown'], `journey export: -o ${join(scratch, 'map.json')} does not match --format markdown: name the file ${join(scratch, 'map.md')}, or use --format json`],
    ])('%j is refused and writes nothing', (args, message) => {
        const result = journey(args);
        expect(result.status).toBe(2);
        expect(result.stderr.trim()).toBe(message);
        expect(existsSync(args[3])).toBe(false);
    });

    it('the extension picks the format when --format is not given', () => {
        const target = join(scratch, 'map.png');
        expect(journey(['render', MAP, '-o', target]).status).toBe(0);
        expect(existsSync(target)).toBe(true);
    });
});

it('a reader that stops early ends the command quietly: render --format png | head -c 8', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" render ${MAP} --format png | head -c 8 | od -An -c; echo "exit \${PIPESTATUS:-0}"`], { encoding: 'utf8', timeout: 60_000 });
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" render ${MAP} --format png | head -c 8 > /dev/null`], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout).toContain('P   N   G');
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
});

describe('help', () => {
    const commands = [...journey(['--help']).stdout.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((match) => match[1]);

    it.each(commands)('the usage lines of %s name every option it takes, with the values it accepts', (command) => {
        const help = journey([command, '--help']).stdout;
        const usage = help.slice(help.indexOf('Usage:'), help.indexOf('Options:'));
        const options = help.slice(help.indexOf('Options:')).split('\n\n')[0].split('\n').slice(1);
        for (const line of options) {
            const [, short, name, value] = /(?:-([a-z]), )?--([a-z-]+)(?: (\S+))?/.exec(line) ?? [];
            if (!name || name === 'help') continue;
            expect(short && usage.includes(`-${short} `) ? `--${name}` : usage, `${command} --${name}`).toContain(`--${name}`);
            if (value?.includes('|')) {
                expect(usage, `${command} --${name}`).toContain(`--${name} ${value}`);
            }
        }
    });
});
