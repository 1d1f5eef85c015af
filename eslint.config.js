// ESLint: correctness rules only (typescript-eslint's recommended type-checked
// set, plus ESLint's recommended set for the build scripts). No stylistic or
// formatting rules: the code's layout stays as it is. Import boundaries
// between the src/ folders are checked by dependency-cruiser
// (.dependency-cruiser.cjs), not here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
    {
        ignores: ['src/language/generated/**', 'out/**', 'media/dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**'],
    },
    {
        files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
        extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            // The project service finds tsconfig.json for every file except
            // the webview's, which only tsconfig.webview.json (DOM lib) holds.
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            // `_`-prefixed names are the codebase's way of saying "unused on
            // purpose" (callback positions, destructuring to drop a key).
            '@typescript-eslint/no-unused-vars': ['error', {
                argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_',
            }],
        },
    },
    {
        files: ['src/webview/**/*.ts', 'test/webview/**/*.ts'],
        languageOptions: {
            parserOptions: { projectService: false, project: './tsconfig.webview.json', tsconfigRootDir: import.meta.dirname },
        },
    },
    {
        // Build, start and e2e driver scripts: plain ESM run by Node, outside
        // both tsconfigs, so they get the untyped recommended rules.
        files: ['scripts/**/*.mjs', 'eslint.config.js', '.dependency-cruiser.cjs'],
        extends: [js.configs.recommended],
        languageOptions: { globals: { ...globals.node } },
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs' },
    },
);
