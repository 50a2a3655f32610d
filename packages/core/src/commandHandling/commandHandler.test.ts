import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type AppendResult,
  checkExpectedVersion,
  createCommandHandler,
  type Decider,
  DomainRuleViolation,
  type EventStore,
  encodePosition,
  prepareAppend,
  type RecordedEvent,
  type Snapshot,
  ValidationError,
} from '../index.js';

// A door that opens once and counts knocks: small enough to follow every version by hand.
const DoorCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Open'), by: z.string().min(1) }),
  z.object({ type: z.literal('Knock') }),
  z.object({ type: z.literal('Wait') }),
]);
type DoorCommand = z.infer<typeof DoorCommand>;
type DoorEvent = { type: 'Opened'; data: { by: string } } | { type: 'Knocked'; data: object };
type DoorState = { open: boolean; knocks: number };

const door: Decider<DoorState, DoorCommand, DoorEvent> = {
  initialState: { open: false, knocks: 0 },
  decide(command, state) {
    if (command.type === 'Open') {
      if (state.open) throw new DomainRuleViolation('door.already_open', 'The door is open');
      return [{ type: 'Opened', data: { by: command.by } }];
    }
    if (command.type === 'Knock') return [{ type: 'Knocked', data: {} }];
    return [];
  },
  evolve(state, event) {
    if (event.type === 'Opened') state.open = true;
    else state.knocks++;
  },
};

/**
 * The parts of the port the command handler uses, in memory, with a hook that runs before each
 * append so that a test can slip in a competing writer.
 */
function fakeStore() {
  const streams = new Map<string, RecordedEvent[]>();
  const snapshots = new Map<string, Snapshot>();
  let position = 0;
  let appends = 0;
  const hooks = { beforeAppend: (_attempt: number): Promise<void> | void => {} };
  const write = (streamId: string, events: readonly unknown[], expectedVersion: unknown) => {
    const prepared = prepareAppend(streamId, events, expectedVersion, {
      registry: undefined,
      newEventId: () => `generated-${position + 1}`,
    });
    const stream = streams.get(streamId) ?? [];
    const known = stream.filter((e) => prepared.some((p) => p.eventId === e.eventId));
    if (known.length === prepared.length) {
      return { streamId, nextExpectedVersion: known.at(-1)?.streamVersion ?? 0, events: known };
    }
    checkExpectedVersion(streamId, expectedVersion as number, stream.length);
    const recorded: RecordedEvent[] = [];
    for (const p of prepared) {
      position++;
      const event = {
        eventId: p.eventId,
        streamId,
        streamVersion: stream.length + 1,
        globalPosition: position,
        position: encodePosition(position, position),
        type: p.type,
        data: p.data,
        metadata: p.metadata,
        recordedAt: '2026-03-01T00:00:00.000Z',
      } as RecordedEvent;
      stream.push(event);
      recorded.push(event);
    }
    streams.set(streamId, stream);
    return { streamId, nextExpectedVersion: stream.length, events: recorded };
  };
  const store = {
    tenant: 'default',
    capabilities: {
      supportsSnapshots: true,
      supportsForgetting: false,
      supportsArchiving: false,
      supportsTransactionalHandlers: false,
    },
    async append(streamId, events, options) {
      await hooks.beforeAppend(++appends);
      return write(streamId, events, options.expectedVersion) as unknown as AppendResult<never>;
    },
    async readStream(streamId, options) {
      const stream = streams.get(streamId) ?? [];
      const from = options?.fromVersion ?? 1;
      return { streamId, version: stream.length, events: stream.slice(from - 1) as never[] };
    },
    snapshots: {
      async load(streamId, reducerVersion) {
        return (snapshots.get(`${streamId}@${reducerVersion}`) as never) ?? null;
      },
      async save(snapshot) {
        snapshots.set(`${snapshot.streamId}@${snapshot.reducerVersion}`, structuredClone(snapshot));
      },
    },
    readAll: () => Promise.reject(new Error('not used')),
    readCheckpoint: () => Promise.reject(new Error('not used')),
    storeCheckpoint: () => Promise.reject(new Error('not used')),
    subscribe: () => {
      throw new Error('not used');
    },
    close: async () => {},
  } satisfies EventStore;
  /** Appends straight to the stream, as another process would. */
  const competitor = (streamId: string) => write(streamId, [{ type: 'Knocked', data: {} }], 'any');
  return { store, hooks, competitor, streams, snapshots };
}

function handlerFor(fake: ReturnType<typeof fakeStore>, extra: object = {}) {
  const delays: number[] = [];
  const handler = createCommandHandler({
    store: fake.store,
    decider: door,
    commandSchema: DoorCommand,
    clock: () => new Date('2026-03-01T09:00:00.000Z'),
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...extra,
  });
  return { handler, delays };
}

describe('createCommandHandler', () => {
  it('decides against the folded state and appends at the loaded version', async () => {
    const fake = fakeStore();
    const { handler } = handlerFor(fake);
    await handler.handle('door-1', { type: 'Knock' });
    const result = await handler.handle('door-1', { type: 'Open', by: 'ada' });
    expect(result).toMatchObject({
      state: { open: true, knocks: 1 },
      version: 2,
      attempts: 1,
      replayed: false,
    });
    expect(result.events[0]?.metadata).toMatchObject({ occurredAt: '2026-03-01T09:00:00.000Z' });
  });

  it('retries a lost race with doubling, jittered delays, deciding again on the new state', async () => {
    const fake = fakeStore();
    const { handler, delays } = handlerFor(fake);
    fake.hooks.beforeAppend = (attempt) => {
      if (attempt <= 2) fake.competitor('door-1');
    };
    const result = await handler.handle('door-1', { type: 'Knock' });
    expect(result.attempts).toBe(3);
    expect(result.state.knocks).toBe(3);
    expect(result.version).toBe(3);
    // initialDelayMs 2, doubled per retry, times 0.5 + random / 2 with random = 0.5.
    expect(delays).toEqual([1.5, 3]);
  });

  it('caps the delay and gives up with the ConcurrencyError after maxAttempts', async () => {
    const fake = fakeStore();
    const { handler, delays } = handlerFor(fake, {
      retry: { maxAttempts: 4, initialDelayMs: 10, maxDelayMs: 15 },
    });
    fake.hooks.beforeAppend = () => {
      fake.competitor('door-1');
    };
    await expect(handler.handle('door-1', { type: 'Knock' })).rejects.toMatchObject({
      code: 'concurrency_conflict',
    });
    expect(delays).toEqual([7.5, 11.25, 11.25]);
    expect(fake.streams.get('door-1')).toHaveLength(4);
  });

  it('does not retry when the caller gave an expected version', async () => {
    const fake = fakeStore();
    const { handler, delays } = handlerFor(fake);
    fake.competitor('door-1');
    await expect(
      handler.handle('door-1', { type: 'Knock' }, { expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'concurrency_conflict', expected: 0, actual: 1 });
    expect(delays).toEqual([]);
    expect(fake.streams.get('door-1')).toHaveLength(1);
  });

  it('replays a command whose idempotency key was applied, writing nothing', async () => {
    const fake = fakeStore();
    const { handler } = handlerFor(fake);
    const first = await handler.handle('door-1', { type: 'Knock' }, { idempotencyKey: 'k-1' });
    await handler.handle('door-1', { type: 'Knock' });
    const again = await handler.handle('door-1', { type: 'Knock' }, { idempotencyKey: 'k-1' });
    expect(again.replayed).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.state.knocks).toBe(2);
    expect(fake.streams.get('door-1')).toHaveLength(2);
  });

  it('replays a key applied before the snapshot it loads from, when the retry breaks a rule', async () => {
    const fake = fakeStore();
    const { handler } = handlerFor(fake, { snapshots: { reducerVersion: 'r1', every: 1 } });
    const first = await handler.handle(
      'door-1',
      { type: 'Open', by: 'ada' },
      {
        idempotencyKey: 'open-1',
      },
    );
    await handler.handle('door-1', { type: 'Knock' });
    expect((await handler.load('door-1')).snapshotVersion).toBe(2);
    // Deciding Open again breaks door.already_open: only the full scan finds the first time.
    const again = await handler.handle(
      'door-1',
      { type: 'Open', by: 'ada' },
      {
        idempotencyKey: 'open-1',
      },
    );
    expect(again).toMatchObject({ replayed: true, version: 2 });
    expect(again.events).toEqual(first.events);
  });

  it('replays a key applied before the snapshot it loads from, through the store', async () => {
    const fake = fakeStore();
    const { handler } = handlerFor(fake, { snapshots: { reducerVersion: 'r1', every: 1 } });
    const first = await handler.handle('door-1', { type: 'Knock' }, { idempotencyKey: 'k-1' });
    await handler.handle('door-1', { type: 'Knock' });
    // Knock is decided again, but its event ids k-1/0 are known: the store answers the original.
    const again = await handler.handle('door-1', { type: 'Knock' }, { idempotencyKey: 'k-1' });
    expect(again).toMatchObject({ replayed: true, version: 2, state: { knocks: 2 } });
    expect(again.events).toEqual(first.events);
    expect(fake.streams.get('door-1')).toHaveLength(2);
  });

  it('ignores a snapshot saved by another reducer version', async () => {
    const fake = fakeStore();
    const { handler } = handlerFor(fake, { snapshots: { reducerVersion: 'r2', every: 1 } });
    await handler.handle('door-1', { type: 'Knock' });
    // A poisoned snapshot of an older reducer: used, it would show 99 knocks.
    await fake.store.snapshots.save({
      streamId: 'door-1',
      version: 1,
      reducerVersion: 'r1',
      state: { open: false, knocks: 99 },
    });
    fake.snapshots.delete('door-1@r2');
    expect((await handler.load('door-1')).state.knocks).toBe(1);
    const old = handlerFor(fake, { snapshots: { reducerVersion: 'r1' } }).handler;
    expect((await old.load('door-1')).state.knocks).toBe(99);
  });

  it('rejects a command failing its schema with paths, writing nothing', async () => {
    const fake = fakeStore();
    const { handler } = handlerFor(fake);
    const error = await handler.handle('door-1', { type: 'Open', by: '' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0].path).toEqual(['by']);
    expect(fake.streams.has('door-1')).toBe(false);
  });

  it('passes a broken rule through, writing nothing', async () => {
    const fake = fakeStore();
    const { handler } = handlerFor(fake);
    await handler.handle('door-1', { type: 'Open', by: 'ada' });
    await expect(handler.handle('door-1', { type: 'Open', by: 'bea' })).rejects.toMatchObject({
      rule: 'door.already_open',
    });
    expect(fake.streams.get('door-1')).toHaveLength(1);
  });

  it('writes nothing when the decider decides nothing', async () => {
    const fake = fakeStore();
    const { handler } = handlerFor(fake);
    const result = await handler.handle('door-1', { type: 'Wait' });
    expect(result).toMatchObject({ version: 0, events: [], replayed: false });
    expect(fake.streams.has('door-1')).toBe(false);
  });
});
