import type { Money } from '../money/money.js';
import { isQuarter, monthsOf, type Period } from '../periods/period.js';
import type {
  AccountStatus,
  BuyingUnit,
  ContactChannel,
  ContactRole,
  ContactStance,
  LossReason,
  OpportunityKind,
  OpportunityLossReason,
  OpportunitySource,
  OpportunityStage,
  OpportunityWinReason,
  RelationshipLevel,
  SatisfactionMethod,
  WhitespaceState,
} from './events.js';

/** One status the account entered, and when. A status after `lost` is a reactivation. */
export interface AccountStatusChange {
  readonly status: AccountStatus;
  readonly at: string;
  /** Why it was lost, when `status` is `lost`; otherwise null. */
  readonly lossReason: LossReason | null;
}

/** A correction of a revenue entry: the amount it was corrected to, and why. */
export interface RevenueCorrection {
  readonly correctionId: string;
  /** The entry's amount after this correction, in minor units of the account currency. */
  readonly amountMinor: number;
  readonly reason: string;
  readonly at: string;
}

/** Revenue of one period and product line, with its corrections. */
export interface RevenueEntry {
  readonly revenueId: string;
  readonly period: Period;
  readonly productLine: string;
  /** The amount that counts: the last correction's, or the recorded one. Minor units. */
  readonly amountMinor: number;
  /** The amount first recorded, in minor units. */
  readonly recordedAmountMinor: number;
  readonly recordedAt: string;
  /** Every correction, oldest first. */
  readonly corrections: readonly RevenueCorrection[];
}

/** A contact's personal data: gone (the whole object is null) once the contact is forgotten. */
export interface ContactPersonalData {
  /** Null only while replaying events whose personal data was already removed from storage. */
  readonly name: string | null;
  readonly title: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly notes: string | null;
}

/**
 * A contact of the account. After `ContactForgotten`, `personal` is null and `forgottenAt` set;
 * what remains (role, stance, ratings, relationship levels, reporting line, when last reached) is
 * our assessment of a contact no longer identified by anything but an id.
 */
export interface Contact {
  readonly contactId: string;
  readonly personal: ContactPersonalData | null;
  readonly role: ContactRole;
  readonly stance: ContactStance;
  /** 1 (low) to 5 (high). */
  readonly influence: number;
  /** 1 (low) to 5 (high). */
  readonly decisionPower: number;
  /** The contact this one reports to (for the org chart), or null. */
  readonly reportsToContactId: string | null;
  /** Our relationship today. */
  readonly relationship: RelationshipLevel;
  /** The relationship we aim for. */
  readonly targetRelationship: RelationshipLevel;
  /** The latest time we reached the contact, or null. */
  readonly lastReachedAt: string | null;
  readonly lastReachedChannel: ContactChannel | null;
  readonly addedAt: string;
  /** When the contact was forgotten; null while it is not. */
  readonly forgottenAt: string | null;
}

/** A competitor active (or once active) in the account. */
export interface Competitor {
  readonly competitorId: string;
  readonly name: string;
  /** Its goals in the account. */
  readonly goals: readonly string[];
  /** Its key messages. */
  readonly messages: readonly string[];
  /** Our strategy against it ('' until assessed). */
  readonly strategy: string;
  readonly addedAt: string;
  /** When it stopped being active in the account; null while it is. */
  readonly removedAt: string | null;
}

/** One satisfaction measurement. */
export interface SatisfactionMeasurement {
  /** 0 (very unsatisfied) to 10 (very satisfied). */
  readonly score: number;
  readonly method: SatisfactionMethod;
  readonly at: string;
}

/** How a closed opportunity ended. */
export type OpportunityOutcome =
  | {
      readonly result: 'won';
      readonly reason: OpportunityWinReason;
      readonly note: string | null;
      readonly at: string;
    }
  | {
      readonly result: 'lost';
      readonly reason: OpportunityLossReason;
      /** The competitor it went to, or null. */
      readonly competitorId: string | null;
      readonly note: string | null;
      readonly at: string;
    };

/** An opportunity of the account. */
export interface Opportunity {
  readonly opportunityId: string;
  readonly name: string;
  readonly kind: OpportunityKind;
  /** The expected value; once won, the value signed. */
  readonly value: Money;
  /** The last open stage it reached. */
  readonly stage: OpportunityStage;
  /** Whole percent; 100 once won, 0 once lost. */
  readonly probability: number;
  /** `YYYY-MM-DD`. */
  readonly expectedClose: string;
  readonly productLine: string;
  readonly executiveSponsorContactId: string | null;
  readonly source: OpportunitySource;
  /** `open` until won or lost; a closed opportunity never reopens. Equals `outcome?.result ?? 'open'`. */
  readonly status: 'open' | 'won' | 'lost';
  readonly outcome: OpportunityOutcome | null;
  readonly identifiedAt: string;
}

/** One cell of the whitespace grid: a buying unit x one of our offerings. */
export interface WhitespaceCell {
  readonly buyingUnit: BuyingUnit;
  readonly offering: string;
  readonly state: WhitespaceState;
  readonly estimatedPotential: Money | null;
  readonly assessedAt: string;
}

/**
 * The state of one account: plain data (records keyed by id, arrays in the order things
 * happened), so it serialises for snapshots and read models can copy from it. Money fields of
 * revenue are minor units in `currency`. Before `AccountOpened`, `status` and `accountId` are null.
 */
export interface AccountState {
  readonly accountId: string | null;
  /** Null until the account is opened. */
  readonly status: AccountStatus | null;
  readonly name: string | null;
  readonly industry: string | null;
  /** The parent account when this account is a branch of a multi-branch company. */
  readonly parentAccountId: string | null;
  readonly ownerRepId: string | null;
  readonly territoryId: string | null;
  /** The account's one currency, fixed when it was opened. */
  readonly currency: string | null;
  readonly openedAt: string | null;
  /** Why it was lost while `status` is `lost`; otherwise null. */
  readonly lossReason: LossReason | null;
  /** Every status the account entered, oldest first (the opening status included). */
  readonly statusHistory: readonly AccountStatusChange[];
  /** Revenue entries by id, in the order recorded. */
  readonly revenue: Readonly<Record<string, RevenueEntry>>;
  /** Contacts by id, in the order added. */
  readonly contacts: Readonly<Record<string, Contact>>;
  /** Competitors by id, in the order added. */
  readonly competitors: Readonly<Record<string, Competitor>>;
  /** Satisfaction measurements in the order recorded. */
  readonly satisfaction: readonly SatisfactionMeasurement[];
  /** Opportunities by id, in the order identified. */
  readonly opportunities: Readonly<Record<string, Opportunity>>;
  /** The whitespace grid: one cell per (buying unit, offering) ever assessed. */
  readonly whitespace: readonly WhitespaceCell[];
}

/** The state of an account stream with no events. */
export const initialAccountState: AccountState = {
  accountId: null,
  status: null,
  name: null,
  industry: null,
  parentAccountId: null,
  ownerRepId: null,
  territoryId: null,
  currency: null,
  openedAt: null,
  lossReason: null,
  statusHistory: [],
  revenue: {},
  contacts: {},
  competitors: {},
  satisfaction: [],
  opportunities: {},
  whitespace: [],
};

/** Which revenue {@link revenueTotalMinor} adds up. */
export interface RevenueFilter {
  /**
   * Only this period. A quarter also counts the entries of its three months; a month counts only
   * entries of that month (a quarter's entry cannot be split).
   */
  readonly period?: Period;
  readonly productLine?: string;
}

/**
 * The account's revenue after corrections, in minor units of its currency: the sum of every
 * entry's current amount that matches `filter`. Pure; 0 for an account with no revenue.
 *
 * @example
 * ```ts
 * revenueTotalMinor(state, { period: '2026-Q1', productLine: 'Licences' })
 * ```
 */
export function revenueTotalMinor(state: AccountState, filter: RevenueFilter = {}): number {
  const periods = filter.period === undefined ? undefined : periodsWithin(filter.period);
  let total = 0;
  for (const entry of Object.values(state.revenue)) {
    if (periods && !periods.has(entry.period)) continue;
    if (filter.productLine !== undefined && entry.productLine !== filter.productLine) continue;
    total += entry.amountMinor;
  }
  return total;
}

function periodsWithin(period: Period): ReadonlySet<string> {
  return new Set(isQuarter(period) ? [period, ...monthsOf(period)] : [period]);
}

/** True when two buying units name the same buyer. */
export function sameBuyingUnit(a: BuyingUnit, b: BuyingUnit): boolean {
  if (a.kind === 'account' || b.kind === 'account') return a.kind === b.kind;
  if (a.kind === 'branch') return b.kind === 'branch' && a.branchAccountId === b.branchAccountId;
  return b.kind === 'division' && a.division === b.division;
}

/** The whitespace cell of a buying unit and offering, or undefined when it was never assessed. */
export function findWhitespaceCell(
  state: Pick<AccountState, 'whitespace'>,
  buyingUnit: BuyingUnit,
  offering: string,
): WhitespaceCell | undefined {
  return state.whitespace.find(
    (cell) => cell.offering === offering && sameBuyingUnit(cell.buyingUnit, buyingUnit),
  );
}
