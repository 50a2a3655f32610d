import {
  DEFAULT_TIER_MULTIPLIERS,
  type ExpectationOptions,
  type ReadModels,
  type RepExpectation,
  type RepYear,
  repPerformances,
  salesPlanResults,
  salesPlanStreamId,
  territoryExpectations,
  ValidationError,
} from '@account-planning/core';
import type { KeyFigure } from '../../document/keyFiguresBlock.js';
import type { ReportBlock, ReportDocument, ReportSection } from '../../document/reportDocument.js';
import type { TableRow } from '../../document/tableBlock.js';
import { DEFAULT_LOCALE, formatMoney, formatPercent } from '../../formatting/formatValue.js';
import { againstGoalChart } from '../charts/againstGoalChart.js';
import { bookRevenueTrendChart, revenueTrend } from '../charts/revenueTrend.js';
import { personName, type ReportOptions } from '../reportOptions.js';
import {
  retentionByTerritoryBlocks,
  retentionOfAccounts,
} from '../retention/retentionByTerritoryBlocks.js';
import { managerTeam } from '../team/managerTeam.js';

/** The read models an annual pack reads: the book of business and the sales plans. */
export type AnnualPackModels = Pick<ReadModels, 'book' | 'salesPlans'>;

/** How an annual pack suggests goals, besides what every report can be told. */
export interface AnnualPackOptions
  extends ReportOptions,
    Pick<
      ExpectationOptions,
      'tierMultipliers' | 'minGrowthRate' | 'maxGrowthRate' | 'defaultWinRate'
    > {
  /**
   * Territory-adjusted or uniform goals for everyone. Default: each rep's as the basis of their
   * sales plan for the year ahead says (seed 000: uniform where territory does not matter),
   * territory-adjusted when they have none.
   */
  readonly mode?: 'territory' | 'uniform';
}

/**
 * What an annual review pack is built from: the read models, whose team and which year.
 * {@link readAnnualPackInput} gathers it from a store.
 */
export interface AnnualPackInput {
  readonly models: AnnualPackModels;
  /** The manager: the team is the reps whose latest review was booked with them. */
  readonly managerId: string;
  /** The year under review (`2025`); goals are suggested for the year after. */
  readonly year: number;
  /** When the pack is made, an ISO instant shown on it (passed in: report models read no clock). */
  readonly generatedAt: string;
  readonly options?: AnnualPackOptions;
}

/**
 * The annual review pack of a manager's team (seed 000: "establishing annual goals related to
 * pipeline growth and expansion of business within current clients"): the year against each
 * rep's sales-plan target, with the growth on the year before; the team's revenue trend over
 * the two years by quarter and product line; retention by territory for the year; and
 * suggested growth and pipeline-stocking goals for the year after, from each rep's past year
 * weighed by their territory's tier and the market-conditions factor assessed for that year
 * (`repPerformances`, `territoryExpectations`), beside the goals already set. Figures count the
 * team's accounts only, in one currency. Pure: the same input gives the same document.
 *
 * @throws {NotFoundError} when no rep has a review booked with `managerId` (kind `manager`).
 * @throws {ValidationError} when `year` is not a whole year from 2000 to 2998, or an
 * expectation option is out of range.
 * @example
 * ```ts
 * const input = await readAnnualPackInput(store, { managerId: 'mgr-sam', year: 2025,
 *   generatedAt: new Date().toISOString() });
 * const html = await renderHtml(buildAnnualPack(input));
 * ```
 */
export function buildAnnualPack(input: AnnualPackInput): ReportDocument {
  const options = input.options ?? {};
  const locale = options.locale ?? DEFAULT_LOCALE;
  const year = checkedYear(input.year);
  const next = year + 1;
  const { book, salesPlans } = input.models;
  const { reps, accounts, currency } = managerTeam(book, input.managerId, options.currency);
  const managerName = personName(options, input.managerId);
  const name = (userId: string) => personName(options, userId);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const percent = (ratio: number) => formatPercent(ratio, locale);

  // The whole year: counted as of the first day of the next.
  const results = salesPlanResults(input.models, {
    period: String(year),
    asOf: `${next}-01-01`,
    currency,
    reps,
  });
  const performances = repPerformances(book, { year, currency, reps });
  const retention = retentionOfAccounts(book, accounts, String(year), currency);
  const planFor = (repId: string, period: number) =>
    salesPlans.plans[salesPlanStreamId(repId, String(period))] ?? null;
  const expectations = suggestedGoals(performances.reps);
  const revenue = results.reduce((sum, r) => sum + r.revenue.amountMinor, 0);
  const before = results.reduce((sum, r) => sum + r.revenue.amountMinor - r.growth.amountMinor, 0);
  const target = results.reduce((sum, r) => sum + (r.revenueTarget?.amountMinor ?? 0), 0);

  return {
    schemaVersion: 1,
    title: `Annual review ${year}: ${managerName}'s team`,
    subtitle: `${year} against goals, and suggested goals for ${next}`,
    generatedAt: input.generatedAt,
    locale,
    metadata: [
      { label: 'Manager', value: managerName },
      { label: 'Reps', value: reps.map(name).join(', ') },
      { label: 'Year reviewed', value: String(year) },
      { label: 'Goals for', value: String(next) },
    ],
    sections: [
      atAGlance(),
      againstGoals(),
      revenueTrendSection(),
      {
        id: 'retention',
        title: `Retention in ${year}`,
        blocks: retentionByTerritoryBlocks(
          book,
          retention,
          'retention-by-territory',
          currency,
          locale,
        ),
      },
      suggestedGoalsSection(),
    ],
  };

  /** Each rep's suggestion in their own mode, with their territory's market factor. */
  function suggestedGoals(
    years: readonly RepYear[],
  ): Map<string, { expectation: RepExpectation; mode: 'territory' | 'uniform'; factor: number }> {
    const shared: ExpectationOptions = {
      ...(options.tierMultipliers ? { tierMultipliers: options.tierMultipliers } : {}),
      ...(options.minGrowthRate === undefined ? {} : { minGrowthRate: options.minGrowthRate }),
      ...(options.maxGrowthRate === undefined ? {} : { maxGrowthRate: options.maxGrowthRate }),
      ...(options.defaultWinRate === undefined ? {} : { defaultWinRate: options.defaultWinRate }),
    };
    const out = new Map<
      string,
      { expectation: RepExpectation; mode: 'territory' | 'uniform'; factor: number }
    >();
    for (const [i, rep] of years.entries()) {
      const basis = planFor(rep.rep, next)?.basis?.kind;
      const mode = options.mode ?? (basis === 'uniform' ? 'uniform' : 'territory');
      const factor = rep.nextYearMarketFactor ?? 1;
      // Uniform goals weigh the whole team's growth, so every rep is passed; a territory
      // goal is the rep's own growth, under their own territory's market factor.
      const expectation =
        mode === 'uniform'
          ? territoryExpectations(years, currency, { ...shared, mode, marketConditions: factor })[
              i
            ]!
          : territoryExpectations([rep], currency, { ...shared, marketConditions: factor })[0]!;
      out.set(rep.rep, { expectation, mode, factor });
    }
    return out;
  }

  function atAGlance(): ReportSection {
    const total = retention.total.retention;
    const growthGoals = [...expectations.values()].reduce(
      (sum, e) => sum + e.expectation.growthGoal.amountMinor,
      0,
    );
    const figures: KeyFigure[] = [
      {
        label: `Revenue ${year}`,
        value: revenue,
        format: { type: 'money', currency },
        ...(before > 0
          ? {
              trend: {
                direction: revenue >= before ? 'up' : 'down',
                sentiment: revenue >= before ? 'positive' : 'negative',
                text: `${revenue >= before ? '+' : '−'}${percent(Math.abs(revenue - before) / before)} on ${year - 1}`,
              },
            }
          : { note: `none in ${year - 1}` }),
      },
      target > 0
        ? {
            label: 'Of target',
            value: revenue / target,
            format: { type: 'percent', fractionDigits: 1 },
            note: `of ${money(target)}`,
          }
        : { label: 'Of target', value: 'No target set', format: { type: 'text' } },
      total.emptyBase
        ? {
            label: `Net revenue retention ${year}`,
            value: 'No base revenue',
            format: { type: 'text' },
          }
        : {
            label: `Net revenue retention ${year}`,
            value: total.netRevenueRetention,
            format: { type: 'percent', fractionDigits: 1 },
            note: `gross ${percent(total.grossRevenueRetention)}`,
          },
      {
        label: `Suggested growth ${next}`,
        value: growthGoals,
        format: { type: 'money', currency },
        note: `for ${expectations.size} ${expectations.size === 1 ? 'rep' : 'reps'}`,
      },
    ];
    return { id: 'at-a-glance', title: 'At a glance', blocks: [{ type: 'keyFigures', figures }] };
  }

  function againstGoals(): ReportSection {
    const blocks: ReportBlock[] = [
      {
        type: 'paragraph',
        text: `Revenue of each rep's accounts in ${year} against the target of their ${year} sales plan, and against ${year - 1} (seed 000: last year's performance is the baseline of next year's expectations).`,
      },
    ];
    const chart = againstGoalChart(
      `Revenue ${year} against target`,
      { actual: 'Revenue', goal: 'Target' },
      results.map((r) => ({
        name: name(r.repId),
        actual: r.revenue.amountMinor,
        goal: r.revenueTarget?.amountMinor ?? null,
      })),
      currency,
      locale,
    );
    if (chart) blocks.push(chart);
    const row = (
      rep: string,
      targetMinor: number | null,
      revenueMinor: number,
      beforeMinor: number,
    ): TableRow => ({
      rep,
      target: targetMinor,
      revenue: revenueMinor,
      attainment: targetMinor ? revenueMinor / targetMinor : null,
      before: beforeMinor,
      growth: beforeMinor > 0 ? (revenueMinor - beforeMinor) / beforeMinor : null,
    });
    blocks.push({
      type: 'table',
      id: 'against-goals',
      caption: `${year} against goals`,
      columns: [
        { key: 'rep', label: 'Rep', type: 'text' },
        { key: 'target', label: `Target ${year}`, type: 'money', currency },
        { key: 'revenue', label: `Revenue ${year}`, type: 'money', currency },
        { key: 'attainment', label: 'Of target', type: 'percent', fractionDigits: 1 },
        { key: 'before', label: `Revenue ${year - 1}`, type: 'money', currency },
        { key: 'growth', label: 'Growth', type: 'percent', fractionDigits: 1 },
      ],
      rows: results.map((r) =>
        row(
          name(r.repId),
          r.revenueTarget?.amountMinor ?? null,
          r.revenue.amountMinor,
          r.revenue.amountMinor - r.growth.amountMinor,
        ),
      ),
      footer: [row('Team', target > 0 ? target : null, revenue, before)],
    });
    const without = results.filter((r) => r.revenueTarget === null).map((r) => name(r.repId));
    if (without.length > 0) {
      blocks.push({
        type: 'paragraph',
        text: `No ${year} revenue target for ${without.join(', ')}.`,
      });
    }
    return { id: 'year-against-goals', title: `${year} against goals`, blocks };
  }

  function revenueTrendSection(): ReportSection {
    const trend = revenueTrend(
      accounts.filter((a) => a.currency === currency).flatMap((a) => a.revenue),
      { from: `${year - 1}-01`, to: `${year}-12` },
    );
    const chart = bookRevenueTrendChart(
      `Revenue by ${trend.granularity} and product line, ${year - 1} and ${year}`,
      trend,
      currency,
      locale,
    );
    return {
      id: 'revenue-trend',
      title: 'Revenue trend',
      blocks: chart
        ? [chart]
        : [{ type: 'paragraph', text: `No revenue recorded in ${year - 1} or ${year}.` }],
    };
  }

  function suggestedGoalsSection(): ReportSection {
    const multipliers = options.tierMultipliers ?? DEFAULT_TIER_MULTIPLIERS;
    const territories = [...new Set(performances.reps.map((r) => r.territoryId))]
      .map((id) => book.territories[id]!)
      .filter((t) => t !== undefined);
    const blocks: ReportBlock[] = [
      {
        type: 'paragraph',
        text: `Seed 000: an A territory carries higher expectations than a C, and the market's conditions are weighed against each rep's past performance. A territory-adjusted growth rate is the rep's ${year} growth times the tier's multiplier times the market factor; a uniform one, for reps whose ${next} sales plan is uniform, the team's revenue-weighted growth times the market factor. The growth goal is that rate of the rep's ${year} revenue; the pipeline to stock is the growth goal over the rep's ${year} win rate (a third when none was won).`,
      },
      {
        type: 'table',
        id: 'territories',
        caption: `Territories: tier and market conditions for ${next}`,
        columns: [
          { key: 'territory', label: 'Territory', type: 'text' },
          { key: 'tier', label: 'Tier', type: 'text' },
          { key: 'multiplier', label: 'Tier multiplier', type: 'number', fractionDigits: 2 },
          { key: 'factor', label: `Market factor ${next}`, type: 'number', fractionDigits: 2 },
          { key: 'rationale', label: 'Why', type: 'text' },
        ],
        rows: territories.map((t) => {
          const market = t.marketConditions[String(next)];
          return {
            territory: t.name ?? t.territoryId,
            tier: t.tier,
            multiplier: t.tier ? multipliers[t.tier] : null,
            factor: market?.factor ?? null,
            rationale: market?.rationale ?? 'Not assessed: a neutral factor of 1.',
          };
        }),
      },
      {
        type: 'table',
        id: 'rep-years',
        caption: `Each rep's ${year}: what the suggestions start from`,
        columns: [
          { key: 'rep', label: 'Rep', type: 'text' },
          { key: 'territory', label: 'Territory (tier)', type: 'text' },
          { key: 'revenue', label: `Revenue ${year}`, type: 'money', currency },
          { key: 'growth', label: `Growth on ${year - 1}`, type: 'percent', fractionDigits: 1 },
          { key: 'winRate', label: 'Win rate', type: 'percent' },
          { key: 'factor', label: `Market factor ${next}`, type: 'number', fractionDigits: 2 },
        ],
        rows: performances.reps.map((rep) => ({
          rep: name(rep.rep),
          territory: `${book.territories[rep.territoryId]?.name ?? rep.territoryId} (${rep.tier})`,
          revenue: rep.revenue.amountMinor,
          growth: rep.growthRate,
          winRate: rep.winRate ?? null,
          factor: expectations.get(rep.rep)!.factor,
        })),
      },
      {
        type: 'table',
        id: 'suggested-goals',
        caption: `Suggested goals for ${next}, beside the ${next} plan's target and stocking goal already set`,
        columns: [
          { key: 'rep', label: 'Rep', type: 'text' },
          { key: 'basis', label: 'Basis', type: 'text' },
          { key: 'rate', label: 'Growth', type: 'percent', fractionDigits: 1 },
          { key: 'growthGoal', label: 'Growth goal', type: 'money', currency },
          { key: 'pipelineGoal', label: 'Pipeline to stock', type: 'money', currency },
          { key: 'planTarget', label: 'Target set', type: 'money', currency },
          { key: 'planPipeline', label: 'Stocking goal set', type: 'money', currency },
        ],
        rows: performances.reps.map((rep) => {
          const { expectation, mode } = expectations.get(rep.rep)!;
          const plan = planFor(rep.rep, next);
          const targetSet = plan?.targets.revenue;
          return {
            rep: name(rep.rep),
            basis: mode === 'uniform' ? 'Uniform' : 'Territory',
            rate: expectation.growthRate,
            growthGoal: expectation.growthGoal.amountMinor,
            pipelineGoal: expectation.pipelineGoal.amountMinor,
            planTarget:
              targetSet?.measure === 'revenue' && targetSet.amount.currency === currency
                ? targetSet.amount.amountMinor
                : null,
            planPipeline:
              plan?.pipelineStockingGoal?.pipelineValue.currency === currency
                ? plan.pipelineStockingGoal.pipelineValue.amountMinor
                : null,
          };
        }),
      },
    ];
    const flat = performances.reps.filter((r) => {
      const cut = results.find((x) => x.repId === r.rep);
      return cut !== undefined && cut.revenue.amountMinor === cut.growth.amountMinor;
    });
    if (flat.length > 0) {
      blocks.push({
        type: 'paragraph',
        text: `No revenue in ${year - 1} for ${flat.map((r) => name(r.rep)).join(', ')}: their ${year} growth counts as 0, and a territory-adjusted goal would suggest none.`,
      });
    }
    if (performances.withoutTerritory.length > 0) {
      blocks.push({
        type: 'paragraph',
        text: `No goal is suggested for ${performances.withoutTerritory.map(name).join(', ')}: their accounts are in no known territory and they are assigned to none.`,
      });
    }
    return { id: 'goals-next-year', title: `Suggested goals for ${next}`, blocks };
  }
}

function checkedYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2998) {
    const message = `expected a whole year from 2000 to 2998, got ${JSON.stringify(year)}`;
    throw new ValidationError(`Invalid year: ${message}`, [
      { path: ['year'], message, code: 'invalid_value' },
    ]);
  }
  return year;
}
