import { defineConfig } from 'vitest/config';

/**
 * Tests that need the build (out/*.cjs: the bundled CLI through
 * test/helpers/cli.ts, the language server through test/helpers/lsp-client.ts,
 * the layout worker, the packaged extension). The CLI's tests are here as a
 * whole, since most run the bundled command. Everything else is the unit
 * tier: in-process, no build (`npm run test:unit`, which must pass after
 * `rm -rf out`): a new test that runs a bundle is listed here.
 */
const INTEGRATION = [
    'test/cli/**/*.test.ts',
    'test/server/{stdio-server,stdio-diagram,stdio-tune-up,bad-input,cross-file,file-watching}.test.ts',
    'test/project/{packaging,customer-view-doc,readme-images}.test.ts',
    'test/diagram/{worker,large}.test.ts',
    'test/fuzz/**/*.test.ts',
];

/**
 * In-process but long: the differential and exhaustive tests (thousands of
 * random edits compared with whole parses, every prefix of a real map, large
 * maps for linear-time checks). They need no build; they are kept out of the
 * unit tier so that `npm run test:unit` answers in seconds while editing.
 * `npm test` runs them.
 */
const SLOW = [
    'test/language/parser/{incremental-reparse,bad-input}.test.ts',
    'test/language/validation/{performance,bad-input,incremental-build}.test.ts',
    'test/language/lsp/completion-speed.test.ts',
    'test/diagram/compare-stability.test.ts',
];

export default defineConfig({
    test: {
        // Generous: CLI and server tests spawn Node processes, and CI machines can
        // be busy. A hang still fails; a slow machine does not.
        testTimeout: 120_000,
        projects: [
            { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...INTEGRATION, ...SLOW] } },
            { extends: true, test: { name: 'slow', include: SLOW } },
            { extends: true, test: { name: 'integration', include: INTEGRATION } },
        ],
    },
});
