import { describe, expect, it } from 'vitest';
import {
  averageChurnRate,
  type RevenueLine,
  retentionBy,
  revenueRetention,
  UNASSIGNED,
  ValidationError,
} from '../index.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const line = (
  accountId: string,
  period: string,
  amount: number,
  productLine = 'licences',
): RevenueLine => ({
  accountId,
  period,
  productLine,
  revenue: eur(amount),
});
const window = {
  base: { from: '2025-01', to: '2025-12' },
  current: { from: '2026-01', to: '2026-12' },
};

// a shrinks 100 -> 80, b grows 100 -> 150, c is lost (200), d is new in 2026.
const book = [
  line('a', '2025-03', 100),
  line('a', '2026-Q2', 80),
  line('b', '2025-Q4', 60),
  line('b', '2025-11', 40, 'services'),
  line('b', '2026-02', 150),
  line('c', '2025-06', 200),
  line('d', '2026-05', 500),
  line('a', '2024-12', 999),
];

describe('revenueRetention', () => {
  it('computes logo retention, GRR and NRR over the cohort of the base range', () => {
    const r = revenueRetention(book, window, 'EUR');
    expect(r.accountsAtStart).toBe(3);
    expect(r.accountsRetained).toBe(2);
    expect(r.baseRevenue).toEqual(eur(400));
    expect(r.retainedRevenue).toEqual(eur(180)); // min(100, 80) + min(100, 150)
    expect(r.currentRevenue).toEqual(eur(230)); // d is new: not part of the cohort
    expect(r.lostRevenue).toEqual(eur(200));
    expect(r.lostAccountIds).toEqual(['c']);
    expect(r.logoRetention).toBeCloseTo(2 / 3);
    expect(r.grossRevenueRetention).toBe(180 / 400);
    expect(r.netRevenueRetention).toBe(230 / 400);
    expect(r.emptyBase).toBe(false);
  });

  it('defines every rate of an empty book as 1, with emptyBase', () => {
    const r = revenueRetention([], window, 'EUR');
    expect(r).toMatchObject({
      logoRetention: 1,
      grossRevenueRetention: 1,
      netRevenueRetention: 1,
      emptyBase: true,
      baseRevenue: eur(0),
    });
    expect(revenueRetention([line('d', '2026-05', 500)], window, 'EUR').emptyBase).toBe(true);
  });

  it('rejects negative money, another currency, a bad period and a quarter across a range edge', () => {
    const cases: [RevenueLine[], string][] = [
      [[line('a', '2025-01', -1)], 'lines.0.revenue.amountMinor'],
      [
        [{ ...line('a', '2025-01', 1), revenue: { amountMinor: 1, currency: 'USD' } }],
        'lines.0.revenue.currency',
      ],
      [[line('a', '2025-13', 1)], 'lines.0.period'],
      [[line('a', '2025-01', 1.5)], 'lines.0.revenue.amountMinor'],
    ];
    for (const [lines, path] of cases) {
      expect(() => revenueRetention(lines, window, 'EUR')).toThrow(
        expect.objectContaining({
          issues: [
            expect.objectContaining({
              path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
            }),
          ],
        }),
      );
    }
    const midYear = {
      base: { from: '2025-02', to: '2025-12' },
      current: { from: '2026-01', to: '2026-12' },
    };
    expect(() => revenueRetention([line('a', '2025-Q1', 5)], midYear, 'EUR')).toThrow(/straddles/);
  });

  it('rejects reversed and overlapping ranges and a currency that is not a code', () => {
    expect(() =>
      revenueRetention(
        [],
        { base: { from: '2025-12', to: '2025-01' }, current: window.current },
        'EUR',
      ),
    ).toThrow(ValidationError);
    expect(() =>
      revenueRetention(
        [],
        { base: { from: '2025-01', to: '2026-03' }, current: window.current },
        'EUR',
      ),
    ).toThrow(/overlap/);
    expect(() => revenueRetention([], window, 'euro')).toThrow(ValidationError);
  });
});

describe('retentionBy', () => {
  it('groups accounts by territory or rep, unassigned ones apart, sorted by group', () => {
    const groups = retentionBy(book, window, 'EUR', { a: 'north', b: 'south', d: 'north' });
    expect(
      groups.map((g) => [g.group, g.retention.accountsAtStart, g.retention.accountsRetained]),
    ).toEqual([
      [UNASSIGNED, 1, 0],
      ['north', 1, 1],
      ['south', 1, 1],
    ]);
    expect(groups[2]!.retention.netRevenueRetention).toBe(1.5);
  });
});

describe('averageChurnRate', () => {
  // 2023: 1000 across x and y; 2024: x keeps 600 (y lost); 2025: x keeps 600; 2026: x 300.
  const history = [
    line('x', '2023-Q1', 600),
    line('y', '2023-Q2', 400),
    line('x', '2024-Q1', 600),
    line('x', '2025-Q1', 600),
    line('x', '2026-Q1', 300),
  ];

  it('averages the yearly revenue churn (1 - GRR) of the last three years by default', () => {
    const churn = averageChurnRate(history, 'EUR', { lastYear: 2026 });
    expect(churn.years.map((y) => [y.year, y.rate])).toEqual([
      [2024, 0.4],
      [2025, 0],
      [2026, 0.5],
    ]);
    expect(churn.rate).toBeCloseTo(0.3);
    expect(churn.yearsUsed).toBe(3);
  });

  it('averages logo churn over two years when asked', () => {
    const churn = averageChurnRate(history, 'EUR', { lastYear: 2025, years: 2, basis: 'logo' });
    expect(churn.years.map((y) => y.rate)).toEqual([0.5, 0]);
    expect(churn.rate).toBe(0.25);
  });

  it('skips years without base revenue and expects no churn without history', () => {
    const churn = averageChurnRate([line('x', '2026-01', 5)], 'EUR', { lastYear: 2026 });
    expect(churn.years.map((y) => y.rate)).toEqual([null, null, null]);
    expect(churn).toMatchObject({ rate: 0, yearsUsed: 0 });
  });

  it('rejects a count of years outside 1-10 and a year that is not one', () => {
    expect(() => averageChurnRate([], 'EUR', { lastYear: 2026, years: 0 })).toThrow(
      ValidationError,
    );
    expect(() => averageChurnRate([], 'EUR', { lastYear: 2026, years: 2.5 })).toThrow(
      ValidationError,
    );
    expect(() => averageChurnRate([], 'EUR', { lastYear: Number.NaN })).toThrow(ValidationError);
  });
});
