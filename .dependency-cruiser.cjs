// The layering of src/ (ARCHITECTURE.md), checked on every `npm run lint`:
//
//   model      ← plain TypeScript over plain data: imports nothing else
//   protocol   ← the contracts between surfaces: type-only imports of model
//   diagram    ← model, protocol (node builtins and elkjs only in diagram/elk)
//   language   ← model, protocol (no diagram, no surfaces, no vscode)
//   server,cli ← language, model, diagram, protocol
//   extension  ← protocol (and vscode, vscode-languageclient, node builtins)
//   webview    ← protocol (and the DOM: no node builtins, no libraries)
//
// Each folder may import itself. The allowed edges form no cycle, so no cycle
// between top-level folders can pass; `no-circular` also keeps module cycles out.
/** Paths of the src/ folders other than the given ones, as one regular expression. */
const outside = (...allowed) => `^src/(?!(${allowed.join('|')})/)`;
// `vscode` is provided by VS Code at run time; it resolves to its types.
const VSCODE = '(^|/)node_modules/(@types/vscode|vscode-languageclient)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
    forbidden: [
        {
            name: 'model-imports-nothing',
            comment: 'src/model is plain TypeScript over plain data: no other src folder, no library, no node builtin.',
            severity: 'error',
            from: { path: '^src/model/' },
            to: { pathNot: '^src/model/' },
        },
        {
            name: 'protocol-imports-only-model-types',
            comment: 'src/protocol is the contract between surfaces: nothing from src but type-only imports of src/model, no library.',
            severity: 'error',
            from: { path: '^src/protocol/' },
            to: { pathNot: '^src/(protocol|model)/' },
        },
        {
            name: 'protocol-imports-model-types-only',
            comment: 'src/protocol may name model types, never model code (so every surface can load it).',
            severity: 'error',
            from: { path: '^src/protocol/' },
            to: { path: '^src/model/', dependencyTypesNot: ['type-only'] },
        },
        {
            name: 'diagram-imports-model-and-protocol',
            comment: 'src/diagram lays out and draws the model: it knows nothing of the language or the surfaces.',
            severity: 'error',
            from: { path: '^src/diagram/' },
            to: { path: outside('diagram', 'model', 'protocol') },
        },
        {
            name: 'diagram-libraries-only-in-elk',
            comment: 'Only src/diagram/elk talks to ELK and to Node (worker threads); the rest of src/diagram is pure.',
            severity: 'error',
            from: { path: '^src/diagram/', pathNot: '^src/diagram/elk/' },
            to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'] },
        },
        {
            name: 'diagram-elk-imports-only-elkjs',
            comment: 'src/diagram/elk wraps elkjs; node builtins are allowed there, other libraries are not.',
            severity: 'error',
            from: { path: '^src/diagram/elk/' },
            to: { dependencyTypesNot: ['core', 'local'], pathNot: '(^|/)node_modules/elkjs/' },
        },
        {
            name: 'language-imports-model-and-protocol',
            comment: 'src/language (grammar, parser, validation, LSP features) builds on model and protocol, not on the diagram or a surface.',
            severity: 'error',
            from: { path: '^src/language/' },
            to: { path: outside('language', 'model', 'protocol') },
        },
        {
            name: 'language-not-vscode',
            comment: 'src/language runs in the language server and the CLI: the VS Code API is not there.',
            severity: 'error',
            from: { path: '^src/language/' },
            to: { path: VSCODE },
        },
        {
            name: 'server-imports-the-core',
            comment: 'The language server serves language, model, diagram and protocol; not the CLI, the extension or the webview.',
            severity: 'error',
            from: { path: '^src/server/' },
            to: { path: outside('server', 'language', 'model', 'diagram', 'protocol') },
        },
        {
            name: 'cli-imports-the-core',
            comment: 'The CLI uses language, model, diagram and protocol; not the server, the extension or the webview.',
            severity: 'error',
            from: { path: '^src/cli/' },
            to: { path: outside('cli', 'language', 'model', 'diagram', 'protocol') },
        },
        {
            name: 'server-and-cli-not-vscode',
            comment: 'The server and the CLI run outside VS Code.',
            severity: 'error',
            from: { path: '^src/(server|cli)/' },
            to: { path: VSCODE },
        },
        {
            name: 'extension-imports-only-protocol',
            comment: 'The extension talks to the server through the language client and src/protocol only.',
            severity: 'error',
            from: { path: '^src/extension/' },
            to: { path: outside('extension', 'protocol') },
        },
        {
            name: 'extension-libraries',
            comment: 'The extension may use VS Code, the language client and node builtins, nothing else.',
            severity: 'error',
            from: { path: '^src/extension/' },
            to: {
                dependencyTypesNot: ['core', 'local'],
                pathNot: VSCODE,
            },
        },
        {
            name: 'webview-imports-only-protocol',
            comment: 'The webview runs in the browser and talks to the extension through src/protocol messages only.',
            severity: 'error',
            from: { path: '^src/webview/' },
            to: { path: outside('webview', 'protocol') },
        },
        {
            name: 'webview-no-node-no-libraries',
            comment: 'The webview is a browser page: no node builtins, no libraries (the DOM is its platform).',
            severity: 'error',
            from: { path: '^src/webview/' },
            to: { dependencyTypesNot: ['local'] },
        },
        {
            name: 'no-circular',
            comment:
                'No import cycle, within a folder or across folders. Type-only imports do not count: ' +
                "Langium's dependency injection has every service import the services type from journey-module.ts, which imports the services.",
            severity: 'error',
            from: { path: '^src/' },
            to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
        },
        {
            name: 'not-to-unresolvable',
            comment: 'Every import resolves: a typo would otherwise hide a dependency from these rules.',
            severity: 'error',
            from: {},
            to: { couldNotResolve: true },
        },
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        // Type-only imports count: `import type` from a forbidden folder is
        // still a forbidden dependency (except where a rule allows it).
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        enhancedResolveOptions: {
            exportsFields: ['exports'],
            conditionNames: ['import', 'require', 'node', 'default', 'types'],
            mainFields: ['module', 'main', 'types', 'typings'],
        },
        reporterOptions: { text: { highlightFocused: true } },
    },
};
