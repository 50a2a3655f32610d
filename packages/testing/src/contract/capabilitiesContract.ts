import type { EventStore, SnapshotStore } from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';
import { contactRecorded, contractRegistryV1, noted, notes } from './contractEvents.js';

/** Optional parts of the port, each tested only when `store.capabilities` says it is there. */
export function capabilitiesContract(context: ContractContext): void {
  describe('capability: snapshots', () => {
    const withSnapshots = async (skip: (note: string) => never): Promise<SnapshotStore> => {
      const store = await context.store();
      if (!store.capabilities.supportsSnapshots) skip('capabilities.supportsSnapshots is false');
      expect(store.snapshots).toBeDefined();
      return store.snapshots as SnapshotStore;
    };

    it('saves and loads a snapshot per stream and reducer version', async ({ skip }) => {
      const snapshots = await withSnapshots(skip);
      const state = { opportunities: { o1: { value: 10 } }, count: 3, tags: ['a'] };
      await snapshots.save({ streamId: 's', version: 3, reducerVersion: 'r1', state });
      expect(await snapshots.load('s', 'r1')).toEqual({
        streamId: 's',
        version: 3,
        reducerVersion: 'r1',
        state,
      });
      expect(await snapshots.load('s', 'r2')).toBeNull();
      expect(await snapshots.load('other', 'r1')).toBeNull();
    });

    it('replaces the snapshot of a stream and reducer version on save', async ({ skip }) => {
      const snapshots = await withSnapshots(skip);
      await snapshots.save({ streamId: 's', version: 3, reducerVersion: 'r1', state: { n: 3 } });
      await snapshots.save({ streamId: 's', version: 9, reducerVersion: 'r1', state: { n: 9 } });
      await snapshots.save({ streamId: 's', version: 5, reducerVersion: 'r2', state: { m: 5 } });
      expect(await snapshots.load('s', 'r1')).toMatchObject({ version: 9, state: { n: 9 } });
      expect(await snapshots.load('s', 'r2')).toMatchObject({ version: 5, state: { m: 5 } });
    });

    it('keeps a saved snapshot apart from later changes to the saved object', async ({ skip }) => {
      const snapshots = await withSnapshots(skip);
      const state = { list: [1] };
      await snapshots.save({ streamId: 's', version: 1, reducerVersion: 'r1', state });
      state.list.push(2);
      expect((await snapshots.load('s', 'r1'))?.state).toEqual({ list: [1] });
    });
  });

  describe('capability: forgetting personal data', () => {
    it('removes the declared personal-data fields of the subject and deletes its streams snapshots', async ({
      skip,
    }) => {
      const store = await context.store({ registry: contractRegistryV1 });
      if (!store.capabilities.supportsForgetting) skip('capabilities.supportsForgetting is false');
      expect(store.forgetSubject).toBeDefined();
      await store.append('s1', [contactRecorded('c1', 'Ada', 'ada@example.com'), noted('n')], {
        expectedVersion: 'no_stream',
      });
      await store.append('s2', [contactRecorded('c2', 'Bea', 'bea@example.com')], {
        expectedVersion: 'no_stream',
      });
      await store.append('s2', [contactRecorded('c1', 'Ada L.', 'ada@work.example')], {
        expectedVersion: 1,
      });
      const withSnapshots = store.capabilities.supportsSnapshots ? store.snapshots : undefined;
      await withSnapshots?.save({ streamId: 's1', version: 2, reducerVersion: 'r', state: 'Ada' });
      await withSnapshots?.save({ streamId: 's2', version: 2, reducerVersion: 'r', state: 'x' });

      const result = await (store.forgetSubject as NonNullable<EventStore['forgetSubject']>)('c1');
      expect(result).toEqual({ eventsRedacted: 2, snapshotsDeleted: withSnapshots ? 2 : 0 });

      const log = await readWholeLog(store);
      expect(log.map((e) => e.data)).toEqual([
        { contactId: 'c1', role: 'buyer' },
        { text: 'n' },
        { contactId: 'c2', role: 'buyer', name: 'Bea', email: 'bea@example.com' },
        { contactId: 'c1', role: 'buyer' },
      ]);
      expect(JSON.stringify(log)).not.toContain('ada@');
      expect((await store.readStream('s1')).events[0]?.data).toEqual({
        contactId: 'c1',
        role: 'buyer',
      });
      if (withSnapshots) {
        expect(await withSnapshots.load('s1', 'r')).toBeNull();
        expect(await withSnapshots.load('s2', 'r')).toBeNull();
      }
      expect(await store.forgetSubject?.('c1')).toEqual({ eventsRedacted: 0, snapshotsDeleted: 0 });
    });
  });

  describe('capability: archiving streams', () => {
    it('rejects appends to an archived stream and keeps its events readable', async ({ skip }) => {
      const store = await context.store();
      if (!store.capabilities.supportsArchiving) skip('capabilities.supportsArchiving is false');
      const archive = store.archiveStream as NonNullable<EventStore['archiveStream']>;
      expect(archive).toBeDefined();
      await store.append('old', notes(2), { expectedVersion: 'no_stream' });
      await store.append('live', notes(1), { expectedVersion: 'no_stream' });
      await archive.call(store, 'old');
      const error = await rejectionOf(store.append('old', [noted('late')], { expectedVersion: 2 }));
      expect(error).toMatchObject({
        code: 'domain_rule_violated',
        rule: 'stream.archived',
        ids: { streamId: 'old' },
      });
      const any = await rejectionOf(
        store.append('old', [noted('late')], { expectedVersion: 'any' }),
      );
      expect(any).toMatchObject({ rule: 'stream.archived' });
      expect((await store.readStream('old')).events).toHaveLength(2);
      expect(await readWholeLog(store)).toHaveLength(3);
      await store.append('live', [noted('fine')], { expectedVersion: 1 });
      await archive.call(store, 'old');
    });

    it('rejects archiving a stream that does not exist with a NotFoundError', async ({ skip }) => {
      const store = await context.store();
      if (!store.capabilities.supportsArchiving) skip('capabilities.supportsArchiving is false');
      await expect(store.archiveStream?.('never-written')).rejects.toMatchObject({
        code: 'not_found',
        kind: 'stream',
        id: 'never-written',
      });
    });
  });

  describe('capability: transactional handlers', () => {
    it('hands each batch the transaction its checkpoint commits in', async ({ skip }) => {
      const store = await context.store();
      if (!store.capabilities.supportsTransactionalHandlers) {
        skip('capabilities.supportsTransactionalHandlers is false');
      }
      await store.append('s', notes(2), { expectedVersion: 'any' });
      const transactions: unknown[] = [];
      const subscription = store.subscribe({
        consumer: 'transactional',
        handler: (_, batch) => {
          transactions.push(batch.transaction);
        },
      });
      await subscription.caughtUp();
      await subscription.stop();
      expect(transactions.length).toBeGreaterThan(0);
      expect(transactions.every((t) => t !== undefined)).toBe(true);
    });
  });
}
