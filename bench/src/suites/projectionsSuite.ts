import { foldProjection, type ReadModels, readModelsProjection } from '@account-planning/core';
import { type BenchSuite, cpuTimeMs } from '../benchSuite.js';
import { generateDomainLog } from './generateDomainLog.js';

const EVENTS = 1_000_000;
let generated: ReturnType<typeof generateDomainLog> | undefined;
// Made on first use, so that a filtered run of other suites does not pay for it.
const domainLog = () => {
  generated ??= generateDomainLog({ events: EVENTS });
  return generated;
};

/** Building every read model from a million events in memory. */
export const projectionsSuite: BenchSuite = {
  name: 'projections',
  figures: [
    {
      name: 'projections.build_1m',
      unit: 'events/CPU-s',
      target: { of: 'value', atLeast: 1_000_000 },
      runs: 5,
      async measure() {
        const events = domainLog();
        // The collector is still sweeping the previous run's read models on its own threads:
        // let it finish, so that its work is not counted against this run.
        await new Promise((resolve) => setTimeout(resolve, 500));
        let models: ReadModels | undefined;
        const ms = await cpuTimeMs(() => {
          models = foldProjection(readModelsProjection, events);
        });
        if (models?.eventCount !== EVENTS) throw new Error('the fold missed events');
        return { value: (EVENTS / ms) * 1000 };
      },
    },
  ],
};
