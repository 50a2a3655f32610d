import { describe, expect, it } from 'vitest';
import { accountBookProjection } from './accountBook.js';
import { foldProjection, type ProjectedEvent } from './projection.js';

const ACCOUNT = '01JACCT0000000000000000001';
const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};
// Events as stores return them: frozen all the way down.
const log = (...events: Omit<ProjectedEvent, 'position'>[]): ProjectedEvent[] =>
  events.map((event, i) => deepFreeze({ ...event, position: String(i + 1).padStart(8, '0') }));
const opened = {
  type: 'AccountOpened',
  data: {
    accountId: ACCOUNT,
    status: 'active',
    name: 'Northwind',
    industry: 'Retail',
    parentAccountId: null,
    ownerRepId: 'rep-1',
    territoryId: null,
    currency: 'EUR',
    at: '2026-01-05T09:00:00.000Z',
  },
};
const recorded = (revenueId: string, period: string, amountMinor: number) => ({
  type: 'RevenueRecorded',
  data: {
    accountId: ACCOUNT,
    revenueId,
    period,
    productLine: 'Licences',
    amount: { amountMinor, currency: 'EUR' },
    at: '2026-02-01T09:00:00.000Z',
  },
});

const corrected = (revenueId: string, amountMinor: number) => ({
  type: 'RevenueCorrected',
  data: {
    accountId: ACCOUNT,
    correctionId: 'C1',
    revenueId,
    amount: { amountMinor, currency: 'EUR' },
    reason: 'credit note',
    at: '2026-03-01T09:00:00.000Z',
  },
});

describe('the account book’s revenue', () => {
  it('keeps each recorded entry as the event’s own data, in the order recorded', () => {
    const events = log(opened, recorded('R2', '2026-02', 500), recorded('R1', '2026-01', 300));
    const book = foldProjection(accountBookProjection, events);
    const revenue = book.accounts[ACCOUNT]!.revenue;
    expect(revenue.map((e) => [e.revenueId, e.period, e.amount.amountMinor])).toEqual([
      ['R2', '2026-02', 500],
      ['R1', '2026-01', 300],
    ]);
    expect(revenue[0]).toBe(events[1]!.data);
  });

  it('replaces a corrected entry with one at the corrected amount, leaving the recorded event as it was', () => {
    const events = log(
      opened,
      recorded('R1', '2026-01', 300),
      recorded('R2', '2026-02', 500),
      corrected('R1', 250),
    );
    const book = foldProjection(accountBookProjection, events);
    const [first, second] = book.accounts[ACCOUNT]!.revenue;
    expect(first).toEqual({ ...events[1]!.data!, amount: { amountMinor: 250, currency: 'EUR' } });
    expect(second).toBe(events[2]!.data);
    expect(events[1]!.data).toEqual(recorded('R1', '2026-01', 300).data);
  });

  it('ignores a correction of revenue the account never recorded', () => {
    const events = log(opened, recorded('R1', '2026-01', 300), corrected('R9', 1));
    const book = foldProjection(accountBookProjection, events);
    expect(book.accounts[ACCOUNT]!.revenue).toEqual([events[1]!.data]);
  });

  it('is of a version whose snapshots a runner does not mistake for books of copied entries', () => {
    // Version 1 kept `{ revenueId, period, productLine, amountMinor }` copies: a snapshot of it
    // restored as today's book would read `entry.amount` as undefined.
    expect(accountBookProjection.version).not.toBe('1');
  });
});
