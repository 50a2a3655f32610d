import type { NewEvent } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { type BenchSuite, cpuTimeMs } from '../benchSuite.js';

// Events as the command handler writes them: small data and the usual metadata. No registry:
// these figures measure the store, not a schema.
const metadata = { occurredAt: '2026-03-01T09:00:00.000Z', actor: 'rep-1', correlationId: 'c-1' };
const valueChanged = (n: number): NewEvent => ({
  type: 'OpportunityValueChanged',
  data: { opportunityId: `opp-${n % 100}`, valueMinor: 100_000 + n, currency: 'EUR' },
  metadata,
});

const ONE_STREAM_APPENDS = 20_000;
const WINDOW = 1_000;
const STREAMS = 10_000;
const ROUND_ROBIN_APPENDS = 100_000;
const READ_STREAM_LENGTH = 10_000;
const READS = 200;

/** 20,000 single-event appends to one stream, timing the first and last 1,000. */
async function appendToOneStream() {
  const store = createMemoryEventStore();
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let first = 0;
  let lastStart = 0;
  const begin = cpuMs();
  for (let version = 0; version < ONE_STREAM_APPENDS; version++) {
    if (version === ONE_STREAM_APPENDS - WINDOW) lastStart = cpuMs();
    await store.append('account-1', [valueChanged(version)], { expectedVersion: version });
    if (version === WINDOW - 1) first = cpuMs() - begin;
  }
  const end = cpuMs();
  return { total: end - begin, first, last: end - lastStart };
}

/** The memory store: append and read throughput, and how appends scale with stream length. */
export const memoryStoreSuite: BenchSuite = {
  name: 'memory',
  figures: [
    {
      name: 'memory.append_1_per_call',
      unit: 'events/CPU-s',
      target: { of: 'value', atLeast: 1_000_000 },
      async measure() {
        const { total } = await appendToOneStream();
        return { value: (ONE_STREAM_APPENDS / total) * 1000 };
      },
    },
    {
      name: 'memory.append_slowdown_20000',
      unit: 'CPU-ms per 1,000 appends',
      target: { of: 'ratio', atMost: 1.5 },
      runs: 9,
      async measure() {
        const { first, last } = await appendToOneStream();
        return { value: last, baseline: first };
      },
    },
    {
      name: 'memory.append_10000_streams',
      unit: 'events/CPU-s',
      target: { of: 'value', atLeast: 1_000_000 },
      async measure() {
        const store = createMemoryEventStore();
        const ids = Array.from({ length: STREAMS }, (_, i) => `account-${i}`);
        const total = await cpuTimeMs(async () => {
          for (let n = 0; n < ROUND_ROBIN_APPENDS; n++) {
            await store.append(ids[n % STREAMS] as string, [valueChanged(n)], {
              expectedVersion: Math.floor(n / STREAMS),
            });
          }
        });
        return { value: (ROUND_ROBIN_APPENDS / total) * 1000 };
      },
    },
    {
      name: 'memory.read_stream_10000',
      unit: 'events/CPU-s',
      target: { of: 'value', atLeast: 5_000_000 },
      async measure() {
        const store = createMemoryEventStore();
        for (let n = 0; n < READ_STREAM_LENGTH; n += 1_000) {
          const batch = Array.from({ length: 1_000 }, (_, i) => valueChanged(n + i));
          await store.append('account-1', batch, { expectedVersion: n });
        }
        let read = 0;
        const total = await cpuTimeMs(async () => {
          for (let r = 0; r < READS; r++) {
            read += (await store.readStream('account-1')).events.length;
          }
        });
        return { value: (read / total) * 1000 };
      },
    },
  ],
};
