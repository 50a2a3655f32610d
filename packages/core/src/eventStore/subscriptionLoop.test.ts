import { describe, expect, it } from 'vitest';
import {
  type BatchCommit,
  encodePosition,
  type LogRead,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  START_POSITION,
  type SubscriptionLoopSource,
  subscriptionLoop,
  ValidationError,
} from '../index.js';

function recorded(n: number): RecordedEvent {
  return {
    eventId: `e${n}`,
    streamId: 's',
    streamVersion: n,
    globalPosition: n,
    position: encodePosition(n, n),
    type: 'T',
    data: { n },
    metadata: {},
    recordedAt: '2026-03-01T00:00:00.000Z',
  } as RecordedEvent;
}

/** A log the test appends to by hand, with wake-ups it fires by hand. */
function fakeSource(initial = 0) {
  const log = Array.from({ length: initial }, (_, i) => recorded(i + 1));
  const wakers = new Set<() => void>();
  let checkpoint: Position | null = null;
  const reads: ReadAllOptions[] = [];
  /** Runs inside the next read, after it has looked at the log. */
  let duringRead: (() => Promise<void> | void) | undefined;
  const source: SubscriptionLoopSource = {
    async readAll(options) {
      reads.push(options ?? {});
      const after = options?.after ?? START_POSITION;
      const rest = log.filter((e) => e.position > after);
      const events = rest.slice(0, options?.limit ?? 1000);
      const result: LogRead = {
        events,
        next: events.at(-1)?.position ?? after,
        endOfLog: events.length === rest.length,
      };
      const hook = duringRead;
      duringRead = undefined;
      await hook?.();
      return result as LogRead<never>;
    },
    async readCheckpoint() {
      return checkpoint;
    },
    async storeCheckpoint(_, position, { expected }) {
      if (expected !== checkpoint) throw new Error('conflict');
      checkpoint = position;
    },
    armWakeUp(signal) {
      return new Promise<void>((resolve) => {
        wakers.add(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    },
  };
  return {
    source,
    reads,
    get checkpoint() {
      return checkpoint;
    },
    set checkpoint(value) {
      checkpoint = value;
    },
    append(count: number) {
      for (let i = 0; i < count; i++) log.push(recorded(log.length + 1));
      for (const wake of wakers) wake();
      wakers.clear();
    },
    appendDuringNextRead(count: number) {
      duringRead = () => this.append(count);
    },
    /** Holds the next read open after it looked at the log; resolves once it is held. */
    holdNextRead(): Promise<() => void> {
      return new Promise((held) => {
        duringRead = () => new Promise<void>((release) => held(release));
      });
    },
  };
}

describe('subscriptionLoop', () => {
  it('does not miss an append that lands between a read and the wait', async () => {
    const fake = fakeSource(1);
    const seen: number[] = [];
    // The first read reports the end of the log; the append lands before the loop would wait.
    fake.appendDuringNextRead(1);
    const subscription = subscriptionLoop(fake.source, {
      handler: (events) => {
        seen.push(...events.map((e) => e.globalPosition));
      },
    });
    while (seen.length < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([1, 2]);
    await subscription.stop();
  });

  it('delivers nothing from a read that was in flight when it was stopped', async () => {
    const fake = fakeSource(0);
    let handled = 0;
    const subscription = subscriptionLoop(fake.source, {
      handler: () => {
        handled++;
      },
    });
    await subscription.caughtUp();
    const held = fake.holdNextRead();
    fake.append(2);
    const release = await held;
    const stopped = subscription.stop();
    release();
    await stopped;
    expect(handled).toBe(0);
  });

  it('starts from the stored checkpoint and compares-and-sets it after each batch', async () => {
    const fake = fakeSource(5);
    fake.checkpoint = encodePosition(2, 2);
    const commits: Pick<BatchCommit, 'position' | 'expected'>[] = [];
    const source: SubscriptionLoopSource = {
      ...fake.source,
      async commitBatch(batch) {
        commits.push({ position: batch.position, expected: batch.expected });
        await fake.source.storeCheckpoint('c', batch.position, { expected: batch.expected });
      },
    };
    const subscription = subscriptionLoop(source, {
      consumer: 'c',
      batchSize: 2,
      handler: () => {},
    });
    await subscription.caughtUp();
    await subscription.stop();
    expect(commits).toEqual([
      { position: encodePosition(4, 4), expected: encodePosition(2, 2) },
      { position: encodePosition(5, 5), expected: encodePosition(4, 4) },
    ]);
    expect(fake.reads[0]).toMatchObject({ after: encodePosition(2, 2), limit: 2 });
  });

  it('rejects caughtUp with the abort reason once stopped', async () => {
    const fake = fakeSource(0);
    const controller = new AbortController();
    const subscription = subscriptionLoop(fake.source, {
      signal: controller.signal,
      handler: () => {},
    });
    await subscription.caughtUp();
    const reason = new Error('shutting down');
    controller.abort(reason);
    await subscription.done;
    await expect(subscription.caughtUp()).rejects.toBe(reason);
  });

  it('rejects done with a failing read', async () => {
    const failure = new Error('connection lost');
    const fake = fakeSource(0);
    const subscription = subscriptionLoop(
      { ...fake.source, readAll: () => Promise.reject(failure) },
      { handler: () => {} },
    );
    await expect(subscription.done).rejects.toBe(failure);
    await expect(subscription.caughtUp()).rejects.toBe(failure);
  });

  it.each([
    ['no handler', {}],
    ['a batch size above the limit', { batchSize: 10_001, handler: () => {} }],
    ['types that are not an array', { types: 'T', handler: () => {} }],
  ])('throws a ValidationError for %s', (_, options) => {
    expect(() => subscriptionLoop(fakeSource().source, options as never)).toThrow(ValidationError);
  });
});
