import type { Position } from '@account-planning/core';

// The position's char codes, rewritten by every call: positions are made one at a time.
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const POSITION_CODES: number[] = Array.from('0000000000000000-0000000000000000', (char) =>
  char.charCodeAt(0),
);

/** The log position of the event at `globalPosition`: in memory, commit order is the sequence. */
export function positionOf(globalPosition: number): Position {
  // Built from char codes as one flat string: the store keeps one per event, and padding and
  // concatenating would keep a tree of four strings instead.
  let rest = globalPosition;
  for (let index = 15; index >= 0; index--) {
    const digit = rest % 16;
    const code = HEX_CODES[digit] as number;
    POSITION_CODES[index] = code;
    POSITION_CODES[index + 17] = code;
    rest = (rest - digit) / 16;
  }
  return String.fromCharCode.apply(null, POSITION_CODES);
}
