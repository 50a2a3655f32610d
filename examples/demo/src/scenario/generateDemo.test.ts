import { OpportunityKind } from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { commandCount } from './demoScenario.js';
import { generateDemo } from './generateDemo.js';
import { createRandom } from './random.js';

const book = generateDemo({ seed: 1 });

describe('the demo generator', () => {
  it('gives the same scenario, command for command, for the same seed and size', () => {
    expect(generateDemo({ seed: 1 })).toEqual(book);
    expect(generateDemo({ seed: 7, accounts: 30 })).toEqual(
      generateDemo({ seed: 7, accounts: 30 }),
    );
  });

  it('gives another book for another seed', () => {
    const other = generateDemo({ seed: 2 });
    expect(other.accounts.map((a) => a.name)).not.toEqual(book.accounts.map((a) => a.name));
    expect(other.finalReviewId).not.toBe(book.finalReviewId);
  });

  it('draws every number from the PRNG it is given', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
    expect(generateDemo({ seed: 1, random: createRandom(99) }).accounts).not.toEqual(book.accounts);
  });

  it('has three territories A, B and C, a rep in each, and their manager', () => {
    expect(book.reps.map((r) => [r.territoryId, r.tier])).toEqual([
      ['north', 'A'],
      ['central', 'B'],
      ['south', 'C'],
    ]);
    expect(new Set(book.accounts.map((a) => a.repId))).toEqual(
      new Set(book.reps.map((r) => r.repId)),
    );
    expect(book.names[book.managerId]).toBe('Morgan Reyes');
  });

  it('holds 300 accounts by default, or the size asked, with parents and their branches', () => {
    expect(book.accounts).toHaveLength(300);
    expect(book.accountCount).toBe(300);
    expect(generateDemo({ seed: 1, accounts: 30 }).accounts).toHaveLength(30);
    const ids = new Set(book.accounts.map((a) => a.accountId));
    const branches = book.accounts.filter((a) => a.parentAccountId !== null);
    expect(branches.length).toBeGreaterThan(10);
    for (const branch of branches) {
      expect(ids.has(branch.parentAccountId!)).toBe(true);
      expect(book.accounts.find((a) => a.accountId === branch.parentAccountId)?.repId).toBe(
        branch.repId,
      );
    }
  });

  it('has customers, prospects, inactive and lost accounts', () => {
    const statuses = new Set(book.accounts.map((a) => a.status));
    expect(statuses).toEqual(new Set(['active', 'prospect', 'inactive', 'lost']));
  });

  it('has opportunities of every kind, open, won and lost', () => {
    expect(new Set(book.opportunities.map((o) => o.kind))).toEqual(
      new Set(OpportunityKind.options),
    );
    expect(new Set(book.opportunities.map((o) => o.outcome))).toEqual(
      new Set(['open', 'won', 'lost']),
    );
  });

  it('plays a quarter: three monthly reviews per rep held, one strategic plan review, April booked', () => {
    for (const rep of book.reps) {
      const held = book.reviews.filter((r) => r.repId === rep.repId && r.kind === 'monthly');
      expect(held.filter((r) => r.held)).toHaveLength(3);
      expect(held.filter((r) => !r.held)).toHaveLength(1);
    }
    expect(book.reviews.filter((r) => r.kind === 'strategic_plan')).toHaveLength(1);
    expect(book.plans.length).toBeGreaterThanOrEqual(3);
    expect(new Set(book.actions.map((a) => a.fate))).toEqual(new Set(['kept', 'slipped', 'open']));
  });

  it('dates every command from the scenario, never after its today', () => {
    const times = book.steps.flatMap((s) => s.lanes.flat().map((c) => c.command.at));
    expect(times.every((t) => t >= '2022-06-01' && t <= `${book.asOf}T23:59:59.999Z`)).toBe(true);
    expect(book.generatedAt.slice(0, 10)).toBe(book.asOf);
    expect(commandCount(book.steps)).toBe(times.length);
  });

  it('refuses a size too small for every rep to have a review', () => {
    expect(() => generateDemo({ seed: 1, accounts: 5 })).toThrow(RangeError);
  });
});
