import type { BenchSuite, FigureBench } from '../benchSuite.js';
import { hasServer, serverBackend } from './benchBackends.js';
import {
  emmettAppend,
  rawAppend,
  rawReadStream,
  storeAppend,
  storeCatchUp,
  storeReadStream,
} from './postgresWorkloads.js';

const ONE_PER_CALL = 2_000;
const HUNDRED_PER_CALL = 100;
const WRITERS = 8;
const PER_WRITER = 500;
const STREAM_LENGTH = 10_000;
const READS = 5;
const CATCH_UP = 1_000_000;

/**
 * The PostgreSQL store against a server (DATABASE_URL, or the local one), each figure a ratio to
 * a raw `pg` baseline on an equivalent table measured in the same run, and the other library's
 * PostgreSQL store measured in the same run for scale. Left out when no server answers.
 */
const figures: FigureBench[] = [
  {
    name: 'pg.append_1_per_call_vs_raw',
    unit: 'events/s',
    target: { of: 'ratio', atLeast: 0.8 },
    async measure() {
      const backend = await serverBackend();
      const baseline = await rawAppend(backend, 1, ONE_PER_CALL);
      return { value: await storeAppend(backend, 1, ONE_PER_CALL), baseline };
    },
  },
  {
    name: 'pg.append_100_per_call_vs_raw',
    unit: 'events/s',
    target: { of: 'ratio', atLeast: 0.8 },
    async measure() {
      const backend = await serverBackend();
      const baseline = await rawAppend(backend, 100, HUNDRED_PER_CALL);
      return { value: await storeAppend(backend, 100, HUNDRED_PER_CALL), baseline };
    },
  },
  {
    name: 'pg.append_8_writers_vs_raw',
    unit: 'events/s',
    target: { of: 'ratio', atLeast: 0.8 },
    async measure() {
      const backend = await serverBackend();
      const baseline = await rawAppend(backend, 1, PER_WRITER, WRITERS);
      return { value: await storeAppend(backend, 1, PER_WRITER, WRITERS), baseline };
    },
  },
  {
    name: 'pg.read_stream_10000_vs_raw',
    unit: 'events/s',
    target: { of: 'ratio', atLeast: 0.9 },
    async measure() {
      const backend = await serverBackend();
      const baseline = await rawReadStream(backend, STREAM_LENGTH, READS);
      return { value: await storeReadStream(backend, STREAM_LENGTH, READS), baseline };
    },
  },
  {
    name: 'pg.read_all_catch_up',
    unit: 'events/s',
    target: { of: 'value', atLeast: 100_000 },
    runs: 3,
    warmUp: false,
    async measure() {
      return { value: await storeCatchUp(await serverBackend(), CATCH_UP) };
    },
  },
  {
    name: 'pg.vs_emmett_append_1',
    unit: 'events/s',
    target: { of: 'ratio', atLeast: 2 },
    async measure() {
      const backend = await serverBackend();
      const baseline = await emmettAppend(backend.connectionString as string, 1, ONE_PER_CALL);
      return { value: await storeAppend(backend, 1, ONE_PER_CALL), baseline };
    },
  },
  {
    name: 'pg.vs_emmett_append_100',
    unit: 'events/s',
    target: { of: 'ratio', atLeast: 2 },
    async measure() {
      const backend = await serverBackend();
      const baseline = await emmettAppend(
        backend.connectionString as string,
        100,
        HUNDRED_PER_CALL,
      );
      return { value: await storeAppend(backend, 100, HUNDRED_PER_CALL), baseline };
    },
  },
  // For scale, the "the other library: 0.33 / 0.39": its own ratios to raw, measured here.
  {
    name: 'emmett.append_1_per_call_vs_raw',
    unit: 'events/s',
    async measure() {
      const backend = await serverBackend();
      const baseline = await rawAppend(backend, 1, ONE_PER_CALL);
      const value = await emmettAppend(backend.connectionString as string, 1, ONE_PER_CALL);
      return { value, baseline };
    },
  },
  {
    name: 'emmett.append_100_per_call_vs_raw',
    unit: 'events/s',
    async measure() {
      const backend = await serverBackend();
      const baseline = await rawAppend(backend, 100, HUNDRED_PER_CALL);
      const value = await emmettAppend(backend.connectionString as string, 100, HUNDRED_PER_CALL);
      return { value, baseline };
    },
  },
];

if (!hasServer) {
  process.stderr.write(
    'no PostgreSQL server answers: the pg.* and emmett.* figures are left out\n',
  );
}

/** The PostgreSQL store on a server: see the figures above. */
export const postgresStoreSuite: BenchSuite = {
  name: 'postgres',
  figures: hasServer ? figures : [],
};
