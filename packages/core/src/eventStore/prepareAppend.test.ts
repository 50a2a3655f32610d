import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  assertIdentifier,
  ConcurrencyError,
  checkExpectedVersion,
  createEventRegistry,
  defineEvent,
  isExpectedVersion,
  prepareAppend,
  STORE_LIMITS,
  ValidationError,
} from '../index.js';

const registry = createEventRegistry([
  defineEvent({
    type: 'AmountSet',
    schemaVersion: 2,
    schema: z.object({ amount: z.number().int(), contactId: z.string().optional() }),
    upcasters: { 1: (data: { value: number }) => ({ amount: data.value }) },
    personalData: { subject: (data) => data.contactId, fields: [] },
  }),
]);

let counter = 0;
const context = { registry: undefined, newEventId: () => `generated-${++counter}` };

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const event = (data: unknown, extra: object = {}) => ({ type: 'T', data, ...extra });

describe('prepareAppend: accepted input', () => {
  it('assigns missing event ids, keeps given ones, and sets the schema version', () => {
    const [first, second] = prepareAppend(
      's',
      [event({ a: 1 }), event({ b: 2 }, { eventId: 'mine', metadata: { actor: 'rep-1' } })],
      'any',
      context,
    );
    expect(first?.eventId).toMatch(/^generated-/);
    expect(second).toEqual({
      eventId: 'mine',
      type: 'T',
      data: { b: 2 },
      metadata: { actor: 'rep-1', schemaVersion: 1 },
      schemaVersion: 1,
      personalSubject: undefined,
    });
  });

  it('deep-copies and freezes data and metadata', () => {
    const data = { list: [{ deep: 'x' }], nested: { n: 1 } };
    const metadata = { custom: { k: ['v'] } };
    const [prepared] = prepareAppend('s', [event(data, { metadata })], 0, context);
    expect(prepared?.data).toEqual(data);
    expect(prepared?.data).not.toBe(data);
    const copy = prepared?.data as typeof data;
    expect(Object.isFrozen(copy.list[0])).toBe(true);
    expect(Object.isFrozen(copy.nested)).toBe(true);
    expect(Object.isFrozen((prepared?.metadata.custom as { k: string[] } | undefined)?.k)).toBe(
      true,
    );
    data.list[0] = { deep: 'changed' };
    expect(copy.list[0]).toEqual({ deep: 'x' });
  });

  it('stores negative zero as zero, as JSON does', () => {
    const [prepared] = prepareAppend('s', [event({ z: -0, list: [-0] })], 'any', context);
    expect(Object.is((prepared?.data as { z: number } | undefined)?.z, 0)).toBe(true);
    expect(Object.is((prepared?.data as { list: number[] } | undefined)?.list[0], 0)).toBe(true);
  });

  it('drops undefined properties and keeps a __proto__ key as data', () => {
    const data = JSON.parse('{"__proto__":{"x":1},"kept":true}');
    data.gone = undefined;
    const [prepared] = prepareAppend('s', [event(data)], 'any', context);
    expect(Object.keys(prepared?.data as object).sort()).toEqual(['__proto__', 'kept']);
    expect(Object.getPrototypeOf(prepared?.data)).toBe(Object.prototype);
  });

  it('validates with the registry, storing its output, version and personal-data subject', () => {
    const [prepared] = prepareAppend(
      's',
      [{ type: 'AmountSet', data: { amount: 5, contactId: 'c-1', extra: 1 } }],
      'any',
      { ...context, registry },
    );
    expect(prepared).toMatchObject({
      data: { amount: 5, contactId: 'c-1' },
      schemaVersion: 2,
      metadata: { schemaVersion: 2 },
      personalSubject: 'c-1',
    });
  });

  it('overrides a schemaVersion the caller put in the metadata', () => {
    const [prepared] = prepareAppend(
      's',
      [event({}, { metadata: { schemaVersion: 9 } })],
      0,
      context,
    );
    expect(prepared?.metadata.schemaVersion).toBe(1);
  });
});

describe('prepareAppend: metadata shared between events', () => {
  it('shares one frozen copy among events whose flat metadata is equal, and copies again when it differs', () => {
    const metadata = { actor: 'rep-1', correlationId: 'c-1', at: 3, urgent: true, note: null };
    const prepared = prepareAppend(
      's',
      [event({}, { metadata }), event({}, { metadata: { ...metadata } }), event({}, { metadata })],
      'any',
      context,
    );
    const [first, second, third] = prepared.map((p) => p.metadata);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);

    metadata.actor = 'rep-2';
    const [changed] = prepareAppend('s', [event({}, { metadata })], 'any', context);
    expect(changed?.metadata).toEqual({ ...metadata, schemaVersion: 1 });
    expect(first).toEqual({
      actor: 'rep-1',
      correlationId: 'c-1',
      at: 3,
      urgent: true,
      note: null,
      schemaVersion: 1,
    });
  });

  it('never shares a copy that has a field more or less, another schema version, or nested values', () => {
    const base = { actor: 'rep-1' };
    const [a] = prepareAppend('s', [event({}, { metadata: base })], 'any', context);
    const [fewer] = prepareAppend('s', [event({}, { metadata: {} })], 'any', context);
    const [more] = prepareAppend(
      's',
      [event({}, { metadata: { ...base, extra: 1 } })],
      'any',
      context,
    );
    const [versioned] = prepareAppend(
      's',
      [{ type: 'AmountSet', data: { amount: 1 }, metadata: base }],
      'any',
      { ...context, registry },
    );
    expect(fewer?.metadata).toEqual({ schemaVersion: 1 });
    expect(more?.metadata).toEqual({ actor: 'rep-1', extra: 1, schemaVersion: 1 });
    expect(versioned?.metadata).toEqual({ actor: 'rep-1', schemaVersion: 2 });
    expect(new Set([a?.metadata, fewer?.metadata, more?.metadata, versioned?.metadata]).size).toBe(
      4,
    );

    const nested = { actor: 'rep-1', tags: ['x'] };
    const [n1, n2] = prepareAppend(
      's',
      [event({}, { metadata: nested }), event({}, { metadata: nested })],
      'any',
      context,
    );
    expect(n2?.metadata).not.toBe(n1?.metadata);
    expect(n2?.metadata).toEqual(n1?.metadata);
  });

  it('rejects bad metadata at its path even right after equal-looking metadata was shared', () => {
    prepareAppend('s', [event({}, { metadata: { actor: 'rep-1' } })], 'any', context);
    expect(
      issuesOf(() =>
        prepareAppend(
          's',
          [event({}, { metadata: { actor: 'rep-1', bad: Number.NaN } })],
          'any',
          context,
        ),
      ),
    ).toMatchObject([{ path: ['events', 0, 'metadata', 'bad'], code: 'not_json' }]);
  });
});

describe('prepareAppend: one copy after another', () => {
  it('reports the right path after an earlier copy failed deep inside its data', () => {
    expect(
      issuesOf(() =>
        prepareAppend(
          's',
          [event({ a: { b: [1, { c: undefined, d: () => 1 }] } })],
          'any',
          context,
        ),
      ),
    ).toMatchObject([{ path: ['events', 0, 'data', 'a', 'b', 1, 'd'] }]);
    expect(
      issuesOf(() => prepareAppend('s', [event({ x: Number.POSITIVE_INFINITY })], 'any', context)),
    ).toMatchObject([{ path: ['events', 0, 'data', 'x'] }]);
    const shared = { same: 1 };
    const [prepared] = prepareAppend('s', [event({ p: shared, q: shared })], 'any', context);
    expect(prepared?.data).toEqual({ p: { same: 1 }, q: { same: 1 } });
  });

  it('keeps its own place when a getter in the data prepares another append during the copy', () => {
    let inner: ReturnType<typeof prepareAppend> | undefined;
    let innerIssues: unknown;
    const data = {
      level: {
        get during() {
          inner = prepareAppend('t', [event({ deep: { list: [1, 2] } })], 'any', context);
          innerIssues = issuesOf(() =>
            prepareAppend('t', [event({ x: [() => 1] })], 'any', context),
          );
          return { n: 2 };
        },
        after: [undefined],
      },
    };
    expect(
      issuesOf(() => prepareAppend('s', [event({}), event(data)], 'any', context)),
    ).toMatchObject([{ path: ['events', 1, 'data', 'level', 'after', 0] }]);
    expect(inner?.[0]?.data).toEqual({ deep: { list: [1, 2] } });
    expect(innerIssues).toMatchObject([{ path: ['events', 0, 'data', 'x', 0] }]);
  });
});

describe('prepareAppend: rejections, each at its path', () => {
  class Point {
    constructor(readonly x: number) {}
  }
  const loop: Record<string, unknown> = {};
  loop.again = { loop };
  const cases: [string, () => unknown, (string | number)[]][] = [
    ['an empty stream id', () => prepareAppend('', [event({})], 'any', context), ['streamId']],
    [
      'an over-long stream id',
      () => prepareAppend('s'.repeat(STORE_LIMITS.streamIdLength + 1), [event({})], 'any', context),
      ['streamId'],
    ],
    [
      'a bad expected version',
      () => prepareAppend('s', [event({})], -1, context),
      ['expectedVersion'],
    ],
    ['no events', () => prepareAppend('s', [], 'any', context), ['events']],
    ['events that are not an array', () => prepareAppend('s', {}, 'any', context), ['events']],
    [
      'too many events',
      () =>
        prepareAppend(
          's',
          new Array(STORE_LIMITS.eventsPerAppend + 1).fill(event({})),
          'any',
          context,
        ),
      ['events'],
    ],
    [
      'an event that is not an object',
      () => prepareAppend('s', [event({}), 7], 'any', context),
      ['events', 1],
    ],
    [
      'an empty type',
      () => prepareAppend('s', [{ type: '', data: {} }], 'any', context),
      ['events', 0, 'type'],
    ],
    [
      'an event id with a lone surrogate',
      () => prepareAppend('s', [event({}, { eventId: '\ud800' })], 'any', context),
      ['events', 0, 'eventId'],
    ],
    [
      'an event id twice',
      () =>
        prepareAppend(
          's',
          [event({}, { eventId: 'x' }), event({}, { eventId: 'x' })],
          'any',
          context,
        ),
      ['events', 1, 'eventId'],
    ],
    [
      'an unknown type with a registry',
      () => prepareAppend('s', [{ type: 'Nope', data: {} }], 'any', { ...context, registry }),
      ['events', 0, 'type'],
    ],
    [
      'data failing its schema',
      () =>
        prepareAppend('s', [{ type: 'AmountSet', data: { amount: 1.5 } }], 'any', {
          ...context,
          registry,
        }),
      ['events', 0, 'data', 'amount'],
    ],
    [
      'a function',
      () => prepareAppend('s', [event({ f() {} })], 'any', context),
      ['events', 0, 'data', 'f'],
    ],
    [
      'undefined in an array',
      () => prepareAppend('s', [event({ a: [undefined] })], 'any', context),
      ['events', 0, 'data', 'a', 0],
    ],
    [
      'NaN',
      () => prepareAppend('s', [event([1, Number.NaN])], 'any', context),
      ['events', 0, 'data', 1],
    ],
    [
      'a Date',
      () => prepareAppend('s', [event({ d: new Date() })], 'any', context),
      ['events', 0, 'data', 'd'],
    ],
    [
      'a class instance',
      () => prepareAppend('s', [event(new Point(1))], 'any', context),
      ['events', 0, 'data'],
    ],
    [
      'a cycle',
      () => prepareAppend('s', [event(loop)], 'any', context),
      ['events', 0, 'data', 'again', 'loop'],
    ],
    [
      'a NUL in a string',
      () => prepareAppend('s', [event({ s: '\u0000' })], 'any', context),
      ['events', 0, 'data', 's'],
    ],
    [
      'a NUL in a key',
      () => prepareAppend('s', [event({ 'k\u0000': 1 })], 'any', context),
      ['events', 0, 'data', 'k\u0000'],
    ],
    [
      'a lone surrogate',
      () => prepareAppend('s', [event({ s: '\udfff' })], 'any', context),
      ['events', 0, 'data', 's'],
    ],
    [
      'metadata that is not an object',
      () => prepareAppend('s', [event({}, { metadata: 3 })], 'any', context),
      ['events', 0, 'metadata'],
    ],
    [
      'metadata that is not JSON',
      () => prepareAppend('s', [event({}, { metadata: { at: new Date() } })], 'any', context),
      ['events', 0, 'metadata', 'at'],
    ],
    [
      'an event larger than the limit',
      () =>
        prepareAppend(
          's',
          [event({ big: 'x'.repeat(STORE_LIMITS.eventJsonLength) })],
          'any',
          context,
        ),
      ['events', 0],
    ],
  ];
  it.each(cases)('rejects %s', (_, run, path) => {
    expect(issuesOf(run)[0]?.path).toEqual(path);
  });
});

describe('expected versions and identifiers', () => {
  it('accepts the four kinds of expected version and nothing else', () => {
    for (const ok of [0, 7, 'no_stream', 'stream_exists', 'any'])
      expect(isExpectedVersion(ok)).toBe(true);
    for (const bad of [-1, 1.5, Number.NaN, '3', 'latest', null, undefined]) {
      expect(isExpectedVersion(bad)).toBe(false);
    }
  });

  it('throws a ConcurrencyError with the actual version when the stream does not match', () => {
    expect(() => checkExpectedVersion('s', 'no_stream', 0)).not.toThrow();
    expect(() => checkExpectedVersion('s', 'stream_exists', 1)).not.toThrow();
    expect(() => checkExpectedVersion('s', 3, 3)).not.toThrow();
    const conflict = (() => {
      try {
        checkExpectedVersion('s', 'no_stream', 4);
      } catch (error) {
        return error;
      }
    })();
    expect(conflict).toBeInstanceOf(ConcurrencyError);
    expect(conflict).toMatchObject({
      expected: 'no_stream',
      actual: 4,
      code: 'concurrency_conflict',
    });
    expect(() => checkExpectedVersion('s', 'stream_exists', 0)).toThrow(ConcurrencyError);
    expect(() => checkExpectedVersion('s', 2, 3)).toThrow(ConcurrencyError);
  });

  it('checks identifiers, reporting the given path', () => {
    expect(() => assertIdentifier("quote'; --", 'consumer', ['consumer'], 20)).not.toThrow();
    expect(issuesOf(() => assertIdentifier('', 'consumer', ['consumer'], 20))[0]?.path).toEqual([
      'consumer',
    ]);
    expect(() => assertIdentifier('x'.repeat(21), 'consumer', [], 20)).toThrow(ValidationError);
    expect(() => assertIdentifier(5, 'consumer', [], 20)).toThrow(ValidationError);
  });
});
