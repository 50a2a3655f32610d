import type { BenchSuite } from './benchSuite.js';
import { foldSuite } from './suites/foldSuite.js';
import { memoryStoreSuite } from './suites/memoryStoreSuite.js';
import { pgliteStoreSuite } from './suites/pgliteStoreSuite.js';
import { postgresStoreSuite } from './suites/postgresStoreSuite.js';
import { projectionsSuite } from './suites/projectionsSuite.js';
import { reportingSuite } from './suites/reportingSuite.js';
import { scoringSuite } from './suites/scoringSuite.js';

/** Every suite `pnpm bench` runs, in order. Add a suite by adding its file here. */
export const suites: readonly BenchSuite[] = [
  foldSuite,
  memoryStoreSuite,
  scoringSuite,
  projectionsSuite,
  reportingSuite,
  postgresStoreSuite,
  pgliteStoreSuite,
];
