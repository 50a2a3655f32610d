import { ValidationError } from '../errors.js';

/**
 * A point in a tenant's log, as an opaque string that sorts correctly with plain string
 * comparison (`a < b`). It encodes two unsigned 64-bit numbers: the commit order (the writer's
 * transaction id in PostgreSQL; the sequence itself in memory) and the global sequence.
 * Store it, compare it, pass it back; do not build it by hand.
 */
export type Position = string;

const WIDTH = 16;
const MAX = (1n << 64n) - 1n;
const POSITION_PATTERN = /^[0-9a-f]{16}-[0-9a-f]{16}$/;

/** The position before the first event of every log. */
export const START_POSITION: Position = `${'0'.repeat(WIDTH)}-${'0'.repeat(WIDTH)}`;

/** Encodes a (commit, sequence) pair. For adapter authors. */
export function encodePosition(commit: bigint | number, sequence: bigint | number): Position {
  const c = BigInt(commit);
  const s = BigInt(sequence);
  if (c < 0n || c > MAX || s < 0n || s > MAX) {
    throw new ValidationError(`Position parts out of range: ${c}, ${s}`, [
      { path: [], message: 'position parts must be unsigned 64-bit integers', code: 'too_big' },
    ]);
  }
  return `${c.toString(16).padStart(WIDTH, '0')}-${s.toString(16).padStart(WIDTH, '0')}`;
}

/**
 * Decodes a position into its (commit, sequence) pair. For adapter authors.
 * @throws {ValidationError} when `position` is not a position.
 */
export function decodePosition(position: Position): { commit: bigint; sequence: bigint } {
  if (!isPosition(position)) {
    throw new ValidationError(`Not a log position: ${JSON.stringify(position)}`, [
      { path: [], message: 'expected a position returned by the store', code: 'invalid_format' },
    ]);
  }
  return {
    commit: BigInt(`0x${position.slice(0, WIDTH)}`),
    sequence: BigInt(`0x${position.slice(WIDTH + 1)}`),
  };
}

/** True when `value` is a well-formed position. */
export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && POSITION_PATTERN.test(value);
}

/** Orders two positions: negative when `a` comes first, 0 when equal, positive otherwise. */
export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
