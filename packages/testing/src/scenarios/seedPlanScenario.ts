import type { EventStore, Money } from '@account-planning/core';
import { scenarioPlanning } from './scenarioPlanning.js';
import type { SeedScenario } from './seedScenario.js';

/** The ids the plan scenario adds to the seed scenario, for assertions. */
export interface SeedPlanScenario {
  /** Acme Group's contacts besides Dana (who now reports to Marta). */
  readonly contacts: {
    /** Chief executive, the top of the org chart. */
    readonly marta: string;
    /** IT director, reports to Dana, an advocate. */
    readonly priya: string;
    /** Head of procurement, the competition's champion, reports to Marta. */
    readonly lars: string;
    /** Operations manager, reports to Lars: forgotten at his request on 2026-04-14. */
    readonly tom: string;
  };
  /** Initrode, the competitor at Acme Group. */
  readonly competitor: string;
  /** Acme Group's Training cross-sell, identified for the plan. */
  readonly trainingOpportunity: string;
  /** The plan's goal: grow Acme Group's revenue by 12% in 2026. */
  readonly goal: string;
  /** The next steps' action items, in the plan's order. */
  readonly nextSteps: readonly [string, string, string];
}

const eur = (euros: number): Money => ({ amountMinor: euros * 100, currency: 'EUR' });

/**
 * Writes Acme Group's 2026 strategic account plan in full on top of {@link buildSeedScenario}'s
 * record, through the application service, between 2026-04-09 and 2026-04-14 (after everything
 * the seed scenario records): four more contacts with their reporting lines (one of them later
 * forgotten), a competitor, the whitespace grid, a Training cross-sell, then the plan revised
 * to version 2 with all nine sections and a goal, approved and gone through in a strategic
 * review on 2026-04-13, and revised again to version 3 (a new revenue plan), submitted on
 * 2026-04-14. The seed scenario's own figures are unchanged for tests that do not call this.
 *
 * The numbers, worked by hand, are in
 * `packages/reporting/src/reports/planDocument/buildPlanDocument.test.ts`.
 */
export async function extendSeedScenarioWithPlan(
  store: EventStore,
  seed: SeedScenario,
): Promise<SeedPlanScenario> {
  const { planning, at, id } = scenarioPlanning(store, '2026-04-09T09:00:00.000Z', 1000);
  const accountId = seed.accounts.acmeGroup;
  const { rep, manager } = seed;
  const { dana } = seed.contacts;

  const contact = async (
    fields: {
      name: string;
      title: string;
      role: 'economic_buyer' | 'champion' | 'competition_champion' | 'influencer';
      stance: 'advocate' | 'supporter' | 'neutral' | 'skeptic' | 'hostile';
      influence: number;
      decisionPower: number;
      reportsTo: string | null;
      relationship: 'none' | 'vendor' | 'credible_source' | 'problem_solver';
      target: 'vendor' | 'credible_source' | 'problem_solver' | 'trusted_advisor';
      email?: string;
    },
    when: string,
  ) => {
    const contactId = id();
    await planning.accounts.execute({
      type: 'AddContact',
      accountId,
      contactId,
      name: fields.name,
      title: fields.title,
      ...(fields.email ? { email: fields.email } : {}),
      role: fields.role,
      stance: fields.stance,
      influence: fields.influence,
      decisionPower: fields.decisionPower,
      reportsToContactId: fields.reportsTo,
      relationship: fields.relationship,
      targetRelationship: fields.target,
      at: at(when),
    });
    return contactId;
  };
  const marta = await contact(
    {
      name: 'Marta Keller',
      title: 'Chief executive',
      role: 'economic_buyer',
      stance: 'neutral',
      influence: 5,
      decisionPower: 5,
      reportsTo: null,
      relationship: 'vendor',
      target: 'credible_source',
    },
    '2026-04-09T09:00:00.000Z',
  );
  await planning.accounts.execute({
    type: 'ChangeContactReportingLine',
    accountId,
    contactId: dana,
    reportsToContactId: marta,
    at: at('2026-04-09T09:05:00.000Z'),
  });
  const priya = await contact(
    {
      name: 'Priya Nair',
      title: 'IT director',
      role: 'champion',
      stance: 'advocate',
      influence: 4,
      decisionPower: 3,
      reportsTo: dana,
      relationship: 'credible_source',
      target: 'problem_solver',
    },
    '2026-04-09T09:10:00.000Z',
  );
  const lars = await contact(
    {
      name: 'Lars Becker',
      title: 'Head of procurement',
      role: 'competition_champion',
      stance: 'skeptic',
      influence: 3,
      decisionPower: 4,
      reportsTo: marta,
      relationship: 'none',
      target: 'credible_source',
    },
    '2026-04-09T09:15:00.000Z',
  );
  const tom = await contact(
    {
      name: 'Tom Reed',
      title: 'Operations manager',
      role: 'influencer',
      stance: 'neutral',
      influence: 2,
      decisionPower: 2,
      reportsTo: lars,
      relationship: 'vendor',
      target: 'credible_source',
      email: 'tom.reed@acme.example',
    },
    '2026-04-09T09:20:00.000Z',
  );

  const competitor = id();
  await planning.accounts.execute({
    type: 'AddCompetitor',
    accountId,
    competitorId: competitor,
    name: 'Initrode',
    at: at('2026-04-09T09:30:00.000Z'),
  });
  await planning.accounts.execute({
    type: 'AssessCompetitor',
    accountId,
    competitorId: competitor,
    goals: ['Win the support renewal'],
    messages: ['Cheaper per seat'],
    strategy: 'Lead with the value delivered and the Analytics roadmap.',
    at: at('2026-04-09T09:35:00.000Z'),
  });

  const cells = [
    [{ kind: 'account' }, 'Analytics', 'in_pipeline', 30_000],
    [{ kind: 'account' }, 'Training', 'potential', 8_000],
    [{ kind: 'branch', branchAccountId: seed.accounts.acmeBerlin }, 'Services', 'potential', 5_000],
    [
      { kind: 'branch', branchAccountId: seed.accounts.acmeBerlin },
      'Analytics',
      'no_potential',
      null,
    ],
    [{ kind: 'division', division: 'Logistics' }, 'Licences', 'potential', 12_000],
  ] as const;
  for (const [buyingUnit, offering, state, euros] of cells) {
    await planning.accounts.execute({
      type: 'AssessWhitespaceCell',
      accountId,
      buyingUnit,
      offering,
      state,
      estimatedPotential: euros === null ? null : eur(euros),
      at: at('2026-04-09T10:00:00.000Z'),
    });
  }

  const trainingOpportunity = id();
  await planning.accounts.execute({
    type: 'IdentifyOpportunity',
    accountId,
    opportunityId: trainingOpportunity,
    name: 'Training cross-sell',
    kind: 'cross_sell',
    value: eur(8_000),
    stage: 'identified',
    probability: 10,
    expectedClose: '2026-11-30',
    productLine: 'Training',
    executiveSponsorContactId: priya,
    source: 'existing_relationship',
    at: at('2026-04-09T10:30:00.000Z'),
  });

  // Version 2: the whole plan, written for the strategic review (seed 002).
  const planId = seed.plan;
  const write = (command: Record<string, unknown>, when: string) =>
    planning.plans.execute({ ...command, planId, at: at(when) } as never);
  await write(
    {
      type: 'RevisePlan',
      revisedBy: rep,
      reason: 'Write the whole plan for the strategic review.',
    },
    '2026-04-09T11:00:00.000Z',
  );
  await write(
    {
      type: 'WritePlanAccountOverview',
      section: {
        focus:
          'Win back satisfaction after the support backlog and land Analytics before Initrode pitches the renewal.',
        businessModel: 'Makes and services industrial equipment for distributors across Europe.',
        longerTermGoals: [
          'Open two new plants by 2028',
          'Move service contracts onto one platform',
        ],
        financialHealth: {
          rating: 'stable',
          notes: 'Margins steady; capital spending planned for 2027.',
        },
        pain: {
          description: 'Unplanned downtime at the plants, tracked by hand.',
          severity: 'high',
          weCanSolve: true,
        },
        vendorPortfolio: ['Initrode (support tools)', 'A regional IT integrator'],
        customerPerception: 'Reliable licences, slow support this year.',
      },
    },
    '2026-04-09T11:10:00.000Z',
  );
  await write(
    {
      type: 'WritePlanRelationshipOverview',
      section: {
        keyContacts: [
          {
            contactId: dana,
            isExecutiveSponsor: true,
            today: 'problem_solver',
            target: 'trusted_advisor',
            goal: 'Sponsor the Analytics pilot',
          },
          {
            contactId: marta,
            isExecutiveSponsor: false,
            today: 'vendor',
            target: 'credible_source',
            goal: 'Meet once a quarter',
          },
          {
            contactId: priya,
            isExecutiveSponsor: false,
            today: 'credible_source',
            target: 'problem_solver',
          },
        ],
        gaps: [
          {
            description: 'No relationship with the finance director',
            action: 'Ask the sponsor for an introduction before the renewal',
          },
        ],
        alliances: ['The regional IT integrator introduces us to plant managers'],
        competitionChampions: [
          {
            contactId: lars,
            approach: 'neutralize',
            action: 'Show procurement the total cost of switching',
          },
        ],
        trustedAdvisor: false,
        trustedAdvisorPlan: 'Earn it through the Analytics pilot.',
      },
    },
    '2026-04-09T11:20:00.000Z',
  );
  await write(
    {
      type: 'WritePlanCompetitiveStrategy',
      section: {
        competitors: [
          {
            competitorId: competitor,
            name: 'Initrode',
            theirGoals: 'Replace our support contract at the renewal.',
            theirMessages: ['Cheaper per seat'],
            ourStrategy: 'Sell the outcome: downtime avoided, in euros.',
            ourMessages: ['€12,000 of downtime avoided in the last six months'],
          },
        ],
      },
    },
    '2026-04-09T11:30:00.000Z',
  );
  await write(
    {
      type: 'ChoosePlanTopOpportunities',
      section: {
        opportunities: [
          {
            opportunityId: seed.opportunities.acmeAnalytics,
            executiveSponsorContactId: dana,
            relationshipToday: 'problem_solver',
            relationshipTarget: 'trusted_advisor',
          },
          {
            opportunityId: seed.opportunities.acmeRenewal,
            executiveSponsorContactId: dana,
            relationshipToday: 'problem_solver',
            relationshipTarget: 'trusted_advisor',
          },
          {
            opportunityId: trainingOpportunity,
            executiveSponsorContactId: priya,
            relationshipToday: 'credible_source',
            relationshipTarget: 'problem_solver',
          },
        ],
        unidentifiedOpportunities: ['Predictive maintenance for the new plants'],
        customerKnowsPortfolio: false,
        creationStrategy: 'A portfolio day with the plant managers in June.',
      },
    },
    '2026-04-09T11:40:00.000Z',
  );
  await write(
    {
      type: 'WritePlanPastPerformance',
      section: {
        projects: [
          { name: 'Licence roll-out at the Hamburg plant', customerAssessment: 'meets' },
          {
            name: 'Support desk migration',
            customerAssessment: 'below',
            actionsNeeded: 'A weekly status call until the backlog is cleared',
          },
        ],
        valueDelivered: [
          {
            description: 'Downtime avoided by the support desk',
            value: eur(12_000),
            customerAware: true,
          },
          {
            description: 'Savings from consolidating licences',
            value: eur(6_500),
            customerAware: false,
          },
        ],
      },
    },
    '2026-04-10T09:00:00.000Z',
  );
  await write(
    {
      type: 'WritePlanTeamAlignment',
      section: {
        teamCadence: 'Every other Monday, 30 minutes',
        alignmentIssues: [{ function: 'Billing', issue: 'Invoices go to the wrong cost centre' }],
        resourceRequests: [
          {
            requestId: id(),
            description: 'A solutions engineer for the Analytics pilot, two weeks',
            forOpportunityId: seed.opportunities.acmeAnalytics,
            cost: eur(6_000),
          },
        ],
        managerSupport: 'Join the executive meeting with the chief executive.',
      },
    },
    '2026-04-10T09:10:00.000Z',
  );
  const months = (euros: readonly number[]) =>
    euros.map((amount, i) => {
      const month = 4 + i;
      const year = month > 12 ? 2027 : 2026;
      return {
        month: `${year}-${String(month > 12 ? month - 12 : month).padStart(2, '0')}`,
        expected: eur(amount),
      };
    });
  const risks = [
    {
      description: 'The support renewal goes to Initrode',
      likelihood: 'medium',
      exposure: eur(20_000),
    },
    {
      description: 'Licence seats cut after the fall in satisfaction',
      likelihood: 'high',
      exposure: eur(10_000),
    },
    { description: 'Procurement freezes new spending', likelihood: 'low', exposure: eur(6_000) },
  ];
  await write(
    {
      type: 'WritePlanRevenuePlan',
      section: { months: months(Array(12).fill(5_500)), risks: risks.slice(0, 2) },
    },
    '2026-04-10T09:20:00.000Z',
  );
  const nextSteps = [id(), id(), id()] as const;
  await write(
    {
      type: 'ListPlanNextSteps',
      section: {
        steps: [
          {
            actionId: nextSteps[0],
            title: 'Send the sponsor the value delivered, in euros',
            ownerRole: 'rep',
            ownerId: rep,
            dueOn: '2026-04-12',
          },
          {
            actionId: nextSteps[1],
            title: 'Propose the Analytics pilot to the IT director',
            ownerRole: 'rep',
            ownerId: rep,
            dueOn: '2026-04-30',
          },
          {
            actionId: nextSteps[2],
            title: 'Executive meeting with the chief executive',
            ownerRole: 'manager',
            ownerId: manager,
            dueOn: '2026-05-15',
          },
        ],
      },
    },
    '2026-04-10T09:30:00.000Z',
  );
  const goal = id();
  await write(
    {
      type: 'SetPlanGoal',
      goal: {
        goalId: goal,
        metric: 'revenue',
        description: "Grow Acme Group's revenue by 12% in 2026",
        measure: { unit: 'money', baseline: eur(45_000), target: eur(50_400) },
        due: '2026-12-31',
        carriedBy: [seed.opportunities.acmeAnalytics, trainingOpportunity],
        basis:
          '€45,000 in the twelve months to March 2026; the Analytics and Training cross-sells carry the growth.',
      },
    },
    '2026-04-10T09:40:00.000Z',
  );
  await write({ type: 'SubmitPlan', submittedBy: rep }, '2026-04-10T10:00:00.000Z');
  await planning.actionItems.execute({
    type: 'CompleteActionItem',
    actionId: nextSteps[0],
    at: at('2026-04-11T09:00:00.000Z'),
  });
  await write(
    { type: 'ApprovePlan', approvedBy: manager, approverRole: 'manager' },
    '2026-04-13T09:00:00.000Z',
  );
  await write(
    { type: 'RecordPlanReview', kind: 'strategic', reviewedBy: manager },
    '2026-04-13T10:00:00.000Z',
  );

  // Version 3: the revenue plan rewritten after the review, submitted, not yet approved.
  await write(
    { type: 'RevisePlan', revisedBy: rep, reason: 'Analytics now goes live in October.' },
    '2026-04-14T09:00:00.000Z',
  );
  await write(
    {
      type: 'WritePlanRevenuePlan',
      section: {
        months: months([
          5_000, 5_000, 5_000, 5_500, 5_500, 5_500, 6_500, 6_500, 6_500, 6_500, 6_500, 6_500,
        ]),
        changeSinceLastReview:
          'Analytics goes live in October; licences are renegotiated over the spring.',
        risks,
      },
    },
    '2026-04-14T09:30:00.000Z',
  );
  await write({ type: 'SubmitPlan', submittedBy: rep }, '2026-04-14T10:00:00.000Z');
  await planning.accounts.execute({
    type: 'ForgetContact',
    accountId,
    contactId: tom,
    at: at('2026-04-14T11:00:00.000Z'),
  });

  return {
    contacts: { marta, priya, lars, tom },
    competitor,
    trainingOpportunity,
    goal,
    nextSteps,
  };
}
