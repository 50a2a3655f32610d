import { TenantIsolationError } from '@account-planning/core';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEventStore, migrate, type PostgresEventStore } from './index.js';
import {
  DATABASE_URL,
  dropSchema,
  holdServer,
  NO_SERVER_REASON,
  SERVER_TURN_TIMEOUT_MS,
  serverPool,
  uniqueSchema,
} from './testSupport/serverDatabase.js';

/**
 * The role setup of docs/storage.md ("Tenants and row-level security"), for a schema: a group
 * role with the store's privileges, and one login role per tenant, mapped in tenant_roles.
 */
function tenantRoleSetup(schema: string, group: string): string {
  return `
    CREATE ROLE ${group} NOLOGIN;
    GRANT USAGE ON SCHEMA ${schema} TO ${group};
    GRANT SELECT, INSERT, UPDATE ON ${schema}.streams, ${schema}.events, ${schema}.checkpoints
      TO ${group};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ${schema}.snapshots TO ${group};
    GRANT SELECT ON ${schema}.tenant_roles TO ${group};
    GRANT USAGE ON SEQUENCE ${schema}.global_position TO ${group};`;
}

/** One tenant's login role, as docs/storage.md shows it. */
function tenantRole(schema: string, group: string, role: string, tenant: string): string {
  return `
    CREATE ROLE ${role} LOGIN IN ROLE ${group};
    INSERT INTO ${schema}.tenant_roles (role_name, tenant_id) VALUES ('${role}', '${tenant}');`;
}

describe.skipIf(!DATABASE_URL)(
  `row-level security on a server${DATABASE_URL ? '' : ` (${NO_SERVER_REASON})`}`,
  () => {
    const schema = uniqueSchema('rls');
    const suffix = schema.slice(4);
    const group = `ap_tenants_${suffix}`;
    const roleA = `ap_tenant_a_${suffix}`;
    const roleB = `ap_tenant_b_${suffix}`;
    let owner: pg.Pool;
    let asA: pg.Pool;
    let release: () => Promise<void>;
    const stores: PostgresEventStore[] = [];
    const urlFor = (role: string) => {
      const url = new URL(DATABASE_URL as string);
      url.username = role;
      url.password = '';
      return url.toString();
    };

    beforeAll(async () => {
      release = await holdServer();
      owner = serverPool(4);
      await migrate({ pool: owner, schema });
      await owner.query(tenantRoleSetup(schema, group));
      await owner.query(tenantRole(schema, group, roleA, 'A'));
      await owner.query(tenantRole(schema, group, roleB, 'B'));
      asA = serverPool(6, urlFor(roleA));
      // Tenant B's data, written through B's own role.
      const storeB = createPostgresEventStore({
        connectionString: urlFor(roleB),
        schema,
        tenant: 'B',
      });
      await storeB.append('secret', [{ type: 'Noted', data: { text: 'B only' } }], {
        expectedVersion: 'no_stream',
      });
      await storeB.close();
    }, SERVER_TURN_TIMEOUT_MS);

    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      await asA?.end();
      await dropSchema(owner, schema);
      for (const role of [roleA, roleB, group]) {
        await owner.query(`DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}`).catch(() => {});
      }
      await owner.end();
      await release();
    });

    it("serves a tenant's store through its own role: appends, reads, checkpoints, snapshots, forgetting", async () => {
      const store = createPostgresEventStore({ pool: asA, schema, tenant: 'A' });
      stores.push(store);
      const result = await store.append('mine', [{ type: 'Noted', data: { text: 'A' } }], {
        expectedVersion: 'no_stream',
      });
      expect((await store.readStream('mine')).events).toEqual(result.events);
      expect((await store.readAll()).events.map((event) => event.streamId)).toEqual(['mine']);
      await store.storeCheckpoint('c', result.events[0]?.position as string, { expected: null });
      await store.snapshots.save({ streamId: 'mine', version: 1, reducerVersion: 'r', state: 1 });
      expect(await store.forgetSubject('nobody')).toEqual({
        eventsRedacted: 0,
        snapshotsDeleted: 0,
      });
      const subscription = store.subscribe({ consumer: 'sub', handler: () => {} });
      await subscription.caughtUp();
      await subscription.stop();
    });

    it("cannot read or write another tenant's rows through its role, whatever tenant the store claims", async () => {
      const store = createPostgresEventStore({ pool: asA, schema, tenant: 'B' });
      stores.push(store);
      expect((await store.readStream('secret')).events).toEqual([]);
      expect((await store.readAll()).events).toEqual([]);
      await expect(
        store.append('planted', [{ type: 'Noted', data: { text: 'forged' } }], {
          expectedVersion: 'no_stream',
        }),
      ).rejects.toBeInstanceOf(TenantIsolationError);
    });

    it("cannot reach another tenant's rows with raw SQL through its role, even after SET", async () => {
      const client = await asA.connect();
      try {
        const count = async () =>
          (
            await client.query(
              `SELECT count(*)::int AS n FROM ${schema}.events WHERE tenant_id = 'B'`,
            )
          ).rows[0].n;
        expect(await count()).toBe(0);
        await client.query(`SET account_planning.tenant = 'B'`);
        expect(await count()).toBe(0);
        const updated = await client.query(
          `UPDATE ${schema}.events SET data = '{}' WHERE tenant_id = 'B'`,
        );
        expect(updated.rowCount).toBe(0);
        await expect(
          client.query(
            `INSERT INTO ${schema}.streams (tenant_id, stream_id, version) VALUES ('B', 'x', 1)`,
          ),
        ).rejects.toMatchObject({ code: '42501' });
        await expect(client.query(`DELETE FROM ${schema}.events`)).rejects.toMatchObject({
          code: '42501',
        });
        const mappings = await client.query(`SELECT role_name FROM ${schema}.tenant_roles`);
        expect(mappings.rows).toEqual([{ role_name: roleA }]);
      } finally {
        client.release();
      }
      const { rows } = await owner.query(
        `SELECT data FROM "${schema}".events WHERE tenant_id = 'B'`,
      );
      expect(rows).toEqual([{ data: { text: 'B only' } }]);
    });
  },
);
