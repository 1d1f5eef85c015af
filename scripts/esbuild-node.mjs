// How every Node entry point is bundled (the product's and the benchmark's),
// so that the benchmark measures code built exactly like what ships.
export const nodeBundle = {
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
