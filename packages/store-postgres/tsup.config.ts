import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // pg stays external (a dependency), and so does the optional PGlite peer.
  external: ['pg', '@electric-sql/pglite'],
});
