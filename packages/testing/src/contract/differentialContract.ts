import type { AppendResult, ExpectedVersion, NewEvent } from '@account-planning/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';

const STREAMS = ['s0', 's1', 's2'] as const;

type Operation =
  | {
      readonly kind: 'append';
      readonly stream: number;
      readonly count: number;
      /** A named state, or an exact version relative to the model's. */
      readonly expected: 'any' | 'no_stream' | 'stream_exists' | { readonly offset: number };
    }
  | { readonly kind: 'reappend'; readonly pick: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      stream: fc.nat({ max: STREAMS.length - 1 }),
      count: fc.integer({ min: 1, max: 3 }),
      expected: fc.oneof(
        fc.constantFrom('any' as const, 'no_stream' as const, 'stream_exists' as const),
        fc.record({ offset: fc.integer({ min: -1, max: 1 }) }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reappend' as const), pick: fc.nat() }) },
);

/** The model: what a correct store holds after the same operations. */
interface Model {
  readonly versions: Map<string, number>;
  readonly log: { streamId: string; eventId: string }[];
  readonly appended: { streamId: string; events: NewEvent[]; result: AppendResult }[];
}

function accepts(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  if (expected === 'stream_exists') return actual > 0;
  return expected === actual;
}

/** A fast-check differential property: random append sequences against a simple model. */
export function differentialContract(context: ContractContext): void {
  describe('differential property', () => {
    it('agrees with a model of streams and log on random append sequences', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(operation, { minLength: 1, maxLength: 20 }),
          async (operations) => {
            const store = await context.store();
            const model: Model = { versions: new Map(), log: [], appended: [] };
            for (const [index, op] of operations.entries()) {
              if (op.kind === 'reappend') {
                const earlier = model.appended[op.pick % Math.max(1, model.appended.length)];
                if (!earlier) continue;
                const again = await store.append(earlier.streamId, earlier.events, {
                  expectedVersion: 'no_stream',
                });
                expect(again.nextExpectedVersion).toBe(earlier.result.nextExpectedVersion);
                expect(again.events).toEqual(earlier.result.events);
                continue;
              }
              const streamId = STREAMS[op.stream] as string;
              const actual = model.versions.get(streamId) ?? 0;
              const expectedVersion: ExpectedVersion =
                typeof op.expected === 'object'
                  ? Math.max(0, actual + op.expected.offset)
                  : op.expected;
              const events = Array.from({ length: op.count }, (_, k) => ({
                type: 'Step',
                data: { op: index, k },
                eventId: `op${index}-${k}`,
              }));
              if (!accepts(expectedVersion, actual)) {
                const error = await rejectionOf(
                  store.append(streamId, events, { expectedVersion }),
                );
                expect(error).toMatchObject({ code: 'concurrency_conflict', actual });
                continue;
              }
              const result = await store.append(streamId, events, { expectedVersion });
              expect(result.events.map((e) => e.streamVersion)).toEqual(
                events.map((_, k) => actual + k + 1),
              );
              model.versions.set(streamId, actual + op.count);
              model.log.push(...events.map((e) => ({ streamId, eventId: e.eventId })));
              model.appended.push({ streamId, events, result });
            }
            for (const streamId of STREAMS) {
              const read = await store.readStream(streamId);
              expect(read.version).toBe(model.versions.get(streamId) ?? 0);
              expect(read.events.map((e) => e.eventId)).toEqual(
                model.log.filter((e) => e.streamId === streamId).map((e) => e.eventId),
              );
            }
            const log = await readWholeLog(store);
            expect(log.map((e) => ({ streamId: e.streamId, eventId: e.eventId }))).toEqual(
              model.log,
            );
            await store.close();
          },
        ),
        { numRuns: 40 },
      );
    });
  });
}
