import {
  accountHealthFactsOf,
  accountHealthScorer,
  accountTiers,
  averageChurnRate,
  type BookAccount,
  CalendarDate,
  type Contact,
  commitmentLine,
  DEFAULT_OPPORTUNITY_RULE,
  NotFoundError,
  openOpportunityFacts,
  opportunityScorer,
  type PipelineItem,
  type PlanSectionName,
  planCompleteness,
  planCoverageOf,
  planReviewsDue,
  previousRange,
  type RankedOpportunity,
  type ReadModels,
  type RelationshipLevel,
  type RevenueLine,
  rankOpportunities,
  revenueInRange,
  revenuePlan,
  trailingTwelveMonths,
  ValidationError,
  whitespaceGrid,
} from '@account-planning/core';
import type { ChartBlock } from '../../document/chartBlock.js';
import type { HeatMapBlock } from '../../document/heatMapBlock.js';
import type { KeyFigure } from '../../document/keyFiguresBlock.js';
import type { OrgChartBlock, OrgChartPerson } from '../../document/orgChartBlock.js';
import type { ReportBlock, ReportDocument, ReportSection } from '../../document/reportDocument.js';
import type { TableBlock } from '../../document/tableBlock.js';
import {
  DEFAULT_LOCALE,
  formatDate,
  formatMoney,
  formatPercent,
} from '../../formatting/formatValue.js';
import { bookRevenueTrendChart, periodInWords, revenueTrend } from '../charts/revenueTrend.js';
import { scoreBreakdownChart } from '../charts/scoreBreakdownChart.js';
import { changeTrend } from '../figures/changeTrend.js';
import { humanLabel } from '../labels/humanLabel.js';
import { personName, type ReportOptions } from '../reportOptions.js';
import { scoreReasons } from '../scores/scoreReasons.js';
import { planOfAccount } from './planOfAccount.js';

/** The read models a plan document reads: the book, the commitment ledger and the plans. */
export type PlanDocumentModels = Pick<ReadModels, 'book' | 'ledger' | 'plans'>;

/** How a plan document is made, besides what every report can be told. */
export interface PlanDocumentOptions extends ReportOptions {
  /**
   * The churn rate (0-1) the record's revenue plan expects (seed 003). Default: the revenue
   * churn of the rep's book averaged over the three calendar years before `asOf`'s.
   */
  readonly churnRate?: number;
  /** An across-the-board price increase on kept revenue, as a fraction (default 0). */
  readonly priceIncreaseRate?: number;
}

/**
 * What a strategic account plan document is built from: the read models, whose plan and for
 * when. {@link readPlanDocumentInput} gathers it from a store.
 */
export interface PlanDocumentInput {
  /** `book` (the account, its contacts, competitors, opportunities), `ledger`, `plans`. */
  readonly models: PlanDocumentModels;
  /** The account the plan is for. */
  readonly accountId: string;
  /** The plan (default: the account's plan that counts, as plan coverage chooses it). */
  readonly planId?: string | null;
  /** The day the document is for, `YYYY-MM-DD`: scores, trends and reviews due are as of it. */
  readonly asOf: string;
  /** When the document is made, an ISO instant shown on it (report models read no clock). */
  readonly generatedAt: string;
  readonly options?: PlanDocumentOptions;
}

/** The nine sections of a strategic account plan in seed 002's words, in its order. */
export const PLAN_SECTION_TITLES: Readonly<Record<PlanSectionName, string>> = Object.freeze({
  accountOverview: 'Account overview',
  industryOverview: 'Industry overview',
  relationshipOverview: 'Relationship overview',
  competitiveStrategy: 'Competitive strategy',
  topOpportunities: 'Opportunity analysis',
  pastPerformance: 'Past performance',
  teamAlignment: 'Team alignment',
  revenuePlan: 'Financial/revenue plan',
  nextSteps: 'Next steps',
});

const SECTION_IDS: Readonly<Record<PlanSectionName, string>> = {
  accountOverview: 'account-overview',
  industryOverview: 'industry-overview',
  relationshipOverview: 'relationship-overview',
  competitiveStrategy: 'competitive-strategy',
  topOpportunities: 'opportunity-analysis',
  pastPerformance: 'past-performance',
  teamAlignment: 'team-alignment',
  revenuePlan: 'revenue-plan',
  nextSteps: 'next-steps',
};

const LEVELS: readonly RelationshipLevel[] = [
  'none',
  'vendor',
  'credible_source',
  'problem_solver',
  'trusted_advisor',
];
const levelLabel = (level: RelationshipLevel) =>
  level === 'none' ? 'Not yet established' : humanLabel(level);

const NOT_WRITTEN = 'Not written in this version of the plan.';

/**
 * The strategic account plan document of one account (seed 002's plan review; seeds 003, 004):
 * the plan's status (draft, submitted or approved, its version and the one in force, when it was
 * last reviewed and which sections were written since, completeness, reviews due), its goals,
 * then the nine sections in seed 002's order, each with what the plan says beside what the record
 * shows: the account's revenue, health and satisfaction; the relationship map (an org chart
 * from reports-to, coloured by stance; a forgotten contact shown as such, with no personal data)
 * and each relationship today against its target; competitors with our strategy; the plan's top
 * three opportunities and every open opportunity ranked by score with why; the whitespace grid;
 * value delivered; the twelve-month revenue plan with its risks and exposure, beside seed 003's
 * plan from the record; the next steps with their action items' status. A section the plan has
 * not written says so. Pure: the same input gives the same document.
 *
 * @throws {NotFoundError} when the account is unknown, or has no plan (or not the one named).
 * @throws {ValidationError} when `asOf` is not a date or a scoring rule is invalid.
 * @example
 * ```ts
 * const input = await readPlanDocumentInput(store, { accountId, asOf: '2026-04-15',
 *   generatedAt: new Date().toISOString() });
 * const html = await renderHtml(buildPlanDocument(input));
 * ```
 */
export function buildPlanDocument(input: PlanDocumentInput): ReportDocument {
  const options = input.options ?? {};
  const locale = options.locale ?? DEFAULT_LOCALE;
  const asOf = checkedDay(input.asOf);
  const { book, ledger, plans } = input.models;
  const account = book.accounts[input.accountId];
  if (account === undefined) throw new NotFoundError('account', input.accountId);
  const plan = planOfAccount(plans, input.accountId, input.planId);
  const planId = plan.planId!;
  const sections = plan.sections;
  const currency = plan.currency ?? account.currency ?? 'XXX';
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const date = (day: string) => formatDate(day.slice(0, 10), locale);
  const repId = plan.repId ?? account.ownerRepId!;
  const managerId = book.managers[repId] ?? null;
  const accountName = account.name!;

  const tiers = accountTiers(book, {
    asOf,
    accountIds: [input.accountId],
    ...(options.assignedTiers ? { assigned: options.assignedTiers } : {}),
  });
  const tier = tiers[input.accountId]?.tier ?? null;

  // Scores: the account's open opportunities ranked; its health as of the day.
  const opportunityRule = options.opportunityRule ?? DEFAULT_OPPORTUNITY_RULE;
  const scorer = opportunityScorer(
    { asOf, ...(options.horizonDays === undefined ? {} : { horizonDays: options.horizonDays }) },
    opportunityRule,
  );
  const ranked = rankOpportunities(
    openOpportunityFacts(book, { accounts: [input.accountId] }, { currency, tiers }),
    scorer,
  ).entries();
  const healthFacts =
    account.status === 'prospect'
      ? undefined
      : accountHealthFactsOf(input.models, input.accountId, asOf);
  const health = healthFacts ? accountHealthScorer(options.healthRule).score(healthFacts) : null;

  const contactName = (contactId: string | null | undefined): string | null => {
    if (!contactId) return null;
    const contact = account.contacts[contactId];
    if (contact === undefined) return null;
    return contact.personal === null
      ? 'Forgotten contact'
      : (contact.personal.name ?? 'Unnamed contact');
  };
  const opportunityName = (id: string) =>
    account.opportunities[id]?.name ?? 'An opportunity no longer on the record';

  const completeness = planCompleteness(plan);
  const freshness = plans.freshness[planId]!;
  const reviewsDue = planReviewsDue(plan, asOf);
  const approved = plan.approvedVersions.at(-1) ?? null;
  const lastReview = plan.reviews.at(-1) ?? null;

  const documentSections: ReportSection[] = [
    planStatus(),
    goals(),
    accountOverview(),
    industryOverview(),
    relationshipOverview(),
    competitiveStrategy(),
    opportunityAnalysis(),
    pastPerformance(),
    teamAlignment(),
    financialPlan(),
    nextSteps(),
  ];

  const territory = account.territoryId ? book.territories[account.territoryId] : undefined;
  const parent = account.parentAccountId ? book.accounts[account.parentAccountId]?.name : null;
  return {
    schemaVersion: 1,
    title: `Strategic account plan: ${accountName}, ${plan.year}`,
    subtitle: statusSentence(),
    generatedAt: input.generatedAt,
    locale,
    metadata: [
      { label: 'Account', value: parent ? `${accountName} (branch of ${parent})` : accountName },
      ...(tier ? [{ label: 'Tier', value: tier }] : []),
      ...(territory
        ? [
            {
              label: 'Territory',
              value: `${territory.name ?? territory.territoryId} (tier ${territory.tier})`,
            },
          ]
        : []),
      { label: 'Rep', value: personName(options, repId) },
      ...(managerId ? [{ label: 'Manager', value: personName(options, managerId) }] : []),
      {
        label: 'Last reviewed',
        value: lastReview
          ? `${date(lastReview.at)} (${lastReview.kind === 'strategic' ? 'strategic review' : 'check'})`
          : 'Never',
      },
      { label: 'Figures as of', value: date(asOf) },
    ],
    sections: documentSections,
  };

  function statusSentence(): string {
    const status =
      plan.status === 'approved'
        ? `Version ${plan.version}, approved ${date(approved!.approvedAt)}`
        : plan.status === 'submitted'
          ? `Version ${plan.version}, submitted for approval ${date(plan.submittedAt!)}`
          : plan.status === 'archived'
            ? `Archived (version ${plan.version})`
            : `Version ${plan.version}, a draft`;
    const inForce =
      approved && approved.version !== plan.version
        ? `; version ${approved.version}, approved ${date(approved.approvedAt)}, is in force`
        : '';
    return `${status}${inForce}`;
  }

  function planStatus(): ReportSection {
    const coverage = planCoverageOf(
      { book, plans },
      { asOf, tiers, topTiers: ['A', 'B', 'C'], rep: account!.ownerRepId! },
    ).accounts.find((line) => line.accountId === input.accountId);
    const due = (label: string, d: { due: string | null; overdue: boolean }): KeyFigure =>
      d.due === null
        ? { label, value: 'Not in force yet', format: { type: 'text' }, note: 'due once approved' }
        : {
            label,
            value: d.due,
            format: { type: 'date' },
            ...(d.overdue
              ? { trend: { direction: 'up', sentiment: 'negative', text: 'overdue' } }
              : { note: 'not yet due' }),
          };
    const figures: KeyFigure[] = [
      {
        label: 'Status',
        value: humanLabel(plan.status),
        format: { type: 'text' },
        note: approved
          ? approved.version === plan.version
            ? `version ${plan.version} in force`
            : `version ${plan.version}; version ${approved.version} in force`
          : `version ${plan.version}, never approved`,
      },
      {
        label: 'Sections written',
        value: completeness.ratio,
        format: { type: 'percent', fractionDigits: 0 },
        note: `${completeness.written.length} of 9, ${plan.goals.length} ${plan.goals.length === 1 ? 'goal' : 'goals'}`,
      },
      lastReview
        ? {
            label: 'Last reviewed',
            value: lastReview.at.slice(0, 10),
            format: { type: 'date' },
            note: `${lastReview.kind === 'strategic' ? 'strategic review' : 'check'} with ${personName(options, lastReview.reviewedBy)}`,
          }
        : { label: 'Last reviewed', value: 'Never', format: { type: 'text' } },
      due('Next strategic review', reviewsDue.strategicReview),
      due('Next check', reviewsDue.check),
    ];
    const blocks: ReportBlock[] = [{ type: 'keyFigures', figures }];
    const since = lastReview
      ? `since the last review (${date(lastReview.at)})`
      : 'so far (never reviewed)';
    const named = (names: readonly PlanSectionName[]) =>
      names.map((name) => PLAN_SECTION_TITLES[name]).join(', ');
    const touched = freshness.touchedSinceLastReview;
    blocks.push({
      type: 'paragraph',
      text: `${touched.length === 0 ? 'No section was written' : `Written ${since}: ${named(touched)}.`}${touched.length === 0 ? ` ${since}.` : ''}${completeness.missing.length > 0 ? ` Not written yet: ${named(completeness.missing)}.` : ' Every section is written.'}${completeness.hasGoals ? '' : ' The plan has no goal yet (seed 003: work back from the goal).'}`,
    });
    if (coverage && coverage.gap !== null) {
      blocks.push({
        type: 'paragraph',
        text:
          coverage.gap === 'unapproved'
            ? 'Plan coverage: no version of this plan has been approved yet.'
            : coverage.gap === 'no_plan'
              ? 'Plan coverage: the account has no plan in force.'
              : `Plan coverage: stale (${coverage.staleReasons.map((r) => humanLabel(r, true)).join(', ')}).`,
      });
    }
    blocks.push({
      type: 'table',
      id: 'plan-sections',
      caption: 'The nine sections: when each was last written',
      columns: [
        { key: 'section', label: 'Section', type: 'text' },
        { key: 'written', label: 'Last written', type: 'date' },
        { key: 'state', label: 'Since the last review', type: 'text' },
      ],
      rows: (Object.keys(PLAN_SECTION_TITLES) as PlanSectionName[]).map((name) => ({
        section: PLAN_SECTION_TITLES[name],
        written: freshness.lastWrittenAt[name]?.slice(0, 10) ?? null,
        state:
          sections[name] === undefined
            ? 'Not written'
            : touched.includes(name)
              ? 'Written'
              : freshness.lastWrittenAt[name] === undefined
                ? 'Carried over from last year'
                : 'Not touched',
      })),
    });
    const history = [
      ...plan.approvedVersions.map((v) => ({
        at: v.approvedAt,
        text: `Version ${v.version} approved by ${personName(options, v.approvedBy)}`,
      })),
      ...plan.reviews.map((r) => ({
        at: r.at,
        text: `${r.kind === 'strategic' ? 'Strategic review' : 'Check'} with ${personName(options, r.reviewedBy)}`,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    if (history.length > 0) {
      blocks.push(
        { type: 'heading', text: 'Approvals and reviews' },
        { type: 'list', items: history.map((h) => `${date(h.at)}: ${h.text}.`) },
      );
    }
    return { id: 'plan-status', title: 'Plan status', blocks };
  }

  function goals(): ReportSection {
    const rows = plan.goals.map((goal) => {
      const m = goal.measure;
      const show = (value: number | { amountMinor: number }) =>
        typeof value === 'number'
          ? m.unit === 'percent'
            ? `${value}%`
            : String(value)
          : money(value.amountMinor);
      const base = m.unit === 'money' ? m.baseline.amountMinor : m.baseline;
      const target = m.unit === 'money' ? m.target.amountMinor : m.target;
      return {
        goal: goal.description,
        metric: humanLabel(goal.metric),
        baseline: show(m.baseline),
        target: show(m.target),
        change: m.unit === 'percent' || base === 0 ? null : (target - base) / base,
        due: goal.due,
        carriedBy: goal.carriedBy.map(opportunityName).join(', ') || null,
        basis: goal.basis ?? null,
      };
    });
    return {
      id: 'goals',
      title: 'Goals',
      blocks: [
        {
          type: 'table',
          id: 'plan-goals',
          caption: 'Goals, worked back to the opportunities that carry them (seed 003)',
          columns: [
            { key: 'goal', label: 'Goal', type: 'text' },
            { key: 'metric', label: 'Measure', type: 'text' },
            { key: 'baseline', label: 'Baseline', type: 'text' },
            { key: 'target', label: 'Target', type: 'text' },
            { key: 'change', label: 'Change', type: 'percent', fractionDigits: 0 },
            { key: 'due', label: 'Due', type: 'date' },
            { key: 'carriedBy', label: 'Carried by', type: 'text' },
            { key: 'basis', label: 'Based on', type: 'text' },
          ],
          rows,
          emptyText: 'No goal set yet.',
        },
      ],
    };
  }

  function section(
    name: PlanSectionName,
    blocks: ReportBlock[],
    pageBreakBefore = false,
  ): ReportSection {
    return {
      id: SECTION_IDS[name],
      title: PLAN_SECTION_TITLES[name],
      blocks,
      ...(pageBreakBefore ? { pageBreakBefore } : {}),
    };
  }

  function accountOverview(): ReportSection {
    const trailing = trailingTwelveMonths(asOf);
    const revenue = revenueInRange(account!, trailing);
    const before = revenueInRange(account!, previousRange(trailing));
    const satisfaction = account!.satisfaction.at(-1) ?? null;
    const openPipeline = Object.values(account!.opportunities).filter((o) => o.status === 'open');
    const figures: KeyFigure[] = [
      {
        label: 'Revenue, last 12 months',
        value: revenue,
        format: { type: 'money', currency },
        trend: changeTrend(revenue, before, locale),
      },
      satisfaction
        ? {
            label: 'Satisfaction',
            value: satisfaction.score,
            format: { type: 'number', unit: '/ 10' },
            note: `${humanLabel(satisfaction.method, true)}, ${date(satisfaction.at)}`,
          }
        : { label: 'Satisfaction', value: 'Not measured', format: { type: 'text' } },
      ...(health
        ? [
            {
              label: 'Health',
              value: health.score,
              format: { type: 'number', unit: '/ 100' },
              ...(health.flags.length > 0
                ? {
                    note: `${health.flags.length} ${health.flags.length === 1 ? 'warning' : 'warnings'}`,
                  }
                : {}),
            } satisfies KeyFigure,
          ]
        : []),
      {
        label: 'Open pipeline',
        value: openPipeline.reduce(
          (sum, o) => sum + (o.value.currency === currency ? o.value.amountMinor : 0),
          0,
        ),
        format: { type: 'money', currency },
        note: `${openPipeline.length} ${openPipeline.length === 1 ? 'opportunity' : 'opportunities'}`,
      },
    ];
    const blocks: ReportBlock[] = [{ type: 'keyFigures', figures }];
    const trend = revenueTrend(
      account!.revenue,
      { from: previousRange(trailing).from, to: trailing.to },
      account!.openedAt ? account!.openedAt.slice(0, 7) : undefined,
    );
    // Bars from zero by product line: a line from the lowest quarter would make +50% look tenfold.
    const chart = bookRevenueTrendChart(
      `Revenue of ${accountName} by ${trend.granularity} and product line`,
      trend,
      currency,
      locale,
    );
    if (chart) blocks.push(chart);
    if (health && health.flags.length > 0) {
      blocks.push(
        { type: 'heading', text: 'Health warnings' },
        { type: 'list', items: health.flags.map((flag) => flag.message) },
      );
    }
    const s = sections.accountOverview;
    if (!s) {
      blocks.push({ type: 'paragraph', text: NOT_WRITTEN });
    } else {
      blocks.push(
        { type: 'heading', text: 'Where we are and where the plan focuses' },
        { type: 'paragraph', text: s.focus },
        { type: 'heading', text: 'Business model' },
        { type: 'paragraph', text: s.businessModel },
      );
      if (s.longerTermGoals.length > 0) {
        blocks.push(
          { type: 'heading', text: "The customer's goals for the next 24 to 36 months" },
          { type: 'list', items: [...s.longerTermGoals] },
        );
      }
      blocks.push(
        { type: 'heading', text: 'Financial health and pain' },
        {
          type: 'list',
          items: [
            `Financial health: ${humanLabel(s.financialHealth.rating, true)}${s.financialHealth.notes ? `. ${s.financialHealth.notes}` : '.'}`,
            `Pain (${humanLabel(s.pain.severity, true)}): ${s.pain.description} ${s.pain.weCanSolve ? 'We can solve it.' : 'We cannot solve it ourselves.'}`,
          ],
        },
      );
      if (s.vendorPortfolio.length > 0) {
        blocks.push(
          { type: 'heading', text: 'Other vendors and trusted advisers' },
          { type: 'list', items: [...s.vendorPortfolio] },
        );
      }
      if (s.customerPerception) {
        blocks.push(
          { type: 'heading', text: 'What the customer would say about us' },
          { type: 'paragraph', text: s.customerPerception },
        );
      }
    }
    return section('accountOverview', blocks);
  }

  function industryOverview(): ReportSection {
    const s = sections.industryOverview;
    if (!s) return section('industryOverview', [{ type: 'paragraph', text: NOT_WRITTEN }]);
    const blocks: ReportBlock[] = [{ type: 'paragraph', text: `Industry: ${s.industry}.` }];
    if (s.sectorTrends.length > 0) {
      blocks.push(
        { type: 'heading', text: 'Sector trends and economic factors' },
        { type: 'list', items: [...s.sectorTrends] },
      );
    }
    if (s.landscapeEvents.length > 0) {
      blocks.push(
        { type: 'heading', text: "Events in the customer's competitive landscape" },
        { type: 'list', items: [...s.landscapeEvents] },
      );
    }
    if (s.standing) {
      blocks.push(
        { type: 'heading', text: 'How its customers and suppliers see it' },
        { type: 'paragraph', text: s.standing },
      );
    }
    return section('industryOverview', blocks);
  }

  function relationshipOverview(): ReportSection {
    const s = sections.relationshipOverview;
    const keyContacts = new Map((s?.keyContacts ?? []).map((k) => [k.contactId, k]));
    const champions = new Map((s?.competitionChampions ?? []).map((c) => [c.contactId, c]));
    const contacts = Object.values(account!.contacts);
    const blocks: ReportBlock[] = [];
    if (contacts.length > 0) blocks.push(relationshipMap(contacts, keyContacts, champions));
    // seed 002: rate the relationship today, and what it should be.
    const gapOf = (c: Contact) =>
      LEVELS.indexOf(c.targetRelationship) - LEVELS.indexOf(c.relationship);
    const ordered = [
      ...contacts.filter((c) => keyContacts.has(c.contactId)),
      ...contacts.filter((c) => !keyContacts.has(c.contactId)),
    ];
    blocks.push({
      type: 'table',
      id: 'relationships',
      caption: 'Relationships today and the target (key contacts first)',
      columns: [
        { key: 'contact', label: 'Contact', type: 'text' },
        { key: 'role', label: 'Role', type: 'text' },
        { key: 'stance', label: 'Stance', type: 'text' },
        { key: 'today', label: 'Today', type: 'text' },
        { key: 'target', label: 'Target', type: 'text' },
        { key: 'gap', label: 'Levels to go', type: 'number' },
        { key: 'goal', label: 'Our goal', type: 'text' },
      ],
      rows: ordered.map((c) => ({
        contact: contactName(c.contactId)!,
        role: humanLabel(c.role),
        stance: humanLabel(c.stance),
        today: levelLabel(c.relationship),
        target: levelLabel(c.targetRelationship),
        gap: Math.max(0, gapOf(c)),
        goal: keyContacts.get(c.contactId)?.goal ?? null,
      })),
      emptyText: 'No contact on the record.',
    });
    if (!s) {
      blocks.push({ type: 'paragraph', text: NOT_WRITTEN });
      return section('relationshipOverview', blocks, true);
    }
    const sponsors = s.keyContacts
      .filter((k) => k.isExecutiveSponsor)
      .map((k) => contactName(k.contactId) ?? 'a contact no longer on the record');
    blocks.push({
      type: 'paragraph',
      text: `${sponsors.length > 0 ? `Executive ${sponsors.length === 1 ? 'sponsor' : 'sponsors'}: ${sponsors.join(', ')}.` : 'No executive sponsor named.'} ${s.trustedAdvisor ? 'The customer considers us a trusted advisor.' : 'We are not yet considered a trusted advisor.'}${s.trustedAdvisorPlan ? ` ${s.trustedAdvisorPlan}` : ''}`,
    });
    if (s.gaps.length > 0) {
      blocks.push({
        type: 'table',
        id: 'relationship-gaps',
        caption: 'Key relationships not yet established, and the action closing each gap',
        columns: [
          { key: 'gap', label: 'Relationship', type: 'text' },
          { key: 'action', label: 'Action', type: 'text' },
        ],
        rows: s.gaps.map((g) => ({ gap: g.description, action: g.action })),
      });
    }
    if (s.competitionChampions.length > 0) {
      blocks.push({
        type: 'table',
        id: 'competition-champions',
        caption: "The competition's champions, and how we convert or neutralise them",
        columns: [
          { key: 'contact', label: 'Contact', type: 'text' },
          { key: 'approach', label: 'Approach', type: 'text' },
          { key: 'action', label: 'Action', type: 'text' },
        ],
        rows: s.competitionChampions.map((c) => ({
          contact: contactName(c.contactId) ?? 'A contact no longer on the record',
          approach: c.approach === 'convert' ? 'Convert' : 'Neutralise',
          action: c.action,
        })),
      });
    }
    if (s.alliances.length > 0) {
      blocks.push(
        { type: 'heading', text: 'Partners introducing us to new decision makers' },
        { type: 'list', items: [...s.alliances] },
      );
    }
    return section('relationshipOverview', blocks, true);
  }

  function relationshipMap(
    contacts: readonly Contact[],
    keyContacts: ReadonlyMap<string, { isExecutiveSponsor: boolean }>,
    champions: ReadonlyMap<string, unknown>,
  ): OrgChartBlock {
    const ids = new Map(contacts.map((c, i) => [c.contactId, `contact-${i + 1}`]));
    const people: OrgChartPerson[] = contacts.map((c) => {
      const forgotten = c.personal === null;
      const tags = [humanLabel(c.role)];
      if (keyContacts.get(c.contactId)?.isExecutiveSponsor && c.role !== 'executive_sponsor') {
        tags.push('Executive sponsor');
      }
      if (keyContacts.has(c.contactId)) tags.push('Key contact');
      if (champions.has(c.contactId) && c.role !== 'competition_champion')
        tags.push("Competitor's champion");
      const manager = c.reportsToContactId ? ids.get(c.reportsToContactId) : undefined;
      return {
        id: ids.get(c.contactId)!,
        // A forgotten contact keeps its place in the organisation, and nothing that names it.
        name: forgotten ? 'Forgotten contact' : (c.personal!.name ?? 'Unnamed contact'),
        ...(!forgotten && c.personal!.title ? { title: c.personal!.title } : {}),
        ...(manager ? { reportsTo: manager } : {}),
        stance: c.stance,
        tags,
        note: forgotten
          ? `Personal data removed ${date(c.forgottenAt!)}.`
          : `Relationship: ${levelLabel(c.relationship)}${c.targetRelationship !== c.relationship ? `, target ${levelLabel(c.targetRelationship).toLowerCase()}` : ', at target'}.`,
      };
    });
    return {
      type: 'orgChart',
      caption: `Relationship map of ${accountName}: who reports to whom, coloured by stance`,
      people,
    };
  }

  function competitiveStrategy(): ReportSection {
    const s = sections.competitiveStrategy;
    const inPlan = new Set(
      (s?.competitors ?? []).flatMap((c) => (c.competitorId ? [c.competitorId] : [])),
    );
    const rows = (s?.competitors ?? []).map((c) => ({
      competitor: c.name,
      theirGoals: c.theirGoals,
      theirMessages: c.theirMessages.join('; ') || null,
      ourStrategy: c.ourStrategy,
      ourMessages: c.ourMessages.join('; ') || null,
    }));
    // Competitors active on the record that the plan does not answer yet, with what is recorded.
    const unanswered = Object.values(account!.competitors).filter(
      (c) => c.removedAt === null && !inPlan.has(c.competitorId),
    );
    for (const c of unanswered) {
      rows.push({
        competitor: c.name,
        theirGoals: c.goals.join('; ') || 'Not assessed',
        theirMessages: c.messages.join('; ') || null,
        ourStrategy: c.strategy || 'None yet',
        ourMessages: null,
      });
    }
    const blocks: ReportBlock[] = [];
    if (!s) blocks.push({ type: 'paragraph', text: NOT_WRITTEN });
    blocks.push({
      type: 'table',
      id: 'competitors',
      caption: 'Chief competitors, their goals and messages, and our strategy',
      columns: [
        { key: 'competitor', label: 'Competitor', type: 'text' },
        { key: 'theirGoals', label: 'Their goals', type: 'text' },
        { key: 'theirMessages', label: 'Their messages', type: 'text' },
        { key: 'ourStrategy', label: 'Our strategy', type: 'text' },
        { key: 'ourMessages', label: 'Our messages', type: 'text' },
      ],
      rows,
      emptyText: 'No competitor active in the account.',
    });
    if (s && unanswered.length > 0) {
      blocks.push({
        type: 'paragraph',
        text: `Active on the record but not in the plan: ${unanswered.map((c) => c.name).join(', ')}.`,
      });
    }
    return section('competitiveStrategy', blocks);
  }

  function opportunityAnalysis(): ReportSection {
    const s = sections.topOpportunities;
    const scoreOf = new Map(ranked.map((entry) => [entry.id, entry]));
    const blocks: ReportBlock[] = [];
    if (!s) {
      blocks.push({ type: 'paragraph', text: NOT_WRITTEN });
    } else {
      blocks.push({
        type: 'table',
        id: 'plan-top-opportunities',
        caption: "The plan's top opportunities, with the executive sponsor and our relationship",
        columns: [
          { key: 'opportunity', label: 'Opportunity', type: 'text' },
          { key: 'value', label: 'Value', type: 'money', currency },
          { key: 'stage', label: 'Stage', type: 'text' },
          { key: 'close', label: 'Close', type: 'date' },
          { key: 'score', label: 'Score', type: 'number' },
          { key: 'sponsor', label: 'Executive sponsor', type: 'text' },
          { key: 'relationship', label: 'Relationship today → target', type: 'text' },
        ],
        rows: s.opportunities.map((o) => {
          const opportunity = account!.opportunities[o.opportunityId];
          const open = opportunity?.status === 'open';
          return {
            opportunity: opportunityName(o.opportunityId),
            value:
              opportunity && opportunity.value.currency === currency
                ? opportunity.value.amountMinor
                : null,
            stage: opportunity
              ? open
                ? `${humanLabel(opportunity.stage)}, ${opportunity.probability}%`
                : humanLabel(opportunity.status)
              : null,
            close: opportunity?.expectedClose ?? null,
            score: scoreOf.get(o.opportunityId)?.score ?? null,
            sponsor: contactName(o.executiveSponsorContactId) ?? 'None',
            relationship: `${levelLabel(o.relationshipToday)} → ${levelLabel(o.relationshipTarget).toLowerCase()}`,
          };
        }),
      });
      const notes = [
        s.customerKnowsPortfolio
          ? 'The customer knows our whole portfolio.'
          : 'The customer does not yet know our whole portfolio.',
        ...(s.creationStrategy ? [`How we create new opportunities: ${s.creationStrategy}`] : []),
        ...s.unidentifiedOpportunities.map((o) => `Not yet an opportunity: ${o}`),
      ];
      blocks.push({ type: 'list', items: notes });
    }
    blocks.push(rankedTable(ranked));
    const breakdown = scoreBreakdownChart(
      `Score breakdown of the open opportunities of ${accountName}`,
      ranked.map((entry) => ({ label: opportunityName(entry.id), score: entry })),
      opportunityRule,
    );
    if (breakdown) blocks.push(breakdown);
    blocks.push(...whitespace());
    return section('topOpportunities', blocks, true);
  }

  function rankedTable(entries: readonly RankedOpportunity[]): TableBlock {
    return {
      type: 'table',
      id: 'ranked-opportunities',
      caption: `Every open opportunity, scored with the rule ${opportunityRule.name} as of ${date(asOf)}`,
      columns: [
        { key: 'rank', label: 'Rank', type: 'number' },
        { key: 'opportunity', label: 'Opportunity', type: 'text' },
        { key: 'kind', label: 'Kind', type: 'text' },
        { key: 'value', label: 'Value', type: 'money', currency },
        { key: 'score', label: 'Score', type: 'number' },
        { key: 'why', label: 'Why', type: 'text' },
      ],
      rows: entries.map((entry) => {
        const opportunity = account!.opportunities[entry.id]!;
        return {
          rank: entry.rank,
          opportunity: opportunity.name,
          kind: humanLabel(opportunity.kind),
          value: entry.value.amountMinor,
          score: entry.score,
          why: [
            scoreReasons(entry, opportunityRule),
            ...entry.flags.map((f) => `${humanLabel(f.code)}.`),
          ]
            .filter((part) => part !== '')
            .join(' '),
        };
      }),
      emptyText: 'No open opportunity.',
    };
  }

  function whitespace(): ReportBlock[] {
    const trailing = trailingTwelveMonths(asOf);
    const grid = whitespaceGrid(book, input.accountId, trailing)!;
    if (grid.offerings.length === 0) {
      return [
        {
          type: 'paragraph',
          text: 'No whitespace assessed and nothing bought yet: the grid is empty.',
        },
      ];
    }
    const stateOf = (cell: (typeof grid.cells)[number]) =>
      cell.revenueMinor > 0 || cell.assessed === 'won' ? 'buying' : cell.assessed;
    const offeringKey = new Map(grid.offerings.map((o, i) => [o, `offering-${i + 1}`]));
    const map: HeatMapBlock = {
      type: 'heatMap',
      caption: `Whitespace of ${accountName}: what each buying unit buys, and where the potential is (last 12 months)`,
      rowHeader: 'Buying unit',
      columns: grid.offerings.map((o) => ({ key: offeringKey.get(o)!, label: o })),
      states: [
        { key: 'buying', label: 'Buying', symbol: '●', tone: 'positive' },
        { key: 'in_pipeline', label: 'In the pipeline', symbol: '◐', tone: 'info' },
        { key: 'potential', label: 'Whitespace with potential', symbol: '○', tone: 'warning' },
        { key: 'no_potential', label: 'No potential', symbol: '–', tone: 'muted' },
      ],
      rows: grid.rows.map((row) => ({
        label: row.buyingUnit.kind === 'division' ? `${row.label} (division)` : row.label,
        cells: Object.fromEntries(
          grid.cells
            .filter((cell) => cell.row === row.key)
            .map((cell) => [offeringKey.get(cell.offering)!, stateOf(cell)]),
        ),
      })),
    };
    const label = new Map(grid.rows.map((row) => [row.key, row.label]));
    const open = grid.cells.filter(
      (cell) =>
        cell.estimatedPotential !== null &&
        (cell.assessed === 'potential' || cell.assessed === 'in_pipeline') &&
        cell.revenueMinor === 0,
    );
    const table: TableBlock = {
      type: 'table',
      id: 'whitespace-potential',
      caption: 'Whitespace with an estimated potential',
      columns: [
        { key: 'unit', label: 'Buying unit', type: 'text' },
        { key: 'offering', label: 'Offering', type: 'text' },
        { key: 'state', label: 'State', type: 'text' },
        { key: 'potential', label: 'Estimated potential', type: 'money', currency },
      ],
      rows: open.map((cell) => ({
        unit: label.get(cell.row)!,
        offering: cell.offering,
        state: cell.assessed === 'in_pipeline' ? 'In the pipeline' : 'Potential',
        potential:
          cell.estimatedPotential!.currency === currency
            ? cell.estimatedPotential!.amountMinor
            : null,
      })),
      footer: [
        {
          unit: 'Total',
          potential: open.reduce(
            (sum, cell) =>
              sum +
              (cell.estimatedPotential!.currency === currency
                ? cell.estimatedPotential!.amountMinor
                : 0),
            0,
          ),
        },
      ],
      emptyText: 'No potential estimated.',
    };
    return [map, table];
  }

  function pastPerformance(): ReportSection {
    const s = sections.pastPerformance;
    if (!s) return section('pastPerformance', [{ type: 'paragraph', text: NOT_WRITTEN }]);
    const inCurrency = s.valueDelivered.filter((v) => v.value.currency === currency);
    const total = inCurrency.reduce((sum, v) => sum + v.value.amountMinor, 0);
    const known = inCurrency
      .filter((v) => v.customerAware)
      .reduce((sum, v) => sum + v.value.amountMinor, 0);
    return section('pastPerformance', [
      {
        type: 'keyFigures',
        figures: [
          {
            label: 'Value delivered, last six months',
            value: total,
            format: { type: 'money', currency },
            note: `${money(known)} of it known to the customer`,
          },
        ],
      },
      {
        type: 'table',
        id: 'value-delivered',
        caption: 'Value we created for the customer, in money (seed 002: "dollarize" it)',
        columns: [
          { key: 'value', label: 'Value', type: 'text' },
          { key: 'amount', label: 'Amount', type: 'money', currency },
          { key: 'aware', label: 'Customer aware', type: 'text' },
        ],
        rows: s.valueDelivered.map((v) => ({
          value: v.description,
          amount: v.value.currency === currency ? v.value.amountMinor : null,
          aware: v.customerAware ? 'Yes' : 'No: tell them',
        })),
        emptyText: 'None recorded.',
      },
      {
        type: 'table',
        id: 'projects',
        caption: 'How the customer rates our key projects',
        columns: [
          { key: 'project', label: 'Project', type: 'text' },
          { key: 'assessment', label: "Customer's assessment", type: 'text' },
          { key: 'actions', label: 'Actions needed', type: 'text' },
        ],
        rows: s.projects.map((p) => ({
          project: p.name,
          assessment:
            p.customerAssessment === 'exceeds'
              ? 'Exceeds expectations'
              : p.customerAssessment === 'meets'
                ? 'Meets expectations'
                : 'Below expectations',
          actions: p.actionsNeeded ?? null,
        })),
        emptyText: 'No project listed.',
      },
    ]);
  }

  function teamAlignment(): ReportSection {
    const s = sections.teamAlignment;
    if (!s) return section('teamAlignment', [{ type: 'paragraph', text: NOT_WRITTEN }]);
    const blocks: ReportBlock[] = [
      { type: 'heading', text: 'How often the account team works the account' },
      { type: 'paragraph', text: s.teamCadence },
    ];
    if (s.alignmentIssues.length > 0) {
      blocks.push({
        type: 'table',
        id: 'alignment-issues',
        caption: 'Issues to resolve with other parts of the company',
        columns: [
          { key: 'function', label: 'Function', type: 'text' },
          { key: 'issue', label: 'Issue', type: 'text' },
        ],
        rows: s.alignmentIssues.map((i) => ({ function: i.function, issue: i.issue })),
      });
    }
    if (s.resourceRequests.length > 0) {
      blocks.push({
        type: 'table',
        id: 'resource-requests',
        caption: 'Investments and resources the priority opportunities need',
        columns: [
          { key: 'request', label: 'Request', type: 'text' },
          { key: 'for', label: 'For', type: 'text' },
          { key: 'cost', label: 'Cost', type: 'money', currency },
        ],
        rows: s.resourceRequests.map((r) => ({
          request: r.description,
          for: r.forOpportunityId ? opportunityName(r.forOpportunityId) : null,
          cost: r.cost && r.cost.currency === currency ? r.cost.amountMinor : null,
        })),
      });
    }
    if (s.managerSupport) {
      blocks.push(
        { type: 'heading', text: 'What the sales leader can do' },
        { type: 'paragraph', text: s.managerSupport },
      );
    }
    return section('teamAlignment', blocks);
  }

  function financialPlan(): ReportSection {
    const s = sections.revenuePlan;
    const blocks: ReportBlock[] = [];
    const figures: KeyFigure[] = [];
    const sumMonths = (months: NonNullable<typeof s>['months']) =>
      months.reduce(
        (sum, m) => sum + (m.expected.currency === currency ? m.expected.amountMinor : 0),
        0,
      );
    const record = recordRevenuePlan();
    if (s) {
      const expected = sumMonths(s.months);
      // seed 002: "what has changed with respect to the financial plan since our last review?"
      const atReview = lastReview
        ? plan.approvedVersions.filter((v) => v.approvedAt <= lastReview.at).at(-1)
        : undefined;
      const before = atReview?.sections.revenuePlan
        ? sumMonths(atReview.sections.revenuePlan.months)
        : null;
      const exposure = s.risks.reduce(
        (sum, r) => sum + (r.exposure.currency === currency ? r.exposure.amountMinor : 0),
        0,
      );
      figures.push(
        {
          label: 'Expected, next 12 months',
          value: expected,
          format: { type: 'money', currency },
          ...(before === null
            ? {
                note: `${periodInWords(s.months[0]!.month, locale)} to ${periodInWords(s.months.at(-1)!.month, locale)}`,
              }
            : {
                trend: {
                  direction: expected > before ? 'up' : expected < before ? 'down' : 'flat',
                  sentiment:
                    expected > before ? 'positive' : expected < before ? 'negative' : 'neutral',
                  text:
                    expected === before
                      ? `same as version ${atReview!.version}, reviewed ${date(lastReview!.at)}`
                      : `${expected > before ? '+' : '−'}${money(Math.abs(expected - before))} on version ${atReview!.version}, reviewed ${date(lastReview!.at)}`,
                },
              }),
        },
        {
          label: 'Revenue at risk',
          value: exposure,
          format: { type: 'money', currency },
          note: `${expected > 0 ? `${formatPercent(exposure / expected, locale)} of the expected, ` : ''}if ${s.risks.length === 1 ? 'the one risk happens' : `all ${s.risks.length} risks happen`}`,
        },
      );
    }
    figures.push({
      label: 'Revenue plan from the record',
      value: record.plannedRevenue.amountMinor,
      format: { type: 'money', currency },
      note: 'last 12 months, less churn, plus weighted expansion',
    });
    blocks.push({ type: 'keyFigures', figures });
    if (!s) {
      blocks.push({ type: 'paragraph', text: NOT_WRITTEN });
    } else {
      blocks.push(monthlyChart(s.months));
      if (s.changeSinceLastReview) {
        blocks.push(
          { type: 'heading', text: 'What changed since the last review' },
          { type: 'paragraph', text: s.changeSinceLastReview },
        );
      }
      blocks.push({
        type: 'table',
        id: 'revenue-risks',
        caption: 'Financial risk and exposure in the account',
        columns: [
          { key: 'risk', label: 'Risk', type: 'text' },
          { key: 'likelihood', label: 'Likelihood', type: 'text' },
          { key: 'exposure', label: 'Exposure', type: 'money', currency },
        ],
        rows: [...s.risks]
          .sort((a, b) => b.exposure.amountMinor - a.exposure.amountMinor)
          .map((r) => ({
            risk: r.description,
            likelihood: humanLabel(r.likelihood),
            exposure: r.exposure.currency === currency ? r.exposure.amountMinor : null,
          })),
        emptyText: 'No risk listed.',
      });
    }
    blocks.push(
      { type: 'heading', text: "The record's revenue plan" },
      bridgeChart(record.plan, record.churnRate),
      {
        type: 'paragraph',
        text: `${record.churnNote}${record.plan.notCounted.amountMinor > 0 ? ` Not counted: ${money(record.plan.notCounted.amountMinor)} of weighted renewals and new business, the one already in the existing revenue, the other not from it.` : ''}`,
      },
    );
    return section('revenuePlan', blocks, true);
  }

  function monthlyChart(months: NonNullable<typeof sections.revenuePlan>['months']): ChartBlock {
    const values = months.map((m) =>
      m.expected.currency === currency ? m.expected.amountMinor : 0,
    );
    const low = Math.min(...values);
    const high = Math.max(...values);
    return {
      type: 'chart',
      kind: 'bar',
      caption: 'Expected revenue, month by month',
      alt: `Expected revenue of ${accountName} for the twelve months from ${periodInWords(months[0]!.month, locale)} to ${periodInWords(months.at(-1)!.month, locale)}: ${money(values.reduce((a, b) => a + b, 0))} in all, from ${money(low)} to ${money(high)} a month.`,
      x: { field: 'month', label: 'Month', format: 'month' },
      y: { field: 'expected', label: 'Expected revenue', format: { type: 'money', currency } },
      data: months.map((m, i) => ({ month: m.month, expected: values[i]! })),
    };
  }

  function recordRevenuePlan() {
    const trailing = trailingTwelveMonths(asOf);
    const lastYear = Number(asOf.slice(0, 4)) - 1;
    // seed 003: churn estimated over the last two or three years, here of the rep's book.
    const measured =
      options.churnRate === undefined
        ? averageChurnRate(
            revenueLinesOf(
              Object.values(book.accounts).filter(
                (a) => a.ownerRepId === account!.ownerRepId && a.currency === currency,
              ),
              currency,
            ),
            currency,
            { lastYear },
          )
        : null;
    const churnRate = options.churnRate ?? measured!.rate;
    const pipeline: PipelineItem[] = Object.values(account!.opportunities)
      .filter((o) => o.status === 'open' && o.value.currency === currency)
      .map((o) => ({
        id: o.opportunityId,
        kind: o.kind,
        value: o.value,
        probability: o.probability,
      }));
    const result = revenuePlan(
      {
        existingRevenue: {
          amountMinor: account!.status === 'lost' ? 0 : revenueInRange(account!, trailing),
          currency,
        },
        churnRate,
        pipeline,
        ...(options.priceIncreaseRate === undefined
          ? {}
          : { priceIncreaseRate: options.priceIncreaseRate }),
      },
      currency,
    );
    const rep = personName(options, account!.ownerRepId!);
    const years = `${lastYear - 2} to ${lastYear}`;
    const churnNote =
      measured === null
        ? `Expected churn: ${formatPercent(churnRate, locale)}, as given.`
        : measured.yearsUsed === 0
          ? `Expected churn: none, since no year from ${years} can be measured (${rep}'s book had no revenue the year before it).`
          : `Expected churn: ${formatPercent(churnRate, locale)}, the revenue churn of ${rep}'s book averaged over ${measured.yearsUsed} of the years ${years} (seed 003).`;
    return { plan: result, churnRate, churnNote, plannedRevenue: result.plannedRevenue };
  }

  function bridgeChart(plan: ReturnType<typeof revenuePlan>, churnRate: number): ChartBlock {
    const steps = [
      { step: 'Last 12 months', amount: plan.existingRevenue.amountMinor },
      {
        step: `Churn (${formatPercent(churnRate, locale)})`,
        // Never -0: a document must come back equal from its JSON.
        amount: plan.expectedChurn.amountMinor === 0 ? 0 : -plan.expectedChurn.amountMinor,
      },
      { step: 'Cross-sell and up-sell, weighted', amount: plan.weightedExpansion.amountMinor },
      { step: 'Price increases', amount: plan.priceIncreases.amountMinor },
      { step: 'Next 12 months, planned', amount: plan.plannedRevenue.amountMinor },
    ];
    return {
      type: 'chart',
      kind: 'horizontalBar',
      caption:
        "The record's revenue plan (seed 003): existing revenue, less churn, plus expansion and price increases",
      alt: `From the record: ${money(plan.existingRevenue.amountMinor)} in the last twelve months, less ${money(plan.expectedChurn.amountMinor)} of expected churn, plus ${money(plan.weightedExpansion.amountMinor)} of weighted cross-sell and up-sell and ${money(plan.priceIncreases.amountMinor)} of price increases: ${money(plan.plannedRevenue.amountMinor)} planned for the next twelve months.`,
      x: { field: 'step', label: 'Step' },
      y: { field: 'amount', label: 'Revenue', format: { type: 'money', currency } },
      data: steps,
    };
  }

  function nextSteps(): ReportSection {
    const s = sections.nextSteps;
    if (!s) return section('nextSteps', [{ type: 'paragraph', text: NOT_WRITTEN }]);
    return section('nextSteps', [
      {
        type: 'paragraph',
        text: "The team's top actions, in writing (seed 002), each an action item with an owner and a due date.",
      },
      {
        type: 'checklist',
        items: s.steps.map((step) => {
          const commitment = ledger.commitments[step.actionId];
          const line = commitment ? commitmentLine(commitment, asOf) : null;
          const status =
            line === null
              ? 'not opened yet'
              : line.status === 'done'
                ? line.keptOnTime
                  ? 'done on time'
                  : `done ${date(line.closedAt!)}, late`
                : line.status === 'cancelled'
                  ? 'cancelled'
                  : line.overdue
                    ? `${line.daysOverdue} ${line.daysOverdue === 1 ? 'day' : 'days'} overdue`
                    : 'open';
          const dueOn = line?.dueOn ?? step.dueOn;
          return {
            text: step.title,
            done: line?.status === 'done',
            detail: `${personName(options, step.ownerId)} (${step.ownerRole}) · due ${date(dueOn)} · ${status}${line && line.slipDays > 0 ? ` · slipped ${line.slipDays} days` : ''}`,
          };
        }),
        blankItems: 2,
      },
    ]);
  }
}

/** Every revenue entry of some accounts, as the retention metrics read them. */
function revenueLinesOf(accounts: readonly BookAccount[], currency: string): RevenueLine[] {
  return accounts.flatMap((account) =>
    account.revenue.map((entry) => ({
      accountId: account.accountId!,
      period: entry.period,
      productLine: entry.productLine,
      revenue: { amountMinor: entry.amount.amountMinor, currency },
    })),
  );
}

function checkedDay(asOf: string): string {
  const day = asOf.slice(0, 10);
  if (!CalendarDate.safeParse(day).success) {
    throw new ValidationError(`Invalid asOf: ${JSON.stringify(asOf)} is not a date`, [
      { path: ['asOf'], message: 'expected a date, YYYY-MM-DD', code: 'invalid' },
    ]);
  }
  return day;
}
