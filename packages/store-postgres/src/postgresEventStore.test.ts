import { encodePosition } from '@account-planning/core';
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPostgresEventStore, migrate } from './index.js';
import { positionOf } from './logPosition.js';
import { describeStoreBehaviours } from './testSupport/describeStoreBehaviours.js';

// One PGlite instance for this file: the store's own behaviours, embedded.
describeStoreBehaviours('PGlite', async () => {
  const pglite = await PGlite.create();
  const schema = 'behaviours';
  await migrate({ pglite, schema });
  return {
    connection: { pglite },
    schema,
    sql: async (text, values) =>
      (await pglite.query<Record<string, unknown>>(text, values as unknown[])).rows,
    close: () => pglite.close(),
  };
});

describe('log positions', () => {
  it('encodes (transaction id, global position) exactly as core does', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.maxSafeNat(),
        (transactionId, globalPosition) => {
          expect(positionOf(transactionId.toString(), globalPosition)).toBe(
            encodePosition(transactionId, globalPosition),
          );
        },
      ),
    );
  });

  it("keeps each transaction's commit half apart when positions of several are made in turn", () => {
    for (const [transactionId, globalPosition] of [
      [7n, 1],
      [7n, 255],
      [1n << 40n, 256],
      [7n, 2 ** 53 - 1],
      [0n, 0],
    ] as const) {
      expect(positionOf(transactionId.toString(), globalPosition)).toBe(
        encodePosition(transactionId, globalPosition),
      );
    }
  });
});

describe('options', () => {
  it('needs exactly one connection option', async () => {
    const store = createPostgresEventStore({ tenant: 't' } as never);
    await expect(store.readAll()).rejects.toMatchObject({ code: 'validation_failed' });
    await store.close();
  });

  it('rejects an invalid tenant at once', () => {
    expect(() => createPostgresEventStore({ pglite: {} as never, tenant: '' })).toThrow(/tenant/);
  });
});
