import { readFile } from 'node:fs/promises';
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
  esbuildPlugins: [
    {
      // `import sql from './x.sql?raw'`, as vitest reads it: the SQL text inlined in the bundle.
      name: 'sql-raw',
      setup(build) {
        build.onResolve({ filter: /\.sql\?raw$/ }, (args) => ({
          path: new URL(args.path.replace(/\?raw$/, ''), `file://${args.resolveDir}/`).pathname,
          namespace: 'sql-raw',
        }));
        build.onLoad({ filter: /.*/, namespace: 'sql-raw' }, async (args) => ({
          contents: await readFile(args.path, 'utf8'),
          loader: 'text',
        }));
      },
    },
  ],
});
