import { defineConfig } from 'vitest/config';

// Tests run from source: the `@account-planning/source` export condition points every
// workspace package at its `src/index.ts`, so no build is needed first.
export default defineConfig({
  resolve: { conditions: ['@account-planning/source'] },
  ssr: { resolve: { conditions: ['@account-planning/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
