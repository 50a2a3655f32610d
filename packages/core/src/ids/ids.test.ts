import { describe, expect, it } from 'vitest';
import { createIdFactory, Ulid } from './ids.js';

describe('createIdFactory', () => {
  it('makes ULIDs that increase within one millisecond and across milliseconds', () => {
    let time = Date.parse('2026-03-02T09:00:00Z');
    const newId = createIdFactory(() => time);
    const ids: string[] = [];
    for (let index = 0; index < 10_000; index++) {
      if (index % 1000 === 999) time += 1;
      ids.push(newId());
    }
    for (const id of ids) expect(Ulid.safeParse(id).success).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws fresh randomness for each millisecond, also past its pool of random bytes', () => {
    let time = Date.parse('2026-03-02T09:00:00Z');
    const newId = createIdFactory(() => time++);
    // 16 random bytes an id: 1,000 ids go through the 4 KiB pool several times.
    const randomParts = Array.from({ length: 1000 }, () => newId().slice(10));
    expect(new Set(randomParts).size).toBe(randomParts.length);
  });
});
