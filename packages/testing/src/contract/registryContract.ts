import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';
import { contractRegistryV1, contractRegistryV2, counted, noted } from './contractEvents.js';

/** Validation against the event registry on append, upcasting and parsing on read. */
export function registryContract(context: ContractContext): void {
  describe('event registry', () => {
    it('rejects an unknown event type with a ValidationError at its path, writing nothing', async () => {
      const store = await context.store({ registry: contractRegistryV1 });
      const error = await rejectionOf(
        store.append('s', [noted('fine'), { type: 'Unheard', data: {} }], {
          expectedVersion: 'any',
        }),
      );
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(error.issues).toEqual([
        expect.objectContaining({ path: ['events', 1, 'type'], code: 'unknown_type' }),
      ]);
      expect(await readWholeLog(store)).toEqual([]);
    });

    it('rejects data failing its schema with every issue at its path, writing nothing', async () => {
      const store = await context.store({ registry: contractRegistryV1 });
      const error = await rejectionOf(
        store.append('s', [counted(1), { type: 'Counted', data: { count: -1, tags: ['ok', 7] } }], {
          expectedVersion: 'any',
        }),
      );
      expect(error).toMatchObject({ code: 'validation_failed' });
      const paths = (error.issues as { path: unknown[] }[]).map((issue) => issue.path);
      expect(paths).toContainEqual(['events', 1, 'data', 'count']);
      expect(paths).toContainEqual(['events', 1, 'data', 'tags', 1]);
      expect(await readWholeLog(store)).toEqual([]);
    });

    it('stores the schema output and the schema version in the metadata', async () => {
      const store = await context.store({ registry: contractRegistryV1 });
      const result = await store.append(
        's',
        [{ type: 'Noted', data: { text: 'kept', unknownKey: 'dropped' } }],
        { expectedVersion: 'any' },
      );
      expect(result.events[0]?.data).toEqual({ text: 'kept' });
      expect(result.events[0]?.metadata.schemaVersion).toBe(1);
      expect((await store.readStream('s')).events[0]?.data).toEqual({ text: 'kept' });
    });

    it('upcasts data stored at an older schema version on every read', async () => {
      const tenant = context.newTenant();
      const before = await context.store({ tenant, registry: contractRegistryV1 });
      await before.append('s', [{ type: 'Renamed', data: { name: 'Ada' } }], {
        expectedVersion: 'any',
      });
      const after = await context.store({ tenant, registry: contractRegistryV2 });
      const upcast = { fullName: 'Ada', renamedBy: 'unknown' };
      const [fromStream] = (await after.readStream('s')).events;
      expect(fromStream?.data).toEqual(upcast);
      expect(fromStream?.metadata.schemaVersion).toBe(1);
      expect((await after.readAll()).events[0]?.data).toEqual(upcast);
      const delivered: unknown[] = [];
      const subscription = after.subscribe({
        handler: (events) => {
          delivered.push(...events.map((e) => e.data));
        },
      });
      await subscription.caughtUp();
      await subscription.stop();
      expect(delivered).toEqual([upcast]);
      // The newer shape is written at the newer version and read back as is.
      await after.append('s', [{ type: 'Renamed', data: { fullName: 'B', renamedBy: 'rep' } }], {
        expectedVersion: 1,
      });
      const [, second] = (await after.readStream('s')).events;
      expect(second?.metadata.schemaVersion).toBe(2);
      expect(second?.data).toEqual({ fullName: 'B', renamedBy: 'rep' });
    });

    it('rejects reading an event whose type the registry does not know', async () => {
      const tenant = context.newTenant();
      const raw = await context.store({ tenant });
      await raw.append('s', [{ type: 'Unheard', data: { x: 1 } }], { expectedVersion: 'any' });
      const strict = await context.store({ tenant, registry: contractRegistryV1 });
      await expect(strict.readStream('s')).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(strict.readAll()).rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('accepts any type and JSON data without a registry', async () => {
      const store = await context.store();
      const data = { anything: [1, { deep: null }], flag: true };
      await store.append('s', [{ type: 'Whatever', data }], { expectedVersion: 'any' });
      expect((await store.readStream('s')).events[0]).toMatchObject({ type: 'Whatever', data });
    });
  });
}
