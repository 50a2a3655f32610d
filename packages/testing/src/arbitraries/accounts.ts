import {
  type AccountCommand,
  type AccountEvent,
  type AccountState,
  accountDecider,
  type CurrencyCode,
  fold,
  type Ulid,
  type UserId,
} from '@account-planning/core';
import fc from 'fast-check';
import type { ExpectedRejection } from '../deciderSpec/deciderSpec.js';
import {
  arbitraryCalendarDate,
  arbitraryCurrency,
  arbitraryInstant,
  arbitraryMoney,
  arbitraryMonth,
  arbitraryQuarter,
  arbitraryText,
  arbitraryUlid,
  arbitraryUserId,
} from './primitives.js';

/** The fixed facts of one generated account: its id, currency, owner rep and first instant. */
export interface AccountContext {
  readonly accountId: Ulid;
  readonly currency: CurrencyCode;
  readonly ownerRepId: UserId;
  /** Milliseconds since the epoch of the first command; each later command is an hour later. */
  readonly start: number;
}

/** An account context: a fresh id, a currency, an owner rep and a start between 2020 and 2030. */
export function arbitraryAccountContext(): fc.Arbitrary<AccountContext> {
  return fc.record({
    accountId: arbitraryUlid(),
    currency: arbitraryCurrency(),
    ownerRepId: arbitraryUserId(),
    start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
  });
}

type CommandOf<T extends AccountCommand['type']> = Extract<AccountCommand, { type: T }>;
type EventOfType<T extends AccountEvent['type']> = Extract<AccountEvent, { type: T }>;

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const productLine = () => fc.constantFrom('Licences', 'Services', 'Support', 'Hardware');
const rating = () => fc.integer({ min: 1, max: 5 });
const probability = () => fc.integer({ min: 0, max: 100 });
const level = () =>
  fc.constantFrom(
    'none' as const,
    'vendor' as const,
    'credible_source' as const,
    'problem_solver' as const,
    'trusted_advisor' as const,
  );
const stance = () =>
  fc.constantFrom(
    'advocate' as const,
    'supporter' as const,
    'neutral' as const,
    'skeptic' as const,
    'hostile' as const,
  );
const role = () =>
  fc.constantFrom(
    'economic_buyer' as const,
    'executive_sponsor' as const,
    'champion' as const,
    'influencer' as const,
    'user' as const,
    'detractor' as const,
    'competition_champion' as const,
  );
const stage = () =>
  fc.constantFrom(
    'identified' as const,
    'qualified' as const,
    'proposed' as const,
    'negotiating' as const,
    'committed' as const,
  );
const lossReason = () =>
  fc.oneof(
    fc.record({
      category: fc.constant('inevitable' as const),
      cause: fc.constantFrom(
        'acquired' as const,
        'out_of_business' as const,
        'merged' as const,
        'relocated' as const,
        'no_longer_needed' as const,
        'other' as const,
      ),
      note: nullable(arbitraryText()),
    }),
    fc.record({
      category: fc.constant('controllable' as const),
      cause: fc.constantFrom(
        'price' as const,
        'service' as const,
        'competitor' as const,
        'relationship' as const,
        'product' as const,
        'neglect' as const,
        'other' as const,
      ),
      note: nullable(arbitraryText()),
    }),
  );
const buyingUnit = () =>
  fc.oneof(
    fc.constant({ kind: 'account' as const }),
    fc.record({ kind: fc.constant('branch' as const), branchAccountId: arbitraryUlid() }),
    fc.record({
      kind: fc.constant('division' as const),
      division: fc.constantFrom('Cold chain', 'Retail', 'Fleet'),
    }),
  );

/**
 * One arbitrary per Account command, for the account of `context`. Each command passes the
 * command schema (with every defaulted field present) and keeps the account's currency; the ids
 * it names are random, so whether the decider accepts it depends on the account's state. Use
 * {@link arbitraryAccountCommandSequence} for commands that are accepted in order.
 */
export function accountCommandArbitraries(context: AccountContext) {
  const { accountId, currency } = context;
  const money = () => arbitraryMoney(currency, 100_000_000);
  const command = <T extends AccountCommand['type']>(
    type: T,
    fields: {
      [K in Exclude<keyof CommandOf<T>, 'type' | 'accountId' | 'at'>]: fc.Arbitrary<
        CommandOf<T>[K]
      >;
    },
  ): fc.Arbitrary<CommandOf<T>> =>
    fc.record<Record<string, unknown>>({
      type: fc.constant(type),
      accountId: fc.constant(accountId),
      at: arbitraryInstant(),
      ...(fields as Record<string, fc.Arbitrary<unknown>>),
    }) as unknown as fc.Arbitrary<CommandOf<T>>;
  const personal = {
    name: arbitraryText(),
    title: nullable(fc.constantFrom('CFO', 'CIO', 'Head of Fleet', 'Buyer')),
    email: nullable(arbitraryText(20).map((local) => `${local.replace(/\s/g, '_')}@example.com`)),
    phone: nullable(fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `+49 30 ${n}`)),
    notes: nullable(arbitraryText()),
  };
  const arbitraries = {
    OpenAccount: command('OpenAccount', {
      name: arbitraryText(),
      industry: nullable(fc.constantFrom('Logistics', 'Retail', 'Manufacturing')),
      parentAccountId: nullable(arbitraryUlid().filter((id) => id !== accountId)),
      ownerRepId: fc.constant(context.ownerRepId),
      territoryId: nullable(fc.constantFrom('north', 'south', 'key-accounts')),
      currency: fc.constant(currency),
      status: fc.constantFrom('prospect' as const, 'active' as const),
    }),
    RenameAccount: command('RenameAccount', { name: arbitraryText() }),
    ChangeAccountIndustry: command('ChangeAccountIndustry', {
      industry: nullable(fc.constantFrom('Logistics', 'Retail', 'Manufacturing')),
    }),
    ChangeParentAccount: command('ChangeParentAccount', {
      parentAccountId: nullable(arbitraryUlid().filter((id) => id !== accountId)),
    }),
    AssignAccountOwner: command('AssignAccountOwner', { ownerRepId: arbitraryUserId() }),
    AssignAccountTerritory: command('AssignAccountTerritory', {
      territoryId: nullable(fc.constantFrom('north', 'south', 'key-accounts')),
    }),
    ActivateAccount: command('ActivateAccount', {}),
    DeactivateAccount: command('DeactivateAccount', {}),
    MarkAccountLost: command('MarkAccountLost', { reason: lossReason() }),
    ReactivateAccount: command('ReactivateAccount', {
      status: fc.constantFrom('prospect' as const, 'active' as const),
    }),
    RecordRevenue: command('RecordRevenue', {
      revenueId: arbitraryUlid(),
      period: fc.oneof(arbitraryMonth(), arbitraryQuarter()),
      productLine: productLine(),
      amount: money(),
    }),
    CorrectRevenue: command('CorrectRevenue', {
      correctionId: arbitraryUlid(),
      revenueId: arbitraryUlid(),
      amount: money(),
      reason: arbitraryText(),
    }),
    AddContact: command('AddContact', {
      contactId: arbitraryUlid(),
      ...personal,
      role: role(),
      stance: stance(),
      influence: rating(),
      decisionPower: rating(),
      reportsToContactId: nullable(arbitraryUlid()),
      relationship: level(),
      targetRelationship: level(),
    }),
    ChangeContactDetails: command('ChangeContactDetails', {
      contactId: arbitraryUlid(),
      ...personal,
    }),
    ChangeContactRole: command('ChangeContactRole', { contactId: arbitraryUlid(), role: role() }),
    AssessContact: command('AssessContact', {
      contactId: arbitraryUlid(),
      stance: stance(),
      influence: rating(),
      decisionPower: rating(),
    }),
    ChangeContactReportingLine: command('ChangeContactReportingLine', {
      contactId: arbitraryUlid(),
      reportsToContactId: nullable(arbitraryUlid()),
    }),
    AssessContactRelationship: command('AssessContactRelationship', {
      contactId: arbitraryUlid(),
      relationship: level(),
      targetRelationship: level(),
    }),
    RecordContactReached: command('RecordContactReached', {
      contactId: arbitraryUlid(),
      channel: fc.constantFrom('meeting', 'call', 'email', 'event', 'other'),
      note: nullable(arbitraryText()),
    }),
    ForgetContact: command('ForgetContact', { contactId: arbitraryUlid() }),
    AddCompetitor: command('AddCompetitor', {
      competitorId: arbitraryUlid(),
      name: fc.constantFrom('Rival Corp', 'Cheapo Ltd', 'Incumbent AG'),
    }),
    AssessCompetitor: command('AssessCompetitor', {
      competitorId: arbitraryUlid(),
      goals: fc.array(arbitraryText(), { maxLength: 3 }),
      messages: fc.array(arbitraryText(), { maxLength: 3 }),
      strategy: fc.string({ maxLength: 40 }).map((text) => text.trim()),
    }),
    RemoveCompetitor: command('RemoveCompetitor', { competitorId: arbitraryUlid() }),
    RecordSatisfaction: command('RecordSatisfaction', {
      score: fc.integer({ min: 0, max: 10 }),
      method: fc.constantFrom('survey', 'interview', 'business_review', 'rep_assessment'),
    }),
    IdentifyOpportunity: command('IdentifyOpportunity', {
      opportunityId: arbitraryUlid(),
      name: arbitraryText(),
      kind: fc.constantFrom(
        'new_logo',
        'new_buyer',
        'cross_sell',
        'up_sell',
        'renewal',
        'price_increase',
      ),
      value: money(),
      stage: stage(),
      probability: probability(),
      expectedClose: arbitraryCalendarDate(),
      productLine: productLine(),
      executiveSponsorContactId: nullable(arbitraryUlid()),
      source: fc.constantFrom(
        'referral',
        'networking',
        'inbound',
        'outbound',
        'existing_relationship',
        'partner',
        'event',
        'other',
      ),
    }),
    ReviseOpportunity: command('ReviseOpportunity', {
      opportunityId: arbitraryUlid(),
      value: money(),
      probability: probability(),
      expectedClose: arbitraryCalendarDate(),
      productLine: productLine(),
    }),
    MoveOpportunity: command('MoveOpportunity', {
      opportunityId: arbitraryUlid(),
      stage: stage(),
      probability: probability(),
    }),
    ChangeOpportunitySponsor: command('ChangeOpportunitySponsor', {
      opportunityId: arbitraryUlid(),
      executiveSponsorContactId: nullable(arbitraryUlid()),
    }),
    WinOpportunity: command('WinOpportunity', {
      opportunityId: arbitraryUlid(),
      value: nullable(money()),
      reason: fc.constantFrom(
        'relationship',
        'value',
        'price',
        'product_fit',
        'service',
        'timing',
        'other',
      ),
      note: nullable(arbitraryText()),
    }),
    LoseOpportunity: command('LoseOpportunity', {
      opportunityId: arbitraryUlid(),
      reason: fc.constantFrom(
        'price',
        'competitor',
        'no_decision',
        'product_fit',
        'timing',
        'budget',
        'relationship',
        'other',
      ),
      competitorId: nullable(arbitraryUlid()),
      note: nullable(arbitraryText()),
    }),
    AssessWhitespaceCell: command('AssessWhitespaceCell', {
      buyingUnit: buyingUnit(),
      offering: productLine(),
      state: fc.constantFrom('potential', 'in_pipeline', 'won'),
      estimatedPotential: nullable(money()),
    }).chain((cell) =>
      // A cell with no potential carries no estimate above zero.
      fc.oneof(
        fc.constant(cell),
        fc.constant({ ...cell, state: 'no_potential' as const, estimatedPotential: null }),
      ),
    ),
  };
  return arbitraries satisfies { [T in AccountCommand['type']]: fc.Arbitrary<CommandOf<T>> };
}

/** Any Account command for a random account: well-formed, not necessarily accepted. */
export function arbitraryAccountCommand(): fc.Arbitrary<AccountCommand> {
  return arbitraryAccountContext().chain((context) =>
    fc.oneof(
      ...(Object.values(accountCommandArbitraries(context)) as fc.Arbitrary<AccountCommand>[]),
    ),
  );
}

// The data of an event recorded from a command: the command without its type.
const withoutType = <C extends { type: string }>({ type: _type, ...data }: C) => data;
const asEvent =
  <T extends AccountEvent['type']>(type: T) =>
  (data: unknown) =>
    ({ type, data }) as EventOfType<T>;
// A forgotten contact's events, as storage holds them after forgetSubject.
const maybeRedacted = <D extends object>(data: D, fields: readonly string[]) =>
  fc
    .boolean()
    .map((redact) =>
      redact
        ? Object.fromEntries(Object.entries(data).filter(([key]) => !fields.includes(key)))
        : data,
    );
const CONTACT_PERSONAL_FIELDS = ['name', 'title', 'email', 'phone', 'notes'];

/**
 * One arbitrary per Account event, for the account of `context`; each event's data passes its
 * schema. Events that carry a contact's personal data come both whole and as `forgetSubject`
 * leaves them (personal fields removed).
 */
export function accountEventArbitraries(context: AccountContext) {
  const c = accountCommandArbitraries(context);
  const from = <T extends AccountEvent['type']>(type: T, command: fc.Arbitrary<{ type: string }>) =>
    command.map((cmd) => asEvent(type)(withoutType(cmd)));
  const money = arbitraryMoney(context.currency, 100_000_000);
  const arbitraries = {
    AccountOpened: from('AccountOpened', c.OpenAccount),
    AccountRenamed: from('AccountRenamed', c.RenameAccount),
    AccountIndustryChanged: from('AccountIndustryChanged', c.ChangeAccountIndustry),
    AccountParentChanged: from('AccountParentChanged', c.ChangeParentAccount),
    AccountOwnerAssigned: from('AccountOwnerAssigned', c.AssignAccountOwner),
    AccountTerritoryAssigned: from('AccountTerritoryAssigned', c.AssignAccountTerritory),
    AccountActivated: fc
      .tuple(c.ActivateAccount, fc.constantFrom('prospect' as const, 'inactive' as const))
      .map(([cmd, status]) => asEvent('AccountActivated')({ ...withoutType(cmd), from: status })),
    AccountDeactivated: from('AccountDeactivated', c.DeactivateAccount),
    AccountLost: fc
      .tuple(
        c.MarkAccountLost,
        fc.constantFrom('prospect' as const, 'active' as const, 'inactive' as const),
      )
      .map(([cmd, status]) => asEvent('AccountLost')({ ...withoutType(cmd), from: status })),
    AccountReactivated: from('AccountReactivated', c.ReactivateAccount),
    RevenueRecorded: from('RevenueRecorded', c.RecordRevenue),
    RevenueCorrected: from('RevenueCorrected', c.CorrectRevenue),
    ContactAdded: c.AddContact.chain((cmd) =>
      maybeRedacted(withoutType(cmd), CONTACT_PERSONAL_FIELDS),
    ).map(asEvent('ContactAdded')),
    ContactDetailsChanged: c.ChangeContactDetails.chain((cmd) =>
      maybeRedacted(withoutType(cmd), CONTACT_PERSONAL_FIELDS),
    ).map(asEvent('ContactDetailsChanged')),
    ContactRoleChanged: from('ContactRoleChanged', c.ChangeContactRole),
    ContactAssessed: from('ContactAssessed', c.AssessContact),
    ContactReportingLineChanged: from('ContactReportingLineChanged', c.ChangeContactReportingLine),
    ContactRelationshipAssessed: from('ContactRelationshipAssessed', c.AssessContactRelationship),
    ContactReached: c.RecordContactReached.chain((cmd) =>
      maybeRedacted(withoutType(cmd), ['note']),
    ).map(asEvent('ContactReached')),
    ContactForgotten: from('ContactForgotten', c.ForgetContact),
    CompetitorAdded: from('CompetitorAdded', c.AddCompetitor),
    CompetitorAssessed: from('CompetitorAssessed', c.AssessCompetitor),
    CompetitorRemoved: from('CompetitorRemoved', c.RemoveCompetitor),
    SatisfactionRecorded: from('SatisfactionRecorded', c.RecordSatisfaction),
    OpportunityIdentified: from('OpportunityIdentified', c.IdentifyOpportunity),
    OpportunityRevised: from('OpportunityRevised', c.ReviseOpportunity),
    OpportunityMoved: fc
      .tuple(c.MoveOpportunity, stage())
      .map(([{ type: _type, stage: to, ...rest }, previous]) =>
        asEvent('OpportunityMoved')({ ...rest, from: previous, to }),
      ),
    OpportunitySponsorChanged: from('OpportunitySponsorChanged', c.ChangeOpportunitySponsor),
    OpportunityWon: fc
      .tuple(c.WinOpportunity, money)
      .map(([cmd, value]) => asEvent('OpportunityWon')({ ...withoutType(cmd), value })),
    OpportunityLost: from('OpportunityLost', c.LoseOpportunity),
    WhitespaceCellAssessed: from('WhitespaceCellAssessed', c.AssessWhitespaceCell),
  };
  return arbitraries satisfies { [T in AccountEvent['type']]: fc.Arbitrary<EventOfType<T>> };
}

/** Any Account event for a random account; its data passes its schema. */
export function arbitraryAccountEvent(): fc.Arbitrary<AccountEvent> {
  return arbitraryAccountContext().chain((context) =>
    fc.oneof(...(Object.values(accountEventArbitraries(context)) as fc.Arbitrary<AccountEvent>[])),
  );
}

// ---------------------------------------------------------------------------------------------
// Valid sequences: random commands whose references are rewritten to name what already exists.
// ---------------------------------------------------------------------------------------------

const HOUR = 3_600_000;

// Commands that add things come more often than the ones that need them, so that sequences
// build up contacts, competitors and opportunities to act on; losing the account is rare.
const SEQUENCE_WEIGHTS: Partial<Record<AccountCommand['type'], number>> = {
  OpenAccount: 0,
  AddContact: 4,
  IdentifyOpportunity: 4,
  RecordRevenue: 4,
  CorrectRevenue: 2,
  AddCompetitor: 2,
  MoveOpportunity: 2,
  WinOpportunity: 2,
  LoseOpportunity: 2,
  ChangeContactReportingLine: 2,
  ForgetContact: 2,
  RemoveCompetitor: 2,
  MarkAccountLost: 1,
};

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

const idInUse = (state: AccountState, id: string): boolean =>
  id === state.accountId ||
  id in state.revenue ||
  id in state.contacts ||
  id in state.competitors ||
  id in state.opportunities ||
  Object.values(state.revenue).some((r) => r.corrections.some((x) => x.correctionId === id));

/**
 * Rewrites a random, well-formed command so that the account in `state` accepts it: the ids it
 * refers to are picked (by `picks`) from what the account holds, its new ids must be unused, and
 * its status must allow it. Returns undefined when no such command exists in this state (a
 * correction with no revenue yet). A lost account only takes a reactivation or a forgetting.
 */
function acceptableIn(
  state: AccountState,
  command: AccountCommand,
  picks: readonly number[],
): AccountCommand | undefined {
  const [p0 = 0, p1 = 0, p2 = 0] = picks;
  const contacts = Object.values(state.contacts);
  const known = contacts.filter((c) => c.forgottenAt === null).map((c) => c.contactId);
  const competitors = Object.values(state.competitors);
  const openOpportunities = Object.values(state.opportunities)
    .filter((o) => o.status === 'open')
    .map((o) => o.opportunityId);
  const fresh = (id: string) => !idInUse(state, id);
  const maybe = (n: number) => (n % 3 === 0 ? null : (pick(known, n) ?? null));

  if (command.type === 'OpenAccount') return undefined;
  if (state.status === 'lost') {
    if (command.type === 'ForgetContact') {
      const contactId = pick(Object.keys(state.contacts), p0);
      return contactId === undefined ? undefined : { ...command, contactId };
    }
    if (command.type === 'ReactivateAccount') return command;
    return {
      type: 'ReactivateAccount',
      accountId: command.accountId,
      at: command.at,
      status: p0 % 2 === 0 ? 'active' : 'prospect',
    };
  }
  switch (command.type) {
    case 'DeactivateAccount':
      return state.status === 'prospect' ? undefined : command;
    case 'ReactivateAccount':
      return undefined;
    case 'RecordRevenue':
      return fresh(command.revenueId) ? command : undefined;
    case 'CorrectRevenue': {
      const revenueId = pick(Object.keys(state.revenue), p0);
      return revenueId !== undefined && fresh(command.correctionId)
        ? { ...command, revenueId }
        : undefined;
    }
    case 'AddContact':
      return fresh(command.contactId) ? { ...command, reportsToContactId: maybe(p0) } : undefined;
    case 'ChangeContactDetails':
    case 'ChangeContactRole':
    case 'AssessContact':
    case 'AssessContactRelationship':
    case 'RecordContactReached': {
      const contactId = pick(known, p0);
      return contactId === undefined ? undefined : { ...command, contactId };
    }
    case 'ChangeContactReportingLine': {
      const contactId = pick(known, p0);
      if (contactId === undefined) return undefined;
      let reportsToContactId = maybe(p1);
      // Reporting to someone who (indirectly) reports to this contact would close a loop.
      for (
        let up = reportsToContactId;
        up !== null;
        up = state.contacts[up]?.reportsToContactId ?? null
      ) {
        if (up === contactId) {
          reportsToContactId = null;
          break;
        }
      }
      return { ...command, contactId, reportsToContactId };
    }
    case 'ForgetContact': {
      const contactId = pick(Object.keys(state.contacts), p0);
      return contactId === undefined ? undefined : { ...command, contactId };
    }
    case 'AddCompetitor':
      return fresh(command.competitorId) ? command : undefined;
    case 'AssessCompetitor':
    case 'RemoveCompetitor': {
      const active = competitors.filter((c) => c.removedAt === null).map((c) => c.competitorId);
      const competitorId = pick(active, p0);
      return competitorId === undefined ? undefined : { ...command, competitorId };
    }
    case 'IdentifyOpportunity':
      return fresh(command.opportunityId)
        ? { ...command, executiveSponsorContactId: maybe(p0) }
        : undefined;
    case 'ReviseOpportunity':
    case 'MoveOpportunity':
    case 'WinOpportunity': {
      const opportunityId = pick(openOpportunities, p0);
      return opportunityId === undefined ? undefined : { ...command, opportunityId };
    }
    case 'ChangeOpportunitySponsor': {
      const opportunityId = pick(openOpportunities, p0);
      return opportunityId === undefined
        ? undefined
        : { ...command, opportunityId, executiveSponsorContactId: maybe(p1) };
    }
    case 'LoseOpportunity': {
      const opportunityId = pick(openOpportunities, p0);
      const competitorId =
        p2 % 2 === 0
          ? null
          : (pick(
              competitors.map((c) => c.competitorId),
              p1,
            ) ?? null);
      return opportunityId === undefined ? undefined : { ...command, opportunityId, competitorId };
    }
    default:
      return command;
  }
}

/** A valid Account command sequence and the account it is for. */
export interface AccountCommandSequence {
  readonly context: AccountContext;
  /** `OpenAccount` first; every command is accepted in order, an hour after the one before. */
  readonly commands: readonly AccountCommand[];
}

/**
 * A valid command sequence for one account: `OpenAccount`, then up to `maxLength` commands of
 * every kind, each rewritten to refer to the contacts, competitors, opportunities and revenue that
 * earlier commands created, so that every command is accepted (some change nothing: renaming to
 * the current name). Commands that need something not yet there are dropped.
 */
export function arbitraryAccountCommandSequence(
  maxLength = 30,
): fc.Arbitrary<AccountCommandSequence> {
  return arbitraryAccountContext().chain((context) => {
    const all = accountCommandArbitraries(context);
    const any = fc.oneof(
      ...Object.entries(all)
        .filter(([type]) => SEQUENCE_WEIGHTS[type as AccountCommand['type']] !== 0)
        .map(([type, arbitrary]) => ({
          weight: SEQUENCE_WEIGHTS[type as AccountCommand['type']] ?? 1,
          arbitrary: arbitrary as fc.Arbitrary<AccountCommand>,
        })),
    );
    const step = fc.tuple(any, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }));
    return fc
      .tuple(all.OpenAccount, fc.array(step, { maxLength, size: 'max' }))
      .map(([open, steps]) => {
        const commands: AccountCommand[] = [{ ...open, at: instant(context, 0) }];
        let state = fold(
          accountDecider,
          accountDecider.decide(commands[0]!, accountDecider.initialState),
        );
        for (const [random, picks] of steps) {
          const command = acceptableIn(
            state,
            { ...random, at: instant(context, commands.length) },
            picks,
          );
          if (command === undefined) continue;
          state = fold(accountDecider, accountDecider.decide(command, state), state);
          commands.push(command);
        }
        return { context, commands };
      });
  });
}

function instant(context: AccountContext, index: number): string {
  return new Date(context.start + index * HOUR).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Invalid commands: what each rule must refuse, built against the state of a valid sequence.
// ---------------------------------------------------------------------------------------------

/** A command the account must refuse after a valid history, and how it must refuse it. */
export interface InvalidAccountCommand extends AccountCommandSequence {
  /** The offending input (possibly not even a well-formed command). */
  readonly command: unknown;
  /** The error it must be refused with. */
  readonly rejection: ExpectedRejection;
  /**
   * True when the input must be decided without the command schema: it breaks a rule the schema
   * also guards (negative money, a malformed period), to reach the decider's own check.
   */
  readonly bypassSchema: boolean;
}

interface Broken extends Omit<InvalidAccountCommand, 'context' | 'commands'> {
  /** Valid commands to add to the history first, creating what the break needs. */
  readonly setup?: readonly AccountCommand[];
}

type Breaker = (
  state: AccountState,
  valid: AccountCommand,
  random: { readonly id: Ulid; readonly n: number },
) => Broken | undefined;

const rule = (code: string): ExpectedRejection => ({ rule: code });
const base = (valid: AccountCommand) => ({ accountId: valid.accountId, at: valid.at });

// Each breaker turns a state and a valid command into one the rules must refuse, or declines
// when the state does not allow it (no forgotten contact to update).
const BREAKERS: Readonly<Record<string, Breaker>> = {
  lost: (state, valid) =>
    state.status !== 'lost' ||
    valid.type === 'ReactivateAccount' ||
    valid.type === 'ForgetContact' ||
    valid.type === 'OpenAccount'
      ? undefined
      : { command: valid, rejection: rule('account.lost'), bypassSchema: false },
  malformed: (_state, valid, { n }) => {
    const broken: Record<string, unknown>[] = [
      { ...valid, at: 'yesterday' },
      { ...valid, accountId: 'not-a-ulid' },
      { ...valid, type: `${valid.type}Now` },
      { ...valid, unexpected: true },
      {
        type: 'RecordRevenue',
        ...base(valid),
        revenueId: valid.accountId,
        period: '2026-13',
        productLine: 'X',
        amount: { amountMinor: 1, currency: 'EUR' },
      },
      { type: 'RecordSatisfaction', ...base(valid), score: 11, method: 'survey' },
      {
        type: 'RecordRevenue',
        ...base(valid),
        revenueId: valid.accountId,
        period: '2026-01',
        productLine: 'X',
        amount: { amountMinor: -1, currency: 'EUR' },
      },
    ];
    return {
      command: broken[n % broken.length],
      rejection: { code: 'validation_failed' },
      bypassSchema: false,
    };
  },
  alreadyOpened: (state, valid) => ({
    command: {
      type: 'OpenAccount',
      ...base(valid),
      name: 'Again',
      ownerRepId: 'rep-1',
      currency: state.currency,
    },
    rejection: rule('account.already_opened'),
    bypassSchema: false,
  }),
  idMismatch: (_state, valid, { id }) =>
    valid.type === 'OpenAccount' || id === valid.accountId
      ? undefined
      : {
          command: { ...valid, accountId: id },
          rejection: rule('account.id_mismatch'),
          bypassSchema: false,
        },
  notLost: (state, valid) =>
    state.status === 'lost'
      ? undefined
      : {
          command: { type: 'ReactivateAccount', ...base(valid), status: 'active' },
          rejection: rule('account.not_lost'),
          bypassSchema: false,
        },
  prospectDeactivated: (state, valid) =>
    state.status !== 'prospect'
      ? undefined
      : {
          command: { type: 'DeactivateAccount', ...base(valid) },
          rejection: rule('account.status_transition_invalid'),
          bypassSchema: false,
        },
  parentSelf: (state, valid) =>
    state.status === 'lost'
      ? undefined
      : {
          command: {
            type: 'ChangeParentAccount',
            ...base(valid),
            parentAccountId: valid.accountId,
          },
          rejection: rule('account.parent_self'),
          bypassSchema: false,
        },
  duplicateId: (state, valid, { n }) => {
    if (state.status === 'lost') return undefined;
    const used = [
      valid.accountId,
      ...Object.keys(state.contacts),
      ...Object.keys(state.opportunities),
      ...Object.keys(state.revenue),
    ];
    return {
      command: {
        type: 'AddCompetitor',
        ...base(valid),
        competitorId: pick(used, n),
        name: 'Twice',
      },
      rejection: rule('account.duplicate_id'),
      bypassSchema: false,
    };
  },
  moneyInvalid: (state, valid, { id, n }) =>
    state.status === 'lost'
      ? undefined
      : {
          command: {
            type: 'RecordRevenue',
            ...base(valid),
            revenueId: id,
            period: '2026-01',
            productLine: 'Licences',
            amount: { amountMinor: n % 2 === 0 ? -1 - n : n + 0.5, currency: state.currency },
          },
          rejection: rule('account.money_invalid'),
          bypassSchema: true,
        },
  currencyMismatch: (state, valid, { id }) =>
    state.status === 'lost'
      ? undefined
      : {
          command: {
            type: 'RecordRevenue',
            ...base(valid),
            revenueId: id,
            period: '2026-01',
            productLine: 'Licences',
            amount: { amountMinor: 100, currency: state.currency === 'JPY' ? 'EUR' : 'JPY' },
          },
          rejection: rule('account.currency_mismatch'),
          bypassSchema: false,
        },
  periodInvalid: (state, valid, { id, n }) =>
    state.status === 'lost'
      ? undefined
      : {
          command: {
            type: 'RecordRevenue',
            ...base(valid),
            revenueId: id,
            period: ['2026-00', '2026-13', '2026-Q5', '26-01', '2026-1'][n % 5],
            productLine: 'Licences',
            amount: { amountMinor: 100, currency: state.currency },
          },
          rejection: rule('account.period_invalid'),
          bypassSchema: true,
        },
  revenueUnknown: (state, valid, { id }) =>
    state.status === 'lost' || id in state.revenue
      ? undefined
      : {
          command: {
            type: 'CorrectRevenue',
            ...base(valid),
            correctionId: `${id.slice(0, 25)}Z`,
            revenueId: id,
            amount: { amountMinor: 1, currency: state.currency },
            reason: 'typo',
          },
          rejection: rule('account.revenue_unknown'),
          bypassSchema: false,
        },
  contactUnknown: (state, valid, { id }) =>
    state.status === 'lost' || id in state.contacts
      ? undefined
      : {
          command: { type: 'ChangeContactRole', ...base(valid), contactId: id, role: 'user' },
          rejection: rule('account.contact_unknown'),
          bypassSchema: false,
        },
  contactForgotten: (state, valid, { id, n }) => {
    if (state.status === 'lost') return undefined;
    const forgotten = Object.values(state.contacts).filter((c) => c.forgottenAt !== null);
    const existing = pick(forgotten, n)?.contactId;
    if (existing === undefined && idInUse(state, id)) return undefined;
    const contactId = existing ?? id;
    const setup: AccountCommand[] =
      existing !== undefined
        ? []
        : [
            {
              type: 'AddContact',
              ...base(valid),
              contactId,
              name: 'Soon Forgotten',
              title: null,
              email: null,
              phone: null,
              notes: null,
              role: 'user',
              stance: 'neutral',
              influence: 1,
              decisionPower: 1,
              reportsToContactId: null,
              relationship: 'none',
              targetRelationship: 'vendor',
            },
            { type: 'ForgetContact', ...base(valid), contactId },
          ];
    const attempts = [
      { type: 'RecordContactReached', channel: 'call' },
      { type: 'ChangeContactRole', role: 'champion' },
      { type: 'ChangeContactDetails', name: 'Back again' },
    ];
    return {
      setup,
      command: { ...base(valid), contactId, ...pick(attempts, n) },
      rejection: rule('account.contact_forgotten'),
      bypassSchema: false,
    };
  },
  reportingCycle: (state, valid, { n }) => {
    const known = Object.values(state.contacts).filter((c) => c.forgottenAt === null);
    const contact = pick(known, n);
    if (state.status === 'lost' || contact === undefined) return undefined;
    // The contact's top-most known manager reporting to the contact closes a loop (or the contact
    // reporting to itself, when it reports to no one).
    let top = contact;
    for (
      const seen = new Set<string>();
      top.reportsToContactId !== null && !seen.has(top.contactId);
    ) {
      seen.add(top.contactId);
      const up = state.contacts[top.reportsToContactId];
      if (!up || up.forgottenAt !== null) break;
      top = up;
    }
    return {
      command: {
        type: 'ChangeContactReportingLine',
        ...base(valid),
        contactId: top.contactId,
        reportsToContactId: contact.contactId,
      },
      rejection: rule('account.reporting_cycle'),
      bypassSchema: false,
    };
  },
  competitorUnknown: (state, valid, { id }) =>
    state.status === 'lost' || id in state.competitors
      ? undefined
      : {
          command: { type: 'RemoveCompetitor', ...base(valid), competitorId: id },
          rejection: rule('account.competitor_unknown'),
          bypassSchema: false,
        },
  competitorRemoved: (state, valid, { id, n }) => {
    if (state.status === 'lost') return undefined;
    const removed = Object.values(state.competitors).filter((c) => c.removedAt !== null);
    const existing = pick(removed, n)?.competitorId;
    if (existing === undefined && idInUse(state, id)) return undefined;
    const competitorId = existing ?? id;
    const setup: AccountCommand[] =
      existing !== undefined
        ? []
        : [
            { type: 'AddCompetitor', ...base(valid), competitorId, name: 'Gone Ltd' },
            { type: 'RemoveCompetitor', ...base(valid), competitorId },
          ];
    return {
      setup,
      command:
        n % 2 === 0
          ? { type: 'RemoveCompetitor', ...base(valid), competitorId }
          : {
              type: 'AssessCompetitor',
              ...base(valid),
              competitorId,
              goals: [],
              messages: [],
              strategy: '',
            },
      rejection: rule('account.competitor_removed'),
      bypassSchema: false,
    };
  },
  opportunityUnknown: (state, valid, { id }) =>
    state.status === 'lost' || id in state.opportunities
      ? undefined
      : {
          command: {
            type: 'MoveOpportunity',
            ...base(valid),
            opportunityId: id,
            stage: 'proposed',
            probability: 50,
          },
          rejection: rule('account.opportunity_unknown'),
          bypassSchema: false,
        },
  opportunityClosed: (state, valid, { id, n }) => {
    if (state.status === 'lost') return undefined;
    const closed = Object.values(state.opportunities).filter((o) => o.status !== 'open');
    const existing = pick(closed, n)?.opportunityId;
    if (existing === undefined && idInUse(state, id)) return undefined;
    const opportunityId = existing ?? id;
    const setup: AccountCommand[] =
      existing !== undefined
        ? []
        : [
            {
              type: 'IdentifyOpportunity',
              ...base(valid),
              opportunityId,
              name: 'Closed deal',
              kind: 'renewal',
              value: { amountMinor: 1000, currency: state.currency ?? 'EUR' },
              stage: 'negotiating',
              probability: 70,
              expectedClose: '2026-06-30',
              productLine: 'Licences',
              executiveSponsorContactId: null,
              source: 'existing_relationship',
            },
            n % 2 === 0
              ? {
                  type: 'WinOpportunity',
                  ...base(valid),
                  opportunityId,
                  value: null,
                  reason: 'value',
                  note: null,
                }
              : {
                  type: 'LoseOpportunity',
                  ...base(valid),
                  opportunityId,
                  reason: 'no_decision',
                  competitorId: null,
                  note: null,
                },
          ];
    const attempts = [
      { type: 'WinOpportunity', reason: 'price' },
      { type: 'LoseOpportunity', reason: 'timing' },
      { type: 'MoveOpportunity', stage: 'committed', probability: 90 },
      { type: 'ChangeOpportunitySponsor', executiveSponsorContactId: null },
    ];
    return {
      setup,
      command: { ...base(valid), opportunityId, ...pick(attempts, n >> 1) },
      rejection: rule('account.opportunity_closed'),
      bypassSchema: false,
    };
  },
  whitespaceEstimate: (state, valid, { n }) =>
    state.status === 'lost'
      ? undefined
      : {
          command: {
            type: 'AssessWhitespaceCell',
            ...base(valid),
            buyingUnit: { kind: 'account' },
            offering: 'Services',
            state: 'no_potential',
            estimatedPotential: { amountMinor: 1 + n, currency: state.currency },
          },
          rejection: rule('account.whitespace_estimate_without_potential'),
          bypassSchema: false,
        },
};

/**
 * A valid history and a command that must be refused after it, with the refusal it must get:
 * a malformed command (refused by the schema), or one breaking an Account rule in that state
 * (unknown or forgotten contact, duplicate id, closed opportunity, foreign currency, a command to a
 * lost account, and so on). A quarter of the time the account is lost first, so that the lost-account
 * rule is exercised too. Also a command sent before the account was opened.
 */
export function arbitraryInvalidAccountCommand(
  maxLength = 15,
): fc.Arbitrary<InvalidAccountCommand> {
  const notOpened = arbitraryAccountContext().chain((context) =>
    fc
      .oneof(
        ...(Object.entries(accountCommandArbitraries(context))
          .filter(([type]) => type !== 'OpenAccount')
          .map(([, arbitrary]) => arbitrary) as fc.Arbitrary<AccountCommand>[]),
      )
      .map(
        (command): InvalidAccountCommand => ({
          context,
          commands: [],
          command,
          rejection: rule('account.not_opened'),
          bypassSchema: false,
        }),
      ),
  );
  const afterHistory = fc
    .tuple(
      arbitraryAccountCommandSequence(maxLength),
      fc.nat(3).map((n) => n === 0),
      lossReason(),
      fc.constantFrom(...Object.keys(BREAKERS)),
      arbitraryUlid(),
      fc.nat(),
    )
    .chain(([sequence, loseFirst, reason, breaker, id, n]) => {
      const commands = [...sequence.commands];
      let state = stateAfter(commands);
      const last = commands.at(-1)!;
      if (loseFirst && state.status !== 'lost') {
        const lose: AccountCommand = {
          type: 'MarkAccountLost',
          accountId: last.accountId,
          at: last.at,
          reason,
        };
        state = fold(accountDecider, accountDecider.decide(lose, state), state);
        commands.push(lose);
      }
      const valid = accountCommandArbitraries(sequence.context);
      const names = Object.keys(BREAKERS);
      return fc
        .oneof(...(Object.values(valid) as fc.Arbitrary<AccountCommand>[]))
        .map((random): InvalidAccountCommand => {
          // The first breaker, from the chosen one on, that applies in this state; `malformed`
          // always does.
          for (let k = 0; k < names.length; k++) {
            const name = names[(names.indexOf(breaker) + k) % names.length]!;
            const broken = BREAKERS[name]!(state, { ...random, at: last.at }, { id, n });
            if (!broken) continue;
            const { setup = [], ...rest } = broken;
            return { context: sequence.context, commands: [...commands, ...setup], ...rest };
          }
          throw new Error('unreachable: the malformed breaker always applies');
        });
    });
  return fc.oneof({ weight: 1, arbitrary: notOpened }, { weight: 6, arbitrary: afterHistory });
}

// The state after a valid sequence, each command decided against the state before it.
function stateAfter(commands: readonly AccountCommand[]): AccountState {
  let state = accountDecider.initialState;
  for (const command of commands) {
    state = fold(accountDecider, accountDecider.decide(command, state), state);
  }
  return state;
}
