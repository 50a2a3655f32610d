import { RelationshipLevel } from '../accounts/events.js';
import type { AccountHealthFacts } from '../scoring/accountHealth.js';
import { accountOpportunityFacts } from '../scoring/accountOpportunityFacts.js';
import type { OpportunityFacts } from '../scoring/opportunityScore.js';
import type { AccountBookState, BookAccount } from './accountBook.js';
import type { AccountTier } from './accountTiers.js';
import { accountsInScope, type BookScope } from './bookScope.js';
import type { CommitmentLedgerState } from './commitmentLedger.js';
import { previousRange, revenueInRange, trailingTwelveMonths } from './revenueInRange.js';

// How the read models map onto the scoring inputs: the one place where "what the record says"
// becomes "what a score reads", so that every report scores the same facts the same way.

/** The roles of a key contact for account health (seed 002: key contacts and executive sponsors). */
export const KEY_CONTACT_ROLES: readonly string[] = Object.freeze([
  'economic_buyer',
  'executive_sponsor',
  'champion',
]);

const LEVEL = new Map(RelationshipLevel.options.map((level, index) => [level, index]));

/**
 * The measurements of an account's satisfaction, latest last: by when each was taken (`at`,
 * compared as times), of equal times the one recorded last. A measurement recorded late for
 * an earlier day does not become the latest.
 */
export function satisfactionByTime(
  account: Pick<BookAccount, 'satisfaction'>,
): BookAccount['satisfaction'] {
  return account.satisfaction
    .map((measurement, order) => ({ measurement, order, at: Date.parse(measurement.at) }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ measurement }) => measurement);
}

/**
 * The scoring facts of one open opportunity of a book account (see `accountOpportunityFacts`:
 * kind, value, stage, probability, expected close, the executive sponsor's relationship today
 * and its target, the latest satisfaction), with the account's tier. Undefined when the
 * opportunity is unknown or closed.
 */
export function opportunityFactsOf(
  account: BookAccount,
  opportunityId: string,
  tier: 'A' | 'B' | 'C' | null,
): OpportunityFacts | undefined {
  const o = account.opportunities[opportunityId];
  if (o === undefined || o.status !== 'open') return undefined;
  const only = { ...account, opportunities: { [opportunityId]: o } };
  return accountOpportunityFacts(only, tier === null ? {} : { accountTier: tier })[0];
}

/**
 * The scoring facts of every open opportunity in a scope, in one currency, for
 * `rankOpportunities` (seed 000: "all data should be scored ... a ranking list"). Accounts in
 * other currencies are left out (a ranking is in one currency).
 */
export function openOpportunityFacts(
  book: AccountBookState,
  scope: BookScope,
  options: { readonly currency: string; readonly tiers: Readonly<Record<string, AccountTier>> },
): OpportunityFacts[] {
  const facts: OpportunityFacts[] = [];
  for (const account of accountsInScope(book, scope)) {
    if (account.currency !== options.currency) continue;
    const tier = options.tiers[account.accountId!]?.tier;
    for (const f of accountOpportunityFacts(
      account,
      tier === undefined ? {} : { accountTier: tier },
    )) {
      if (f.value.currency === options.currency) facts.push(f);
    }
  }
  return facts;
}

/**
 * The account-health facts of an account as of a day (seeds 002-004): the latest and previous
 * satisfaction (by when each was taken); whether it has an executive sponsor; its key contacts (economic buyer,
 * executive sponsor, champion) and how many are at their target relationship; the
 * competition's champions; revenue over the twelve months before `asOf` and the twelve before
 * those; its commitments overdue on `asOf`; and its open opportunities whose expected close has
 * passed (stalled). Forgotten contacts do not count. Undefined for an unknown account.
 */
export function accountHealthFactsOf(
  models: { readonly book: AccountBookState; readonly ledger: CommitmentLedgerState },
  accountId: string,
  asOf: string,
): AccountHealthFacts | undefined {
  const account = models.book.accounts[accountId];
  if (account === undefined) return undefined;
  const day = asOf.slice(0, 10);
  let hasExecutiveSponsor = false;
  let keyContacts = 0;
  let keyContactsAtTarget = 0;
  let competitorChampions = 0;
  for (const contact of Object.values(account.contacts)) {
    if (contact.forgottenAt !== null) continue;
    if (contact.role === 'executive_sponsor') hasExecutiveSponsor = true;
    if (contact.role === 'competition_champion') competitorChampions += 1;
    if (KEY_CONTACT_ROLES.includes(contact.role)) {
      keyContacts += 1;
      if (LEVEL.get(contact.relationship)! >= LEVEL.get(contact.targetRelationship)!) {
        keyContactsAtTarget += 1;
      }
    }
  }
  let overdueActions = 0;
  for (const actionId of models.ledger.byAccount[accountId] ?? []) {
    const c = models.ledger.commitments[actionId]!;
    if ((c.status === 'open' || c.status === 'slipped') && c.dueOn < day) overdueActions += 1;
  }
  let stalledOpportunities = 0;
  for (const o of Object.values(account.opportunities)) {
    if (o.status === 'open' && o.expectedClose < day) stalledOpportunities += 1;
  }
  const range = trailingTwelveMonths(day);
  const currency = account.currency ?? 'XXX';
  const measured = satisfactionByTime(account);
  const satisfaction = measured.at(-1)?.score;
  const previousSatisfaction = measured.at(-2)?.score;
  return {
    id: accountId,
    ...(satisfaction === undefined ? {} : { satisfaction }),
    ...(previousSatisfaction === undefined ? {} : { previousSatisfaction }),
    hasExecutiveSponsor,
    keyContacts,
    keyContactsAtTarget,
    competitorChampions,
    revenueThisPeriod: { amountMinor: revenueInRange(account, range), currency },
    revenuePreviousPeriod: { amountMinor: revenueInRange(account, previousRange(range)), currency },
    overdueActions,
    stalledOpportunities,
  };
}
