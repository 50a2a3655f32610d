import { createMemoryEventStore, type MemoryEventStore } from '@account-planning/store-memory';
import { buildSeedScenario, type SeedScenario } from '@account-planning/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountTier,
  bookHierarchy,
  bookOfBusiness,
  commitmentsByOwner,
  concentrationByRep,
  createDomainEventRegistry,
  hypotheticalAccountLoss,
  pipelineBy,
  pipelineStockingByRep,
  planCoverageOf,
  type ReadModels,
  readAsOf,
  readChangesSinceReview,
  readModelsProjection,
  readProjection,
  repPerformances,
  retentionByGroup,
  retentionWindowOf,
  reviewsDue,
  salesPlanResults,
  trailingTwelveMonths,
  whatIf,
  whitespaceGrid,
} from '../index.js';

// The seed scenario (packages/testing/src/scenarios/seedScenario.ts), read as of 2026-04-15.
// Every expected number below is worked by hand from the scenario's events; amounts are euro
// cents (the scenario records whole euros: 10,000 EUR is 1_000_000).

let store: MemoryEventStore;
let s: SeedScenario;
let models: ReadModels;
let tiers: Record<string, AccountTier>;
const asOf = '2026-04-15';

beforeAll(async () => {
  store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  s = await buildSeedScenario(store);
  models = (await readProjection(store, readModelsProjection)).state;
  tiers = Object.fromEntries(
    Object.entries(s.tiers).map(([accountId, tier]) => [
      accountId,
      { accountId, tier, source: 'assigned' as const, priority: null },
    ]),
  );
});

describe('the book of business of the seed scenario', () => {
  it("sums Ana's twelve months to March 2026 by account, product line and period", () => {
    const book = bookOfBusiness(models.book, { rep: 'rep-ana' }, { asOf, tiers });
    expect(book.range).toEqual({ from: '2025-04', to: '2026-03' });
    // Acme Group 3 x 10,000 + 12,000 + 3,000; Globex 3 x 5,000 + 4,000; Initech 3 x 3,000;
    // Acme Berlin 4 x 2,000; Umbrella nothing.
    expect(book.accounts.map((a) => [a.name, a.revenue.amountMinor])).toEqual([
      ['Acme Group', 4_500_000],
      ['Globex', 1_900_000],
      ['Initech', 900_000],
      ['Acme Berlin', 800_000],
      ['Umbrella', 0],
    ]);
    expect(book.accounts[0]!.revenueByPeriod).toEqual({
      '2025-Q2': 1_000_000,
      '2025-Q3': 1_000_000,
      '2025-Q4': 1_000_000,
      '2026-Q1': 1_500_000,
    });
    expect(book.totals.revenue).toEqual({ amountMinor: 8_100_000, currency: 'EUR' });
    // 2025-Q1 only: Acme Group 10,000 + Globex 5,000 + Initech 3,000.
    expect(book.totals.previousRevenue.amountMinor).toBe(1_800_000);
    expect(book.totals.revenueByProductLine).toEqual({ Licences: 5_900_000, Services: 2_200_000 });
    expect(book.totals.byStatus).toEqual({ prospect: 1, active: 3, inactive: 0, lost: 1 });
    expect(book.totals.byTier).toEqual({ A: 2, B: 1, C: 1, none: 1 });
    expect(book.totals.openOpportunities).toBe(3);
    expect(book.totals.openPipeline.amountMinor).toBe(6_000_000);
    expect(book.revenueByPeriod.map((p) => [p.period, p.totalMinor])).toEqual([
      ['2025-Q2', 2_000_000],
      ['2025-Q3', 2_000_000],
      ['2025-Q4', 2_000_000],
      ['2026-Q1', 2_100_000],
    ]);
  });

  it("reads a territory's and a manager's team's book", () => {
    const north = bookOfBusiness(models.book, { territory: 'north' }, { asOf, tiers });
    // Globex moved to north on 2026-02-01.
    expect(north.accounts.map((a) => a.name)).toEqual([
      'Acme Group',
      'Globex',
      'Initech',
      'Acme Berlin',
    ]);
    const team = bookOfBusiness(models.book, { team: 'mgr-sam' }, { asOf, tiers });
    expect(team.totals.revenue.amountMinor).toBe(8_100_000);
  });

  it('rolls revenue up the account hierarchy', () => {
    const [acme] = bookHierarchy(models.book, {
      range: trailingTwelveMonths(asOf),
      accountIds: [s.accounts.acmeBerlin],
    });
    expect(acme).toMatchObject({
      name: 'Acme Group',
      ownRevenueMinor: 4_500_000,
      totalRevenueMinor: 5_300_000,
      children: [{ name: 'Acme Berlin', ownRevenueMinor: 800_000, totalRevenueMinor: 800_000 }],
    });
  });

  it('lays out the whitespace grid of Acme Group with what each unit already buys', () => {
    const grid = whitespaceGrid(models.book, s.accounts.acmeGroup, trailingTwelveMonths(asOf))!;
    expect(grid.rows.map((r) => r.label)).toEqual(['Acme Group', 'Acme Berlin']);
    expect(grid.offerings).toEqual(['Licences', 'Services']);
    expect(grid.cells.map((c) => [c.row.split(':')[0], c.offering, c.revenueMinor])).toEqual([
      ['account', 'Licences', 4_200_000],
      ['account', 'Services', 300_000],
      ['branch', 'Licences', 800_000],
      ['branch', 'Services', 0],
    ]);
  });
});

describe('retention of the seed scenario', () => {
  it('fixes the cohort at the start of 2026-Q1: Globex counts in south, where it was then', () => {
    const retention = retentionByGroup(models.book, {
      by: 'territory',
      window: retentionWindowOf('2026-Q1'),
      currency: 'EUR',
    });
    expect(retention.cohortFixedAt).toBe('2026-01-01');
    const [north, south] = retention.groups;
    // north: Acme Group 10,000 -> 15,000; Acme Berlin 2,000 -> 2,000; Initech 3,000 -> 0.
    expect(north!.group).toBe('north');
    expect(north!.retention).toMatchObject({
      accountsAtStart: 3,
      accountsRetained: 2,
      baseRevenue: { amountMinor: 1_500_000 },
      retainedRevenue: { amountMinor: 1_200_000 },
      currentRevenue: { amountMinor: 1_700_000 },
      lostAccountIds: [s.accounts.initech],
      grossRevenueRetention: 0.8,
    });
    expect(north!.retention.logoRetention).toBeCloseTo(2 / 3, 12);
    expect(north!.retention.netRevenueRetention).toBeCloseTo(17 / 15, 12);
    expect(north!.losses.byCause).toEqual([
      {
        category: 'controllable',
        cause: 'competitor',
        accounts: 1,
        revenue: { amountMinor: 300_000, currency: 'EUR' },
      },
    ]);
    // south: Globex 5,000 -> 4,000.
    expect(south!.group).toBe('south');
    expect(south!.retention).toMatchObject({
      accountsAtStart: 1,
      logoRetention: 1,
      grossRevenueRetention: 0.8,
      netRevenueRetention: 0.8,
    });
    expect(retention.total.retention.netRevenueRetention).toBeCloseTo(21 / 20, 12);
  });
});

describe('the pipeline of the seed scenario', () => {
  it('totals the open opportunities by stage and kind, and what closed in 2026-Q1', () => {
    const pipeline = pipelineBy(
      models.book,
      { rep: 'rep-ana' },
      { asOf, closedRange: { from: '2026-01', to: '2026-03' } },
    );
    expect(pipeline.byStage.map((b) => [b.key, b.count, b.valueMinor, b.weightedMinor])).toEqual([
      ['identified', 0, 0, 0],
      ['qualified', 1, 3_000_000, 750_000],
      ['proposed', 1, 1_000_000, 500_000],
      ['negotiating', 1, 2_000_000, 1_200_000],
      ['committed', 0, 0, 0],
    ]);
    expect(pipeline.total).toMatchObject({
      count: 3,
      valueMinor: 6_000_000,
      weightedMinor: 2_450_000,
    });
    expect(pipeline.opportunities.filter((o) => o.closePassed).map((o) => o.name)).toEqual([
      'Services up-sell',
    ]);
    expect(pipeline.closed).toMatchObject({ won: 0, lost: 1, winRate: 0 });
  });
});

describe('the review calendar of the seed scenario', () => {
  it('shows the annual review overdue, a strategic review due and the next monthly upcoming', () => {
    const due = reviewsDue(models, { asOf, tiers });
    expect(
      due.obligations.map((o) => [
        o.kind,
        o.accountId,
        o.status,
        o.dueFrom,
        o.dueBy,
        o.daysOverdue,
      ]),
    ).toEqual([
      // First account on 2025-01-02, no annual review since: due 2026-01-02, a month's grace.
      ['annual', null, 'overdue', '2026-01-02', '2026-02-01', 73],
      // Tier A, no plan and no strategic review ever: due, with nothing to count from.
      ['strategic_plan', s.accounts.globex, 'due', null, null, 0],
      // Last monthly review concluded on 2026-03-16: due a month later, a week's grace.
      ['monthly', null, 'upcoming', '2026-04-16', '2026-04-23', 0],
      // Plan approved 2026-01-20, reviewed every six months.
      ['strategic_plan', s.accounts.acmeGroup, 'upcoming', '2026-07-20', '2026-07-20', 0],
    ]);
    expect(due.counts).toEqual({ upcoming: 2, due: 1, overdue: 1 });
    const later = reviewsDue(models, { asOf: '2026-04-30', tiers });
    expect(later.obligations.find((o) => o.kind === 'monthly')).toMatchObject({
      status: 'overdue',
      daysOverdue: 7,
    });
  });
});

describe('the commitment ledger of the seed scenario', () => {
  it('counts kept, slipped, overdue and carried-over commitments for the rep and the manager', () => {
    const ledger = commitmentsByOwner(models.ledger, { asOf });
    const [rep, manager] = ledger.owners;
    // QBR deck done 02-25, due 02-27: kept. Berlin buyers due 03-31: 15 days overdue.
    expect(rep).toMatchObject({
      ownerId: 'rep-ana',
      total: 2,
      open: 1,
      overdue: 1,
      done: 1,
      keptOnTime: 1,
      cameDue: 2,
      keptOnTimeRate: 0.5,
      slipDays: 0,
    });
    expect(rep!.items[0]).toMatchObject({ actionId: s.actions.berlinBuyers, daysOverdue: 15 });
    // Globex discount due 02-20, slipped to 03-06, carried over in March, done 03-18.
    expect(manager).toMatchObject({
      ownerId: 'mgr-sam',
      ownerRole: 'manager',
      total: 1,
      done: 1,
      keptOnTime: 0,
      slipped: 1,
      slipDays: 14,
      carryOvers: 1,
      keptOnTimeRate: 0,
    });
    expect(ledger.total.keptOnTimeRate).toBeCloseTo(1 / 3, 12);
  });
});

describe('plan coverage of the seed scenario', () => {
  it('finds the top-tier account with no plan, and the plan going stale after its check', () => {
    const coverage = planCoverageOf(models, { asOf, tiers });
    expect(coverage.accounts.map((a) => [a.accountName, a.gap])).toEqual([
      ['Globex', 'no_plan'],
      ['Acme Group', null],
    ]);
    expect(coverage.accounts[1]!.plan).toMatchObject({
      year: 2026,
      status: 'approved',
      approvedVersion: 1,
      completeness: { written: ['industryOverview'] },
      reviewsDue: { check: { due: '2026-04-20', overdue: false } },
    });
    expect(coverage.counts).toEqual({ topTier: 2, covered: 1, noPlan: 1, unapproved: 0, stale: 0 });
    const may = planCoverageOf(models, { asOf: '2026-05-01', tiers });
    expect(may.accounts[1]).toMatchObject({ gap: 'stale', staleReasons: ['check_overdue'] });
  });
});

describe('time travel in the seed scenario', () => {
  it('reads the ledger as it stood when the March review concluded', async () => {
    const concluded = models.calendar.positions[s.reviews.march]!.concluded!;
    const then = await readAsOf(store, readModelsProjection, { position: concluded });
    expect(then.state.ledger.commitments[s.actions.globexDiscount]?.status).toBe('slipped');
    expect(models.ledger.commitments[s.actions.globexDiscount]?.status).toBe('done');
  });

  it('reads the book as of a business date: Initech was still a customer on 2026-02-11', async () => {
    const then = await readAsOf(store, readModelsProjection, { date: '2026-02-11' });
    expect(then.state.book.accounts[s.accounts.initech]?.status).toBe('active');
    expect(models.book.accounts[s.accounts.initech]?.status).toBe('lost');
  });

  it('tells what changed for each account since the March review', async () => {
    const since = await readChangesSinceReview(store, { reviewId: s.reviews.march, asOf });
    const acme = since.accounts[s.accounts.acmeGroup]!;
    expect(acme.summary.opportunities).toMatchObject({
      created: [s.opportunities.acmeAnalytics],
      moved: [s.opportunities.acmeRenewal],
      won: [],
      lost: [],
    });
    // 2026-Q1: Licences 12,000 and Services 3,000.
    expect(acme.summary.revenue.changeMinor).toBe(1_500_000);
    expect(acme.summary.satisfaction).toEqual({ before: 8, after: 6, change: -2 });
    // Satisfaction weighs 25 of 100 points: 8/10 gave 20, 6/10 gives 15.
    const satisfaction = acme.health.factors.find((f) => f.factor === 'satisfaction')!;
    expect([satisfaction.before, satisfaction.after, satisfaction.change]).toEqual([20, 15, -5]);
    expect(satisfaction.movedBy.map((r) => r.eventType)).toEqual(['SatisfactionRecorded']);
    const february = models.calendar.positions[s.reviews.february]!.concluded!;
    const fromSnapshot = await readChangesSinceReview(store, {
      reviewId: s.reviews.march,
      asOf,
      from: await readAsOf(store, readModelsProjection, { position: february }),
    });
    expect(fromSnapshot).toEqual(since);
    const globex = since.accounts[s.accounts.globex]!;
    expect(globex.summary.actions.done).toEqual([s.actions.globexDiscount]);
    expect(globex.summary.revenue.changeMinor).toBe(400_000);
  });
});

describe('what-if in the seed scenario', () => {
  it('loses Globex: the plan drops by its revenue and pipeline, and Licences dominate', () => {
    const lose = hypotheticalAccountLoss(s.accounts.globex, { at: '2026-04-15T09:00:00.000Z' });
    const { base, branch } = whatIf(models, [lose], { asOf, currency: 'EUR', churnRate: 0.1 });
    // Base: existing 72,000 (Acme Group 45,000 + Berlin 8,000 + Globex 19,000), churn 7,200,
    // expansion 30,000 x 25% + 10,000 x 50% = 12,500; the renewal is not counted.
    expect(base.revenuePlan).toMatchObject({
      existingRevenue: { amountMinor: 7_200_000 },
      expectedChurn: { amountMinor: 720_000 },
      weightedExpansion: { amountMinor: 1_250_000 },
      plannedRevenue: { amountMinor: 7_730_000 },
      notCounted: { amountMinor: 1_200_000 },
    });
    // Branch: existing 53,000, churn 5,300, expansion 7,500.
    expect(branch.revenuePlan.plannedRevenue.amountMinor).toBe(5_520_000);
    // Projected: Licences 50,000, Services 3,000 + (19,000 + 5,000 in the base), Analytics 7,500.
    expect(base.concentration.tooReliant).toBe(false);
    expect(branch.concentration.tooReliant).toBe(true);
    expect(branch.concentration.largest?.share).toBeCloseTo(50_000 / 60_500, 12);
    // Retention from the last twelve months (81,000 with Initech) to the projected twelve.
    expect(base.retention.netRevenueRetention).toBeCloseTo(84_500 / 81_000, 12);
    expect(branch.retention.netRevenueRetention).toBeCloseTo(60_500 / 81_000, 12);
    expect(branch.retention.logoRetention).toBe(0.5);
    expect(models.book.accounts[s.accounts.globex]?.status).toBe('active');
  });

  it("plans one company's revenue: Acme Group and its branch", () => {
    const acme = { accounts: [s.accounts.acmeGroup, s.accounts.acmeBerlin] };
    const { base } = whatIf(models, [], { asOf, currency: 'EUR', churnRate: 0.1, scope: acme });
    // 53,000 less 10% churn, plus the Analytics cross-sell at 25%; the renewal is already revenue.
    expect(base.revenuePlan.plannedRevenue.amountMinor).toBe(5_520_000);
    expect(base.revenuePlan.notCounted.amountMinor).toBe(1_200_000);
  });
});

describe("the team's figures in the seed scenario", () => {
  it('finds Ana too reliant on licences: 59,000 of 81,000 over the last twelve months', () => {
    const [ana] = concentrationByRep(models.book, { asOf, currency: 'EUR' });
    expect(ana!.repId).toBe('rep-ana');
    expect(ana!.concentration.largest).toMatchObject({ productLine: 'Licences' });
    expect(ana!.concentration.largest!.share).toBeCloseTo(59 / 81, 12);
    expect(ana!.concentration.tooReliant).toBe(true);
  });

  it('stocks 60,000 of open pipeline against the 80,000 goal of her 2026 sales plan', () => {
    const [ana] = pipelineStockingByRep(models, { period: '2026', asOf, currency: 'EUR' });
    expect(ana).toMatchObject({
      owner: 'rep-ana',
      openPipeline: { amountMinor: 6_000_000 },
      weightedPipeline: { amountMinor: 2_450_000 },
      goal: { amountMinor: 8_000_000 },
      coverage: 0.75,
      gap: { amountMinor: 2_000_000 },
      met: false,
    });
  });

  it('counts 2026 to date against the target, and growth against the same months of 2025', () => {
    const [ana] = salesPlanResults(models, { period: '2026', asOf, currency: 'EUR' });
    // 2026-Q1: 12,000 + 3,000 + 2,000 + 4,000; 2025-Q1: 10,000 + 5,000 + 3,000.
    expect(ana).toMatchObject({
      range: { from: '2026-01', to: '2026-03' },
      revenueTarget: { amountMinor: 10_000_000 },
      revenue: { amountMinor: 2_100_000 },
      attainment: 0.21,
      growth: { amountMinor: 300_000 },
    });
    const before = salesPlanResults(models, { period: '2027', asOf, currency: 'EUR' });
    expect(before[0]).toMatchObject({ range: null, revenue: { amountMinor: 0 } });
  });

  it("reads Ana's 2025 for next year's expectations, in the tier of her north territory", () => {
    const { reps, withoutTerritory } = repPerformances(models.book, {
      year: 2025,
      currency: 'EUR',
    });
    // 2025: Acme Group 40,000, Acme Berlin 6,000, Globex 20,000, Initech 12,000; none in 2024.
    expect(reps).toEqual([
      {
        rep: 'rep-ana',
        tier: 'A',
        revenue: { amountMinor: 7_800_000, currency: 'EUR' },
        growthRate: 0,
        territoryId: 'north',
        nextYearMarketFactor: null,
      },
    ]);
    expect(withoutTerritory).toEqual([]);
  });
});
