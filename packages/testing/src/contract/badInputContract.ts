import { type EventStore, STORE_LIMITS } from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';
import { noted } from './contractEvents.js';

/** Asserts an append is rejected with a ValidationError whose first issue is at `path`. */
async function expectRejectedAt(
  store: EventStore,
  attempt: Promise<unknown>,
  path: readonly (string | number)[],
) {
  const error = await rejectionOf(attempt);
  expect(error).toMatchObject({ code: 'validation_failed' });
  expect((error.issues as { path: unknown }[])[0]?.path).toEqual(path);
  expect(await readWholeLog(store)).toEqual([]);
}

class Money {
  constructor(readonly amount: number) {}
}

const cyclic = (): unknown => {
  const node: Record<string, unknown> = { name: 'loop' };
  node.self = node;
  return { node };
};

/** Bad ids, data JSON cannot carry, bad metadata: a typed error and nothing written. Hostile
 * but valid strings: stored verbatim. */
export function badInputContract(context: ContractContext): void {
  describe('bad input', () => {
    const badStreamIds: [string, unknown][] = [
      ['an empty stream id', ''],
      ['an over-long stream id', 's'.repeat(STORE_LIMITS.streamIdLength + 1)],
      ['a stream id with NUL', 'a\u0000b'],
      ['a stream id with a lone surrogate', 'a\ud800'],
      ['a stream id that is not a string', 42],
    ];
    it.each(badStreamIds)('rejects %s', async (_, streamId) => {
      const store = await context.store();
      await expectRejectedAt(
        store,
        store.append(streamId as string, [noted('x')], { expectedVersion: 'any' }),
        ['streamId'],
      );
      if (typeof streamId === 'string') {
        await expect(store.readStream(streamId)).rejects.toMatchObject({
          code: 'validation_failed',
        });
      }
    });

    it('accepts ids exactly at their length limits', async () => {
      const store = await context.store();
      const streamId = 's'.repeat(STORE_LIMITS.streamIdLength);
      const type = 't'.repeat(STORE_LIMITS.nameLength);
      const eventId = 'e'.repeat(STORE_LIMITS.nameLength);
      await store.append(streamId, [{ type, data: {}, eventId }], { expectedVersion: 'any' });
      expect((await store.readStream(streamId)).events[0]).toMatchObject({ type, eventId });
    });

    const badEvents: [string, unknown, (string | number)[]][] = [
      ['an empty event type', { type: '', data: {} }, ['events', 0, 'type']],
      [
        'an over-long event type',
        { type: 't'.repeat(STORE_LIMITS.nameLength + 1), data: {} },
        ['events', 0, 'type'],
      ],
      ['an event type with NUL', { type: 'A\u0000', data: {} }, ['events', 0, 'type']],
      ['an empty event id', { type: 'T', data: {}, eventId: '' }, ['events', 0, 'eventId']],
      [
        'an over-long event id',
        { type: 'T', data: {}, eventId: 'e'.repeat(STORE_LIMITS.nameLength + 1) },
        ['events', 0, 'eventId'],
      ],
      ['an event that is not an object', null, ['events', 0]],
      ['a function in data', { type: 'T', data: { f: () => 1 } }, ['events', 0, 'data', 'f']],
      [
        'undefined in an array',
        { type: 'T', data: { list: [1, undefined] } },
        ['events', 0, 'data', 'list', 1],
      ],
      ['undefined data', { type: 'T', data: undefined }, ['events', 0, 'data']],
      ['NaN', { type: 'T', data: { n: Number.NaN } }, ['events', 0, 'data', 'n']],
      [
        'Infinity',
        { type: 'T', data: { deep: { n: Number.POSITIVE_INFINITY } } },
        ['events', 0, 'data', 'deep', 'n'],
      ],
      ['a Date', { type: 'T', data: { at: new Date(0) } }, ['events', 0, 'data', 'at']],
      ['a Map', { type: 'T', data: { m: new Map() } }, ['events', 0, 'data', 'm']],
      [
        'a class instance',
        { type: 'T', data: { price: new Money(5) } },
        ['events', 0, 'data', 'price'],
      ],
      ['a bigint', { type: 'T', data: { big: 10n } }, ['events', 0, 'data', 'big']],
      ['a symbol', { type: 'T', data: { s: Symbol('s') } }, ['events', 0, 'data', 's']],
      ['a cycle', { type: 'T', data: cyclic() }, ['events', 0, 'data', 'node', 'self']],
      ['NUL in a string', { type: 'T', data: { s: 'a\u0000b' } }, ['events', 0, 'data', 's']],
      ['NUL in a key', { type: 'T', data: { 'a\u0000': 1 } }, ['events', 0, 'data', 'a\u0000']],
      ['a lone surrogate', { type: 'T', data: { s: 'x\udc00' } }, ['events', 0, 'data', 's']],
      [
        'metadata that is not an object',
        { type: 'T', data: {}, metadata: 'm' },
        ['events', 0, 'metadata'],
      ],
      [
        'metadata that is an array',
        { type: 'T', data: {}, metadata: [] },
        ['events', 0, 'metadata'],
      ],
      [
        'a function in metadata',
        { type: 'T', data: {}, metadata: { f: () => 1 } },
        ['events', 0, 'metadata', 'f'],
      ],
    ];
    it.each(badEvents)('rejects %s with its path, writing nothing', async (_, event, path) => {
      const store = await context.store();
      await expectRejectedAt(
        store,
        store.append('s', [event as never], { expectedVersion: 'any' }),
        path,
      );
    });

    it('rejects a bad event late in a batch without writing the good ones before it', async () => {
      const store = await context.store();
      const events = [noted('a'), noted('b'), { type: 'T', data: { n: Number.NaN } }];
      await expectRejectedAt(store, store.append('s', events, { expectedVersion: 'any' }), [
        'events',
        2,
        'data',
        'n',
      ]);
    });

    const badBatches: [string, unknown, (string | number)[]][] = [
      ['an empty batch', [], ['events']],
      ['a batch that is not an array', { type: 'T', data: {} }, ['events']],
      [
        'the same event id twice in one batch',
        [noted('a', 'x'), noted('b', 'x')],
        ['events', 1, 'eventId'],
      ],
    ];
    it.each(badBatches)('rejects %s', async (_, events, path) => {
      const store = await context.store();
      await expectRejectedAt(
        store,
        store.append('s', events as never, { expectedVersion: 'any' }),
        path,
      );
    });

    const badExpectations: [string, unknown][] = [
      ['a negative expected version', -1],
      ['a fractional expected version', 1.5],
      ['an unknown expected state', 'latest'],
      ['a missing expected version', undefined],
    ];
    it.each(badExpectations)('rejects %s', async (_, expectedVersion) => {
      const store = await context.store();
      await expectRejectedAt(
        store,
        store.append('s', [noted('x')], { expectedVersion: expectedVersion as never }),
        ['expectedVersion'],
      );
    });

    it('rejects every call once closed, with a StorageError that says nothing was written', async () => {
      const store = await context.store();
      await store.close();
      await expect(
        store.append('s', [noted('x')], { expectedVersion: 'any' }),
      ).rejects.toMatchObject({ code: 'storage_failed', outcome: 'not_written' });
      await expect(store.readAll()).rejects.toMatchObject({ code: 'storage_failed' });
      await store.close();
    });
  });

  describe('hostile but valid input', () => {
    const hostile = [
      "'; DROP TABLE events; --",
      '"quoted" \\ backslash \\u0000 not a NUL',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is the point.
      '$1 %s ${x} {{x}} <script>alert(1)</script>',
      '{"looks":"like json"}',
      'emoji 😀👍🏽 and RTL שלום and combining é and zero-width \u200b',
      'line\nbreak\ttab\r\u2028\u2029',
      '中文 日本語 한국어 ✓',
    ];

    it('stores ids, types and strings verbatim', async () => {
      const store = await context.store();
      for (const [index, text] of hostile.entries()) {
        const streamId = `stream ${text}`;
        const type = `Type ${text}`.slice(0, STORE_LIMITS.nameLength);
        await store.append(
          streamId,
          [
            {
              type,
              data: { text, [text]: index },
              metadata: { actor: text },
              eventId: `${index}:${text}`,
            },
          ],
          { expectedVersion: 'no_stream' },
        );
        const [event] = (await store.readStream(streamId)).events;
        expect(event).toMatchObject({ streamId, type, eventId: `${index}:${text}` });
        expect(event?.data).toEqual({ text, [text]: index });
        expect(event?.metadata.actor).toBe(text);
      }
      expect(await readWholeLog(store)).toHaveLength(hostile.length);
    });

    it('stores awkward keys and numbers verbatim', async () => {
      const store = await context.store();
      const data = JSON.parse(
        '{"__proto__":{"polluted":true},"constructor":"c","$where":"1","a.b":2,"":"empty","01":"x","1":"y","nested":{"__proto__":[1]},"numbers":[9007199254740991,-42,0.1,1e21,-1.5e-7,0]}',
      );
      await store.append('s', [{ type: 'T', data }], { expectedVersion: 'any' });
      const [event] = (await store.readStream('s')).events;
      expect(event?.data).toEqual(data);
      expect(Object.getPrototypeOf(event?.data)).toBe(Object.getPrototypeOf(data));
      const proto = Object.getOwnPropertyDescriptor(event?.data, '__proto__');
      expect(proto?.value).toEqual({ polluted: true });
      expect(Object.keys(event?.data as object).sort()).toEqual(Object.keys(data).sort());
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('drops properties whose value is undefined and stores -0 as 0, as JSON does', async () => {
      const store = await context.store();
      await store.append('s', [{ type: 'T', data: { kept: -0, dropped: undefined } }], {
        expectedVersion: 'any',
      });
      const [event] = (await store.readStream('s')).events;
      expect(Object.keys(event?.data as object)).toEqual(['kept']);
      expect(Object.is((event?.data as { kept: number } | undefined)?.kept, 0)).toBe(true);
    });

    it('stores a 1 MB string verbatim', async () => {
      const store = await context.store();
      const big = 'ü€😀 '.repeat(200_000);
      await store.append('s', [{ type: 'T', data: { big } }], { expectedVersion: 'any' });
      const [event] = (await store.readStream('s')).events;
      expect((event?.data as { big?: string } | undefined)?.big === big).toBe(true);
    });
  });
}
