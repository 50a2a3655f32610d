import type {
  AccountStatus,
  ContactRole,
  ContactStance,
  OpportunityKind,
  OpportunityStage,
  RelationshipLevel,
} from '../accounts/events.js';
import type { ActionItemOwnerRole } from '../actions/events.js';
import type { AccountBookState } from './accountBook.js';
import type { CommitmentLedgerState } from './commitmentLedger.js';
import { satisfactionByTime } from './scoringFacts.js';

/** An opportunity's figures. */
export interface OpportunityFigures {
  readonly name: string;
  readonly kind: OpportunityKind;
  readonly stage: OpportunityStage;
  readonly status: 'open' | 'won' | 'lost';
  readonly valueMinor: number;
  readonly currency: string;
  readonly probability: number;
  readonly expectedClose: string;
  readonly productLine: string;
  readonly executiveSponsorContactId: string | null;
}

/** A contact's figures (no personal data). */
export interface ContactFigures {
  readonly role: ContactRole;
  readonly stance: ContactStance;
  readonly relationship: RelationshipLevel;
  readonly targetRelationship: RelationshipLevel;
  readonly forgotten: boolean;
}

/** A commitment's figures. */
export interface ActionFigures {
  readonly title: string;
  readonly ownerId: string;
  readonly ownerRole: ActionItemOwnerRole;
  readonly status: 'open' | 'slipped' | 'done' | 'cancelled';
  readonly dueOn: string;
}

/**
 * What "what has changed since our last review?" (seed 002) compares for one account: the
 * figures two moments are told apart by. Plain data; equal figures are deep-equal.
 */
export interface AccountFigures {
  readonly accountId: string;
  /** Null before the account was opened. */
  readonly status: AccountStatus | null;
  readonly name: string | null;
  readonly ownerRepId: string | null;
  readonly territoryId: string | null;
  /** Revenue after corrections by recorded period (months and quarters), minor units. */
  readonly revenueByPeriod: Readonly<Record<string, number>>;
  /** The sum of `revenueByPeriod`. */
  readonly revenueTotalMinor: number;
  readonly opportunities: Readonly<Record<string, OpportunityFigures>>;
  readonly contacts: Readonly<Record<string, ContactFigures>>;
  /** Competitors by id: active or removed. */
  readonly competitors: Readonly<
    Record<string, { readonly name: string; readonly active: boolean }>
  >;
  /** The latest satisfaction score (by when it was taken), or null when never measured. */
  readonly satisfaction: number | null;
  /** When the latest satisfaction score was taken, or null. */
  readonly satisfactionAt: string | null;
  /** The commitments about the account, by action id. */
  readonly actions: Readonly<Record<string, ActionFigures>>;
}

/** The figures of an account that does not exist (yet). */
export function emptyAccountFigures(accountId: string): AccountFigures {
  return {
    accountId,
    status: null,
    name: null,
    ownerRepId: null,
    territoryId: null,
    revenueByPeriod: {},
    revenueTotalMinor: 0,
    opportunities: {},
    contacts: {},
    competitors: {},
    satisfaction: null,
    satisfactionAt: null,
    actions: {},
  };
}

/** An account's figures as the read models hold them. */
export function accountFigures(
  models: { readonly book: AccountBookState; readonly ledger: CommitmentLedgerState },
  accountId: string,
): AccountFigures {
  const actions: Record<string, ActionFigures> = {};
  for (const actionId of models.ledger.byAccount[accountId] ?? []) {
    const c = models.ledger.commitments[actionId]!;
    actions[actionId] = {
      title: c.title,
      ownerId: c.ownerId,
      ownerRole: c.ownerRole,
      status: c.status,
      dueOn: c.dueOn,
    };
  }
  const account = models.book.accounts[accountId];
  // Commitments may name an account before its own stream has opened it.
  if (account === undefined) return { ...emptyAccountFigures(accountId), actions };
  const revenueByPeriod: Record<string, number> = {};
  let revenueTotalMinor = 0;
  for (const entry of account.revenue) {
    revenueByPeriod[entry.period] = (revenueByPeriod[entry.period] ?? 0) + entry.amount.amountMinor;
    revenueTotalMinor += entry.amount.amountMinor;
  }
  const opportunities: Record<string, OpportunityFigures> = {};
  for (const o of Object.values(account.opportunities)) {
    opportunities[o.opportunityId] = {
      name: o.name,
      kind: o.kind,
      stage: o.stage,
      status: o.status,
      valueMinor: o.value.amountMinor,
      currency: o.value.currency,
      probability: o.probability,
      expectedClose: o.expectedClose,
      productLine: o.productLine,
      executiveSponsorContactId: o.executiveSponsorContactId,
    };
  }
  const contacts: Record<string, ContactFigures> = {};
  for (const c of Object.values(account.contacts)) {
    contacts[c.contactId] = {
      role: c.role,
      stance: c.stance,
      relationship: c.relationship,
      targetRelationship: c.targetRelationship,
      forgotten: c.forgottenAt !== null,
    };
  }
  const competitors: Record<string, { name: string; active: boolean }> = {};
  for (const c of Object.values(account.competitors)) {
    competitors[c.competitorId] = { name: c.name, active: c.removedAt === null };
  }
  const latest = satisfactionByTime(account).at(-1);
  return {
    accountId,
    status: account.status,
    name: account.name,
    ownerRepId: account.ownerRepId,
    territoryId: account.territoryId,
    revenueByPeriod,
    revenueTotalMinor,
    opportunities,
    contacts,
    competitors,
    satisfaction: latest?.score ?? null,
    satisfactionAt: latest?.at ?? null,
    actions,
  };
}
