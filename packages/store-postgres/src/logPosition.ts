import { encodePosition, type Position } from '@account-planning/core';

const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
// The char codes of the last position made, rewritten by every call: positions are made one at
// a time. The commit half is rewritten only when the transaction changes.
const POSITION_CODES: number[] = Array.from('0000000000000000-0000000000000000', (char) =>
  char.charCodeAt(0),
);
let lastTransaction = '';

/**
 * The log position of a stored event: core's `encodePosition(transactionId, globalPosition)`,
 * computed without BigInt arithmetic on the hot path (a read of 10,000 events computes 10,000 of
 * them, and the events of one transaction share the commit half), and built from char codes as
 * one flat string: the event keeps it, and padding and concatenating would keep a tree of
 * strings instead. Identical output: the unit test compares it with `encodePosition`.
 */
export function positionOf(transactionId: string, globalPosition: number): Position {
  if (!Number.isSafeInteger(globalPosition) || globalPosition < 0) {
    return encodePosition(BigInt(transactionId), BigInt(globalPosition));
  }
  if (transactionId !== lastTransaction) {
    const commitHex = encodePosition(BigInt(transactionId), 0);
    for (let index = 0; index < 16; index++) POSITION_CODES[index] = commitHex.charCodeAt(index);
    lastTransaction = transactionId;
  }
  let rest = globalPosition;
  for (let index = 32; index > 16; index--) {
    POSITION_CODES[index] = HEX_CODES[rest % 16] as number;
    rest = Math.floor(rest / 16);
  }
  return String.fromCharCode.apply(null, POSITION_CODES);
}
