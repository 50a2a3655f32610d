import { describe, expect, it } from 'vitest';
import { roundMinor } from '../index.js';

describe('roundMinor', () => {
  it('rounds halves to the even neighbour', () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -1.5].map(roundMinor)).toEqual([0, 2, 2, 4, 0, -2]);
  });
  it('rounds everything else to the nearest whole minor unit', () => {
    expect([1.49, 1.51, -1.51, 100].map(roundMinor)).toEqual([1, 2, -2, 100]);
  });
  it('refuses NaN and infinities', () => {
    expect(() => roundMinor(Number.NaN)).toThrow(RangeError);
    expect(() => roundMinor(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
