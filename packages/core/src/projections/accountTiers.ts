import {
  type AccountPriority,
  type AccountPriorityFacts,
  accountPriorityScorer,
  scoreAccountPriority,
  type TierThresholds,
} from '../scoring/accountPriority.js';
import type { ScoringRule } from '../scoring/scoringRule.js';
import type { AccountBookState, BookAccount } from './accountBook.js';
import { revenueInRange, trailingTwelveMonths } from './revenueInRange.js';

/** An account's tier (A highest), and where it came from. */
export interface AccountTier {
  readonly accountId: string;
  readonly tier: 'A' | 'B' | 'C';
  /** `assigned` when the product gave it; `suggested` when the account-priority score did. */
  readonly source: 'assigned' | 'suggested';
  /** The priority score behind a suggested tier (with its explanation); null for an assigned one. */
  readonly priority: AccountPriority | null;
}

/** Options of {@link accountTiers}. */
export interface AccountTierOptions {
  /** The day the tiers are for, `YYYY-MM-DD`: revenue is the twelve months before, tenure counts to it. */
  readonly asOf: string;
  /** Tiers the product assigns itself, by account id: they win over suggested ones. */
  readonly assigned?: Readonly<Record<string, 'A' | 'B' | 'C'>>;
  /** Head counts by account id: the one priority fact the record does not hold. */
  readonly employees?: Readonly<Record<string, number>>;
  /** Only these accounts (default: every account that is not lost). */
  readonly accountIds?: readonly string[];
  /** The account-priority rule (default `DEFAULT_ACCOUNT_PRIORITY_RULE`). */
  readonly rule?: ScoringRule;
  readonly thresholds?: TierThresholds;
}

/**
 * The account-priority facts of a book account as of a day (seed 003): revenue over the twelve
 * months before `asOf`, customer since the day it first became active, potential as the
 * estimated potential of its whitespace cells still open (`potential` or `in_pipeline`) in its
 * currency, and the head count when the product gives one.
 */
export function accountPriorityFactsOf(
  account: BookAccount,
  asOf: string,
  employees?: number,
): AccountPriorityFacts {
  const currency = account.currency ?? 'XXX';
  const firstActive = account.statusHistory.find((change) => change.status === 'active');
  let potential = 0;
  for (const cell of account.whitespace) {
    if ((cell.state === 'potential' || cell.state === 'in_pipeline') && cell.estimatedPotential) {
      if (cell.estimatedPotential.currency === currency) {
        potential += cell.estimatedPotential.amountMinor;
      }
    }
  }
  return {
    id: account.accountId as string,
    revenue: {
      amountMinor: revenueInRange(account, trailingTwelveMonths(asOf)),
      currency,
    },
    ...(firstActive === undefined ? {} : { customerSince: firstActive.at.slice(0, 10) }),
    potential: { amountMinor: potential, currency },
    ...(employees === undefined ? {} : { employees }),
  };
}

/**
 * The tier of every account that is not lost (or of `accountIds`): the one the product assigned,
 * else the tier its account-priority score suggests as of `asOf` (seed 003: size, revenue,
 * tenure, potential; seed 004: the top tier warrants a written plan). Lost accounts have none.
 *
 * @throws {ValidationError} when `asOf` is not a date, or the rule or thresholds are invalid.
 */
export function accountTiers(
  book: AccountBookState,
  options: AccountTierOptions,
): Record<string, AccountTier> {
  const scorer = accountPriorityScorer({ asOf: options.asOf }, options.rule);
  const ids = options.accountIds ?? Object.keys(book.accounts);
  const tiers: Record<string, AccountTier> = {};
  for (const accountId of ids) {
    const account = book.accounts[accountId];
    if (account === undefined || account.status === 'lost') continue;
    const assigned = options.assigned?.[accountId];
    if (assigned !== undefined) {
      tiers[accountId] = { accountId, tier: assigned, source: 'assigned', priority: null };
      continue;
    }
    const priority = scoreAccountPriority(
      accountPriorityFactsOf(account, options.asOf, options.employees?.[accountId]),
      scorer,
      options.thresholds,
    );
    tiers[accountId] = { accountId, tier: priority.suggestedTier, source: 'suggested', priority };
  }
  return tiers;
}
