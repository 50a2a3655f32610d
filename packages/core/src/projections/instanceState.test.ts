import { describe, expect, it } from 'vitest';
import { initialAccountState } from '../accounts/accountState.js';
import { freshState, keyedRecord } from './instanceState.js';

describe('freshState', () => {
  it('copies plain objects and arrays all the way down, so that mutating the copy leaves the initial state alone', () => {
    const initial = { counts: { a: 1 }, list: [{ b: 2 }], name: 'x' };
    const copy = freshState(initial);
    expect(copy).toEqual(initial);
    copy.counts.a = 5;
    copy.list[0]!.b = 7;
    copy.list.push({ b: 9 });
    expect(initial).toEqual({ counts: { a: 1 }, list: [{ b: 2 }], name: 'x' });
  });

  it("gives each of an account's empty records a new object of its own", () => {
    const one = freshState(initialAccountState);
    const two = freshState(initialAccountState);
    expect(one.opportunities).not.toBe(two.opportunities);
    expect(one.opportunities).not.toBe(initialAccountState.opportunities);
    expect(one).toStrictEqual(two);
  });
});

describe('keyedRecord', () => {
  it('is an ordinary empty object: plain prototype, no keys, JSON {}', () => {
    const record = keyedRecord<number>();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual([]);
    expect(JSON.stringify(record)).toBe('{}');
    expect(record).toStrictEqual({});
  });

  it('keeps keys in the order they were added, as a literal does', () => {
    const ids = ['01J0Z', '01J0A', 'b', 'a', '10', '2'];
    const record = keyedRecord<number>();
    const literal: Record<string, number> = {};
    ids.forEach((id, i) => {
      record[id] = i;
      literal[id] = i;
    });
    expect(Object.keys(record)).toEqual(Object.keys(literal));
    expect(JSON.stringify(record)).toBe(JSON.stringify(literal));
    delete record.b;
    expect(Object.keys(record)).toEqual(['2', '10', '01J0Z', '01J0A', 'a']);
  });
});
