import type { EventStore, Money } from '@account-planning/core';
import { scenarioPlanning } from './scenarioPlanning.js';

/**
 * The ids of everything in the seed scenario, for assertions. Ids are ULID-shaped and fixed, so
 * that a scenario built twice is the same record.
 */
export interface SeedScenario {
  readonly rep: 'rep-ana';
  readonly manager: 'mgr-sam';
  readonly currency: 'EUR';
  readonly territories: { readonly north: 'north'; readonly south: 'south' };
  readonly accounts: {
    /** Multi-branch parent (seed 003), tier A, with a 2026 plan approved in January. */
    readonly acmeGroup: string;
    /** Acme Group's branch, tier B. */
    readonly acmeBerlin: string;
    /** Tier A, no plan; moved from south to north on 2026-02-01. */
    readonly globex: string;
    /** Lost on 2026-02-12 to a competitor (controllable, seed 004). */
    readonly initech: string;
    /** A prospect. */
    readonly umbrella: string;
  };
  /** The tiers the scenario assigns (the product's own, as seed 003 leaves tiers to it). */
  readonly tiers: Readonly<Record<string, 'A' | 'B' | 'C'>>;
  readonly opportunities: {
    readonly acmeRenewal: string;
    readonly acmeAnalytics: string;
    readonly globexUpSell: string;
    readonly initechRenewal: string;
  };
  readonly reviews: { readonly february: string; readonly march: string };
  readonly actions: {
    /** Rep's, from February: done on time. */
    readonly qbrDeck: string;
    /** Manager's, from February: slipped 14 days, carried over in March, done late. */
    readonly globexDiscount: string;
    /** Rep's, from March: due 2026-03-31, still open. */
    readonly berlinBuyers: string;
  };
  readonly plan: string;
  readonly contacts: { readonly dana: string; readonly raj: string };
}

const eur = (euros: number): Money => ({ amountMinor: euros * 100, currency: 'EUR' });

/**
 * Builds the seed scenario on a store through the application service: one rep (Ana) and her
 * manager (Sam), two territories (north A, south B), five accounts (Acme Group and its branch
 * Acme Berlin, Globex, Initech, the prospect Umbrella) with quarterly revenue for 2025 and
 * 2026-Q1, opportunities, contacts, satisfaction, a February and a March monthly review with
 * their action items, Acme Group's approved 2026 plan and Ana's 2026 sales plan. Every command
 * carries its business time, from 2025-01-02 to 2026-04-08. The store needs a registry from
 * `createDomainEventRegistry()` (or none).
 *
 * The numbers, worked by hand, are in `packages/core/src/projections/seedScenario.test.ts`.
 */
export async function buildSeedScenario(store: EventStore): Promise<SeedScenario> {
  const { planning, at, id } = scenarioPlanning(store, '2025-01-02T09:00:00.000Z', 0);
  const rep = 'rep-ana';
  const manager = 'mgr-sam';

  for (const [territoryId, tier] of [
    ['north', 'A'],
    ['south', 'B'],
  ] as const) {
    await planning.territories.execute({
      type: 'DefineTerritory',
      territoryId,
      name: territoryId === 'north' ? 'North' : 'South',
      tier,
      currency: 'EUR',
      at: at('2025-01-02T09:00:00.000Z'),
    });
    await planning.territories.execute({
      type: 'AssignRepToTerritory',
      territoryId,
      repId: rep,
      at: at('2025-01-02T09:00:00.000Z'),
    });
  }

  const open = async (
    name: string,
    territoryId: string,
    status: 'active' | 'prospect',
    parentAccountId?: string,
  ) => {
    const { state } = await planning.accounts.execute({
      type: 'OpenAccount',
      name,
      ownerRepId: rep,
      currency: 'EUR',
      territoryId,
      status,
      ...(parentAccountId === undefined ? {} : { parentAccountId }),
      at: at('2025-01-02T10:00:00.000Z'),
    });
    return state.accountId as string;
  };
  const acmeGroup = await open('Acme Group', 'north', 'active');
  const acmeBerlin = await open('Acme Berlin', 'north', 'active', acmeGroup);
  const globex = await open('Globex', 'south', 'active');
  const initech = await open('Initech', 'north', 'active');
  const umbrella = await open('Umbrella', 'south', 'prospect');

  const dana = id();
  const raj = id();
  await planning.accounts.execute({
    type: 'AddContact',
    accountId: acmeGroup,
    contactId: dana,
    name: 'Dana Whitfield',
    role: 'executive_sponsor',
    stance: 'supporter',
    influence: 5,
    decisionPower: 5,
    relationship: 'problem_solver',
    targetRelationship: 'trusted_advisor',
    at: at('2025-01-10T09:00:00.000Z'),
  });
  await planning.accounts.execute({
    type: 'AddContact',
    accountId: globex,
    contactId: raj,
    name: 'Raj Patel',
    role: 'economic_buyer',
    stance: 'neutral',
    influence: 4,
    decisionPower: 5,
    relationship: 'vendor',
    targetRelationship: 'problem_solver',
    at: at('2025-01-10T09:30:00.000Z'),
  });

  const revenue = async (
    accountId: string,
    period: string,
    productLine: string,
    euros: number,
    when: string,
  ) => {
    await planning.accounts.execute({
      type: 'RecordRevenue',
      accountId,
      revenueId: id(),
      period,
      productLine,
      amount: eur(euros),
      at: at(when),
    });
  };
  const quarters2025 = [
    ['2025-Q1', '2025-04-05T09:00:00.000Z'],
    ['2025-Q2', '2025-07-05T09:00:00.000Z'],
    ['2025-Q3', '2025-10-05T09:00:00.000Z'],
    ['2025-Q4', '2026-01-05T09:00:00.000Z'],
  ] as const;
  for (const [period, when] of quarters2025) {
    await revenue(acmeGroup, period, 'Licences', 10_000, when);
    if (period !== '2025-Q1') await revenue(acmeBerlin, period, 'Licences', 2_000, when);
    await revenue(globex, period, 'Services', 5_000, when);
    await revenue(initech, period, 'Licences', 3_000, when);
  }

  const plan = id();
  const { state: planState } = await planning.plans.execute({
    type: 'DraftPlan',
    planId: plan,
    accountId: acmeGroup,
    repId: rep,
    year: 2026,
    currency: 'EUR',
    at: at('2026-01-10T09:00:00.000Z'),
  });
  await planning.plans.execute({
    type: 'WritePlanIndustryOverview',
    planId: planState.planId as string,
    section: {
      industry: 'Industrial equipment',
      sectorTrends: ['Consolidation among distributors'],
      landscapeEvents: [],
    },
    at: at('2026-01-12T09:00:00.000Z'),
  });
  await planning.plans.execute({
    type: 'SubmitPlan',
    planId: plan,
    submittedBy: rep,
    at: at('2026-01-15T09:00:00.000Z'),
  });
  await planning.plans.execute({
    type: 'ApprovePlan',
    planId: plan,
    approvedBy: manager,
    approverRole: 'manager',
    at: at('2026-01-20T09:00:00.000Z'),
  });

  await planning.salesPlans.execute({
    type: 'OpenSalesPlan',
    repId: rep,
    period: '2026',
    currency: 'EUR',
    measure: 'revenue',
    basis: { kind: 'uniform' },
    at: at('2026-01-05T10:00:00.000Z'),
  });
  await planning.salesPlans.execute({
    type: 'SetSalesPlanTarget',
    repId: rep,
    period: '2026',
    target: { measure: 'revenue', amount: eur(100_000) },
    at: at('2026-01-05T10:00:00.000Z'),
  });
  await planning.salesPlans.execute({
    type: 'SetSalesPlanPipelineStockingGoal',
    repId: rep,
    period: '2026',
    pipelineValue: eur(80_000),
    opportunities: 5,
    at: at('2026-01-05T10:00:00.000Z'),
  });

  const identify = async (
    accountId: string,
    fields: {
      name: string;
      kind: 'renewal' | 'cross_sell' | 'up_sell';
      euros: number;
      stage: 'qualified' | 'proposed' | 'negotiating';
      probability: number;
      expectedClose: string;
      productLine: string;
      sponsor?: string;
    },
    when: string,
  ) => {
    const opportunityId = id();
    await planning.accounts.execute({
      type: 'IdentifyOpportunity',
      accountId,
      opportunityId,
      name: fields.name,
      kind: fields.kind,
      value: eur(fields.euros),
      stage: fields.stage,
      probability: fields.probability,
      expectedClose: fields.expectedClose,
      productLine: fields.productLine,
      executiveSponsorContactId: fields.sponsor ?? null,
      source: 'existing_relationship',
      at: at(when),
    });
    return opportunityId;
  };
  const initechRenewal = await identify(
    initech,
    {
      name: 'Licence renewal',
      kind: 'renewal',
      euros: 6_000,
      stage: 'negotiating',
      probability: 60,
      expectedClose: '2026-02-28',
      productLine: 'Licences',
    },
    '2026-01-12T09:00:00.000Z',
  );
  const acmeRenewal = await identify(
    acmeGroup,
    {
      name: 'Support renewal',
      kind: 'renewal',
      euros: 20_000,
      stage: 'proposed',
      probability: 50,
      expectedClose: '2026-05-30',
      productLine: 'Support',
      sponsor: dana,
    },
    '2026-01-15T09:00:00.000Z',
  );
  const globexUpSell = await identify(
    globex,
    {
      name: 'Services up-sell',
      kind: 'up_sell',
      euros: 10_000,
      stage: 'proposed',
      probability: 50,
      expectedClose: '2026-03-31',
      productLine: 'Services',
    },
    '2026-01-20T09:00:00.000Z',
  );

  // seed 004: know what business you are losing, and why.
  await planning.accounts.execute({
    type: 'AssignAccountTerritory',
    accountId: globex,
    territoryId: 'north',
    at: at('2026-02-01T09:00:00.000Z'),
  });
  await planning.accounts.execute({
    type: 'LoseOpportunity',
    accountId: initech,
    opportunityId: initechRenewal,
    reason: 'competitor',
    at: at('2026-02-10T09:00:00.000Z'),
  });
  await planning.accounts.execute({
    type: 'RecordSatisfaction',
    accountId: acmeGroup,
    score: 8,
    method: 'survey',
    at: at('2026-02-10T10:00:00.000Z'),
  });
  await planning.accounts.execute({
    type: 'MarkAccountLost',
    accountId: initech,
    reason: { category: 'controllable', cause: 'competitor', note: 'Moved to a cheaper vendor' },
    at: at('2026-02-12T09:00:00.000Z'),
  });

  const scope = [acmeGroup, acmeBerlin, globex, initech, umbrella];
  const holdReview = async (
    day: string,
    actions: readonly {
      actionId: string;
      ownerRole: 'rep' | 'manager';
      title: string;
      accountId: string;
      dueOn: string;
    }[],
    previousOutcomes: readonly { actionId: string; outcome: { status: 'open' } }[] = [],
  ) => {
    const reviewId = id();
    const scheduledFor = `${day}T09:00:00.000Z`;
    await planning.reviews.execute({
      type: 'ScheduleReview',
      reviewId,
      kind: 'monthly',
      repId: rep,
      managerId: manager,
      accountIds: scope,
      scheduledFor,
      at: at(new Date(Date.parse(scheduledFor) - 16 * 86_400_000).toISOString()),
    });
    await planning.reviews.execute({
      type: 'SendReviewNotice',
      reviewId,
      agenda: ["Last review's actions", 'Accounts', 'The five questions', 'New actions'],
      at: at(new Date(Date.parse(scheduledFor) - 14 * 86_400_000).toISOString()),
    });
    await planning.reviews.execute({ type: 'StartReview', reviewId, at: at(scheduledFor) });
    for (const { actionId, outcome } of previousOutcomes) {
      await planning.reviews.execute({
        type: 'ReviewPreviousAction',
        reviewId,
        actionId,
        outcome,
        at: at(`${day}T09:05:00.000Z`),
      });
    }
    for (const [i, accountId] of scope.entries()) {
      await planning.reviews.execute({
        type: 'DiscussAccount',
        reviewId,
        accountId,
        startedAt: `${day}T09:${String(10 + 2 * i).padStart(2, '0')}:00.000Z`,
        at: at(`${day}T09:${String(11 + 2 * i).padStart(2, '0')}:30.000Z`),
      });
    }
    await planning.reviews.execute({
      type: 'AnswerReviewQuestion',
      reviewId,
      question: 'needs_from_manager',
      answer: 'A pricing decision for Globex.',
      at: at(`${day}T09:30:00.000Z`),
    });
    for (const action of actions) {
      await planning.reviews.execute({
        type: 'AssignActionItem',
        reviewId,
        ...action,
        ownerId: action.ownerRole === 'rep' ? rep : manager,
        at: at(`${day}T09:40:00.000Z`),
      });
    }
    await planning.reviews.execute({
      type: 'ConcludeReview',
      reviewId,
      at: at(`${day}T10:00:00.000Z`),
    });
    return reviewId;
  };

  const qbrDeck = id();
  const globexDiscount = id();
  const february = await holdReview('2026-02-16', [
    {
      actionId: qbrDeck,
      ownerRole: 'rep',
      title: 'Send Acme the QBR deck',
      accountId: acmeGroup,
      dueOn: '2026-02-27',
    },
    {
      actionId: globexDiscount,
      ownerRole: 'manager',
      title: 'Approve the Globex discount',
      accountId: globex,
      dueOn: '2026-02-20',
    },
  ]);
  await planning.actionItems.execute({
    type: 'SlipActionItem',
    actionId: globexDiscount,
    newDueOn: '2026-03-06',
    at: at('2026-02-19T09:00:00.000Z'),
  });
  await planning.actionItems.execute({
    type: 'CompleteActionItem',
    actionId: qbrDeck,
    at: at('2026-02-25T09:00:00.000Z'),
  });

  const berlinBuyers = id();
  const march = await holdReview(
    '2026-03-16',
    [
      {
        actionId: berlinBuyers,
        ownerRole: 'rep',
        title: 'Map the Acme Berlin buying centre',
        accountId: acmeBerlin,
        dueOn: '2026-03-31',
      },
    ],
    [{ actionId: globexDiscount, outcome: { status: 'open' } }],
  );

  // After the March review: what a review in April asks about.
  await planning.actionItems.execute({
    type: 'CompleteActionItem',
    actionId: globexDiscount,
    at: at('2026-03-18T09:00:00.000Z'),
  });
  await planning.accounts.execute({
    type: 'MoveOpportunity',
    accountId: acmeGroup,
    opportunityId: acmeRenewal,
    stage: 'negotiating',
    probability: 60,
    at: at('2026-03-20T09:00:00.000Z'),
  });
  const acmeAnalytics = await identify(
    acmeGroup,
    {
      name: 'Analytics cross-sell',
      kind: 'cross_sell',
      euros: 30_000,
      stage: 'qualified',
      probability: 25,
      expectedClose: '2026-09-30',
      productLine: 'Analytics',
    },
    '2026-04-02T09:00:00.000Z',
  );
  const q1 = '2026-04-05T09:00:00.000Z';
  await revenue(acmeGroup, '2026-Q1', 'Licences', 12_000, q1);
  await revenue(acmeGroup, '2026-Q1', 'Services', 3_000, q1);
  await revenue(acmeBerlin, '2026-Q1', 'Licences', 2_000, q1);
  await revenue(globex, '2026-Q1', 'Services', 4_000, q1);
  await planning.accounts.execute({
    type: 'RecordSatisfaction',
    accountId: acmeGroup,
    score: 6,
    method: 'business_review',
    at: at('2026-04-08T09:00:00.000Z'),
  });

  return {
    rep,
    manager,
    currency: 'EUR',
    territories: { north: 'north', south: 'south' },
    accounts: { acmeGroup, acmeBerlin, globex, initech, umbrella },
    tiers: { [acmeGroup]: 'A', [globex]: 'A', [acmeBerlin]: 'B', [initech]: 'B', [umbrella]: 'C' },
    opportunities: { acmeRenewal, acmeAnalytics, globexUpSell, initechRenewal },
    reviews: { february, march },
    actions: { qbrDeck, globexDiscount, berlinBuyers },
    plan,
    contacts: { dana, raj },
  };
}
