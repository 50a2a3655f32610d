import { z } from 'zod';
import { defineEvent, type EventOf } from '../eventStore/eventRegistry.js';
import { Ulid, UserId } from '../ids/ids.js';
import { CurrencyCode, Money } from '../money/money.js';
import { CalendarDate, Instant, Period } from '../periods/period.js';
import { TerritoryId } from '../territories/events.js';

// ---------------------------------------------------------------------------------------------
// The vocabulary shared by the account's events and commands.
// ---------------------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().min(1).max(max);

/** A short name (an account, a competitor, an opportunity, a product line): 1-200 characters. */
export const AccountText = text(200);

/** A product line or one of our offerings (`Consulting`, `Licences`), as the organisation names it. */
export const ProductLine = text(100);
/** A product line or offering. */
export type ProductLine = z.infer<typeof ProductLine>;

/**
 * Where an account stands with us. seed 001: a monthly review covers active, inactive and
 * prospective accounts; seed 004: lost accounts are analysed for why they left.
 */
export const AccountStatus = z.enum(['prospect', 'active', 'inactive', 'lost']);
/** Where an account stands with us. */
export type AccountStatus = z.infer<typeof AccountStatus>;

/** Why an account was lost when nothing we did could have kept it (seed 004: "an acquisition that takes over your customer"). */
export const InevitableLossCause = z.enum([
  'acquired',
  'out_of_business',
  'merged',
  'relocated',
  'no_longer_needed',
  'other',
]);
/** An inevitable cause of loss. */
export type InevitableLossCause = z.infer<typeof InevitableLossCause>;

/** Why an account was lost when better account management might have kept it (seed 004). */
export const ControllableLossCause = z.enum([
  'price',
  'service',
  'competitor',
  'relationship',
  'product',
  'neglect',
  'other',
]);
/** A controllable cause of loss. */
export type ControllableLossCause = z.infer<typeof ControllableLossCause>;

/**
 * Why an account was lost, classified as inevitable or controllable (seed 004: "you need to
 * discover if the losses are because of something inevitable ... or because you haven't been
 * managing them properly"), with an optional note.
 */
export const LossReason = z.discriminatedUnion('category', [
  z.object({
    category: z.literal('inevitable'),
    cause: InevitableLossCause,
    note: z.string().trim().max(2000).nullable(),
  }),
  z.object({
    category: z.literal('controllable'),
    cause: ControllableLossCause,
    note: z.string().trim().max(2000).nullable(),
  }),
]);
/** Why an account was lost. */
export type LossReason = z.infer<typeof LossReason>;

/** The part a contact plays in buying (seed 002: key contacts, executive sponsors, the competition's champions). */
export const ContactRole = z.enum([
  'economic_buyer',
  'executive_sponsor',
  'champion',
  'influencer',
  'user',
  'detractor',
  'competition_champion',
]);
/** The part a contact plays in buying. */
export type ContactRole = z.infer<typeof ContactRole>;

/** How a contact feels about us, from advocate to hostile. */
export const ContactStance = z.enum(['advocate', 'supporter', 'neutral', 'skeptic', 'hostile']);
/** How a contact feels about us. */
export type ContactStance = z.infer<typeof ContactStance>;

/** A rating from 1 (lowest) to 5 (highest): a contact's influence, or decision power. */
export const Rating = z.number().int().min(1).max(5);
/** A rating from 1 to 5. */
export type Rating = z.infer<typeof Rating>;

/**
 * How a contact sees us, weakest first. `none` is a relationship not yet established (seed 002:
 * "what key relationships have not yet been established?"); `trusted_advisor` is the top.
 */
export const RelationshipLevel = z.enum([
  'none',
  'vendor',
  'credible_source',
  'problem_solver',
  'trusted_advisor',
]);
/** How a contact sees us. */
export type RelationshipLevel = z.infer<typeof RelationshipLevel>;

/** How we reached a contact. */
export const ContactChannel = z.enum(['meeting', 'call', 'email', 'event', 'other']);
/** How we reached a contact. */
export type ContactChannel = z.infer<typeof ContactChannel>;

/** How a satisfaction score was taken. */
export const SatisfactionMethod = z.enum([
  'survey',
  'interview',
  'business_review',
  'rep_assessment',
]);
/** How a satisfaction score was taken. */
export type SatisfactionMethod = z.infer<typeof SatisfactionMethod>;

/** A satisfaction score, a whole number from 0 (very unsatisfied) to 10 (very satisfied). */
export const SatisfactionScore = z.number().int().min(0).max(10);
/** A satisfaction score from 0 to 10. */
export type SatisfactionScore = z.infer<typeof SatisfactionScore>;

/** The kinds of opportunity (seeds 000, 001, 003). */
export const OpportunityKind = z.enum([
  'new_logo',
  'new_buyer',
  'cross_sell',
  'up_sell',
  'renewal',
  'price_increase',
]);
/** A kind of opportunity. */
export type OpportunityKind = z.infer<typeof OpportunityKind>;

/** The stages an open opportunity moves through, in order. Won and lost are outcomes, not stages. */
export const OpportunityStage = z.enum([
  'identified',
  'qualified',
  'proposed',
  'negotiating',
  'committed',
]);
/** A stage of an open opportunity. */
export type OpportunityStage = z.infer<typeof OpportunityStage>;

/** Where an opportunity came from (seed 000: networking contacts and referrals). */
export const OpportunitySource = z.enum([
  'referral',
  'networking',
  'inbound',
  'outbound',
  'existing_relationship',
  'partner',
  'event',
  'other',
]);
/** Where an opportunity came from. */
export type OpportunitySource = z.infer<typeof OpportunitySource>;

/** A probability of winning, in whole percent from 0 to 100. */
export const Probability = z.number().int().min(0).max(100);
/** A probability in whole percent. */
export type Probability = z.infer<typeof Probability>;

/** Why an opportunity was won. */
export const OpportunityWinReason = z.enum([
  'relationship',
  'value',
  'price',
  'product_fit',
  'service',
  'timing',
  'other',
]);
/** Why an opportunity was won. */
export type OpportunityWinReason = z.infer<typeof OpportunityWinReason>;

/** Why an opportunity was lost. */
export const OpportunityLossReason = z.enum([
  'price',
  'competitor',
  'no_decision',
  'product_fit',
  'timing',
  'budget',
  'relationship',
  'other',
]);
/** Why an opportunity was lost. */
export type OpportunityLossReason = z.infer<typeof OpportunityLossReason>;

/**
 * Who buys, in a whitespace grid: the account as a whole, one of its branches (itself an account,
 * seed 003: "treat them as their own entities"), or a named division without an account of its own.
 */
export const BuyingUnit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account') }),
  z.object({ kind: z.literal('branch'), branchAccountId: Ulid }),
  z.object({ kind: z.literal('division'), division: text(200) }),
]);
/** Who buys, in a whitespace grid. */
export type BuyingUnit = z.infer<typeof BuyingUnit>;

/** What one whitespace cell (buying unit x offering) holds for us. */
export const WhitespaceState = z.enum(['no_potential', 'potential', 'in_pipeline', 'won']);
/** What one whitespace cell holds for us. */
export type WhitespaceState = z.infer<typeof WhitespaceState>;

// Personal data of a contact. In events these are optional, so that `forgetSubject` can remove
// them and the event still parses; decide always writes them (null when unknown).
const personalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const contactPersonalFields = {
  name: z.string().trim().min(1).max(200).optional(),
  title: personalText(200),
  email: personalText(320),
  phone: personalText(50),
  notes: personalText(4000),
};
const CONTACT_PERSONAL_FIELDS = ['name', 'title', 'email', 'phone', 'notes'] as const;

const base = { accountId: Ulid, at: Instant };

// ---------------------------------------------------------------------------------------------
// The account itself.
// ---------------------------------------------------------------------------------------------

/** An account was opened: as a prospect, or directly as an active customer (an import). */
export const AccountOpened = defineEvent({
  type: 'AccountOpened',
  schemaVersion: 1,
  description:
    'An account was opened, as a prospect or as an active customer; its currency is fixed from now on.',
  schema: z.object({
    ...base,
    name: AccountText,
    industry: AccountText.nullable(),
    parentAccountId: Ulid.nullable(),
    ownerRepId: UserId,
    territoryId: TerritoryId.nullable(),
    currency: CurrencyCode,
    status: z.enum(['prospect', 'active']),
  }),
});
/** An account was opened. */
export type AccountOpened = EventOf<typeof AccountOpened>;

/** The account's name changed. */
export const AccountRenamed = defineEvent({
  type: 'AccountRenamed',
  schemaVersion: 1,
  description: 'The account was renamed.',
  schema: z.object({ ...base, name: AccountText }),
});
/** The account's name changed. */
export type AccountRenamed = EventOf<typeof AccountRenamed>;

/** The account's industry changed (or was cleared). */
export const AccountIndustryChanged = defineEvent({
  type: 'AccountIndustryChanged',
  schemaVersion: 1,
  description: 'The industry the account is classified in was set, changed or cleared.',
  schema: z.object({ ...base, industry: AccountText.nullable() }),
});
/** The account's industry changed. */
export type AccountIndustryChanged = EventOf<typeof AccountIndustryChanged>;

/** The account became a branch of a parent account, or stopped being one. */
export const AccountParentChanged = defineEvent({
  type: 'AccountParentChanged',
  schemaVersion: 1,
  description:
    'The account was attached to a parent account (it is a branch of a multi-branch company) or detached from one.',
  schema: z.object({ ...base, parentAccountId: Ulid.nullable() }),
});
/** The account's parent changed. */
export type AccountParentChanged = EventOf<typeof AccountParentChanged>;

/** Another rep now owns the account. */
export const AccountOwnerAssigned = defineEvent({
  type: 'AccountOwnerAssigned',
  schemaVersion: 1,
  description: 'The account was handed to another owner rep.',
  schema: z.object({ ...base, ownerRepId: UserId }),
});
/** The account's owner changed. */
export type AccountOwnerAssigned = EventOf<typeof AccountOwnerAssigned>;

/** The account moved to a territory (or out of every territory). */
export const AccountTerritoryAssigned = defineEvent({
  type: 'AccountTerritoryAssigned',
  schemaVersion: 1,
  description: 'The account was placed in a territory, moved to another, or taken out of one.',
  schema: z.object({ ...base, territoryId: TerritoryId.nullable() }),
});
/** The account's territory changed. */
export type AccountTerritoryAssigned = EventOf<typeof AccountTerritoryAssigned>;

/** A prospect became a customer, or an inactive customer started buying again. */
export const AccountActivated = defineEvent({
  type: 'AccountActivated',
  schemaVersion: 1,
  description:
    'A prospect became an active customer, or an inactive customer became active again (also recorded when an opportunity of a prospect or inactive account is won).',
  schema: z.object({ ...base, from: z.enum(['prospect', 'inactive']) }),
});
/** The account became active. */
export type AccountActivated = EventOf<typeof AccountActivated>;

/** An active customer stopped buying for now without being lost. */
export const AccountDeactivated = defineEvent({
  type: 'AccountDeactivated',
  schemaVersion: 1,
  description: 'An active customer stopped buying for now, without being lost.',
  schema: z.object({ ...base }),
});
/** The account became inactive. */
export type AccountDeactivated = EventOf<typeof AccountDeactivated>;

/** The account was lost, with a classified reason. */
export const AccountLost = defineEvent({
  type: 'AccountLost',
  schemaVersion: 1,
  description:
    'The account was lost (a customer left, or a prospect was given up), with the reason classified as inevitable or controllable.',
  schema: z.object({
    ...base,
    from: z.enum(['prospect', 'active', 'inactive']),
    reason: LossReason,
  }),
});
/** The account was lost. */
export type AccountLost = EventOf<typeof AccountLost>;

/** A lost account was won back, as a prospect or as an active customer. */
export const AccountReactivated = defineEvent({
  type: 'AccountReactivated',
  schemaVersion: 1,
  description: 'A lost account came back, as a prospect to win again or as an active customer.',
  schema: z.object({ ...base, status: z.enum(['prospect', 'active']) }),
});
/** A lost account was reactivated. */
export type AccountReactivated = EventOf<typeof AccountReactivated>;

// ---------------------------------------------------------------------------------------------
// Revenue.
// ---------------------------------------------------------------------------------------------

/** Revenue was booked for one period and product line. */
export const RevenueRecorded = defineEvent({
  type: 'RevenueRecorded',
  schemaVersion: 1,
  description:
    'Revenue from the account was recorded for one period (month or quarter) and product line, in the account currency.',
  schema: z.object({
    ...base,
    revenueId: Ulid,
    period: Period,
    productLine: ProductLine,
    amount: Money,
  }),
});
/** Revenue was recorded. */
export type RevenueRecorded = EventOf<typeof RevenueRecorded>;

/**
 * A recorded revenue entry was corrected to a new amount. The original stays in the history; a
 * revenue entry booked to the wrong period or product line is corrected to zero and recorded again.
 */
export const RevenueCorrected = defineEvent({
  type: 'RevenueCorrected',
  schemaVersion: 1,
  description:
    'A recorded revenue entry was corrected to a new amount (the original stays in the record; a mis-booked entry is corrected to zero and recorded anew).',
  schema: z.object({
    ...base,
    correctionId: Ulid,
    revenueId: Ulid,
    amount: Money,
    reason: text(2000),
  }),
});
/** A revenue entry was corrected. */
export type RevenueCorrected = EventOf<typeof RevenueCorrected>;

// ---------------------------------------------------------------------------------------------
// Contacts.
// ---------------------------------------------------------------------------------------------

const contactSubject = { subject: (data: { contactId: string }) => data.contactId };

/** A contact was added to the account. Its name, title, email, phone and notes are personal data. */
export const ContactAdded = defineEvent({
  type: 'ContactAdded',
  schemaVersion: 1,
  description:
    'A person at the account became a known contact, with role, stance, influence, decision power, reporting line and relationship levels. Name, title, email, phone and notes are personal data, removed when the contact is forgotten.',
  schema: z.object({
    ...base,
    contactId: Ulid,
    ...contactPersonalFields,
    role: ContactRole,
    stance: ContactStance,
    influence: Rating,
    decisionPower: Rating,
    reportsToContactId: Ulid.nullable(),
    relationship: RelationshipLevel,
    targetRelationship: RelationshipLevel,
  }),
  personalData: { ...contactSubject, fields: [...CONTACT_PERSONAL_FIELDS] },
});
/** A contact was added. */
export type ContactAdded = EventOf<typeof ContactAdded>;

/** A contact's personal details were replaced. All of them are personal data. */
export const ContactDetailsChanged = defineEvent({
  type: 'ContactDetailsChanged',
  schemaVersion: 1,
  description:
    "A contact's name, title, email, phone or notes changed (all of them are recorded, and all are personal data).",
  schema: z.object({ ...base, contactId: Ulid, ...contactPersonalFields }),
  personalData: { ...contactSubject, fields: [...CONTACT_PERSONAL_FIELDS] },
});
/** A contact's details changed. */
export type ContactDetailsChanged = EventOf<typeof ContactDetailsChanged>;

/** A contact's role in buying changed. */
export const ContactRoleChanged = defineEvent({
  type: 'ContactRoleChanged',
  schemaVersion: 1,
  description: 'The part a contact plays in buying changed (say, from influencer to champion).',
  schema: z.object({ ...base, contactId: Ulid, role: ContactRole }),
});
/** A contact's role changed. */
export type ContactRoleChanged = EventOf<typeof ContactRoleChanged>;

/** The rep reassessed a contact's stance, influence and decision power. */
export const ContactAssessed = defineEvent({
  type: 'ContactAssessed',
  schemaVersion: 1,
  description: "A contact's stance towards us, influence and decision power were reassessed.",
  schema: z.object({
    ...base,
    contactId: Ulid,
    stance: ContactStance,
    influence: Rating,
    decisionPower: Rating,
  }),
});
/** A contact was reassessed. */
export type ContactAssessed = EventOf<typeof ContactAssessed>;

/** A contact's reporting line changed (for the org chart). */
export const ContactReportingLineChanged = defineEvent({
  type: 'ContactReportingLineChanged',
  schemaVersion: 1,
  description: 'A contact now reports to another contact of the account, or to none known to us.',
  schema: z.object({ ...base, contactId: Ulid, reportsToContactId: Ulid.nullable() }),
});
/** A contact's reporting line changed. */
export type ContactReportingLineChanged = EventOf<typeof ContactReportingLineChanged>;

/** Our relationship with a contact today and the level we aim for were reassessed. */
export const ContactRelationshipAssessed = defineEvent({
  type: 'ContactRelationshipAssessed',
  schemaVersion: 1,
  description:
    'Our relationship with a contact today (vendor, credible source, problem solver, trusted advisor) and the level we aim for were reassessed.',
  schema: z.object({
    ...base,
    contactId: Ulid,
    relationship: RelationshipLevel,
    targetRelationship: RelationshipLevel,
  }),
});
/** A relationship was reassessed. */
export type ContactRelationshipAssessed = EventOf<typeof ContactRelationshipAssessed>;

/** We reached a contact (a meeting, a call). The optional note is personal data. */
export const ContactReached = defineEvent({
  type: 'ContactReached',
  schemaVersion: 1,
  description:
    'We reached a contact (meeting, call, email, event); `at` is when. The note is personal data.',
  schema: z.object({ ...base, contactId: Ulid, channel: ContactChannel, note: personalText(4000) }),
  personalData: { ...contactSubject, fields: ['note'] },
});
/** A contact was reached. */
export type ContactReached = EventOf<typeof ContactReached>;

/**
 * A contact was forgotten: from now on the account holds no personal data about it, only the fact
 * that a contact with this id existed (its role in history, reporting lines and sponsorships stay).
 */
export const ContactForgotten = defineEvent({
  type: 'ContactForgotten',
  schemaVersion: 1,
  description:
    "A contact was forgotten at the person's request: its personal data is removed from the state and (by EventStore.forgetSubject) from every stored event; that a contact with this id existed is kept.",
  schema: z.object({ ...base, contactId: Ulid }),
});
/** A contact was forgotten. */
export type ContactForgotten = EventOf<typeof ContactForgotten>;

// ---------------------------------------------------------------------------------------------
// Competitors and satisfaction.
// ---------------------------------------------------------------------------------------------

/** A competitor was found to be active in the account. */
export const CompetitorAdded = defineEvent({
  type: 'CompetitorAdded',
  schemaVersion: 1,
  description: 'A competitor was found to be active in the account.',
  schema: z.object({ ...base, competitorId: Ulid, name: AccountText }),
});
/** A competitor was added. */
export type CompetitorAdded = EventOf<typeof CompetitorAdded>;

/** A competitor's goals and messages in the account, and our strategy against it, were (re)written. */
export const CompetitorAssessed = defineEvent({
  type: 'CompetitorAssessed',
  schemaVersion: 1,
  description:
    "A competitor's goals and key messages in the account, and our strategy against it, were written down or revised (seed 002: competitive strategy).",
  schema: z.object({
    ...base,
    competitorId: Ulid,
    goals: z.array(text(500)).max(50),
    messages: z.array(text(500)).max(50),
    strategy: z.string().trim().max(4000),
  }),
});
/** A competitor was assessed. */
export type CompetitorAssessed = EventOf<typeof CompetitorAssessed>;

/** A competitor is no longer active in the account. */
export const CompetitorRemoved = defineEvent({
  type: 'CompetitorRemoved',
  schemaVersion: 1,
  description: 'A competitor is no longer active in the account.',
  schema: z.object({ ...base, competitorId: Ulid }),
});
/** A competitor was removed. */
export type CompetitorRemoved = EventOf<typeof CompetitorRemoved>;

/** A satisfaction score was taken (seed 003: an unsatisfied account will not grow). */
export const SatisfactionRecorded = defineEvent({
  type: 'SatisfactionRecorded',
  schemaVersion: 1,
  description:
    "The account's satisfaction was measured (0-10) by a survey, an interview, a business review or the rep's own assessment; `at` is when.",
  schema: z.object({ ...base, score: SatisfactionScore, method: SatisfactionMethod }),
});
/** A satisfaction score was recorded. */
export type SatisfactionRecorded = EventOf<typeof SatisfactionRecorded>;

// ---------------------------------------------------------------------------------------------
// Opportunities.
// ---------------------------------------------------------------------------------------------

/** A chance to sell was identified in the account. */
export const OpportunityIdentified = defineEvent({
  type: 'OpportunityIdentified',
  schemaVersion: 1,
  description:
    'A chance to sell was identified: its kind, value, stage, probability, expected close, product line, executive sponsor and source.',
  schema: z.object({
    ...base,
    opportunityId: Ulid,
    name: AccountText,
    kind: OpportunityKind,
    value: Money,
    stage: OpportunityStage,
    probability: Probability,
    expectedClose: CalendarDate,
    productLine: ProductLine,
    executiveSponsorContactId: Ulid.nullable(),
    source: OpportunitySource,
  }),
});
/** An opportunity was identified. */
export type OpportunityIdentified = EventOf<typeof OpportunityIdentified>;

/** An open opportunity's value, probability, expected close or product line was revised. */
export const OpportunityRevised = defineEvent({
  type: 'OpportunityRevised',
  schemaVersion: 1,
  description:
    "An open opportunity's value, probability, expected close and product line were revised (all four are recorded).",
  schema: z.object({
    ...base,
    opportunityId: Ulid,
    value: Money,
    probability: Probability,
    expectedClose: CalendarDate,
    productLine: ProductLine,
  }),
});
/** An opportunity was revised. */
export type OpportunityRevised = EventOf<typeof OpportunityRevised>;

/** An open opportunity moved to another stage, with the probability at that stage. */
export const OpportunityMoved = defineEvent({
  type: 'OpportunityMoved',
  schemaVersion: 1,
  description:
    'An open opportunity moved from one stage to another (forward or back), with its probability.',
  schema: z.object({
    ...base,
    opportunityId: Ulid,
    from: OpportunityStage,
    to: OpportunityStage,
    probability: Probability,
  }),
});
/** An opportunity moved stage. */
export type OpportunityMoved = EventOf<typeof OpportunityMoved>;

/** An open opportunity's executive sponsor changed (or was cleared). */
export const OpportunitySponsorChanged = defineEvent({
  type: 'OpportunitySponsorChanged',
  schemaVersion: 1,
  description:
    "An open opportunity's executive sponsor at the customer was set, changed or cleared.",
  schema: z.object({ ...base, opportunityId: Ulid, executiveSponsorContactId: Ulid.nullable() }),
});
/** An opportunity's sponsor changed. */
export type OpportunitySponsorChanged = EventOf<typeof OpportunitySponsorChanged>;

/** An opportunity was won at a final value; it is closed for good. */
export const OpportunityWon = defineEvent({
  type: 'OpportunityWon',
  schemaVersion: 1,
  description:
    'The customer signed: the opportunity was won at its final value and is closed for good.',
  schema: z.object({
    ...base,
    opportunityId: Ulid,
    value: Money,
    reason: OpportunityWinReason,
    note: z.string().trim().max(2000).nullable(),
  }),
});
/** An opportunity was won. */
export type OpportunityWon = EventOf<typeof OpportunityWon>;

/** An opportunity was lost (to a competitor, to no decision); it is closed for good. */
export const OpportunityLost = defineEvent({
  type: 'OpportunityLost',
  schemaVersion: 1,
  description:
    'The opportunity was lost, with the reason and, when it went to a competitor, which one; it is closed for good.',
  schema: z.object({
    ...base,
    opportunityId: Ulid,
    reason: OpportunityLossReason,
    competitorId: Ulid.nullable(),
    note: z.string().trim().max(2000).nullable(),
  }),
});
/** An opportunity was lost. */
export type OpportunityLost = EventOf<typeof OpportunityLost>;

// ---------------------------------------------------------------------------------------------
// The whitespace grid.
// ---------------------------------------------------------------------------------------------

/** One whitespace cell (buying unit x offering) was assessed. */
export const WhitespaceCellAssessed = defineEvent({
  type: 'WhitespaceCellAssessed',
  schemaVersion: 1,
  description:
    'One cell of the whitespace grid (a buying unit: the account, a branch or a division, x one of our offerings) was assessed: no potential, potential, in pipeline or won, with the estimated potential.',
  schema: z.object({
    ...base,
    buyingUnit: BuyingUnit,
    offering: ProductLine,
    state: WhitespaceState,
    estimatedPotential: Money.nullable(),
  }),
});
/** A whitespace cell was assessed. */
export type WhitespaceCellAssessed = EventOf<typeof WhitespaceCellAssessed>;

/**
 * Every event definition of the Account aggregate, for the event registry and the event catalog.
 *
 * @example
 * ```ts
 * const registry = createEventRegistry([...accountEvents, ...reviewEvents]);
 * ```
 */
export const accountEvents = [
  AccountOpened,
  AccountRenamed,
  AccountIndustryChanged,
  AccountParentChanged,
  AccountOwnerAssigned,
  AccountTerritoryAssigned,
  AccountActivated,
  AccountDeactivated,
  AccountLost,
  AccountReactivated,
  RevenueRecorded,
  RevenueCorrected,
  ContactAdded,
  ContactDetailsChanged,
  ContactRoleChanged,
  ContactAssessed,
  ContactReportingLineChanged,
  ContactRelationshipAssessed,
  ContactReached,
  ContactForgotten,
  CompetitorAdded,
  CompetitorAssessed,
  CompetitorRemoved,
  SatisfactionRecorded,
  OpportunityIdentified,
  OpportunityRevised,
  OpportunityMoved,
  OpportunitySponsorChanged,
  OpportunityWon,
  OpportunityLost,
  WhitespaceCellAssessed,
] as const;

/** Any event of the Account aggregate (`{ type, data }`), discriminated by `type`. */
export type AccountEvent = EventOf<(typeof accountEvents)[number]>;
