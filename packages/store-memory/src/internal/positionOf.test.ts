import { encodePosition, isPosition } from '@account-planning/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionOf } from './positionOf.js';

describe('positionOf', () => {
  it('encodes a global position as the port does, for every safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat()), (globalPosition) => {
        const position = positionOf(globalPosition);
        expect(position).toBe(encodePosition(globalPosition, globalPosition));
        expect(isPosition(position)).toBe(true);
      }),
    );
  });

  it('orders positions as their numbers, whatever was encoded before', () => {
    const big = positionOf(Number.MAX_SAFE_INTEGER);
    const small = positionOf(1);
    expect(small < big).toBe(true);
    expect(small).toBe('0000000000000001-0000000000000001');
    expect(big).toBe('001fffffffffffff-001fffffffffffff');
  });
});
