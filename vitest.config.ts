import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // Generous: CLI and server tests spawn Node processes, and CI machines can
        // be busy. A hang still fails; a slow machine does not.
        testTimeout: 120_000,
    },
});
