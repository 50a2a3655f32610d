import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Resolves `import sql from './x.sql?raw'` as vitest does: the file's text, inlined in the
 * bundle. Used by tsup for the published build and by the tests that bundle worker processes.
 */
export const sqlRawPlugin: Plugin = {
  name: 'sql-raw',
  setup(build) {
    build.onResolve({ filter: /\.sql\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/\?raw$/, '')),
      namespace: 'sql-raw',
    }));
    build.onLoad({ filter: /.*/, namespace: 'sql-raw' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
      resolveDir: dirname(args.path),
    }));
  },
};
