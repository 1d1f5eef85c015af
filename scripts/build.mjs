// Bundles every entry point into out/ as CommonJS, so that the .vsix and the
// npm bins run without node_modules. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { nodeBundle } from './esbuild-node.mjs';

const watch = process.argv.includes('--watch');

/** One entry per surface; add a line here when a new entry point appears. */
const entries = [
    { in: 'src/extension/main.ts', out: 'extension' },
    { in: 'src/server/main.ts', out: 'server' },
    { in: 'src/diagram/elk/layout-worker.ts', out: 'layout-worker' },
    { in: 'src/cli/main.ts', out: 'cli' },
];

const options = { ...nodeBundle, entryPoints: entries, outdir: 'out' };

/** The preview page's script runs in the webview (a browser), not in Node. */
const webviewOptions = {
    entryPoints: { preview: 'src/webview/main.ts' },
    outdir: 'media/dist',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: true,
    logLevel: 'warning',
};

if (watch) {
    for (const config of [options, webviewOptions]) await (await esbuild.context(config)).watch();
    console.log('Watching for changes…');
} else {
    await Promise.all([esbuild.build(options), esbuild.build(webviewOptions)]);
}
