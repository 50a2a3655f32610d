import type { AccountState } from '../accounts/accountState.js';
import type { OpportunityFacts } from './opportunityScore.js';

/** What an account's state does not say about its opportunities: filled in by the caller. */
export interface AccountOpportunityFactsOptions {
  /** The account's priority tier (from `suggestTier`, or the product's own); absent when untiered. */
  readonly accountTier?: 'A' | 'B' | 'C' | undefined;
  /** Scores the product computes itself, by opportunity id, read by rules as `external.<key>`. */
  readonly externalScores?: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined;
}

/**
 * The scoring facts of an account's open opportunities, in the order they were identified:
 * kind, value, stage, probability and expected close from the opportunity; the executive
 * sponsor's relationship today and its target from the sponsor contact (a forgotten contact's
 * assessment still counts: only its personal data is gone); the satisfaction from the latest
 * measurement. Won and lost opportunities are left out: only open ones are ranked. Pure.
 *
 * @example
 * ```ts
 * const { state } = await planning.accounts.load(accountId);
 * const ranking = rankOpportunities(accountOpportunityFacts(state, { accountTier: 'A' }),
 *   opportunityScorer({ asOf: '2026-03-02' }));
 * ```
 */
export function accountOpportunityFacts(
  account: Pick<AccountState, 'opportunities' | 'contacts' | 'satisfaction'>,
  options: AccountOpportunityFactsOptions = {},
): OpportunityFacts[] {
  const satisfaction = latestSatisfaction(account);
  const facts: OpportunityFacts[] = [];
  for (const opportunity of Object.values(account.opportunities)) {
    if (opportunity.status !== 'open') continue;
    const sponsorId = opportunity.executiveSponsorContactId;
    const sponsor = sponsorId === null ? undefined : account.contacts[sponsorId];
    const external = options.externalScores?.[opportunity.opportunityId];
    facts.push({
      id: opportunity.opportunityId,
      kind: opportunity.kind,
      value: opportunity.value,
      probability: opportunity.probability,
      stage: opportunity.stage,
      expectedClose: opportunity.expectedClose,
      ...(options.accountTier === undefined ? {} : { accountTier: options.accountTier }),
      ...(sponsor === undefined
        ? {}
        : {
            executiveSponsor: { today: sponsor.relationship, target: sponsor.targetRelationship },
          }),
      ...(satisfaction === undefined ? {} : { satisfaction }),
      ...(external === undefined ? {} : { externalScores: external }),
    });
  }
  return facts;
}

/** The score of the measurement taken last (by `at`; of equal times, the one recorded last). */
function latestSatisfaction(account: Pick<AccountState, 'satisfaction'>): number | undefined {
  // Instants may carry offsets, so they are compared as times, not as strings.
  let latest: number | undefined;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const measurement of account.satisfaction) {
    const at = Date.parse(measurement.at);
    if (at >= latestAt) {
      latestAt = at;
      latest = measurement.score;
    }
  }
  return latest;
}
