// Bundles every entry point into out/ as CommonJS, so that the .vsix and the
// npm bins run without node_modules. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

/** One entry per surface; add a line here when a new entry point appears. */
const entries = [
    { in: 'src/extension/main.ts', out: 'extension' },
    { in: 'src/server/main.ts', out: 'server' },
    { in: 'src/diagram/layout-worker.ts', out: 'layout-worker' },
    { in: 'src/cli/main.ts', out: 'cli' },
];

const options = {
    entryPoints: entries,
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // resvg loads a native binding at run time: it stays a dependency, not part of a bundle.
    external: ['vscode', '@resvg/resvg-js'],
    sourcemap: true,
    logLevel: 'warning',
    // import.meta.url has no CJS equivalent in esbuild; map it to the bundle's own URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

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
