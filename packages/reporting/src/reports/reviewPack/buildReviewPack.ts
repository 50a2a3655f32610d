import {
  type AccountTier,
  accountHealthFactsOf,
  accountHealthScorer,
  accountTiers,
  type BookAccount,
  type BookAccountLine,
  bookOfBusiness,
  type ChangesSince,
  type Commitment,
  commitmentLine,
  DEFAULT_OPPORTUNITY_RULE,
  openOpportunityFacts,
  opportunityScorer,
  pipelineBy,
  portfolioConcentration,
  previousRange,
  type RankedOpportunity,
  type ReadModels,
  type ReviewQuestion,
  rankOpportunities,
  roundMinor,
  type Score,
  trailingTwelveMonths,
} from '@account-planning/core';
import type { ChartBlock } from '../../document/chartBlock.js';
import type { KeyFigure } from '../../document/keyFiguresBlock.js';
import type {
  ReportBlock,
  ReportDocument,
  ReportSection,
  ReportSubsection,
} from '../../document/reportDocument.js';
import type { TableBlock, TableColumn, TableRow } from '../../document/tableBlock.js';
import type { ChecklistItem } from '../../document/textBlocks.js';
import {
  DEFAULT_LOCALE,
  formatDate,
  formatInstant,
  formatMoney,
  formatPercent,
} from '../../formatting/formatValue.js';
import { pipelineByStageChart } from '../charts/pipelineByStageChart.js';
import {
  accountRevenueTrendChart,
  bookRevenueTrendChart,
  revenueTrend,
  revenueTrendOf,
} from '../charts/revenueTrend.js';
import { scoreBreakdownChart } from '../charts/scoreBreakdownChart.js';
import { changeTrend, signed } from '../figures/changeTrend.js';
import { humanLabel } from '../labels/humanLabel.js';
import { personName, type ReportOptions } from '../reportOptions.js';
import { scoreReasons } from '../scores/scoreReasons.js';
import { changeLines } from '../whatChanged/changeLines.js';
import { packReviews } from './packReviews.js';

/** The read models a review pack reads: the book, the review calendar and the commitment ledger. */
export type ReviewPackModels = Pick<ReadModels, 'book' | 'calendar' | 'ledger'>;

/** How a review pack is laid out, besides what every report can be told. */
export interface ReviewPackOptions extends ReportOptions {
  /** Top opportunities shown in each account's summary (default 3). */
  readonly opportunitiesPerAccount?: number;
  /** Rows of each ranked list of prospects and expansion opportunities (default 15). */
  readonly rankedRows?: number;
  /** Opportunities in the score-breakdown chart (default 10). */
  readonly breakdownBars?: number;
  /** Blank lines to write new actions on, for the rep and for the manager each (default 4). */
  readonly blankActionLines?: number;
}

/**
 * What a monthly review pack is built from: the read models, whose pack and for when, and what
 * changed since the rep's last review. {@link readReviewPackInput} gathers it from a store.
 */
export interface ReviewPackInput {
  /** `book` (accounts, revenue, opportunities, contacts), `calendar` (reviews), `ledger` (actions). */
  readonly models: ReviewPackModels;
  /** The rep whose accounts the pack covers. */
  readonly repId: string;
  /** The day the pack is for, `YYYY-MM-DD`: scores, trends and overdue actions are as of it. */
  readonly asOf: string;
  /** When the pack is made, an ISO instant shown on it (passed in: report models read no clock). */
  readonly generatedAt: string;
  /**
   * The review the pack is for (its agenda, time and manager; once held, its answers and new
   * actions). Default: the rep's next monthly review booked, if any.
   */
  readonly reviewId?: string | null;
  /**
   * What changed for each account since the rep's last review (`readChangesSinceReview` or
   * `changesBetween`, counted from that review's conclusion), or null when there is none.
   */
  readonly changes: ChangesSince | null;
  readonly options?: ReviewPackOptions;
}

/** The five questions of seed 001, in its order and words. */
export const FIVE_QUESTIONS: readonly { readonly key: ReviewQuestion; readonly text: string }[] =
  Object.freeze([
    { key: 'key_accomplishments', text: 'Key accomplishments?' },
    { key: 'disappointments_concerns_problems', text: 'Disappointments, concerns, problems?' },
    { key: 'next_month', text: 'What will be accomplished next month?' },
    {
      key: 'suggestions',
      text: 'Suggestions to improve the effectiveness of the team or the business as a whole?',
    },
    { key: 'needs_from_manager', text: 'What do you need from me?' },
  ]);

/** The agenda when the review's notice did not send one (seed 001's order). */
const DEFAULT_AGENDA = [
  "Status of last review's actions",
  'Accounts, about two minutes each',
  'Prospects and expansion opportunities',
  'The five questions',
  'New actions for the rep and the manager',
];

const EXPANSION_KINDS = new Set(['cross_sell', 'up_sell', 'price_increase']);
const PROSPECT_KINDS = new Set(['new_logo', 'new_buyer']);

/**
 * The monthly review pack for a rep's meeting with their manager (seed 001; seed 000's
 * preparation): at a glance (revenue trend, pipeline by stage, the headline figures); the
 * agenda; the status of the last review's actions first; every account in a two-minute summary
 * (status, revenue trend, health with its flags, what changed since the last review, the top
 * opportunities by score with why); the ranked prospects and expansion opportunities with the
 * score breakdown; the five questions (answered, once the review has been held); space for new
 * actions for the rep and the manager. Accounts are the rep's (within the review's scope when
 * there is a review), largest revenue first, prospects last; accounts lost before the last
 * review are left out, those lost since are listed. Pure: the same input gives the same
 * document.
 *
 * @throws {NotFoundError} when `reviewId` names no review.
 * @throws {ValidationError} when `asOf` is not a date or a scoring rule is invalid.
 * @example
 * ```ts
 * const input = await readReviewPackInput(store, { repId: 'rep-ana', asOf: '2026-04-15',
 *   generatedAt: new Date().toISOString() });
 * const html = await renderHtml(buildReviewPack(input));
 * ```
 */
export function buildReviewPack(input: ReviewPackInput): ReportDocument {
  const options = input.options ?? {};
  const locale = options.locale ?? DEFAULT_LOCALE;
  const asOf = input.asOf.slice(0, 10);
  const { book, calendar, ledger } = input.models;
  const { review, last } = packReviews(calendar, input.repId, asOf, input.reviewId);
  const repName = personName(options, input.repId);
  const managerId = review?.managerId ?? book.managers[input.repId] ?? null;
  const managerName = managerId === null ? null : personName(options, managerId);
  const lastConcludedAt = last?.concludedAt ?? null;

  const repAccounts = Object.values(book.accounts).filter((a) => a.ownerRepId === input.repId);
  const scope = review ? new Set(review.accountIds) : null;
  const inPack = repAccounts.filter((a) => scope === null || scope.has(a.accountId!));
  const tiers = accountTiers(book, {
    asOf,
    accountIds: inPack.map((a) => a.accountId!),
    ...(options.assignedTiers ? { assigned: options.assignedTiers } : {}),
  });
  const bookLines = bookOfPack(book, input.repId, scope, asOf, tiers, options.currency);
  const currency = bookLines.currency;
  const accountIdOfOpportunity = new Map<string, string>();
  for (const account of inPack) {
    for (const id of Object.keys(account.opportunities)) {
      accountIdOfOpportunity.set(id, account.accountId!);
    }
  }
  const money = (minor: number) => formatMoney(minor, currency, locale);
  // Trends show the last 24 full months: the last twelve and the twelve before.
  const trendRange = {
    from: previousRange(trailingTwelveMonths(asOf)).from,
    to: trailingTwelveMonths(asOf).to,
  };
  const date = (day: string) => formatDate(day, locale);

  // seed 001: accounts lost before the last review were discussed then; those lost since are news.
  const lostAt = (account: BookAccount) =>
    account.statusHistory.findLast((change) => change.status === 'lost')?.at ?? null;
  const lostSince = (account: BookAccount) => {
    const at = lostAt(account);
    return (
      at !== null && (lastConcludedAt === null || Date.parse(at) > Date.parse(lastConcludedAt))
    );
  };
  const accountOf = (id: string) => book.accounts[id]!;
  const discussed = bookLines.lines
    .filter((line) => line.status !== 'lost')
    .sort((a, b) => Number(a.status === 'prospect') - Number(b.status === 'prospect'));
  const lost = bookLines.lines.filter(
    (line) => line.status === 'lost' && lostSince(accountOf(line.accountId)),
  );

  // Scores: every open opportunity ranked once; each account's health as of the day.
  const opportunityRule = options.opportunityRule ?? DEFAULT_OPPORTUNITY_RULE;
  const scorer = opportunityScorer(
    { asOf, ...(options.horizonDays === undefined ? {} : { horizonDays: options.horizonDays }) },
    opportunityRule,
  );
  const facts = openOpportunityFacts(book, { rep: input.repId }, { currency, tiers }).filter(
    (f) => scope === null || scope.has(accountIdOfOpportunity.get(f.id) ?? ''),
  );
  const ranking = rankOpportunities(facts, scorer);
  const ranked = ranking.entries();
  const healthScorer = accountHealthScorer(options.healthRule);
  const health = new Map<string, Score>();
  for (const line of discussed) {
    if (line.status === 'prospect') continue;
    const healthFacts = accountHealthFactsOf(input.models, line.accountId, asOf);
    if (healthFacts) health.set(line.accountId, healthScorer.score(healthFacts));
  }

  const opportunityOf = (id: string) => {
    const accountId = accountIdOfOpportunity.get(id)!;
    return { account: accountOf(accountId), opportunity: accountOf(accountId).opportunities[id]! };
  };
  const scoreSinceReview = (entry: RankedOpportunity): number | null => {
    const accountId = accountIdOfOpportunity.get(entry.id)!;
    const before = input.changes?.accounts[accountId]?.opportunityScores[entry.id]?.before;
    return before === undefined || before === null ? null : entry.score - before;
  };

  const sections: ReportSection[] = [
    atAGlance(),
    agenda(),
    lastReviewActions(),
    accounts(),
    prospectsAndExpansion(),
    fiveQuestions(),
    newActions(),
  ];

  const territories = [...new Set(inPack.map((a) => a.territoryId).filter((t) => t !== null))]
    .map((id) => book.territories[id!])
    .filter((t) => t !== undefined)
    .map((t) => `${t.name ?? t.territoryId} (tier ${t.tier})`);
  return {
    schemaVersion: 1,
    title: `Monthly account review: ${repName}`,
    subtitle: review?.scheduledFor
      ? `${humanLabel(review.kind ?? 'monthly')} review on ${formatInstant(review.scheduledFor, locale, options.timeZone)}${managerName ? ` with ${managerName}` : ''}`
      : `Prepared on ${date(asOf)} for the next monthly review`,
    generatedAt: input.generatedAt,
    locale,
    metadata: [
      { label: 'Rep', value: repName },
      ...(managerName ? [{ label: 'Manager', value: managerName }] : []),
      ...(territories.length > 0 ? [{ label: 'Territories', value: territories.join(', ') }] : []),
      {
        label: 'Last review',
        value: last?.concludedAt ? date(last.concludedAt.slice(0, 10)) : 'None yet',
      },
      { label: 'Figures as of', value: date(asOf) },
      {
        label: 'Accounts',
        value: `${discussed.length}${lost.length > 0 ? `, and ${lost.length} lost since the last review` : ''}`,
      },
    ],
    sections,
  };

  function atAGlance(): ReportSection {
    const totals = bookLines.totals;
    const pipeline = pipelineBy(book, { rep: input.repId }, { asOf, currency });
    const repCommitments = commitmentsOfPack().map((c) => commitmentLine(c, asOf));
    const open = repCommitments.filter((c) => c.status === 'open' || c.status === 'slipped');
    const overdue = open.filter((c) => c.overdue).length;
    const atRisk = discussed.filter((line) => (health.get(line.accountId)?.score ?? 100) < 50);
    const concentration = portfolioConcentration(
      Object.entries(totals.revenueByProductLine).map(([productLine, amountMinor]) => ({
        productLine,
        revenue: { amountMinor, currency },
      })),
      currency,
    );
    const figures: KeyFigure[] = [
      {
        label: 'Revenue, last 12 months',
        value: totals.revenue,
        format: { type: 'money', currency },
        trend: changeTrend(totals.revenue, totals.previousRevenue, locale),
      },
      {
        label: 'Open pipeline',
        value: pipeline.total.valueMinor,
        format: { type: 'money', currency },
        note: `${pipeline.total.count} opportunities, ${money(roundMinor(pipeline.total.weightedMinor))} weighted`,
      },
      {
        label: 'Accounts at risk',
        value: atRisk.length,
        format: { type: 'number' },
        note:
          atRisk.length > 0 && atRisk.length <= 3
            ? atRisk.map((line) => line.name).join(', ')
            : `health below 50, of ${health.size} scored`,
        ...(atRisk.length > 0
          ? { trend: { direction: 'up', sentiment: 'negative', text: 'health below 50' } }
          : {}),
      },
      {
        label: 'Actions overdue',
        value: overdue,
        format: { type: 'number' },
        note: `of ${open.length} open`,
        ...(overdue > 0
          ? { trend: { direction: 'up', sentiment: 'negative', text: 'behind on commitments' } }
          : {}),
      },
    ];
    const ours = inPack.filter((a) => a.currency === currency);
    const opened = ours.map((a) => a.openedAt?.slice(0, 7)).filter((m) => m !== undefined);
    const bookTrend = revenueTrendOf(
      ours.map((a) => a.revenue),
      trendRange,
      opened.length > 0 ? opened.sort()[0] : undefined,
    );
    const blocks: ReportBlock[] = [{ type: 'keyFigures', figures }];
    const trendChart = bookRevenueTrendChart(
      `Revenue by ${bookTrend.granularity} and product line`,
      bookTrend,
      currency,
      locale,
    );
    if (trendChart) blocks.push(trendChart);
    if (concentration.largest) {
      const { productLine, share } = concentration.largest;
      blocks.push({
        type: 'paragraph',
        text: concentration.tooReliant
          ? `${productLine} is ${formatPercent(share, locale)} of the last twelve months' revenue: too reliant on one product. Seed 001: coach selling the whole portfolio.`
          : `${productLine} is the largest product line, ${formatPercent(share, locale)} of the last twelve months' revenue, across ${concentration.shares.length} lines.`,
      });
    }
    const stages = pipelineByStageChart(pipeline, locale);
    if (stages) blocks.push(stages);
    return { id: 'at-a-glance', title: 'At a glance', blocks };
  }

  function agenda(): ReportSection {
    const items = review?.notice?.agenda ?? DEFAULT_AGENDA;
    const blocks: ReportBlock[] = [{ type: 'list', style: 'numbered', items: [...items] }];
    if (review?.notice) {
      blocks.push({
        type: 'paragraph',
        text: `Sent with the notice on ${date(review.notice.sentAt.slice(0, 10))}, ${review.notice.noticeDays} days ahead${review.notice.warning ? ' (shorter than the two weeks seed 000 recommends)' : ''}.`,
      });
    } else {
      blocks.push({
        type: 'paragraph',
        text: 'No agenda has been sent with a notice yet: this is the usual order of a monthly review.',
      });
    }
    return { id: 'agenda', title: 'Agenda', blocks };
  }

  /** The commitments the meeting starts with: the last review's, and any still open from before. */
  function commitmentsOfPack(): Commitment[] {
    const repReviews = new Set(
      Object.values(calendar.reviews)
        .filter((r) => r.repId === input.repId)
        .map((r) => r.reviewId!),
    );
    return Object.values(ledger.commitments).filter((c) => {
      if (c.source.kind !== 'review' || !repReviews.has(c.source.reviewId)) return false;
      if (review !== null && c.source.reviewId === review.reviewId) return false;
      if (last !== null && c.source.reviewId === last.reviewId) return true;
      if (c.status === 'open' || c.status === 'slipped') return true;
      // Still open when the last review ended, closed since: part of what the meeting reports.
      return (
        last !== null &&
        c.closedAt !== null &&
        Date.parse(c.closedAt) > Date.parse(last.concludedAt!)
      );
    });
  }

  function lastReviewActions(): ReportSection {
    const lines = commitmentsOfPack().map((c) => commitmentLine(c, asOf));
    const rank = (c: (typeof lines)[number]) =>
      c.overdue ? 0 : c.status === 'open' || c.status === 'slipped' ? 1 : 2;
    lines.sort((a, b) => rank(a) - rank(b) || b.daysOverdue - a.daysOverdue);
    const items: ChecklistItem[] = lines.map((c) => {
      const account = c.accountId ? book.accounts[c.accountId]?.name : null;
      const status =
        c.status === 'done'
          ? c.keptOnTime
            ? 'done on time'
            : `done ${date(c.closedAt!.slice(0, 10))}, late`
          : c.status === 'cancelled'
            ? 'cancelled'
            : c.overdue
              ? `${c.daysOverdue} ${c.daysOverdue === 1 ? 'day' : 'days'} overdue`
              : 'open';
      const slipped = c.slipDays > 0 ? ` · slipped ${c.slipDays} days` : '';
      const carried = c.carriedOver > 0 ? ` · carried over ${c.carriedOver}×` : '';
      return {
        text: account ? `${c.title} (${account})` : c.title,
        done: c.status === 'done',
        detail: `${personName(options, c.ownerId)} · due ${date(c.dueOn)} · ${status}${slipped}${carried}`,
      };
    });
    const blocks: ReportBlock[] = [];
    if (last === null) {
      blocks.push({
        type: 'paragraph',
        text: 'This is the first review on record: there are no earlier actions to report on.',
      });
    } else {
      const came = lines.filter((c) => c.cameDue);
      const kept = came.filter((c) => c.keptOnTime).length;
      blocks.push({
        type: 'paragraph',
        text:
          items.length === 0
            ? `No actions were agreed at the review of ${date(last.concludedAt!.slice(0, 10))}, and none is still open from before.`
            : `Agreed at the review of ${date(last.concludedAt!.slice(0, 10))}, and those still open then from earlier reviews. ${came.length > 0 ? `Kept on time: ${kept} of ${came.length} that came due.` : 'None has come due yet.'}`,
      });
      if (items.length > 0) blocks.push({ type: 'checklist', items });
    }
    return { id: 'last-review-actions', title: "Last review's actions", blocks };
  }

  function accounts(): ReportSection {
    const perAccount = options.opportunitiesPerAccount ?? 3;
    const topByAccount = new Map<string, RankedOpportunity[]>();
    for (const entry of ranked) {
      const accountId = accountIdOfOpportunity.get(entry.id)!;
      const list = topByAccount.get(accountId) ?? [];
      if (list.length < perAccount) list.push(entry);
      topByAccount.set(accountId, list);
    }
    const subsections = discussed.map((line) =>
      accountSummary(line, topByAccount.get(line.accountId) ?? []),
    );
    const blocks: ReportBlock[] = [
      {
        type: 'paragraph',
        text: `${discussed.length} accounts, about two minutes each (seed 001): largest revenue first, prospects last. Revenue is the last twelve full months against the twelve before; health and opportunity scores are as of ${date(asOf)}.`,
      },
    ];
    if (lost.length > 0) {
      blocks.push({
        type: 'table',
        id: 'lost-since-last-review',
        caption: 'Lost since the last review',
        columns: [
          { key: 'account', label: 'Account', type: 'text' },
          { key: 'lostOn', label: 'Lost on', type: 'date' },
          { key: 'reason', label: 'Reason', type: 'text' },
          { key: 'revenue', label: 'Revenue, last 12 months', type: 'money', currency },
        ],
        rows: lost.map((line) => {
          const account = accountOf(line.accountId);
          const reason = account.lossReason;
          return {
            account: line.name,
            lostOn: lostAt(account)!.slice(0, 10),
            reason: reason
              ? `${humanLabel(reason.category)}: ${humanLabel(reason.cause, true)}${reason.note ? ` (${reason.note})` : ''}`
              : null,
            revenue: line.revenue.amountMinor,
          };
        }),
      });
    }
    return { id: 'accounts', title: 'Accounts', blocks, subsections };
  }

  function accountSummary(line: BookAccountLine, top: RankedOpportunity[]): ReportSubsection {
    const account = accountOf(line.accountId);
    const since = input.changes?.accounts[line.accountId] ?? null;
    const score = health.get(line.accountId) ?? null;
    const territory = line.territoryId ? book.territories[line.territoryId] : undefined;
    const parent = line.parentAccountId ? book.accounts[line.parentAccountId]?.name : null;
    const statusNote = [
      line.tier ? `tier ${line.tier}` : null,
      territory ? (territory.name ?? territory.territoryId) : null,
      parent ? `branch of ${parent}` : null,
    ]
      .filter((part) => part !== null)
      .join(' · ');
    const figures: KeyFigure[] = [
      {
        label: 'Status',
        value: humanLabel(line.status),
        format: { type: 'text' },
        ...(statusNote ? { note: statusNote } : {}),
      },
      {
        label: 'Revenue, last 12 months',
        value: line.revenue.amountMinor,
        format: { type: 'money', currency },
        trend: changeTrend(line.revenue.amountMinor, line.previousRevenue.amountMinor, locale),
      },
    ];
    if (score) {
      const before = since?.health.before ?? null;
      const change = before === null ? null : score.score - before;
      figures.push({
        label: 'Health',
        value: score.score,
        format: { type: 'number', unit: '/ 100' },
        ...(change === null
          ? { note: since ? 'not scored at the last review' : 'no earlier review' }
          : {
              trend: {
                direction: change > 0 ? 'up' : change < 0 ? 'down' : 'flat',
                sentiment: change > 0 ? 'positive' : change < 0 ? 'negative' : 'neutral',
                text: change === 0 ? 'same as last review' : `${signed(change)} since last review`,
              },
            }),
      });
    }
    figures.push({
      label: 'Open pipeline',
      value: line.openPipeline.amountMinor,
      format: { type: 'money', currency },
      note: `${line.openOpportunities} ${line.openOpportunities === 1 ? 'opportunity' : 'opportunities'}`,
    });
    const expectation = last?.growthExpectations[line.accountId];
    if (expectation) {
      figures.push({
        label: 'Growth expected',
        value: expectation.expectation.growthBasisPoints / 10_000,
        format: { type: 'percent', fractionDigits: 1 },
        note: 'set at the last review',
      });
    }
    const blocks: ReportBlock[] = [{ type: 'keyFigures', figures }];
    const trend = revenueTrend(
      account.revenue,
      trendRange,
      account.openedAt ? account.openedAt.slice(0, 7) : undefined,
    );
    const chart: ChartBlock | null = trend.totals.some((t) => t > 0)
      ? accountRevenueTrendChart(line.name, trend, currency, locale)
      : null;
    if (chart) blocks.push(chart);
    if (score && score.flags.length > 0) {
      blocks.push(
        { type: 'heading', text: 'Health flags' },
        { type: 'list', items: score.flags.map((flag) => flag.message) },
      );
    }
    if (input.changes !== null) {
      const lines = since
        ? changeLines(since, {
            currency,
            locale,
            contactName: (id) => account.contacts[id]?.personal?.name ?? null,
            personName: (id) => personName(options, id),
            territoryName: (id) => book.territories[id]?.name ?? id,
          })
        : [];
      blocks.push({ type: 'heading', text: 'Since the last review' });
      blocks.push(
        lines.length > 0
          ? { type: 'list', items: lines }
          : { type: 'paragraph', text: 'Nothing recorded since the last review.' },
      );
    }
    if (top.length > 0) {
      blocks.push(opportunityTable(`Top opportunities of ${line.name}, by score`, top, false));
    }
    return { id: `account-${line.accountId}`, title: line.name, blocks };
  }

  function opportunityTable(
    caption: string,
    entries: readonly RankedOpportunity[],
    withAccount: boolean,
    id?: string,
    total?: number,
  ): TableBlock {
    // One account's table needs no account column, and its opportunities' names say their kind.
    const columns: TableColumn[] = [
      ...(withAccount ? [{ key: 'rank', label: 'Rank', type: 'number' } as const] : []),
      { key: 'name', label: 'Opportunity', type: 'text' },
      ...(withAccount ? [{ key: 'kind', label: 'Kind', type: 'text' } as const] : []),
      { key: 'stage', label: 'Stage', type: 'text' },
      { key: 'value', label: 'Value', type: 'money', currency },
      { key: 'close', label: 'Close', type: 'date' },
      { key: 'score', label: 'Score', type: 'number' },
      { key: 'why', label: 'Why', type: 'text' },
    ];
    const rows: TableRow[] = entries.map((entry) => {
      const { account, opportunity } = opportunityOf(entry.id);
      const moved = scoreSinceReview(entry);
      const why = [
        scoreReasons(entry, opportunityRule),
        ...entry.flags.map((flag) => `${humanLabel(flag.code)}.`),
        moved === null || moved === 0 ? '' : `${signed(moved)} since the last review.`,
      ]
        .filter((part) => part !== '')
        .join(' ');
      return {
        ...(withAccount ? { rank: entry.rank, kind: humanLabel(opportunity.kind) } : {}),
        name: withAccount ? `${account.name}: ${opportunity.name}` : opportunity.name,
        stage: `${humanLabel(opportunity.stage)}, ${opportunity.probability}%`,
        value: entry.value.amountMinor,
        close: opportunity.expectedClose,
        score: entry.score,
        why,
      };
    });
    return {
      type: 'table',
      ...(id ? { id } : {}),
      caption:
        total !== undefined && total > entries.length
          ? `${caption} (the first ${entries.length} of ${total})`
          : caption,
      columns,
      rows,
      emptyText: 'None open.',
    };
  }

  function prospectsAndExpansion(): ReportSection {
    const rows = options.rankedRows ?? 15;
    // Each opportunity is looked up once: prospect, expansion, or the rest (renewals).
    const prospects: RankedOpportunity[] = [];
    const expansion: RankedOpportunity[] = [];
    const rest: RankedOpportunity[] = [];
    for (const entry of ranked) {
      const { account, opportunity } = opportunityOf(entry.id);
      const prospectAccount = account.status === 'prospect';
      if (PROSPECT_KINDS.has(opportunity.kind) || prospectAccount) prospects.push(entry);
      else if (EXPANSION_KINDS.has(opportunity.kind)) expansion.push(entry);
      else rest.push(entry);
    }
    const blocks: ReportBlock[] = [
      {
        type: 'paragraph',
        text: `Every open opportunity of the pack, scored with the rule ${ranking.rule.name} (version ${ranking.rule.version}) as of ${date(asOf)} and ranked: higher score first, then higher value (seed 000). Rank is the place in the whole list.`,
      },
    ];
    const bars = options.breakdownBars ?? 10;
    const breakdown = scoreBreakdownChart(
      `Score breakdown of the ${Math.min(bars, ranked.length)} highest-scoring opportunities`,
      ranked.slice(0, bars).map((entry) => {
        const { account, opportunity } = opportunityOf(entry.id);
        return { label: `${account.name}: ${opportunity.name}`, score: entry };
      }),
      opportunityRule,
    );
    if (breakdown) blocks.push(breakdown);
    blocks.push(
      opportunityTable(
        'Prospects: new logos, new buyers in current accounts, prospect accounts',
        prospects.slice(0, rows),
        true,
        'ranked-prospects',
        prospects.length,
      ),
      opportunityTable(
        'Expansion in current accounts: cross-sell, up-sell, price increases',
        expansion.slice(0, rows),
        true,
        'ranked-expansion',
        expansion.length,
      ),
    );
    if (rest.length > 0) {
      blocks.push(
        opportunityTable('Renewals', rest.slice(0, rows), true, 'ranked-renewals', rest.length),
      );
    }
    return {
      id: 'prospects-and-expansion',
      title: 'Prospects and expansion opportunities',
      blocks,
    };
  }

  function fiveQuestions(): ReportSection {
    const blocks: ReportBlock[] = [];
    for (const question of FIVE_QUESTIONS) {
      const answer = review?.answers[question.key];
      blocks.push({ type: 'heading', text: question.text });
      blocks.push(
        answer
          ? { type: 'paragraph', text: answer.answer }
          : { type: 'checklist', items: [], blankItems: 2, blankStyle: 'lines' },
      );
    }
    return { id: 'five-questions', title: 'The five questions', blocks };
  }

  function newActions(): ReportSection {
    const blanks = options.blankActionLines ?? 4;
    const agreed = review?.actionItems ?? [];
    const blocks: ReportBlock[] = [
      {
        type: 'paragraph',
        text: 'Every review ends with new actions in writing, with an owner and a due date, for the rep and for the manager (seed 001).',
      },
    ];
    const owners: { id: string; role: string }[] = [{ id: input.repId, role: 'rep' }];
    if (managerId !== null) owners.push({ id: managerId, role: 'manager' });
    for (const owner of owners) {
      const mine = agreed.filter((a) => a.ownerId === owner.id);
      blocks.push({ type: 'heading', text: `${personName(options, owner.id)} (${owner.role})` });
      blocks.push({
        type: 'checklist',
        items: mine.map((a) => ({
          text: a.accountId
            ? `${a.title} (${book.accounts[a.accountId]?.name ?? a.accountId})`
            : a.title,
          done: false,
          detail: `due ${date(a.dueOn)}`,
        })),
        blankItems: mine.length > 0 ? Math.min(blanks, 2) : blanks,
      });
    }
    return { id: 'new-actions', title: 'New actions', blocks, pageBreakBefore: false };
  }
}

/** The rep's book of business (seeds 001, 003) within the review's scope, with its totals. */
function bookOfPack(
  book: ReviewPackModels['book'],
  repId: string,
  scope: ReadonlySet<string> | null,
  asOf: string,
  tiers: Readonly<Record<string, AccountTier>>,
  currency: string | undefined,
): {
  readonly currency: string;
  readonly lines: BookAccountLine[];
  readonly totals: {
    readonly revenue: number;
    readonly previousRevenue: number;
    readonly revenueByProductLine: Readonly<Record<string, number>>;
  };
} {
  const whole = bookOfBusiness(
    book,
    { rep: repId },
    { asOf, tiers, ...(currency === undefined ? {} : { currency }) },
  );
  const lines = whole.accounts.filter((line) => scope === null || scope.has(line.accountId));
  if (lines.length === whole.accounts.length) {
    return {
      // A rep with no account has no currency: 'XXX' is ISO 4217's "no currency".
      currency: whole.currency ?? 'XXX',
      lines,
      totals: {
        revenue: whole.totals.revenue.amountMinor,
        previousRevenue: whole.totals.previousRevenue.amountMinor,
        revenueByProductLine: whole.totals.revenueByProductLine,
      },
    };
  }
  const byLine: Record<string, number> = {};
  let revenue = 0;
  let previousRevenue = 0;
  for (const line of lines) {
    revenue += line.revenue.amountMinor;
    previousRevenue += line.previousRevenue.amountMinor;
    for (const [productLine, amount] of Object.entries(line.revenueByProductLine)) {
      byLine[productLine] = (byLine[productLine] ?? 0) + amount;
    }
  }
  return {
    currency: whole.currency ?? 'XXX',
    lines,
    totals: { revenue, previousRevenue, revenueByProductLine: byLine },
  };
}
