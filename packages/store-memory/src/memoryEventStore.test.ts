import { describe, expect, it } from 'vitest';
import { createMemoryDatabase, createMemoryEventStore } from './index.js';

describe('createMemoryEventStore', () => {
  it('binds to the default tenant when none is given', () => {
    expect(createMemoryEventStore().tenant).toBe('default');
  });

  it('records the injected clock and event ids', async () => {
    let next = 0;
    const store = createMemoryEventStore({
      clock: () => new Date('2026-03-01T09:00:00.000Z'),
      newEventId: () => `id-${++next}`,
    });
    const { events } = await store.append(
      's',
      [
        { type: 'T', data: {} },
        { type: 'T', data: {} },
      ],
      {
        expectedVersion: 'no_stream',
      },
    );
    expect(events.map((e) => [e.eventId, e.recordedAt])).toEqual([
      ['id-1', '2026-03-01T09:00:00.000Z'],
      ['id-2', '2026-03-01T09:00:00.000Z'],
    ]);
  });

  it('generates strictly increasing ULIDs, even within one millisecond', async () => {
    const store = createMemoryEventStore({ clock: () => new Date(0) });
    const { events } = await store.append(
      's',
      Array.from({ length: 500 }, () => ({ type: 'T', data: {} })),
      { expectedVersion: 'any' },
    );
    const ids = events.map((e) => e.eventId);
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hands out deeply frozen events that share the stored data', async () => {
    const store = createMemoryEventStore();
    const { events } = await store.append('s', [{ type: 'T', data: { list: [{ a: 1 }] } }], {
      expectedVersion: 'any',
    });
    const [event] = events;
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen((event?.data as { list: object[] } | undefined)?.list[0])).toBe(true);
    expect(Object.isFrozen(event?.metadata)).toBe(true);
    const [read] = (await store.readStream('s')).events;
    expect(read).toBe(event);
  });

  it('lets stores over one database share it, each seeing its own tenant', async () => {
    const database = createMemoryDatabase();
    const acme = createMemoryEventStore({ database, tenant: 'acme' });
    const again = createMemoryEventStore({ database, tenant: 'acme' });
    const globex = createMemoryEventStore({ database, tenant: 'globex' });
    await acme.append('s', [{ type: 'T', data: {} }], { expectedVersion: 'no_stream' });
    expect((await again.readStream('s')).version).toBe(1);
    expect((await globex.readStream('s')).version).toBe(0);
    expect(database.tenants()).toEqual(['acme', 'globex']);
    expect(acme.database).toBe(database);
  });

  it('keeps stores without a shared database apart', async () => {
    const one = createMemoryEventStore();
    const two = createMemoryEventStore();
    await one.append('s', [{ type: 'T', data: {} }], { expectedVersion: 'no_stream' });
    expect((await two.readStream('s')).version).toBe(0);
  });
});
