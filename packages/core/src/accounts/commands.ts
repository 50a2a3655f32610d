import { z } from 'zod';
import { Ulid, UserId } from '../ids/ids.js';
import { CurrencyCode, Money } from '../money/money.js';
import { CalendarDate, Instant, Period } from '../periods/period.js';
import { TerritoryId } from '../territories/events.js';
import {
  AccountText,
  BuyingUnit,
  ContactChannel,
  ContactRole,
  ContactStance,
  ControllableLossCause,
  InevitableLossCause,
  OpportunityKind,
  OpportunityLossReason,
  OpportunitySource,
  OpportunityStage,
  OpportunityWinReason,
  Probability,
  ProductLine,
  Rating,
  RelationshipLevel,
  SatisfactionMethod,
  SatisfactionScore,
} from './events.js';

// Commands are untrusted input: strict objects, so that a misspelt field (`reportsTo`) is a
// ValidationError instead of being silently dropped. `accountId` names the account (its stream is
// `account-<accountId>`); `at` is the business time of the fact, set at the edge.
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), accountId: Ulid, at: Instant, ...shape });

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);
const note = z.string().trim().max(2000).nullable().default(null);

/** Open an account, as a prospect (the default) or directly as an active customer. */
export const OpenAccount = command('OpenAccount', {
  name: AccountText,
  industry: AccountText.nullable().default(null),
  parentAccountId: Ulid.nullable().default(null),
  ownerRepId: UserId,
  territoryId: TerritoryId.nullable().default(null),
  /** The account's one currency: every amount recorded on it must use it. */
  currency: CurrencyCode,
  status: z.enum(['prospect', 'active']).default('prospect'),
});
/** Open an account. */
export type OpenAccount = z.infer<typeof OpenAccount>;

/** Rename the account. */
export const RenameAccount = command('RenameAccount', { name: AccountText });
/** Rename the account. */
export type RenameAccount = z.infer<typeof RenameAccount>;

/** Set, change or clear the account's industry. */
export const ChangeAccountIndustry = command('ChangeAccountIndustry', {
  industry: AccountText.nullable(),
});
/** Set, change or clear the account's industry. */
export type ChangeAccountIndustry = z.infer<typeof ChangeAccountIndustry>;

/**
 * Make the account a branch of a parent account, or detach it (null). That the parent exists and
 * that the hierarchy has no cycle are checked by the application service against a read model.
 */
export const ChangeParentAccount = command('ChangeParentAccount', {
  parentAccountId: Ulid.nullable(),
});
/** Change the account's parent. */
export type ChangeParentAccount = z.infer<typeof ChangeParentAccount>;

/** Hand the account to another owner rep. */
export const AssignAccountOwner = command('AssignAccountOwner', { ownerRepId: UserId });
/** Hand the account to another owner rep. */
export type AssignAccountOwner = z.infer<typeof AssignAccountOwner>;

/** Place the account in a territory, or take it out of one (null). */
export const AssignAccountTerritory = command('AssignAccountTerritory', {
  territoryId: TerritoryId.nullable(),
});
/** Place the account in a territory. */
export type AssignAccountTerritory = z.infer<typeof AssignAccountTerritory>;

/** Make a prospect or an inactive account active. */
export const ActivateAccount = command('ActivateAccount', {});
/** Make the account active. */
export type ActivateAccount = z.infer<typeof ActivateAccount>;

/** Mark an active account inactive (not buying for now, not lost). */
export const DeactivateAccount = command('DeactivateAccount', {});
/** Mark the account inactive. */
export type DeactivateAccount = z.infer<typeof DeactivateAccount>;

/** Record that the account was lost, and why. */
export const MarkAccountLost = command('MarkAccountLost', {
  reason: z.discriminatedUnion('category', [
    z.strictObject({
      category: z.literal('inevitable'),
      cause: InevitableLossCause,
      note,
    }),
    z.strictObject({
      category: z.literal('controllable'),
      cause: ControllableLossCause,
      note,
    }),
  ]),
});
/** Record that the account was lost. */
export type MarkAccountLost = z.infer<typeof MarkAccountLost>;

/** Bring a lost account back, as an active customer (the default) or as a prospect. */
export const ReactivateAccount = command('ReactivateAccount', {
  status: z.enum(['prospect', 'active']).default('active'),
});
/** Bring a lost account back. */
export type ReactivateAccount = z.infer<typeof ReactivateAccount>;

/** Record revenue for one period and product line, in the account's currency. */
export const RecordRevenue = command('RecordRevenue', {
  revenueId: Ulid,
  period: Period,
  productLine: ProductLine,
  amount: Money,
});
/** Record revenue. */
export type RecordRevenue = z.infer<typeof RecordRevenue>;

/** Correct a recorded revenue entry to a new amount (never an edit: the original stays). */
export const CorrectRevenue = command('CorrectRevenue', {
  correctionId: Ulid,
  revenueId: Ulid,
  amount: Money,
  reason: z.string().trim().min(1).max(2000),
});
/** Correct a revenue entry. */
export type CorrectRevenue = z.infer<typeof CorrectRevenue>;

const personalDetails = {
  name: z.string().trim().min(1).max(200),
  title: optionalText(200),
  email: optionalText(320),
  phone: optionalText(50),
  notes: optionalText(4000),
};

/** Add a contact. Name, title, email, phone and notes are personal data. */
export const AddContact = command('AddContact', {
  contactId: Ulid,
  ...personalDetails,
  role: ContactRole,
  stance: ContactStance.default('neutral'),
  influence: Rating,
  decisionPower: Rating,
  reportsToContactId: Ulid.nullable().default(null),
  relationship: RelationshipLevel.default('none'),
  targetRelationship: RelationshipLevel,
});
/** Add a contact. */
export type AddContact = z.infer<typeof AddContact>;

/** Replace a contact's personal details (every field is written; absent ones become null). */
export const ChangeContactDetails = command('ChangeContactDetails', {
  contactId: Ulid,
  ...personalDetails,
});
/** Replace a contact's personal details. */
export type ChangeContactDetails = z.infer<typeof ChangeContactDetails>;

/** Change the part a contact plays in buying. */
export const ChangeContactRole = command('ChangeContactRole', {
  contactId: Ulid,
  role: ContactRole,
});
/** Change a contact's role. */
export type ChangeContactRole = z.infer<typeof ChangeContactRole>;

/** Reassess a contact's stance, influence and decision power. */
export const AssessContact = command('AssessContact', {
  contactId: Ulid,
  stance: ContactStance,
  influence: Rating,
  decisionPower: Rating,
});
/** Reassess a contact. */
export type AssessContact = z.infer<typeof AssessContact>;

/** Set whom a contact reports to (another contact of the account), or clear it (null). */
export const ChangeContactReportingLine = command('ChangeContactReportingLine', {
  contactId: Ulid,
  reportsToContactId: Ulid.nullable(),
});
/** Change a contact's reporting line. */
export type ChangeContactReportingLine = z.infer<typeof ChangeContactReportingLine>;

/** Reassess our relationship with a contact today and the level we aim for. */
export const AssessContactRelationship = command('AssessContactRelationship', {
  contactId: Ulid,
  relationship: RelationshipLevel,
  targetRelationship: RelationshipLevel,
});
/** Reassess a relationship. */
export type AssessContactRelationship = z.infer<typeof AssessContactRelationship>;

/** Record that we reached a contact at `at`. The note is personal data. */
export const RecordContactReached = command('RecordContactReached', {
  contactId: Ulid,
  channel: ContactChannel,
  note: optionalText(4000),
});
/** Record that a contact was reached. */
export type RecordContactReached = z.infer<typeof RecordContactReached>;

/**
 * Forget a contact at the person's request. Allowed on a lost account too, and a no-op for a
 * contact already forgotten, so the request can be retried. Afterwards call
 * `EventStore.forgetSubject(contactId)` to remove the personal data from stored events.
 */
export const ForgetContact = command('ForgetContact', { contactId: Ulid });
/** Forget a contact. */
export type ForgetContact = z.infer<typeof ForgetContact>;

/** Record a competitor active in the account. */
export const AddCompetitor = command('AddCompetitor', { competitorId: Ulid, name: AccountText });
/** Record a competitor. */
export type AddCompetitor = z.infer<typeof AddCompetitor>;

/** Write down a competitor's goals and messages in the account, and our strategy against it. */
export const AssessCompetitor = command('AssessCompetitor', {
  competitorId: Ulid,
  goals: z.array(z.string().trim().min(1).max(500)).max(50),
  messages: z.array(z.string().trim().min(1).max(500)).max(50),
  strategy: z.string().trim().max(4000),
});
/** Assess a competitor. */
export type AssessCompetitor = z.infer<typeof AssessCompetitor>;

/** Record that a competitor is no longer active in the account. */
export const RemoveCompetitor = command('RemoveCompetitor', { competitorId: Ulid });
/** Remove a competitor. */
export type RemoveCompetitor = z.infer<typeof RemoveCompetitor>;

/** Record a satisfaction score (0-10) taken at `at`. */
export const RecordSatisfaction = command('RecordSatisfaction', {
  score: SatisfactionScore,
  method: SatisfactionMethod,
});
/** Record a satisfaction score. */
export type RecordSatisfaction = z.infer<typeof RecordSatisfaction>;

/** Identify an opportunity in the account. */
export const IdentifyOpportunity = command('IdentifyOpportunity', {
  opportunityId: Ulid,
  name: AccountText,
  kind: OpportunityKind,
  value: Money,
  stage: OpportunityStage.default('identified'),
  probability: Probability,
  expectedClose: CalendarDate,
  productLine: ProductLine,
  executiveSponsorContactId: Ulid.nullable().default(null),
  source: OpportunitySource,
});
/** Identify an opportunity. */
export type IdentifyOpportunity = z.infer<typeof IdentifyOpportunity>;

/** Revise an open opportunity's value, probability, expected close and product line. */
export const ReviseOpportunity = command('ReviseOpportunity', {
  opportunityId: Ulid,
  value: Money,
  probability: Probability,
  expectedClose: CalendarDate,
  productLine: ProductLine,
});
/** Revise an opportunity. */
export type ReviseOpportunity = z.infer<typeof ReviseOpportunity>;

/** Move an open opportunity to a stage, with the probability at that stage. */
export const MoveOpportunity = command('MoveOpportunity', {
  opportunityId: Ulid,
  stage: OpportunityStage,
  probability: Probability,
});
/** Move an opportunity. */
export type MoveOpportunity = z.infer<typeof MoveOpportunity>;

/** Set, change or clear an open opportunity's executive sponsor. */
export const ChangeOpportunitySponsor = command('ChangeOpportunitySponsor', {
  opportunityId: Ulid,
  executiveSponsorContactId: Ulid.nullable(),
});
/** Change an opportunity's sponsor. */
export type ChangeOpportunitySponsor = z.infer<typeof ChangeOpportunitySponsor>;

/** Record an opportunity as won, at a final value (null: its current value). */
export const WinOpportunity = command('WinOpportunity', {
  opportunityId: Ulid,
  value: Money.nullable().default(null),
  reason: OpportunityWinReason,
  note,
});
/** Win an opportunity. */
export type WinOpportunity = z.infer<typeof WinOpportunity>;

/** Record an opportunity as lost, and to which competitor if any. */
export const LoseOpportunity = command('LoseOpportunity', {
  opportunityId: Ulid,
  reason: OpportunityLossReason,
  competitorId: Ulid.nullable().default(null),
  note,
});
/** Lose an opportunity. */
export type LoseOpportunity = z.infer<typeof LoseOpportunity>;

/** Assess one whitespace cell: a buying unit x one of our offerings. */
export const AssessWhitespaceCell = command('AssessWhitespaceCell', {
  buyingUnit: BuyingUnit,
  offering: ProductLine,
  state: z.enum(['no_potential', 'potential', 'in_pipeline', 'won']),
  estimatedPotential: Money.nullable().default(null),
});
/** Assess a whitespace cell. */
export type AssessWhitespaceCell = z.infer<typeof AssessWhitespaceCell>;

/**
 * Any command of the Account aggregate, parsed from untrusted input by `type`. Pass it to
 * `createCommandHandler` as `commandSchema`.
 *
 * @example
 * ```ts
 * const command = AccountCommand.parse({ type: 'RenameAccount', accountId, at, name: 'Acme' });
 * ```
 */
export const AccountCommand = z.discriminatedUnion('type', [
  OpenAccount,
  RenameAccount,
  ChangeAccountIndustry,
  ChangeParentAccount,
  AssignAccountOwner,
  AssignAccountTerritory,
  ActivateAccount,
  DeactivateAccount,
  MarkAccountLost,
  ReactivateAccount,
  RecordRevenue,
  CorrectRevenue,
  AddContact,
  ChangeContactDetails,
  ChangeContactRole,
  AssessContact,
  ChangeContactReportingLine,
  AssessContactRelationship,
  RecordContactReached,
  ForgetContact,
  AddCompetitor,
  AssessCompetitor,
  RemoveCompetitor,
  RecordSatisfaction,
  IdentifyOpportunity,
  ReviseOpportunity,
  MoveOpportunity,
  ChangeOpportunitySponsor,
  WinOpportunity,
  LoseOpportunity,
  AssessWhitespaceCell,
]);
/** Any command of the Account aggregate. */
export type AccountCommand = z.infer<typeof AccountCommand>;
