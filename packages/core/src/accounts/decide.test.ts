import { deciderSpec } from '@account-planning/testing';
import { describe, it } from 'vitest';
import {
  AccountCommand,
  type AccountEvent,
  accountDecider,
  accountEvents,
  type CompetitorAdded,
  type ContactAdded,
  createEventRegistry,
  type OpportunityIdentified,
  type RevenueRecorded,
} from '../index.js';

/** A ULID-shaped id numbered `n`, readable in failures. */
const id = (n: number): string => `01J${String(n).padStart(23, '0')}`;

const ACCOUNT = id(1);
const OTHER_ACCOUNT = id(2);
const T0 = '2026-03-02T09:00:00.000Z';
const base = { accountId: ACCOUNT, at: T0 } as const;
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

type Data<T extends AccountEvent['type']> = Extract<AccountEvent, { type: T }>['data'];

const events = {
  opened: (data: Partial<Data<'AccountOpened'>> = {}): AccountEvent => ({
    type: 'AccountOpened',
    data: {
      ...base,
      name: 'Acme Logistics',
      industry: 'Logistics',
      parentAccountId: null,
      ownerRepId: 'rep-1',
      territoryId: 'north',
      currency: 'EUR',
      status: 'prospect',
      ...data,
    },
  }),
  activated: (from: 'prospect' | 'inactive' = 'prospect'): AccountEvent => ({
    type: 'AccountActivated',
    data: { ...base, from },
  }),
  deactivated: (): AccountEvent => ({ type: 'AccountDeactivated', data: { ...base } }),
  lost: (): AccountEvent => ({
    type: 'AccountLost',
    data: {
      ...base,
      from: 'active',
      reason: { category: 'controllable', cause: 'price', note: null },
    },
  }),
  revenueRecorded: (revenueId: string, data: Partial<Data<'RevenueRecorded'>> = {}) =>
    ({
      type: 'RevenueRecorded',
      data: {
        ...base,
        revenueId,
        period: '2026-01',
        productLine: 'Licences',
        amount: eur(100_000),
        ...data,
      },
    }) satisfies RevenueRecorded,
  contactAdded: (contactId: string, data: Partial<Data<'ContactAdded'>> = {}) =>
    ({
      type: 'ContactAdded',
      data: {
        ...base,
        contactId,
        name: 'Dana Buyer',
        title: 'CFO',
        email: 'dana@acme.example',
        phone: null,
        notes: null,
        role: 'economic_buyer',
        stance: 'neutral',
        influence: 4,
        decisionPower: 5,
        reportsToContactId: null,
        relationship: 'vendor',
        targetRelationship: 'trusted_advisor',
        ...data,
      },
    }) satisfies ContactAdded,
  contactForgotten: (contactId: string): AccountEvent => ({
    type: 'ContactForgotten',
    data: { ...base, contactId },
  }),
  competitorAdded: (competitorId: string) =>
    ({
      type: 'CompetitorAdded',
      data: { ...base, competitorId, name: 'Rival Corp' },
    }) satisfies CompetitorAdded,
  competitorRemoved: (competitorId: string): AccountEvent => ({
    type: 'CompetitorRemoved',
    data: { ...base, competitorId },
  }),
  opportunityIdentified: (
    opportunityId: string,
    data: Partial<Data<'OpportunityIdentified'>> = {},
  ) =>
    ({
      type: 'OpportunityIdentified',
      data: {
        ...base,
        opportunityId,
        name: 'Fleet expansion',
        kind: 'up_sell',
        value: eur(5_000_000),
        stage: 'qualified',
        probability: 40,
        expectedClose: '2026-06-30',
        productLine: 'Licences',
        executiveSponsorContactId: null,
        source: 'existing_relationship',
        ...data,
      },
    }) satisfies OpportunityIdentified,
  opportunityWon: (opportunityId: string): AccountEvent => ({
    type: 'OpportunityWon',
    data: { ...base, opportunityId, value: eur(5_000_000), reason: 'value', note: null },
  }),
  opportunityLost: (opportunityId: string): AccountEvent => ({
    type: 'OpportunityLost',
    data: { ...base, opportunityId, reason: 'no_decision', competitorId: null, note: null },
  }),
};

const registry = createEventRegistry(accountEvents);
const spec = deciderSpec(accountDecider, { commandSchema: AccountCommand, registry });
// Without the schema, to reach the decider's own checks of what the schema also guards.
const rawSpec = deciderSpec(accountDecider, { registry });

const CONTACT = id(10);
const BOSS = id(11);
const BIG_BOSS = id(12);
const COMPETITOR = id(20);
const OPPORTUNITY = id(30);
const REVENUE = id(40);
const CORRECTION = id(41);
const BRANCH = id(50);

const opened = [events.opened()];
const active = [events.opened(), events.activated()];
const withContact = [...active, events.contactAdded(CONTACT)];

describe('opening an account', () => {
  it('opens an account as a prospect with its currency by default', () => {
    spec
      .given([])
      .when({
        type: 'OpenAccount',
        ...base,
        name: 'Acme Logistics',
        industry: 'Logistics',
        ownerRepId: 'rep-1',
        territoryId: 'north',
        currency: 'EUR',
      })
      .then([events.opened()]);
  });

  it('opens an account directly as an active customer, as a branch of a parent', () => {
    spec
      .given([])
      .when({
        type: 'OpenAccount',
        ...base,
        name: 'Acme North',
        ownerRepId: 'rep-1',
        currency: 'EUR',
        status: 'active',
        parentAccountId: OTHER_ACCOUNT,
      })
      .then([
        events.opened({
          name: 'Acme North',
          industry: null,
          territoryId: null,
          status: 'active',
          parentAccountId: OTHER_ACCOUNT,
        }),
      ]);
  });

  it('rejects opening an account twice', () => {
    spec
      .given(opened)
      .when({ type: 'OpenAccount', ...base, name: 'Again', ownerRepId: 'rep-1', currency: 'EUR' })
      .thenRejects({ rule: 'account.already_opened', ids: { accountId: ACCOUNT } });
  });

  it('rejects an account that is its own parent', () => {
    spec
      .given([])
      .when({
        type: 'OpenAccount',
        ...base,
        name: 'Loop',
        ownerRepId: 'rep-1',
        currency: 'EUR',
        parentAccountId: ACCOUNT,
      })
      .thenRejects({ rule: 'account.parent_self' });
  });

  it('rejects any other command before the account is opened', () => {
    spec
      .given([])
      .when({ type: 'RenameAccount', ...base, name: 'Acme' })
      .thenRejects({ rule: 'account.not_opened', ids: { accountId: ACCOUNT } });
  });

  it('rejects a command naming another account than the stream holds', () => {
    spec
      .given(opened)
      .when({ type: 'RenameAccount', ...base, accountId: OTHER_ACCOUNT, name: 'Acme' })
      .thenRejects({
        rule: 'account.id_mismatch',
        ids: { accountId: OTHER_ACCOUNT, streamAccountId: ACCOUNT },
      });
  });

  it('rejects a misspelt field at the schema instead of dropping it', () => {
    spec
      .given(opened)
      .when({ type: 'RenameAccount', ...base, name: 'Acme', nmae: 'typo' })
      .thenRejects({ code: 'validation_failed' });
  });
});

describe('the account profile', () => {
  it('renames the account', () => {
    spec
      .given(opened)
      .when({ type: 'RenameAccount', ...base, name: 'Acme Group' })
      .then([{ type: 'AccountRenamed', data: { ...base, name: 'Acme Group' } }]);
  });

  it('records nothing when the name does not change', () => {
    spec
      .given(opened)
      .when({ type: 'RenameAccount', ...base, name: 'Acme Logistics' })
      .then([]);
  });

  it('changes and clears the industry', () => {
    spec
      .given(opened)
      .when({ type: 'ChangeAccountIndustry', ...base, industry: null })
      .then([{ type: 'AccountIndustryChanged', data: { ...base, industry: null } }]);
  });

  it('attaches the account to a parent account', () => {
    spec
      .given(opened)
      .when({ type: 'ChangeParentAccount', ...base, parentAccountId: OTHER_ACCOUNT })
      .then([{ type: 'AccountParentChanged', data: { ...base, parentAccountId: OTHER_ACCOUNT } }]);
  });

  it('rejects making the account its own parent', () => {
    spec
      .given(opened)
      .when({ type: 'ChangeParentAccount', ...base, parentAccountId: ACCOUNT })
      .thenRejects({ rule: 'account.parent_self', ids: { accountId: ACCOUNT } });
  });

  it('hands the account to another owner rep', () => {
    spec
      .given(opened)
      .when({ type: 'AssignAccountOwner', ...base, ownerRepId: 'rep-2' })
      .then([{ type: 'AccountOwnerAssigned', data: { ...base, ownerRepId: 'rep-2' } }]);
  });

  it('moves the account to another territory', () => {
    spec
      .given(opened)
      .when({ type: 'AssignAccountTerritory', ...base, territoryId: 'south' })
      .then([{ type: 'AccountTerritoryAssigned', data: { ...base, territoryId: 'south' } }]);
  });
});

describe('account status', () => {
  it('activates a prospect', () => {
    spec
      .given(opened)
      .when({ type: 'ActivateAccount', ...base })
      .then([events.activated('prospect')]);
  });

  it('activates an inactive account again', () => {
    spec
      .given([...active, events.deactivated()])
      .when({ type: 'ActivateAccount', ...base })
      .then([events.activated('inactive')]);
  });

  it('deactivates an active account', () => {
    spec
      .given(active)
      .when({ type: 'DeactivateAccount', ...base })
      .then([events.deactivated()]);
  });

  it('rejects deactivating a prospect that never bought', () => {
    spec
      .given(opened)
      .when({ type: 'DeactivateAccount', ...base })
      .thenRejects({
        rule: 'account.status_transition_invalid',
        ids: { from: 'prospect', to: 'inactive' },
      });
  });

  it('marks an account lost with a controllable reason', () => {
    spec
      .given(active)
      .when({
        type: 'MarkAccountLost',
        ...base,
        reason: { category: 'controllable', cause: 'price' },
      })
      .then([events.lost()]);
  });

  it('rejects a cause that does not belong to the category', () => {
    spec
      .given(active)
      .when({
        type: 'MarkAccountLost',
        ...base,
        reason: { category: 'inevitable', cause: 'price' },
      })
      .thenRejects({ code: 'validation_failed' });
  });

  it('reactivates a lost account as a prospect', () => {
    spec
      .given([...active, events.lost()])
      .when({ type: 'ReactivateAccount', ...base, status: 'prospect' })
      .then([{ type: 'AccountReactivated', data: { ...base, status: 'prospect' } }]);
  });

  it('rejects reactivating an account that is not lost', () => {
    spec
      .given(active)
      .when({ type: 'ReactivateAccount', ...base })
      .thenRejects({ rule: 'account.not_lost', ids: { accountId: ACCOUNT } });
  });

  it.each([
    { type: 'RenameAccount', name: 'Acme' },
    { type: 'ActivateAccount' },
    { type: 'MarkAccountLost', reason: { category: 'inevitable', cause: 'acquired' } },
    { type: 'RecordSatisfaction', score: 3, method: 'survey' },
    { type: 'RecordContactReached', contactId: CONTACT, channel: 'call' },
  ])('lets nothing but reactivation happen to a lost account: $type', (command) => {
    spec
      .given([...withContact, events.lost()])
      .when({ ...base, ...command })
      .thenRejects({ rule: 'account.lost', ids: { accountId: ACCOUNT } });
  });

  it('still forgets a contact of a lost account, since a person may ask at any time', () => {
    spec
      .given([...withContact, events.lost()])
      .when({ type: 'ForgetContact', ...base, contactId: CONTACT })
      .then([events.contactForgotten(CONTACT)]);
  });
});

describe('revenue', () => {
  it('records revenue for a period and product line', () => {
    spec
      .given(active)
      .when({
        type: 'RecordRevenue',
        ...base,
        revenueId: REVENUE,
        period: '2026-01',
        productLine: 'Licences',
        amount: eur(100_000),
      })
      .then([events.revenueRecorded(REVENUE)]);
  });

  it('records revenue for a quarter', () => {
    spec
      .given(active)
      .when({
        type: 'RecordRevenue',
        ...base,
        revenueId: REVENUE,
        period: '2026-Q1',
        productLine: 'Licences',
        amount: eur(100_000),
      })
      .then([events.revenueRecorded(REVENUE, { period: '2026-Q1' })]);
  });

  it('corrects a revenue entry with its own event', () => {
    spec
      .given([...active, events.revenueRecorded(REVENUE)])
      .when({
        type: 'CorrectRevenue',
        ...base,
        correctionId: CORRECTION,
        revenueId: REVENUE,
        amount: eur(90_000),
        reason: 'credit note 2026-014',
      })
      .then([
        {
          type: 'RevenueCorrected',
          data: {
            ...base,
            correctionId: CORRECTION,
            revenueId: REVENUE,
            amount: eur(90_000),
            reason: 'credit note 2026-014',
          },
        },
      ]);
  });

  it('rejects correcting revenue that was never recorded', () => {
    spec
      .given(active)
      .when({
        type: 'CorrectRevenue',
        ...base,
        correctionId: CORRECTION,
        revenueId: REVENUE,
        amount: eur(1),
        reason: 'typo',
      })
      .thenRejects({ rule: 'account.revenue_unknown', ids: { revenueId: REVENUE } });
  });

  it('rejects revenue in another currency than the account', () => {
    spec
      .given(active)
      .when({
        type: 'RecordRevenue',
        ...base,
        revenueId: REVENUE,
        period: '2026-01',
        productLine: 'Licences',
        amount: { amountMinor: 100, currency: 'USD' },
      })
      .thenRejects({
        rule: 'account.currency_mismatch',
        ids: { revenueId: REVENUE, currency: 'USD', accountCurrency: 'EUR' },
      });
  });

  it('rejects negative or fractional money at the schema', () => {
    const record = {
      type: 'RecordRevenue',
      ...base,
      revenueId: REVENUE,
      period: '2026-01',
      productLine: 'Licences',
    };
    spec
      .given(active)
      .when({ ...record, amount: eur(-1) })
      .thenRejects({ code: 'validation_failed' });
    spec
      .given(active)
      .when({ ...record, amount: eur(1.5) })
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects negative or fractional money in the decider too, for callers without the schema', () => {
    const record = {
      type: 'RecordRevenue',
      ...base,
      revenueId: REVENUE,
      period: '2026-01',
      productLine: 'Licences',
    };
    rawSpec
      .given(active)
      .when({ ...record, amount: eur(-1) })
      .thenRejects({ rule: 'account.money_invalid', ids: { revenueId: REVENUE } });
    rawSpec
      .given(active)
      .when({ ...record, amount: eur(0.5) })
      .thenRejects({ rule: 'account.money_invalid' });
  });

  it('rejects a malformed period, at the schema and in the decider', () => {
    const record = {
      type: 'RecordRevenue',
      ...base,
      revenueId: REVENUE,
      period: '2026-13',
      productLine: 'Licences',
      amount: eur(1),
    };
    spec.given(active).when(record).thenRejects({ code: 'validation_failed' });
    rawSpec
      .given(active)
      .when(record)
      .thenRejects({ rule: 'account.period_invalid', ids: { period: '2026-13' } });
  });

  it('rejects an impossible expected close date in the decider', () => {
    rawSpec
      .given(active)
      .when({
        type: 'IdentifyOpportunity',
        ...base,
        opportunityId: OPPORTUNITY,
        name: 'Fleet',
        kind: 'up_sell',
        value: eur(1),
        stage: 'identified',
        probability: 10,
        expectedClose: '2026-02-31',
        productLine: 'Licences',
        executiveSponsorContactId: null,
        source: 'inbound',
      })
      .thenRejects({ rule: 'account.period_invalid', ids: { date: '2026-02-31' } });
  });

  it('rejects reusing an id already used inside the account', () => {
    spec
      .given([...active, events.revenueRecorded(REVENUE)])
      .when({
        type: 'CorrectRevenue',
        ...base,
        correctionId: REVENUE,
        revenueId: REVENUE,
        amount: eur(1),
        reason: 'same id',
      })
      .thenRejects({ rule: 'account.duplicate_id', ids: { correctionId: REVENUE } });
  });
});

describe('contacts', () => {
  it('adds a contact with role, stance, ratings and relationship levels', () => {
    spec
      .given(active)
      .when({
        type: 'AddContact',
        ...base,
        contactId: CONTACT,
        name: 'Dana Buyer',
        title: 'CFO',
        email: 'dana@acme.example',
        role: 'economic_buyer',
        influence: 4,
        decisionPower: 5,
        relationship: 'vendor',
        targetRelationship: 'trusted_advisor',
      })
      .then([events.contactAdded(CONTACT)]);
  });

  it('adds a contact reporting to a known contact', () => {
    spec
      .given([...active, events.contactAdded(BOSS)])
      .when({
        type: 'AddContact',
        ...base,
        contactId: CONTACT,
        name: 'Dana Buyer',
        title: 'CFO',
        email: 'dana@acme.example',
        role: 'economic_buyer',
        influence: 4,
        decisionPower: 5,
        reportsToContactId: BOSS,
        relationship: 'vendor',
        targetRelationship: 'trusted_advisor',
      })
      .then([events.contactAdded(CONTACT, { reportsToContactId: BOSS })]);
  });

  it('rejects a reporting line to a contact the account does not know', () => {
    spec
      .given(withContact)
      .when({
        type: 'ChangeContactReportingLine',
        ...base,
        contactId: CONTACT,
        reportsToContactId: BOSS,
      })
      .thenRejects({
        rule: 'account.contact_unknown',
        ids: { contactId: CONTACT, reportsToContactId: BOSS },
      });
  });

  it('changes a reporting line for the org chart', () => {
    spec
      .given([...withContact, events.contactAdded(BOSS)])
      .when({
        type: 'ChangeContactReportingLine',
        ...base,
        contactId: CONTACT,
        reportsToContactId: BOSS,
      })
      .then([
        {
          type: 'ContactReportingLineChanged',
          data: { ...base, contactId: CONTACT, reportsToContactId: BOSS },
        },
      ]);
  });

  it('rejects a reporting line that loops back through the org chart', () => {
    spec
      .given([
        ...active,
        events.contactAdded(BIG_BOSS),
        events.contactAdded(BOSS, { reportsToContactId: BIG_BOSS }),
        events.contactAdded(CONTACT, { reportsToContactId: BOSS }),
      ])
      .when({
        type: 'ChangeContactReportingLine',
        ...base,
        contactId: BIG_BOSS,
        reportsToContactId: CONTACT,
      })
      .thenRejects({
        rule: 'account.reporting_cycle',
        ids: { contactId: BIG_BOSS, reportsToContactId: CONTACT },
      });
  });

  it('rejects a contact reporting to itself', () => {
    spec
      .given(withContact)
      .when({
        type: 'ChangeContactReportingLine',
        ...base,
        contactId: CONTACT,
        reportsToContactId: CONTACT,
      })
      .thenRejects({ rule: 'account.reporting_cycle' });
  });

  it('replaces a contact’s personal details', () => {
    spec
      .given(withContact)
      .when({ type: 'ChangeContactDetails', ...base, contactId: CONTACT, name: 'Dana Smith' })
      .then([
        {
          type: 'ContactDetailsChanged',
          data: {
            ...base,
            contactId: CONTACT,
            name: 'Dana Smith',
            title: null,
            email: null,
            phone: null,
            notes: null,
          },
        },
      ]);
  });

  it('changes a contact’s role', () => {
    spec
      .given(withContact)
      .when({ type: 'ChangeContactRole', ...base, contactId: CONTACT, role: 'champion' })
      .then([
        { type: 'ContactRoleChanged', data: { ...base, contactId: CONTACT, role: 'champion' } },
      ]);
  });

  it('reassesses a contact’s stance, influence and decision power', () => {
    spec
      .given(withContact)
      .when({
        type: 'AssessContact',
        ...base,
        contactId: CONTACT,
        stance: 'hostile',
        influence: 2,
        decisionPower: 1,
      })
      .then([
        {
          type: 'ContactAssessed',
          data: { ...base, contactId: CONTACT, stance: 'hostile', influence: 2, decisionPower: 1 },
        },
      ]);
  });

  it('reassesses our relationship today and the level we aim for', () => {
    spec
      .given(withContact)
      .when({
        type: 'AssessContactRelationship',
        ...base,
        contactId: CONTACT,
        relationship: 'problem_solver',
        targetRelationship: 'trusted_advisor',
      })
      .then([
        {
          type: 'ContactRelationshipAssessed',
          data: {
            ...base,
            contactId: CONTACT,
            relationship: 'problem_solver',
            targetRelationship: 'trusted_advisor',
          },
        },
      ]);
  });

  it('records when we last reached a contact', () => {
    spec
      .given(withContact)
      .when({ type: 'RecordContactReached', ...base, contactId: CONTACT, channel: 'meeting' })
      .then([
        {
          type: 'ContactReached',
          data: { ...base, contactId: CONTACT, channel: 'meeting', note: null },
        },
      ]);
  });

  it('rejects reaching a contact the account does not know', () => {
    spec
      .given(active)
      .when({ type: 'RecordContactReached', ...base, contactId: CONTACT, channel: 'call' })
      .thenRejects({ rule: 'account.contact_unknown', ids: { contactId: CONTACT } });
  });

  it('forgets a contact', () => {
    spec
      .given(withContact)
      .when({ type: 'ForgetContact', ...base, contactId: CONTACT })
      .then([events.contactForgotten(CONTACT)]);
  });

  it('records nothing when a forgotten contact is forgotten again', () => {
    spec
      .given([...withContact, events.contactForgotten(CONTACT)])
      .when({ type: 'ForgetContact', ...base, contactId: CONTACT })
      .then([]);
  });

  it.each([
    { type: 'ChangeContactDetails', contactId: CONTACT, name: 'Dana' },
    { type: 'ChangeContactRole', contactId: CONTACT, role: 'user' },
    {
      type: 'AssessContact',
      contactId: CONTACT,
      stance: 'advocate',
      influence: 1,
      decisionPower: 1,
    },
    { type: 'RecordContactReached', contactId: CONTACT, channel: 'email' },
    {
      type: 'AssessContactRelationship',
      contactId: CONTACT,
      relationship: 'vendor',
      targetRelationship: 'vendor',
    },
    { type: 'ChangeContactReportingLine', contactId: CONTACT, reportsToContactId: null },
  ])('rejects updating a forgotten contact: $type', (command) => {
    spec
      .given([...withContact, events.contactAdded(BOSS), events.contactForgotten(CONTACT)])
      .when({ ...base, ...command })
      .thenRejects({ rule: 'account.contact_forgotten', ids: { contactId: CONTACT } });
  });

  it('rejects naming a forgotten contact as someone’s manager', () => {
    spec
      .given([...withContact, events.contactAdded(BOSS), events.contactForgotten(BOSS)])
      .when({
        type: 'ChangeContactReportingLine',
        ...base,
        contactId: CONTACT,
        reportsToContactId: BOSS,
      })
      .thenRejects({ rule: 'account.contact_forgotten', ids: { reportsToContactId: BOSS } });
  });
});

describe('competitors and satisfaction', () => {
  it('adds a competitor', () => {
    spec
      .given(active)
      .when({ type: 'AddCompetitor', ...base, competitorId: COMPETITOR, name: 'Rival Corp' })
      .then([events.competitorAdded(COMPETITOR)]);
  });

  it('writes down a competitor’s goals, messages and our strategy', () => {
    spec
      .given([...active, events.competitorAdded(COMPETITOR)])
      .when({
        type: 'AssessCompetitor',
        ...base,
        competitorId: COMPETITOR,
        goals: ['Replace us in the north'],
        messages: ['Cheaper licences'],
        strategy: 'Dollarize the uptime we delivered',
      })
      .then([
        {
          type: 'CompetitorAssessed',
          data: {
            ...base,
            competitorId: COMPETITOR,
            goals: ['Replace us in the north'],
            messages: ['Cheaper licences'],
            strategy: 'Dollarize the uptime we delivered',
          },
        },
      ]);
  });

  it('removes a competitor', () => {
    spec
      .given([...active, events.competitorAdded(COMPETITOR)])
      .when({ type: 'RemoveCompetitor', ...base, competitorId: COMPETITOR })
      .then([events.competitorRemoved(COMPETITOR)]);
  });

  it('rejects assessing a competitor the account does not know', () => {
    spec
      .given(active)
      .when({
        type: 'AssessCompetitor',
        ...base,
        competitorId: COMPETITOR,
        goals: [],
        messages: [],
        strategy: '',
      })
      .thenRejects({ rule: 'account.competitor_unknown', ids: { competitorId: COMPETITOR } });
  });

  it('rejects removing a competitor twice', () => {
    spec
      .given([...active, events.competitorAdded(COMPETITOR), events.competitorRemoved(COMPETITOR)])
      .when({ type: 'RemoveCompetitor', ...base, competitorId: COMPETITOR })
      .thenRejects({ rule: 'account.competitor_removed', ids: { competitorId: COMPETITOR } });
  });

  it('records a satisfaction score', () => {
    spec
      .given(active)
      .when({ type: 'RecordSatisfaction', ...base, score: 8, method: 'survey' })
      .then([{ type: 'SatisfactionRecorded', data: { ...base, score: 8, method: 'survey' } }]);
  });

  it('rejects a satisfaction score outside 0-10', () => {
    spec
      .given(active)
      .when({ type: 'RecordSatisfaction', ...base, score: 11, method: 'survey' })
      .thenRejects({ code: 'validation_failed' });
  });
});

describe('opportunities', () => {
  const identify = {
    type: 'IdentifyOpportunity',
    ...base,
    opportunityId: OPPORTUNITY,
    name: 'Fleet expansion',
    kind: 'up_sell',
    value: eur(5_000_000),
    stage: 'qualified',
    probability: 40,
    expectedClose: '2026-06-30',
    productLine: 'Licences',
    source: 'existing_relationship',
  };
  const withOpportunity = [...withContact, events.opportunityIdentified(OPPORTUNITY)];

  it('identifies an opportunity', () => {
    spec
      .given(active)
      .when(identify)
      .then([events.opportunityIdentified(OPPORTUNITY)]);
  });

  it('identifies an opportunity with a known executive sponsor', () => {
    spec
      .given(withContact)
      .when({ ...identify, executiveSponsorContactId: CONTACT })
      .then([events.opportunityIdentified(OPPORTUNITY, { executiveSponsorContactId: CONTACT })]);
  });

  it('rejects an executive sponsor the account does not know', () => {
    spec
      .given(active)
      .when({ ...identify, executiveSponsorContactId: CONTACT })
      .thenRejects({
        rule: 'account.contact_unknown',
        ids: { opportunityId: OPPORTUNITY, executiveSponsorContactId: CONTACT },
      });
  });

  it('rejects an opportunity id used twice', () => {
    spec
      .given(withOpportunity)
      .when(identify)
      .thenRejects({ rule: 'account.duplicate_id', ids: { opportunityId: OPPORTUNITY } });
  });

  it('rejects an opportunity valued in another currency', () => {
    spec
      .given(active)
      .when({ ...identify, value: { amountMinor: 1, currency: 'GBP' } })
      .thenRejects({ rule: 'account.currency_mismatch' });
  });

  it('revises an open opportunity', () => {
    spec
      .given(withOpportunity)
      .when({
        type: 'ReviseOpportunity',
        ...base,
        opportunityId: OPPORTUNITY,
        value: eur(6_000_000),
        probability: 50,
        expectedClose: '2026-07-31',
        productLine: 'Services',
      })
      .then([
        {
          type: 'OpportunityRevised',
          data: {
            ...base,
            opportunityId: OPPORTUNITY,
            value: eur(6_000_000),
            probability: 50,
            expectedClose: '2026-07-31',
            productLine: 'Services',
          },
        },
      ]);
  });

  it('moves an opportunity to another stage', () => {
    spec
      .given(withOpportunity)
      .when({
        type: 'MoveOpportunity',
        ...base,
        opportunityId: OPPORTUNITY,
        stage: 'proposed',
        probability: 60,
      })
      .then([
        {
          type: 'OpportunityMoved',
          data: {
            ...base,
            opportunityId: OPPORTUNITY,
            from: 'qualified',
            to: 'proposed',
            probability: 60,
          },
        },
      ]);
  });

  it('changes the executive sponsor', () => {
    spec
      .given(withOpportunity)
      .when({
        type: 'ChangeOpportunitySponsor',
        ...base,
        opportunityId: OPPORTUNITY,
        executiveSponsorContactId: CONTACT,
      })
      .then([
        {
          type: 'OpportunitySponsorChanged',
          data: { ...base, opportunityId: OPPORTUNITY, executiveSponsorContactId: CONTACT },
        },
      ]);
  });

  it('rejects a forgotten contact as executive sponsor', () => {
    spec
      .given([...withOpportunity, events.contactForgotten(CONTACT)])
      .when({
        type: 'ChangeOpportunitySponsor',
        ...base,
        opportunityId: OPPORTUNITY,
        executiveSponsorContactId: CONTACT,
      })
      .thenRejects({ rule: 'account.contact_forgotten' });
  });

  it('wins an opportunity at its current value', () => {
    spec
      .given(withOpportunity)
      .when({ type: 'WinOpportunity', ...base, opportunityId: OPPORTUNITY, reason: 'value' })
      .then([events.opportunityWon(OPPORTUNITY)]);
  });

  it('makes a prospect active when one of its opportunities is won', () => {
    spec
      .given([...opened, events.opportunityIdentified(OPPORTUNITY, { kind: 'new_logo' })])
      .when({
        type: 'WinOpportunity',
        ...base,
        opportunityId: OPPORTUNITY,
        value: eur(4_000_000),
        reason: 'relationship',
      })
      .then([
        {
          type: 'OpportunityWon',
          data: {
            ...base,
            opportunityId: OPPORTUNITY,
            value: eur(4_000_000),
            reason: 'relationship',
            note: null,
          },
        },
        events.activated('prospect'),
      ]);
  });

  it('loses an opportunity to a known competitor', () => {
    spec
      .given([...withOpportunity, events.competitorAdded(COMPETITOR)])
      .when({
        type: 'LoseOpportunity',
        ...base,
        opportunityId: OPPORTUNITY,
        reason: 'competitor',
        competitorId: COMPETITOR,
        note: 'Priced 20% under us',
      })
      .then([
        {
          type: 'OpportunityLost',
          data: {
            ...base,
            opportunityId: OPPORTUNITY,
            reason: 'competitor',
            competitorId: COMPETITOR,
            note: 'Priced 20% under us',
          },
        },
      ]);
  });

  it('rejects losing an opportunity to a competitor the account does not know', () => {
    spec
      .given(withOpportunity)
      .when({
        type: 'LoseOpportunity',
        ...base,
        opportunityId: OPPORTUNITY,
        reason: 'competitor',
        competitorId: COMPETITOR,
      })
      .thenRejects({ rule: 'account.competitor_unknown', ids: { competitorId: COMPETITOR } });
  });

  it('rejects moving an opportunity the account does not have', () => {
    spec
      .given(active)
      .when({
        type: 'MoveOpportunity',
        ...base,
        opportunityId: OPPORTUNITY,
        stage: 'proposed',
        probability: 60,
      })
      .thenRejects({ rule: 'account.opportunity_unknown', ids: { opportunityId: OPPORTUNITY } });
  });

  it.each([
    { type: 'WinOpportunity', opportunityId: OPPORTUNITY, reason: 'price' },
    { type: 'LoseOpportunity', opportunityId: OPPORTUNITY, reason: 'timing' },
    { type: 'MoveOpportunity', opportunityId: OPPORTUNITY, stage: 'negotiating', probability: 80 },
    {
      type: 'ReviseOpportunity',
      opportunityId: OPPORTUNITY,
      value: eur(1),
      probability: 1,
      expectedClose: '2026-12-31',
      productLine: 'Licences',
    },
    {
      type: 'ChangeOpportunitySponsor',
      opportunityId: OPPORTUNITY,
      executiveSponsorContactId: null,
    },
  ])('keeps a won opportunity closed: $type', (command) => {
    spec
      .given([...withOpportunity, events.opportunityWon(OPPORTUNITY)])
      .when({ ...base, ...command })
      .thenRejects({
        rule: 'account.opportunity_closed',
        ids: { opportunityId: OPPORTUNITY, status: 'won' },
      });
  });

  it('keeps a lost opportunity closed', () => {
    spec
      .given([...withOpportunity, events.opportunityLost(OPPORTUNITY)])
      .when({ type: 'WinOpportunity', ...base, opportunityId: OPPORTUNITY, reason: 'price' })
      .thenRejects({
        rule: 'account.opportunity_closed',
        ids: { opportunityId: OPPORTUNITY, status: 'lost' },
      });
  });
});

describe('the whitespace grid', () => {
  const assess = {
    type: 'AssessWhitespaceCell',
    ...base,
    buyingUnit: { kind: 'branch', branchAccountId: BRANCH },
    offering: 'Services',
    state: 'potential',
    estimatedPotential: eur(2_000_000),
  };
  const assessed = {
    type: 'WhitespaceCellAssessed',
    data: {
      ...base,
      buyingUnit: { kind: 'branch', branchAccountId: BRANCH },
      offering: 'Services',
      state: 'potential',
      estimatedPotential: eur(2_000_000),
    },
  } satisfies AccountEvent;

  it('assesses a cell of a branch and an offering', () => {
    spec.given(active).when(assess).then([assessed]);
  });

  it('records nothing when a cell is reassessed unchanged', () => {
    spec
      .given([...active, assessed])
      .when(assess)
      .then([]);
  });

  it('rejects an estimated potential on a cell with no potential', () => {
    spec
      .given(active)
      .when({ ...assess, state: 'no_potential' })
      .thenRejects({
        rule: 'account.whitespace_estimate_without_potential',
        ids: { offering: 'Services' },
      });
  });

  it('accepts a division cell with no potential and no estimate', () => {
    spec
      .given(active)
      .when({
        ...assess,
        buyingUnit: { kind: 'division', division: 'Cold chain' },
        state: 'no_potential',
        estimatedPotential: null,
      })
      .then([
        {
          type: 'WhitespaceCellAssessed',
          data: {
            ...base,
            buyingUnit: { kind: 'division', division: 'Cold chain' },
            offering: 'Services',
            state: 'no_potential',
            estimatedPotential: null,
          },
        },
      ]);
  });
});
