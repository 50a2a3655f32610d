import { monotonicFactory } from 'ulid';
import { z } from 'zod';

/** A ULID: 26 Crockford base-32 characters, sortable by creation time. */
export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected a ULID');
/** A ULID. */
export type Ulid = z.infer<typeof Ulid>;

/**
 * The id of a person using the host product (a rep, a manager): whatever id the host gives its
 * users, 1 to 128 characters without whitespace (so that it can be part of a stream id such as
 * `salesplan-<rep>-<period>`).
 */
export const UserId = z.string().min(1).max(128).regex(/^\S+$/, 'a user id has no whitespace');
/** The id of a person using the host product. */
export type UserId = z.infer<typeof UserId>;

/** The kinds of aggregate, each with its own stream-id prefix. */
export type StreamKind = 'account' | 'plan' | 'review' | 'territory' | 'salesplan' | 'action';

/** The stream id of one aggregate instance: `account-<ulid>`, `territory-<id>`. */
export function streamIdFor(kind: StreamKind, id: string): string {
  return `${kind}-${id}`;
}

/**
 * Creates an id factory that returns ULIDs, increasing even within one millisecond. Ids are
 * made at the edge (an application service, a test) and passed into commands: deciders never
 * make ids themselves.
 */
export function createIdFactory(now: () => number = Date.now): () => Ulid {
  const next = monotonicFactory(pooledRandom());
  return () => next(now());
}

/**
 * The ULID's random source: the same cryptographic randomness as `ulid`'s default, drawn 4 KiB
 * at a time rather than one byte per character (16 calls into the crypto module per id, which
 * cost more than the rest of an in-memory append).
 */
function pooledRandom(): () => number {
  const pool = new Uint8Array(4096);
  let used = pool.length;
  return () => {
    if (used === pool.length) {
      globalThis.crypto.getRandomValues(pool);
      used = 0;
    }
    return (pool[used++] as number) / 256;
  };
}
