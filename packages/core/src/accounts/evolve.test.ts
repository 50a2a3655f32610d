import { describe, expect, it } from 'vitest';
import {
  AccountCommand,
  type AccountEvent,
  type AccountState,
  accountDecider,
  accountEvents,
  createEventRegistry,
  evolve,
  fold,
  revenueTotalMinor,
} from '../index.js';

const id = (n: number): string => `01J${String(n).padStart(23, '0')}`;
const ACCOUNT = id(1);
const CONTACT = id(10);
const REPORT = id(11);
const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T09:00:00.000Z`;
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const registry = createEventRegistry(accountEvents);

// Runs commands through the schema and the decider, as the command handler would, and returns
// every event recorded and the final state.
function run(commands: readonly Record<string, unknown>[]) {
  let state: AccountState = accountDecider.initialState;
  const recorded: AccountEvent[] = [];
  commands.forEach((input, index) => {
    const command = AccountCommand.parse({ accountId: ACCOUNT, at: day(index + 1), ...input });
    const produced = accountDecider.decide(command, state);
    state = fold(accountDecider, produced, state);
    recorded.push(...produced);
  });
  return { state, events: recorded };
}

const open = { type: 'OpenAccount', name: 'Acme', ownerRepId: 'rep-1', currency: 'EUR' };
const addContact = {
  type: 'AddContact',
  contactId: CONTACT,
  name: 'Dana Buyer',
  title: 'CFO',
  email: 'dana@acme.example',
  phone: '+49 30 1234',
  notes: 'Prefers mornings',
  role: 'economic_buyer',
  influence: 4,
  decisionPower: 5,
  targetRelationship: 'trusted_advisor',
};
const personal = /Dana|CFO|acme\.example|1234|mornings|Lunch/;

describe('the account state', () => {
  it('holds the profile and every status entered, a reactivation included', () => {
    const { state } = run([
      open,
      { type: 'ActivateAccount' },
      { type: 'MarkAccountLost', reason: { category: 'inevitable', cause: 'acquired' } },
      { type: 'ReactivateAccount', status: 'prospect' },
    ]);
    expect(state).toMatchObject({
      accountId: ACCOUNT,
      status: 'prospect',
      name: 'Acme',
      ownerRepId: 'rep-1',
      currency: 'EUR',
      openedAt: day(1),
      lossReason: null,
    });
    expect(state.statusHistory.map((change) => change.status)).toEqual([
      'prospect',
      'active',
      'lost',
      'prospect',
    ]);
    expect(state.statusHistory[2]?.lossReason).toEqual({
      category: 'inevitable',
      cause: 'acquired',
      note: null,
    });
  });

  it('counts revenue after corrections, a quarter including its months', () => {
    const { state } = run([
      open,
      { type: 'ActivateAccount' },
      {
        type: 'RecordRevenue',
        revenueId: id(40),
        period: '2026-01',
        productLine: 'Licences',
        amount: eur(1000),
      },
      {
        type: 'RecordRevenue',
        revenueId: id(41),
        period: '2026-Q1',
        productLine: 'Services',
        amount: eur(500),
      },
      {
        type: 'RecordRevenue',
        revenueId: id(42),
        period: '2026-04',
        productLine: 'Licences',
        amount: eur(300),
      },
      {
        type: 'CorrectRevenue',
        correctionId: id(43),
        revenueId: id(40),
        amount: eur(800),
        reason: 'credit note',
      },
    ]);
    expect(revenueTotalMinor(state)).toBe(1600);
    expect(revenueTotalMinor(state, { period: '2026-Q1' })).toBe(1300);
    expect(revenueTotalMinor(state, { period: '2026-01' })).toBe(800);
    expect(revenueTotalMinor(state, { productLine: 'Licences' })).toBe(1100);
    expect(state.revenue[id(40)]).toMatchObject({ amountMinor: 800, recordedAmountMinor: 1000 });
  });

  it('keeps the latest reach when a reach is logged late', () => {
    const { events } = run([open, addContact]);
    const reached = (at: string, channel: 'call' | 'email'): AccountEvent => ({
      type: 'ContactReached',
      data: { accountId: ACCOUNT, at, contactId: CONTACT, channel, note: null },
    });
    const state = fold(accountDecider, [
      ...events,
      reached(day(20), 'call'),
      reached(day(10), 'email'),
    ]);
    expect(state.contacts[CONTACT]).toMatchObject({
      lastReachedAt: day(20),
      lastReachedChannel: 'call',
    });
  });

  it('sets probability to 100 when won and 0 when lost', () => {
    const identify = (n: number) => ({
      type: 'IdentifyOpportunity',
      opportunityId: id(n),
      name: 'Deal',
      kind: 'renewal',
      value: eur(100),
      probability: 50,
      expectedClose: '2026-06-30',
      productLine: 'Licences',
      source: 'inbound',
    });
    const { state } = run([
      open,
      identify(30),
      identify(31),
      { type: 'WinOpportunity', opportunityId: id(30), value: eur(120), reason: 'value' },
      { type: 'LoseOpportunity', opportunityId: id(31), reason: 'budget' },
    ]);
    expect(state.status).toBe('active');
    expect(state.opportunities[id(30)]).toMatchObject({
      status: 'won',
      probability: 100,
      value: eur(120),
      outcome: { result: 'won', reason: 'value' },
    });
    expect(state.opportunities[id(31)]).toMatchObject({
      status: 'lost',
      probability: 0,
      outcome: { result: 'lost', reason: 'budget', competitorId: null },
    });
  });

  it('keeps one whitespace cell per buying unit and offering', () => {
    const assess = (state: string, amount: number | null) => ({
      type: 'AssessWhitespaceCell',
      buyingUnit: { kind: 'account' },
      offering: 'Services',
      state,
      estimatedPotential: amount === null ? null : eur(amount),
    });
    const { state } = run([open, assess('potential', 1000), assess('in_pipeline', 1500)]);
    expect(state.whitespace).toEqual([
      {
        buyingUnit: { kind: 'account' },
        offering: 'Services',
        state: 'in_pipeline',
        estimatedPotential: eur(1500),
        assessedAt: day(3),
      },
    ]);
  });

  it('gives the same state through fold as through evolve event by event', () => {
    const { events } = run([
      open,
      addContact,
      { ...addContact, contactId: REPORT, reportsToContactId: CONTACT },
      { type: 'ForgetContact', contactId: CONTACT },
    ]);
    const stepwise = events.reduce(
      (state, event) => evolve(accountDecider, state, event),
      accountDecider.initialState,
    );
    expect(fold(accountDecider, events)).toEqual(stepwise);
  });
});

describe('forgetting a contact', () => {
  const history = () =>
    run([
      open,
      addContact,
      { type: 'ChangeContactDetails', contactId: CONTACT, name: 'Dana Smith', title: 'CFO' },
      { type: 'RecordContactReached', contactId: CONTACT, channel: 'meeting', note: 'Lunch' },
      {
        ...addContact,
        contactId: REPORT,
        name: 'Sam',
        title: null,
        email: null,
        phone: null,
        notes: null,
        reportsToContactId: CONTACT,
      },
      { type: 'ForgetContact', contactId: CONTACT },
    ]);

  it('leaves no personal data in the state, and keeps that the contact existed', () => {
    const { state } = history();
    expect(JSON.stringify(state)).not.toMatch(personal);
    expect(state.contacts[CONTACT]).toMatchObject({
      contactId: CONTACT,
      personal: null,
      forgottenAt: day(6),
    });
    expect(state.contacts[REPORT]?.reportsToContactId).toBe(CONTACT);
  });

  it('declares every personal field, so storage can remove them and the events still parse', () => {
    const { events } = history();
    // What EventStore.forgetSubject does to stored data, driven by the registry's declarations.
    const redacted = events.map((event) => {
      const declaration = registry.definition(event.type)?.personalData;
      if (!declaration || declaration.subject(event.data) !== CONTACT) return event;
      const data: Record<string, unknown> = { ...event.data };
      for (const field of declaration.fields) delete data[field];
      return { type: event.type, data: registry.read(event.type, data, 1, true) } as AccountEvent;
    });
    expect(JSON.stringify(redacted)).not.toMatch(personal);
    expect(
      redacted.filter((event) => 'contactId' in event.data && event.data.contactId === CONTACT),
    ).toHaveLength(4);
    const state = fold(accountDecider, redacted);
    expect(JSON.stringify(state)).not.toMatch(personal);
    expect(state).toEqual(history().state);
  });
});
