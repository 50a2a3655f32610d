import { type EventStore, STORE_LIMITS } from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';
import { contactRecorded, contractRegistryV1, noted, notes } from './contractEvents.js';

/** Two stores of different tenants over the same backing data. */
async function twoTenants(
  context: ContractContext,
  tenants: readonly [string, string] = [context.newTenant(), context.newTenant()],
): Promise<[EventStore, EventStore]> {
  return [
    await context.store({ tenant: tenants[0], registry: contractRegistryV1 }),
    await context.store({ tenant: tenants[1], registry: contractRegistryV1 }),
  ];
}

/** A store bound to one tenant never reads or writes another tenant's data. */
export function tenantIsolationContract(context: ContractContext): void {
  describe('tenant isolation', () => {
    it('keeps streams of the same id apart', async () => {
      const [a, b] = await twoTenants(context);
      await a.append('account-1', notes(3, 'a'), { expectedVersion: 'no_stream' });
      expect(await b.readStream('account-1')).toEqual({
        streamId: 'account-1',
        version: 0,
        events: [],
      });
      await b.append('account-1', [noted('b')], { expectedVersion: 'no_stream' });
      expect((await a.readStream('account-1')).version).toBe(3);
      expect((await b.readStream('account-1')).events.map((e) => e.data)).toEqual([{ text: 'b' }]);
    });

    it("never shows another tenant's events in the log, whatever position it is given", async () => {
      const [a, b] = await twoTenants(context);
      await a.append('s', notes(5, 'a'), { expectedVersion: 'any' });
      await b.append('s', [noted('b')], { expectedVersion: 'any' });
      await a.append('t', notes(2, 'a'), { expectedVersion: 'any' });
      const logOfB = await readWholeLog(b);
      expect(logOfB.map((e) => e.data)).toEqual([{ text: 'b' }]);
      for (const event of await readWholeLog(a)) {
        const read = await b.readAll({ after: event.position });
        expect(read.events.every((e) => e.data && (e.data as { text: string }).text === 'b')).toBe(
          true,
        );
      }
    });

    it('lets each tenant use the same event id (ids are unique per tenant)', async () => {
      const [a, b] = await twoTenants(context);
      const inA = await a.append('s', [noted('a', 'same-id')], { expectedVersion: 'any' });
      const inB = await b.append('s', [noted('b', 'same-id')], { expectedVersion: 'any' });
      expect(inB.events[0]?.data).toEqual({ text: 'b' });
      expect(inA.events[0]?.data).toEqual({ text: 'a' });
      await b.append('other', [noted('c', 'only-in-b')], { expectedVersion: 'any' });
      await expect(
        a.append('other', [noted('c', 'only-in-b')], { expectedVersion: 'no_stream' }),
      ).resolves.toMatchObject({ nextExpectedVersion: 1 });
    });

    it('keeps checkpoints of the same consumer name apart', async () => {
      const [a, b] = await twoTenants(context);
      await a.append('s', notes(2), { expectedVersion: 'any' });
      const [first] = await readWholeLog(a);
      await a.storeCheckpoint('projection', first?.position ?? '', { expected: null });
      expect(await b.readCheckpoint('projection')).toBeNull();
      await b.storeCheckpoint('projection', first?.position ?? '', { expected: null });
    });

    it("never delivers another tenant's events to a subscription", async () => {
      const [a, b] = await twoTenants(context);
      const seen: unknown[] = [];
      const subscription = b.subscribe({
        handler: (events) => {
          seen.push(...events.map((e) => e.data));
        },
      });
      await subscription.caughtUp();
      await a.append('s', notes(3, 'a'), { expectedVersion: 'any' });
      await b.append('s', [noted('b')], { expectedVersion: 'any' });
      await subscription.caughtUp();
      await subscription.stop();
      expect(seen).toEqual([{ text: 'b' }]);
    });

    it("leaves another tenant's snapshots, personal data and archived streams alone", async ({
      skip,
    }) => {
      const [a, b] = await twoTenants(context);
      await a.append('s', [contactRecorded('contact-1', 'Ada', 'ada@example.com')], {
        expectedVersion: 'any',
      });
      await b.append('s', [contactRecorded('contact-1', 'Bea', 'bea@example.com')], {
        expectedVersion: 'any',
      });
      let checked = 0;
      const snapshots = a.capabilities.supportsSnapshots ? a.snapshots : undefined;
      if (snapshots && b.snapshots) {
        await snapshots.save({ streamId: 's', version: 1, reducerVersion: 'r1', state: 'a' });
        expect(await b.snapshots.load('s', 'r1')).toBeNull();
        checked++;
      }
      if (b.capabilities.supportsForgetting && b.forgetSubject) {
        await b.forgetSubject('contact-1');
        expect((await a.readStream('s')).events[0]?.data).toMatchObject({ name: 'Ada' });
        if (snapshots) expect(await snapshots.load('s', 'r1')).toMatchObject({ state: 'a' });
        checked++;
      }
      if (b.capabilities.supportsArchiving && b.archiveStream) {
        await b.archiveStream('s');
        await a.append('s', [noted('still open')], { expectedVersion: 1 });
        checked++;
      }
      if (checked === 0) skip('the adapter supports no snapshots, forgetting or archiving');
    });

    it('treats tenants that differ only in case or spacing, or hold quotes, as different', async () => {
      const names = ["tenant'; DROP TABLE events; --", 'Tenant', 'tenant', 'tenant ', 'ténant✓'];
      const stores = await Promise.all(
        names.map((name) => context.store({ tenant: `${context.newTenant()}${name}` })),
      );
      const shared = context.newTenant();
      const twins = [
        await context.store({ tenant: `${shared}a` }),
        await context.store({ tenant: `${shared}A` }),
        await context.store({ tenant: `${shared}a ` }),
      ];
      for (const [index, store] of [...stores, ...twins].entries()) {
        await store.append('s', [noted(String(index))], { expectedVersion: 'no_stream' });
      }
      for (const [index, store] of [...stores, ...twins].entries()) {
        expect((await readWholeLog(store)).map((e) => e.data)).toEqual([{ text: String(index) }]);
        expect(store.tenant.endsWith(index < names.length ? (names[index] ?? '') : '')).toBe(true);
      }
    });

    const badTenants: [string, string][] = [
      ['an empty tenant', ''],
      ['an over-long tenant', 't'.repeat(STORE_LIMITS.tenantLength + 1)],
      ['a tenant with NUL', 'a\u0000b'],
    ];
    it.each(badTenants)('refuses to make a store for %s', async (_, tenant) => {
      const error = await rejectionOf(() => context.store({ tenant }));
      expect(error).toMatchObject({ code: 'validation_failed' });
    });
  });
}
