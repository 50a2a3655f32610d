import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePositions,
  decodePosition,
  encodePosition,
  isPosition,
  START_POSITION,
  ValidationError,
} from '../index.js';

const part = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });

describe('positions', () => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(part, part, (commit, sequence) => {
        const position = encodePosition(commit, sequence);
        expect(isPosition(position)).toBe(true);
        expect(decodePosition(position)).toEqual({ commit, sequence });
      }),
    );
  });

  it('orders as strings exactly as (commit, sequence) pairs order', () => {
    fc.assert(
      fc.property(part, part, part, part, (c1, s1, c2, s2) => {
        const byPair = c1 === c2 ? (s1 === s2 ? 0 : s1 < s2 ? -1 : 1) : c1 < c2 ? -1 : 1;
        const a = encodePosition(c1, s1);
        const b = encodePosition(c2, s2);
        expect(comparePositions(a, b)).toBe(byPair);
        expect(a < b).toBe(byPair < 0);
      }),
    );
  });

  it('puts the start before every other position', () => {
    expect(START_POSITION).toBe(encodePosition(0, 0));
    fc.assert(
      fc.property(part, part, (commit, sequence) => {
        fc.pre(commit > 0n || sequence > 0n);
        expect(comparePositions(START_POSITION, encodePosition(commit, sequence))).toBe(-1);
      }),
    );
  });

  it('accepts numbers as well as bigints', () => {
    expect(encodePosition(255, 1)).toBe(encodePosition(255n, 1n));
  });

  it.each([
    ['a negative part', () => encodePosition(-1, 0)],
    ['a part past 64 bits', () => encodePosition(1n << 64n, 0)],
    ['a string that is not a position', () => decodePosition('0-0')],
    ['upper-case hex', () => decodePosition(START_POSITION.toUpperCase().replace('-', 'x'))],
  ])('rejects %s with a ValidationError', (_, run) => {
    expect(run).toThrow(ValidationError);
  });

  it('recognises only well-formed positions', () => {
    expect(isPosition(START_POSITION)).toBe(true);
    for (const bad of ['', 'x', `${START_POSITION}0`, START_POSITION.replace('0', 'G'), 42, null]) {
      expect(isPosition(bad)).toBe(false);
    }
  });
});
