import type { BenchSuite } from '../benchSuite.js';
import { pgliteBackend } from './benchBackends.js';
import {
  rawAppend,
  rawReadStream,
  storeAppend,
  storeCatchUp,
  storeReadStream,
} from './postgresWorkloads.js';

/**
 * The PostgreSQL figures on PGlite (embedded, in memory), each against the same raw baseline on
 * the same PGlite. Reported without targets: PGlite is one connection in this process.
 */
export const pgliteStoreSuite: BenchSuite = {
  name: 'pglite',
  figures: [
    {
      name: 'pglite.append_1_per_call_vs_raw',
      unit: 'events/s',
      async measure() {
        const backend = await pgliteBackend();
        const baseline = await rawAppend(backend, 1, 2_000);
        return { value: await storeAppend(backend, 1, 2_000), baseline };
      },
    },
    {
      name: 'pglite.append_100_per_call_vs_raw',
      unit: 'events/s',
      async measure() {
        const backend = await pgliteBackend();
        const baseline = await rawAppend(backend, 100, 100);
        return { value: await storeAppend(backend, 100, 100), baseline };
      },
    },
    {
      name: 'pglite.append_8_writers_vs_raw',
      unit: 'events/s',
      async measure() {
        const backend = await pgliteBackend();
        const baseline = await rawAppend(backend, 1, 500, 8);
        return { value: await storeAppend(backend, 1, 500, 8), baseline };
      },
    },
    {
      name: 'pglite.read_stream_10000_vs_raw',
      unit: 'events/s',
      async measure() {
        const backend = await pgliteBackend();
        const baseline = await rawReadStream(backend, 10_000, 5);
        return { value: await storeReadStream(backend, 10_000, 5), baseline };
      },
    },
    {
      name: 'pglite.read_all_catch_up',
      unit: 'events/s',
      runs: 3,
      warmUp: false,
      async measure() {
        return { value: await storeCatchUp(await pgliteBackend(), 1_000_000) };
      },
    },
  ],
};
