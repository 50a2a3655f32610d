import { defineConfig } from 'vitest/config';

// The same tests, but every workspace package resolves to its built `dist` (no source
// condition): this is what a user installing from npm gets. Run `pnpm build` first.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
    exclude: ['**/*.int.test.ts', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
