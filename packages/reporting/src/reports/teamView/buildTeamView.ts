import {
  accountTiers,
  addMonths,
  CalendarDate,
  type CommitmentLine,
  commitmentsByOwner,
  concentrationByRep,
  monthOf,
  type PlanCoverageLine,
  pipelineBy,
  pipelineStockingByRep,
  planCoverageOf,
  quarterOf,
  type ReadModels,
  type ReviewCadenceRule,
  type ReviewKind,
  type ReviewObligation,
  reviewsDue,
  SalesPlanPeriod,
  salesPlanResults,
  trailingTwelveMonths,
  ValidationError,
} from '@account-planning/core';
import type { KeyFigure } from '../../document/keyFiguresBlock.js';
import type { ReportBlock, ReportDocument, ReportSection } from '../../document/reportDocument.js';
import type { TableBlock, TableRow } from '../../document/tableBlock.js';
import {
  DEFAULT_LOCALE,
  formatDate,
  formatMoney,
  formatPercent,
} from '../../formatting/formatValue.js';
import { againstGoalChart } from '../charts/againstGoalChart.js';
import { concentrationByRepChart } from '../charts/concentrationByRepChart.js';
import { humanLabel } from '../labels/humanLabel.js';
import { personName, type ReportOptions } from '../reportOptions.js';
import {
  periodText,
  retentionByTerritoryBlocks,
  retentionOfAccounts,
} from '../retention/retentionByTerritoryBlocks.js';
import { managerTeam } from '../team/managerTeam.js';

/** The read models a team view reads: every one but the position. */
export type TeamViewModels = Pick<
  ReadModels,
  'book' | 'calendar' | 'ledger' | 'plans' | 'salesPlans'
>;

/** How a team view is read, besides what every report can be told. */
export interface TeamViewOptions extends ReportOptions {
  /**
   * The sales plan period whose goals the pipeline is stocked against and whose target revenue
   * is counted to date (default: the year of `asOf`, `2026`).
   */
  readonly salesPeriod?: string;
  /**
   * The period whose retention is shown against the period before it, a year, quarter or
   * month (default: the last quarter ended before `asOf`).
   */
  readonly retentionPeriod?: string;
  /** The tiers whose accounts warrant a plan and a strategic review (default `['A']`). */
  readonly topTiers?: readonly ('A' | 'B' | 'C')[];
  /** Cadence rules replacing the defaults, by review kind. */
  readonly cadences?: Partial<Readonly<Record<ReviewKind, ReviewCadenceRule>>>;
}

/**
 * What a manager's team view is built from: the read models, whose team and for when.
 * {@link readTeamViewInput} gathers it from a store.
 */
export interface TeamViewInput {
  readonly models: TeamViewModels;
  /** The manager: the team is the reps whose latest review was booked with them. */
  readonly managerId: string;
  /** The day the view is for, `YYYY-MM-DD`: overdue counts and the pipeline are as of it. */
  readonly asOf: string;
  /** When the view is made, an ISO instant shown on it (passed in: report models read no clock). */
  readonly generatedAt: string;
  readonly options?: TeamViewOptions;
}

const STALE_REASONS: Readonly<Record<string, string>> = {
  strategic_review_overdue: 'strategic review overdue',
  check_overdue: 'monthly check overdue',
  previous_year: "last year's plan",
};

const REVIEW_KINDS: Readonly<Record<ReviewKind, string>> = {
  monthly: 'Monthly review',
  annual: 'Annual review',
  strategic_plan: 'Strategic plan review',
};

/**
 * The manager's team view (seeds 000, 001, 002, 004): for the reps of a manager's team, the
 * headline figures; retention by territory (logo, gross and net, losses by reason) with its
 * chart; pipeline stocking against each rep's sales-plan goal and revenue against target to
 * date; concentration per rep over product lines; top-tier accounts with no plan, an
 * unapproved or a stale one; reviews overdue and due under the cadence rules, and those
 * booked; overdue actions and the commitment ledger per owner (kept-on-time rate, slip days,
 * carry-overs), the manager's own included. Figures count the team's accounts only, in one
 * currency. Pure: the same input gives the same document.
 *
 * @throws {NotFoundError} when no rep has a review booked with `managerId` (kind `manager`).
 * @throws {ValidationError} when `asOf` is not a date or a period option is not a period.
 * @example
 * ```ts
 * const input = await readTeamViewInput(store, { managerId: 'mgr-sam', asOf: '2026-04-15',
 *   generatedAt: new Date().toISOString() });
 * const html = await renderHtml(buildTeamView(input));
 * ```
 */
export function buildTeamView(input: TeamViewInput): ReportDocument {
  const options = input.options ?? {};
  const locale = options.locale ?? DEFAULT_LOCALE;
  const asOf = checkedDay(input.asOf);
  const { book, ledger } = input.models;
  const { reps, accounts, currency } = managerTeam(book, input.managerId, options.currency);
  const inTeam = new Set(reps);
  const salesPeriod = checkedPeriod(options.salesPeriod ?? asOf.slice(0, 4), 'salesPeriod');
  const retentionPeriod = checkedPeriod(
    options.retentionPeriod ?? quarterOf(addMonths(monthOf(asOf), -3)),
    'retentionPeriod',
  );
  const managerName = personName(options, input.managerId);
  const name = (userId: string) => personName(options, userId);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const percent = (ratio: number) => formatPercent(ratio, locale);
  const date = (day: string) => formatDate(day, locale);
  const accountName = (id: string | null) => (id === null ? null : (book.accounts[id]?.name ?? id));
  const tiers = accountTiers(book, {
    asOf,
    accountIds: accounts.filter((a) => a.status !== 'lost').map((a) => a.accountId!),
    ...(options.assignedTiers ? { assigned: options.assignedTiers } : {}),
  });
  const topTiers = options.topTiers ?? ['A'];

  const retention = retentionOfAccounts(book, accounts, retentionPeriod, currency);
  const window = retention.window;
  const stocking = pipelineStockingByRep(input.models, {
    period: salesPeriod,
    asOf,
    currency,
  }).filter((s) => inTeam.has(s.owner));
  const results = salesPlanResults(input.models, {
    period: salesPeriod,
    asOf,
    currency,
    reps,
  });
  const concentration = concentrationByRep(book, { asOf, currency, reps });
  const coverage = planCoverageOf(input.models, { asOf, tiers, topTiers });
  const planLines = coverage.accounts.filter((line) => inTeam.has(line.ownerRepId));
  const due = reviewsDue(input.models, {
    asOf,
    tiers,
    topTiers,
    reps,
    ...(options.cadences ? { cadences: options.cadences } : {}),
  });
  const commitments = commitmentsByOwner(ledger, {
    asOf,
    ownerIds: [...reps, input.managerId],
  });
  const overdueActions = commitments.owners
    .flatMap((owner) => owner.items.filter((item) => item.overdue))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueOn.localeCompare(b.dueOn));

  const sections: ReportSection[] = [
    atAGlance(),
    retentionSection(),
    stockingSection(),
    concentrationSection(),
    plansSection(),
    reviewsSection(),
    actionsSection(),
  ];

  return {
    schemaVersion: 1,
    title: `Team view: ${managerName}`,
    subtitle: `${reps.length} ${reps.length === 1 ? 'rep' : 'reps'}, figures as of ${date(asOf)}`,
    generatedAt: input.generatedAt,
    locale,
    metadata: [
      { label: 'Manager', value: managerName },
      { label: 'Reps', value: reps.map(name).join(', ') },
      { label: 'Figures as of', value: date(asOf) },
      { label: 'Sales plan', value: salesPeriod },
      { label: 'Retention', value: `${retentionPeriod} against ${periodText(window.base)}` },
    ],
    sections,
  };

  function atAGlance(): ReportSection {
    const total = retention.total.retention;
    const open = stocking.reduce((sum, s) => sum + s.openPipeline.amountMinor, 0);
    const goal = stocking.reduce((sum, s) => sum + s.goal.amountMinor, 0);
    const gaps = planLines.filter((line) => line.gap !== null).length;
    const reviewsOverdue = due.obligations.filter((o) => o.status === 'overdue').length;
    const openActions = commitments.total.open;
    const figures: KeyFigure[] = [
      total.emptyBase
        ? {
            label: `Net revenue retention, ${retentionPeriod}`,
            value: 'No base revenue',
            format: { type: 'text' },
          }
        : {
            label: `Net revenue retention, ${retentionPeriod}`,
            value: total.netRevenueRetention,
            format: { type: 'percent', fractionDigits: 1 },
            note: `gross ${percent(total.grossRevenueRetention)}, ${total.accountsRetained} of ${total.accountsAtStart} accounts kept`,
          },
      {
        label: 'Open pipeline against goal',
        value: open,
        format: { type: 'money', currency },
        note: goal === 0 ? 'no stocking goal set' : `${percent(open / goal)} of ${money(goal)}`,
        ...(goal > 0 && open < goal
          ? {
              trend: {
                direction: 'down',
                sentiment: 'negative',
                text: `${money(goal - open)} short`,
              },
            }
          : {}),
      },
      {
        label: 'Top-tier accounts without a good plan',
        value: gaps,
        format: { type: 'number' },
        note: `of ${planLines.length} in tier ${topTiers.join(', ')}`,
        ...(gaps > 0
          ? {
              trend: {
                direction: 'up',
                sentiment: 'negative',
                text: 'no plan, unapproved or stale',
              },
            }
          : {}),
      },
      {
        label: 'Reviews overdue',
        value: reviewsOverdue,
        format: { type: 'number' },
        note: `${due.obligations.filter((o) => o.status === 'due').length} more due now`,
        ...(reviewsOverdue > 0
          ? { trend: { direction: 'up', sentiment: 'negative', text: 'past the cadence' } }
          : {}),
      },
      {
        label: 'Actions overdue',
        value: overdueActions.length,
        format: { type: 'number' },
        note: `of ${openActions} open`,
        ...(overdueActions.length > 0
          ? { trend: { direction: 'up', sentiment: 'negative', text: 'behind on commitments' } }
          : {}),
      },
    ];
    return { id: 'at-a-glance', title: 'At a glance', blocks: [{ type: 'keyFigures', figures }] };
  }

  function retentionSection(): ReportSection {
    return {
      id: 'retention',
      title: 'Retention by territory',
      blocks: retentionByTerritoryBlocks(
        book,
        retention,
        'retention-by-territory',
        currency,
        locale,
      ),
    };
  }

  function stockingSection(): ReportSection {
    const planOf = (repId: string) => results.find((r) => r.repId === repId)?.plan ?? null;
    const byRep = new Map(stocking.map((s) => [s.owner, s]));
    const blocks: ReportBlock[] = [
      {
        type: 'paragraph',
        text: `Open pipeline, unweighted, against the pipeline-stocking goal of each rep's ${salesPeriod} sales plan (seed 000: growth and pipeline stocking goals), and revenue against the plan's target to date.`,
      },
    ];
    const chart = againstGoalChart(
      `Open pipeline against the ${salesPeriod} stocking goal`,
      { actual: 'Open pipeline', goal: 'Stocking goal' },
      reps.map((repId) => ({
        name: name(repId),
        actual: byRep.get(repId)?.openPipeline.amountMinor ?? 0,
        goal: planOf(repId)?.pipelineStockingGoal
          ? (byRep.get(repId)?.goal.amountMinor ?? 0)
          : null,
      })),
      currency,
      locale,
    );
    if (chart) blocks.push(chart);
    blocks.push({
      type: 'table',
      id: 'pipeline-stocking',
      caption: `Pipeline stocking against the ${salesPeriod} goal: opportunities open and wanted, open pipeline against the goal`,
      columns: [
        { key: 'rep', label: 'Rep', type: 'text' },
        { key: 'opportunities', label: 'Open', type: 'number' },
        { key: 'opportunityGoal', label: 'Wanted', type: 'number' },
        { key: 'open', label: 'Pipeline', type: 'money', currency },
        { key: 'weighted', label: 'Weighted', type: 'money', currency },
        { key: 'goal', label: 'Goal', type: 'money', currency },
        { key: 'coverage', label: 'Coverage', type: 'percent' },
        { key: 'gap', label: 'Gap', type: 'money', currency },
      ],
      rows: reps.map((repId) => {
        const s = byRep.get(repId);
        const goal = planOf(repId)?.pipelineStockingGoal ?? null;
        return {
          rep: name(repId),
          opportunities: pipelineBy(book, { rep: repId }, { asOf, currency }).total.count,
          opportunityGoal: goal?.opportunities ?? null,
          open: s?.openPipeline.amountMinor ?? 0,
          weighted: s?.weightedPipeline.amountMinor ?? 0,
          goal: goal === null ? null : (s?.goal.amountMinor ?? null),
          coverage: goal === null ? null : (s?.coverage ?? null),
          gap: goal === null ? null : (s?.gap.amountMinor ?? null),
        };
      }),
    });
    const range = results.find((r) => r.range !== null)?.range ?? null;
    blocks.push({
      type: 'table',
      id: 'sales-plan-to-date',
      caption:
        range === null
          ? `Revenue against the ${salesPeriod} target: no month of it has ended yet`
          : `Revenue against the ${salesPeriod} target, ${periodText(range)}`,
      columns: [
        { key: 'rep', label: 'Rep', type: 'text' },
        { key: 'target', label: 'Target', type: 'money', currency },
        { key: 'revenue', label: 'Revenue to date', type: 'money', currency },
        { key: 'attainment', label: 'Of target', type: 'percent', fractionDigits: 1 },
        { key: 'growth', label: 'On a year before', type: 'money', currency },
      ],
      rows: results.map((r) => ({
        rep: name(r.repId),
        target: r.revenueTarget?.amountMinor ?? null,
        revenue: r.revenue.amountMinor,
        attainment: r.attainment,
        growth: r.growth.amountMinor,
      })),
    });
    const without = reps.filter((repId) => planOf(repId) === null);
    if (without.length > 0) {
      blocks.push({
        type: 'paragraph',
        text: `No ${salesPeriod} sales plan for ${without.map(name).join(', ')}: no goal to stock against.`,
      });
    }
    return { id: 'stocking', title: 'Pipeline stocking against goal', blocks };
  }

  function concentrationSection(): ReportSection {
    const range = trailingTwelveMonths(asOf);
    const blocks: ReportBlock[] = [
      {
        type: 'paragraph',
        text: `Each rep's revenue of ${periodText(range)} by product line (seed 001: call out and coach a rep too reliant on selling one product). A rep is flagged when one line reaches 60% of revenue or the Herfindahl-Hirschman index (HHI) reaches 5,000 of 10,000.`,
      },
    ];
    const chart = concentrationByRepChart(
      `Revenue by product line per rep, ${periodText(range)}`,
      concentration.map((c) => ({ name: name(c.repId), concentration: c.concentration })),
      locale,
    );
    if (chart) blocks.push(chart);
    blocks.push({
      type: 'table',
      id: 'concentration-by-rep',
      caption: `Concentration per rep, ${periodText(range)}`,
      columns: [
        { key: 'rep', label: 'Rep', type: 'text' },
        { key: 'revenue', label: 'Revenue', type: 'money', currency },
        { key: 'lines', label: 'Product lines', type: 'number' },
        { key: 'largest', label: 'Largest line', type: 'text' },
        { key: 'share', label: 'Its share', type: 'percent' },
        { key: 'hhi', label: 'HHI', type: 'number' },
        { key: 'flag', label: 'Too reliant', type: 'text' },
      ],
      rows: concentration.map(({ repId, concentration: c }) => ({
        rep: name(repId),
        revenue: c.total.amountMinor,
        lines: c.shares.length,
        largest: c.largest?.productLine ?? null,
        share: c.largest?.share ?? null,
        hhi: Math.round(c.hhi),
        flag: c.empty ? null : c.tooReliant ? 'Yes' : 'No',
      })),
    });
    for (const { repId, concentration: c } of concentration) {
      if (!c.tooReliant || c.largest === null) continue;
      blocks.push({
        type: 'paragraph',
        text: `${name(repId)}: ${c.largest.productLine} is ${percent(c.largest.share)} of revenue. Coach selling the whole portfolio.`,
      });
    }
    return { id: 'concentration', title: 'Concentration per rep', blocks };
  }

  function plansSection(): ReportSection {
    const gaps = planLines.filter((line) => line.gap !== null);
    const gapText = (line: PlanCoverageLine) =>
      line.gap === 'no_plan'
        ? 'No plan'
        : line.gap === 'unapproved'
          ? 'Not approved'
          : `Stale: ${line.staleReasons.map((r) => STALE_REASONS[r] ?? humanLabel(r, true)).join(', ')}`;
    return {
      id: 'plans',
      title: 'Plans overdue',
      blocks: [
        {
          type: 'paragraph',
          text: `${planLines.length} accounts in tier ${topTiers.join(', ')} warrant a written plan (seed 004); ${planLines.length - gaps.length} ${planLines.length - gaps.length === 1 ? 'has' : 'have'} one approved and fresh.`,
        },
        {
          type: 'table',
          id: 'plans-overdue',
          caption: 'Top-tier accounts with no plan, an unapproved or a stale one',
          columns: [
            { key: 'account', label: 'Account', type: 'text' },
            { key: 'rep', label: 'Rep', type: 'text' },
            { key: 'tier', label: 'Tier', type: 'text' },
            { key: 'gap', label: 'What is missing', type: 'text' },
            { key: 'plan', label: 'Plan', type: 'text' },
            { key: 'checkDue', label: 'Next check', type: 'date' },
          ],
          rows: gaps.map((line) => ({
            account: line.accountName,
            rep: name(line.ownerRepId),
            tier: line.tier,
            gap: gapText(line),
            plan: line.plan ? `${line.plan.year}, ${humanLabel(line.plan.status, true)}` : null,
            checkDue: line.plan?.reviewsDue.check.due ?? null,
          })),
          emptyText: 'Every top-tier account has an approved, fresh plan.',
        },
      ],
    };
  }

  function reviewsSection(): ReportSection {
    const pressing = due.obligations.filter((o) => o.status !== 'upcoming');
    const obligationRow = (o: ReviewObligation): TableRow => ({
      review: REVIEW_KINDS[o.kind],
      rep: name(o.repId),
      account: accountName(o.accountId),
      status: humanLabel(o.status),
      dueBy: o.dueBy,
      daysOverdue: o.status === 'overdue' ? o.daysOverdue : null,
      last: o.lastHeld ? o.lastHeld.at.slice(0, 10) : null,
      booked: o.next ? o.next.scheduledFor.slice(0, 10) : null,
    });
    const booked = due.scheduled.filter((s) => inTeam.has(s.repId));
    return {
      id: 'reviews',
      title: 'Reviews due and overdue',
      blocks: [
        {
          type: 'paragraph',
          text: 'Each rep has a monthly review (seed 001) and an annual one (seed 000); each top-tier account a strategic plan review every six to nine months (seed 002).',
        },
        {
          type: 'table',
          id: 'reviews-due',
          caption: `Reviews overdue or due on ${date(asOf)}`,
          columns: [
            { key: 'review', label: 'Review', type: 'text' },
            { key: 'rep', label: 'Rep', type: 'text' },
            { key: 'account', label: 'Account', type: 'text' },
            { key: 'status', label: 'Status', type: 'text' },
            { key: 'dueBy', label: 'Due by', type: 'date' },
            { key: 'daysOverdue', label: 'Days overdue', type: 'number' },
            { key: 'last', label: 'Last held', type: 'date' },
            { key: 'booked', label: 'Booked for', type: 'date' },
          ],
          rows: pressing.map(obligationRow),
          emptyText: 'No review is due.',
        },
        {
          type: 'table',
          id: 'reviews-booked',
          caption: 'Reviews booked, not yet held',
          columns: [
            { key: 'review', label: 'Review', type: 'text' },
            { key: 'rep', label: 'Rep', type: 'text' },
            { key: 'on', label: 'On', type: 'date' },
            { key: 'notice', label: 'Notice', type: 'text' },
            { key: 'preparation', label: 'Preparation', type: 'text' },
          ],
          rows: booked.map((s) => ({
            review: REVIEW_KINDS[s.kind],
            rep: name(s.repId),
            on: s.scheduledFor.slice(0, 10),
            notice:
              s.noticeDays === null
                ? 'Not sent'
                : `${s.noticeDays} days${s.noticeWarning ? ' (short)' : ''}`,
            preparation: humanLabel(s.preparation),
          })),
          emptyText: 'None booked.',
        },
      ],
    };
  }

  function actionsSection(): ReportSection {
    const actionRow = (line: CommitmentLine): TableRow => ({
      action: line.title,
      owner: name(line.ownerId),
      account: accountName(line.accountId),
      dueOn: line.dueOn,
      daysOverdue: line.daysOverdue,
      slipDays: line.slipDays,
    });
    const ledgerRow = (
      label: string,
      role: string | null,
      t: (typeof commitments)['total'],
    ): TableRow => ({
      owner: label,
      role,
      total: t.total,
      open: t.open,
      overdue: t.overdue,
      done: t.done,
      kept: t.keptOnTime,
      rate: t.keptOnTimeRate,
      slipDays: t.slipDays,
      carryOvers: t.carryOvers,
    });
    const ledgerTable: TableBlock = {
      type: 'table',
      id: 'commitment-ledger',
      caption: `The commitment ledger on ${date(asOf)}`,
      columns: [
        { key: 'owner', label: 'Owner', type: 'text' },
        { key: 'role', label: 'Role', type: 'text' },
        { key: 'total', label: 'Actions', type: 'number' },
        { key: 'open', label: 'Open', type: 'number' },
        { key: 'overdue', label: 'Overdue', type: 'number' },
        { key: 'done', label: 'Done', type: 'number' },
        { key: 'kept', label: 'Kept on time', type: 'number' },
        { key: 'rate', label: 'Kept-on-time rate', type: 'percent' },
        { key: 'slipDays', label: 'Slip days', type: 'number' },
        { key: 'carryOvers', label: 'Carried over', type: 'number' },
      ],
      rows: commitments.owners.map((o) => ledgerRow(name(o.ownerId), humanLabel(o.ownerRole), o)),
      footer: [ledgerRow('Team', null, commitments.total)],
      emptyText: 'No action written down yet.',
    };
    return {
      id: 'actions',
      title: 'Actions and the commitment ledger',
      blocks: [
        {
          type: 'table',
          id: 'overdue-actions',
          caption: 'Overdue actions, most days first',
          columns: [
            { key: 'action', label: 'Action', type: 'text' },
            { key: 'owner', label: 'Owner', type: 'text' },
            { key: 'account', label: 'Account', type: 'text' },
            { key: 'dueOn', label: 'Due', type: 'date' },
            { key: 'daysOverdue', label: 'Days overdue', type: 'number' },
            { key: 'slipDays', label: 'Slipped by', type: 'number', unit: 'days' },
          ],
          rows: overdueActions.map(actionRow),
          emptyText: 'No action is overdue.',
        },
        {
          type: 'paragraph',
          text: "Every action agreed in a review, the manager's as well as the reps' (seed 001). An action is kept on time when done by the date first promised; the rate counts those that came due. Slip days add up how far due dates moved; carried over counts the reviews that found an action still open.",
        },
        ledgerTable,
      ],
    };
  }
}

/** A day `YYYY-MM-DD` (an instant's day too), or a ValidationError naming `asOf`. */
function checkedDay(value: string): string {
  const day = value.slice(0, 10);
  const parsed = CalendarDate.safeParse(day);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'asOf', ['asOf']);
  return day;
}

function checkedPeriod(value: string, field: string): string {
  const parsed = SalesPlanPeriod.safeParse(value);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, field, [field]);
  return value;
}
