import { DomainRuleViolation } from '../errors.js';

/**
 * Every rule the Account aggregate enforces: its stable code (the `rule` of the
 * `DomainRuleViolation` it throws) and one sentence a sales manager would agree with. The docs'
 * rule list is generated from this object; codes never change once released.
 */
export const accountRules = {
  'account.not_opened': 'An account must be opened before anything else can happen to it.',
  'account.already_opened': 'An account is opened once; its id is not reused.',
  'account.id_mismatch': 'A command names the account of the stream it is sent to.',
  'account.lost':
    'Nothing happens to a lost account but reactivation (and forgetting a contact, which a person may ask for at any time).',
  'account.not_lost': 'Only a lost account can be reactivated.',
  'account.status_transition_invalid':
    'Status moves prospect -> active -> inactive -> active; a prospect cannot become inactive.',
  'account.parent_self': 'An account cannot be its own parent.',
  'account.duplicate_id':
    'Every id inside an account (revenue entry, correction, contact, competitor, opportunity) is used once.',
  'account.money_invalid': 'Money is a non-negative whole number of minor units (cents).',
  'account.currency_mismatch':
    "Every amount is in the account's currency, fixed when the account was opened.",
  'account.period_invalid':
    'A revenue period is a well-formed month (2026-03) or quarter (2026-Q1), and dates are real calendar dates.',
  'account.revenue_unknown': 'A correction names a revenue entry recorded on this account.',
  'account.contact_unknown':
    'A contact named by a command (the contact itself, whom it reports to, a sponsor) is a contact of this account.',
  'account.contact_forgotten':
    'A forgotten contact cannot be changed, reached, reported to or named as a sponsor.',
  'account.reporting_cycle': "A contact's reporting line cannot lead back to the contact itself.",
  'account.competitor_unknown': 'A competitor named by a command is a competitor of this account.',
  'account.competitor_removed':
    'A competitor removed from the account is not assessed or removed again.',
  'account.opportunity_unknown':
    'An opportunity named by a command is an opportunity of this account.',
  'account.opportunity_closed':
    'A won or lost opportunity is closed for good: it is not moved, revised, won or lost again.',
  'account.whitespace_estimate_without_potential':
    'A whitespace cell with no potential carries no estimated potential above zero.',
} as const;

/** The stable code of one Account rule, e.g. `account.opportunity_closed`. */
export type AccountRule = keyof typeof accountRules;

/**
 * Throws the `DomainRuleViolation` of `rule`, its sentence as the message, naming the ids involved.
 * @throws {DomainRuleViolation} always.
 */
export function violate(rule: AccountRule, ids: Readonly<Record<string, string>>): never {
  const named = Object.entries(ids)
    .map(([role, id]) => `${role} ${id}`)
    .join(', ');
  throw new DomainRuleViolation(
    rule,
    named ? `${accountRules[rule]} (${named})` : accountRules[rule],
    ids,
  );
}
