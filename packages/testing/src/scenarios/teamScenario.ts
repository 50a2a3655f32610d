import type { EventStore, Money } from '@account-planning/core';
import { scenarioPlanning } from './scenarioPlanning.js';
import { buildSeedScenario, type SeedScenario } from './seedScenario.js';

/**
 * The ids of the team scenario: the seed scenario's, and those of the rep added to Sam's team
 * (Ben), of a rep in another manager's team (Cleo), and of their accounts.
 */
export interface TeamScenario extends SeedScenario {
  /** Sam's second rep, in the south territory (tier B). */
  readonly secondRep: 'rep-ben';
  /** A rep of another manager (Kim), in the north: in nobody's figures but Kim's. */
  readonly otherRep: 'rep-cleo';
  readonly otherManager: 'mgr-kim';
  readonly teamAccounts: {
    /** Ben's, tier A, south; 2024 history imported: 32,000 in 2024, 40,000 in 2025. */
    readonly hooli: string;
    /** Ben's, south; 8,000 in 2024, 4,000 in 2025, lost on 2025-08-15 on price. */
    readonly vandelay: string;
    /** Cleo's, tier A, north: 6,000 a quarter from 2025-Q1. */
    readonly cyberdyne: string;
  };
  readonly teamOpportunities: {
    /** Hooli, won on 2025-06-10. */
    readonly hooliSupport: string;
    /** Hooli, lost on 2025-09-01 (no decision). */
    readonly hooliPilot: string;
    /** Hooli, open: an up-sell of 12,000 at 40%, closing 2026-06-30. */
    readonly hooliLicences: string;
  };
  /** Ben's March review with Sam. */
  readonly benReview: string;
  readonly teamActions: {
    /** Ben's, due 2026-04-03, slipped to 2026-04-10, still open. */
    readonly hooliQuote: string;
    /** Sam's, due 2026-04-30, open. */
    readonly hooliCall: string;
  };
}

const eur = (euros: number): Money => ({ amountMinor: euros * 100, currency: 'EUR' });

/**
 * Builds the seed scenario (`buildSeedScenario`) and adds a team around it, through the
 * application service, so that the manager's reports have a team to read: Ben, a second rep of
 * Sam's (his March review was with Sam), with the south book he took over (Hooli and Vandelay,
 * their 2024 revenue imported, Vandelay lost in 2025), Ben's 2025 and 2026 sales plans and
 * Ana's 2025 one, the market conditions of both territories for 2026 (north 0.9, south 1.1),
 * and Cleo, a rep of another manager (Kim) with one account in the north. The seed scenario's
 * own records are untouched, so every figure of `buildSeedScenario` that is scoped to Ana
 * holds here too.
 *
 * The numbers, worked by hand, are in the reporting package's team view and annual pack tests.
 */
export async function buildTeamScenario(store: EventStore): Promise<TeamScenario> {
  const seed = await buildSeedScenario(store);
  // Ids far past the seed scenario's own, so that the two never meet.
  const { planning, at, id } = scenarioPlanning(store, '2025-01-02T11:00:00.000Z', 10_000);
  const ben = 'rep-ben';
  const cleo = 'rep-cleo';
  const kim = 'mgr-kim';

  await planning.territories.execute({
    type: 'AssignRepToTerritory',
    territoryId: 'south',
    repId: ben,
    at: at('2025-01-02T11:00:00.000Z'),
  });
  await planning.territories.execute({
    type: 'AssignRepToTerritory',
    territoryId: 'north',
    repId: cleo,
    at: at('2025-01-02T11:00:00.000Z'),
  });

  const open = async (name: string, ownerRepId: string, territoryId: string) => {
    const { state } = await planning.accounts.execute({
      type: 'OpenAccount',
      name,
      ownerRepId,
      currency: 'EUR',
      territoryId,
      status: 'active',
      at: at('2025-01-02T11:00:00.000Z'),
    });
    return state.accountId as string;
  };
  const hooli = await open('Hooli', ben, 'south');
  const vandelay = await open('Vandelay', ben, 'south');
  const cyberdyne = await open('Cyberdyne', cleo, 'north');

  const revenue = async (
    accountId: string,
    period: string,
    lines: Readonly<Record<string, number>>,
    when: string,
  ) => {
    for (const [productLine, euros] of Object.entries(lines)) {
      await planning.accounts.execute({
        type: 'RecordRevenue',
        accountId,
        revenueId: id(),
        period,
        productLine,
        amount: eur(euros),
        at: at(when),
      });
    }
  };
  // Ben took the south book over with its history: 2024 imported on his first day.
  for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) {
    const imported = '2025-01-03T09:00:00.000Z';
    await revenue(
      hooli,
      `2024-${q}`,
      { Licences: 3_000, Services: 3_000, Support: 2_000 },
      imported,
    );
    await revenue(vandelay, `2024-${q}`, { Services: 2_000 }, imported);
  }
  const quarters = [
    ['2025-Q1', '2025-04-05T09:00:00.000Z'],
    ['2025-Q2', '2025-07-05T09:00:00.000Z'],
    ['2025-Q3', '2025-10-05T09:00:00.000Z'],
    ['2025-Q4', '2026-01-05T09:00:00.000Z'],
    ['2026-Q1', '2026-04-05T09:00:00.000Z'],
  ] as const;
  for (const [period, when] of quarters) {
    await revenue(hooli, period, { Licences: 4_000, Services: 4_000, Support: 2_000 }, when);
    await revenue(cyberdyne, period, { Licences: 6_000 }, when);
    if (period === '2025-Q1' || period === '2025-Q2') {
      await revenue(vandelay, period, { Services: 2_000 }, when);
    }
  }

  const identify = async (
    fields: {
      name: string;
      kind: 'cross_sell' | 'up_sell';
      euros: number;
      probability: number;
      expectedClose: string;
      productLine: string;
    },
    when: string,
  ) => {
    const opportunityId = id();
    await planning.accounts.execute({
      type: 'IdentifyOpportunity',
      accountId: hooli,
      opportunityId,
      name: fields.name,
      kind: fields.kind,
      value: eur(fields.euros),
      stage: 'proposed',
      probability: fields.probability,
      expectedClose: fields.expectedClose,
      productLine: fields.productLine,
      executiveSponsorContactId: null,
      source: 'existing_relationship',
      at: at(when),
    });
    return opportunityId;
  };
  const hooliSupport = await identify(
    {
      name: 'Premium support',
      kind: 'up_sell',
      euros: 5_000,
      probability: 50,
      expectedClose: '2025-06-30',
      productLine: 'Support',
    },
    '2025-03-01T09:00:00.000Z',
  );
  const hooliPilot = await identify(
    {
      name: 'Analytics pilot',
      kind: 'cross_sell',
      euros: 4_000,
      probability: 30,
      expectedClose: '2025-09-30',
      productLine: 'Analytics',
    },
    '2025-04-01T09:00:00.000Z',
  );
  await planning.accounts.execute({
    type: 'WinOpportunity',
    accountId: hooli,
    opportunityId: hooliSupport,
    reason: 'relationship',
    at: at('2025-06-10T09:00:00.000Z'),
  });
  await planning.accounts.execute({
    type: 'MarkAccountLost',
    accountId: vandelay,
    reason: { category: 'controllable', cause: 'price', note: 'A cheaper local supplier' },
    at: at('2025-08-15T09:00:00.000Z'),
  });
  await planning.accounts.execute({
    type: 'LoseOpportunity',
    accountId: hooli,
    opportunityId: hooliPilot,
    reason: 'no_decision',
    at: at('2025-09-01T09:00:00.000Z'),
  });

  // seed 000: the market conditions weighed against past performance for next year's goals.
  for (const [territoryId, factor, rationale] of [
    ['north', 0.9, 'Distributors are consolidating: fewer, larger buyers.'],
    ['south', 1.1, 'A new industrial park brings new plants to the region.'],
  ] as const) {
    await planning.territories.execute({
      type: 'AssessTerritoryMarketConditions',
      territoryId,
      year: 2026,
      factor,
      rationale,
      at: at('2025-12-10T09:00:00.000Z'),
    });
  }

  const salesPlan = async (
    repId: string,
    period: string,
    territoryId: string,
    targetEuros: number,
    pipelineEuros: number,
    opportunities: number,
  ) => {
    const when = at(`${period}-01-02T12:00:00.000Z`);
    await planning.salesPlans.execute({
      type: 'OpenSalesPlan',
      repId,
      period,
      currency: 'EUR',
      measure: 'revenue',
      basis: { kind: 'territory', territoryId },
      at: when,
    });
    await planning.salesPlans.execute({
      type: 'SetSalesPlanTarget',
      repId,
      period,
      target: { measure: 'revenue', amount: eur(targetEuros) },
      at: when,
    });
    await planning.salesPlans.execute({
      type: 'SetSalesPlanPipelineStockingGoal',
      repId,
      period,
      pipelineValue: eur(pipelineEuros),
      opportunities,
      at: when,
    });
  };
  await salesPlan(seed.rep, '2025', 'north', 90_000, 60_000, 4);
  await salesPlan(ben, '2025', 'south', 42_000, 15_000, 3);
  await salesPlan(ben, '2026', 'south', 48_000, 20_000, 3);

  const hooliLicences = await identify(
    {
      name: 'Licence expansion',
      kind: 'up_sell',
      euros: 12_000,
      probability: 40,
      expectedClose: '2026-06-30',
      productLine: 'Licences',
    },
    '2026-02-02T09:00:00.000Z',
  );

  // Ben's monthly review with Sam makes him one of Sam's team.
  const benReview = id();
  await planning.reviews.execute({
    type: 'ScheduleReview',
    reviewId: benReview,
    kind: 'monthly',
    repId: ben,
    managerId: seed.manager,
    accountIds: [hooli],
    scheduledFor: '2026-03-23T09:00:00.000Z',
    at: at('2026-03-06T09:00:00.000Z'),
  });
  await planning.reviews.execute({
    type: 'SendReviewNotice',
    reviewId: benReview,
    agenda: ["Last review's actions", 'Accounts', 'The five questions', 'New actions'],
    at: at('2026-03-09T09:00:00.000Z'),
  });
  await planning.reviews.execute({
    type: 'StartReview',
    reviewId: benReview,
    at: at('2026-03-23T09:00:00.000Z'),
  });
  await planning.reviews.execute({
    type: 'DiscussAccount',
    reviewId: benReview,
    accountId: hooli,
    startedAt: '2026-03-23T09:10:00.000Z',
    at: at('2026-03-23T09:12:00.000Z'),
  });
  const hooliQuote = id();
  const hooliCall = id();
  for (const action of [
    {
      actionId: hooliQuote,
      ownerRole: 'rep' as const,
      ownerId: ben,
      title: 'Send Hooli the licence quote',
      dueOn: '2026-04-03',
    },
    {
      actionId: hooliCall,
      ownerRole: 'manager' as const,
      ownerId: seed.manager,
      title: 'Join the Hooli licence call',
      dueOn: '2026-04-30',
    },
  ]) {
    await planning.reviews.execute({
      type: 'AssignActionItem',
      reviewId: benReview,
      accountId: hooli,
      ...action,
      at: at('2026-03-23T09:40:00.000Z'),
    });
  }
  await planning.reviews.execute({
    type: 'ConcludeReview',
    reviewId: benReview,
    at: at('2026-03-23T10:00:00.000Z'),
  });
  await planning.actionItems.execute({
    type: 'SlipActionItem',
    actionId: hooliQuote,
    newDueOn: '2026-04-10',
    at: at('2026-04-02T09:00:00.000Z'),
  });

  // Cleo's review is booked with Kim: she is in Kim's team, not Sam's.
  await planning.reviews.execute({
    type: 'ScheduleReview',
    reviewId: id(),
    kind: 'monthly',
    repId: cleo,
    managerId: kim,
    accountIds: [cyberdyne],
    scheduledFor: '2026-04-20T09:00:00.000Z',
    at: at('2026-04-01T09:00:00.000Z'),
  });

  return {
    ...seed,
    tiers: { ...seed.tiers, [hooli]: 'A', [vandelay]: 'B', [cyberdyne]: 'A' },
    secondRep: ben,
    otherRep: cleo,
    otherManager: kim,
    teamAccounts: { hooli, vandelay, cyberdyne },
    teamOpportunities: { hooliSupport, hooliPilot, hooliLicences },
    benReview,
    teamActions: { hooliQuote, hooliCall },
  };
}
