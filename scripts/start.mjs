// `npm start`: build everything, package the extension, then show what the CLI
// makes of every example: its validation, and its map as SVG in out/examples/.
// Stops at the first step that fails, with a non-zero exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const cli = path.resolve('out/cli.cjs');

function step(title, command, args) {
    console.log(`\n▶ ${title}`);
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.status !== 0) {
        console.error(`✗ ${title} failed (exit ${result.status ?? result.signal})`);
        process.exit(1);
    }
}

/** Every example folder, and the files in it that declare a journey. */
function examples() {
    return readdirSync('examples', { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => {
            const root = path.join('examples', entry.name);
            const journeys = readdirSync(root, { recursive: true, encoding: 'utf8' })
                .filter((file) => file.endsWith('.journey'))
                .map((file) => path.join(root, file))
                .filter((file) => /^journey\s/m.test(readFileSync(file, 'utf8')));
            return { name: entry.name, root, journeys };
        });
}

step('Build', npm, ['run', 'build']);
step('Package the extension (.vsix)', npm, ['run', 'package']);

const rendered = [];
for (const example of examples()) {
    step(`Validate ${example.root}`, process.execPath, [cli, 'validate', example.root]);
    for (const file of example.journeys) {
        const target = path.join('out', 'examples', example.name, `${path.basename(file, '.journey')}.svg`);
        mkdirSync(path.dirname(target), { recursive: true });
        step(`Render ${file}`, process.execPath, [cli, 'render', file, '--workspace', example.root, '-o', target]);
        rendered.push(target);
    }
}

console.log('\n✓ Done. The extension is journey-maps.vsix; the example maps are:');
for (const file of rendered) {
    console.log(`  ${path.resolve(file)}`);
}
