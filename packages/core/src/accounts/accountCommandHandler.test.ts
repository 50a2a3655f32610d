import { createMemoryEventStore } from '@account-planning/store-memory';
import { arbitraryAccountCommandSequence, runCommandSequence } from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AccountCommand,
  type AccountEvent,
  type AccountState,
  accountDecider,
  accountEvents,
  createCommandHandler,
  createEventRegistry,
  fold,
  streamIdFor,
} from '../index.js';

const registry = createEventRegistry(accountEvents);

function accountsOn(store: ReturnType<typeof createMemoryEventStore>) {
  return createCommandHandler<AccountState, AccountCommand, AccountEvent>({
    store,
    decider: accountDecider,
    commandSchema: AccountCommand,
    snapshots: { reducerVersion: 'account-test', every: 3 },
    clock: () => new Date('2026-03-02T09:00:00.000Z'),
  });
}

describe('the account through the command handler and the memory store', () => {
  it('rebuilds the same state from the stored stream as the decider alone, with contiguous versions', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryAccountCommandSequence(20), async ({ context, commands }) => {
        const store = createMemoryEventStore({ registry });
        const accounts = accountsOn(store);
        const streamId = streamIdFor('account', context.accountId);
        for (const command of commands) await accounts.handle(streamId, command);
        const expected = runCommandSequence(accountDecider, commands, {
          commandSchema: AccountCommand,
        });
        const stored = await store.readStream<AccountEvent>(streamId);
        expect(stored.events.map((event) => event.streamVersion)).toEqual(
          expected.events.map((_, index) => index + 1),
        );
        expect(fold(accountDecider, stored.events)).toEqual(expected.state);
        expect((await accounts.load(streamId)).state).toEqual(expected.state);
        await store.close();
      }),
      { numRuns: 15 },
    );
  });

  it('refuses a rule-breaking command with its rule and writes nothing', async () => {
    const store = createMemoryEventStore({ registry });
    const accounts = accountsOn(store);
    const accountId = '01J00000000000000000000001';
    const streamId = streamIdFor('account', accountId);
    const at = '2026-03-02T09:00:00.000Z';
    await accounts.handle(streamId, {
      type: 'OpenAccount',
      accountId,
      at,
      name: 'Acme',
      ownerRepId: 'rep-1',
      currency: 'EUR',
    });
    await expect(
      accounts.handle(streamId, { type: 'DeactivateAccount', accountId, at }),
    ).rejects.toMatchObject({
      code: 'domain_rule_violated',
      rule: 'account.status_transition_invalid',
    });
    await expect(
      accounts.handle(streamId, { type: 'RenameAccount', accountId, at, name: '' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await store.readStream(streamId)).version).toBe(1);
  });

  it('forgets a contact: no personal data left in storage or state, the contact still known', async () => {
    const store = createMemoryEventStore({ registry });
    const accounts = accountsOn(store);
    const accountId = '01J00000000000000000000001';
    const contactId = '01J00000000000000000000010';
    const streamId = streamIdFor('account', accountId);
    const at = '2026-03-02T09:00:00.000Z';
    const send = (command: Record<string, unknown>) =>
      accounts.handle(streamId, { accountId, at, ...command });
    await send({ type: 'OpenAccount', name: 'Acme', ownerRepId: 'rep-1', currency: 'EUR' });
    await send({
      type: 'AddContact',
      contactId,
      name: 'Dana Buyer',
      title: 'CFO',
      email: 'dana@acme.example',
      role: 'economic_buyer',
      influence: 4,
      decisionPower: 5,
      targetRelationship: 'trusted_advisor',
    });
    await send({ type: 'RecordContactReached', contactId, channel: 'meeting', note: 'Met Dana' });
    await send({ type: 'ChangeContactDetails', contactId, name: 'Dana Smith', phone: '+49 30 1' });
    await send({ type: 'ForgetContact', contactId });
    const result = await store.forgetSubject(contactId);

    expect(result.eventsRedacted).toBe(3);
    const personal = /Dana|CFO|acme\.example|\+49/;
    const stored = await store.readStream<AccountEvent>(streamId);
    expect(JSON.stringify(stored.events)).not.toMatch(personal);
    for (const event of stored.events) registry.read(event.type, event.data, 1, true);
    const { state } = await accounts.load(streamId);
    expect(JSON.stringify(state)).not.toMatch(personal);
    expect(state.contacts[contactId]).toMatchObject({ personal: null, role: 'economic_buyer' });
    await expect(
      send({ type: 'ChangeContactRole', contactId, role: 'champion' }),
    ).rejects.toMatchObject({ rule: 'account.contact_forgotten' });
  });
});
