import type { EventRegistry, EventStore } from '@account-planning/core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { appendContract } from './appendContract.js';
import { badInputContract } from './badInputContract.js';
import { capabilitiesContract } from './capabilitiesContract.js';
import { checkpointContract } from './checkpointContract.js';
import { concurrencyContract } from './concurrencyContract.js';
import type { ContractContext } from './contractContext.js';
import { differentialContract } from './differentialContract.js';
import { readContract } from './readContract.js';
import { registryContract } from './registryContract.js';
import { subscriptionContract } from './subscriptionContract.js';
import { tenantIsolationContract } from './tenantIsolationContract.js';

/** How the contract suite asks an adapter for a store. */
export interface EventStoreContractStoreOptions {
  /** The tenant the store must be bound to. The suite uses a fresh random tenant per test. */
  readonly tenant: string;
  /** The registry the store must validate and upcast with; none means any JSON data. */
  readonly registry?: EventRegistry;
}

/**
 * What an adapter hands the contract suite, once per test file: a way to make stores bound to
 * any tenant over ONE shared backing database (so that tenant isolation is really tested), and
 * how to release that database at the end.
 */
export interface EventStoreContractFixture {
  /**
   * A new store over the fixture's shared data, bound to `options.tenant`. The suite closes
   * every store it makes after its test. Must throw or reject with a `ValidationError` for an
   * invalid tenant.
   */
  createStore(options: EventStoreContractStoreOptions): EventStore | Promise<EventStore>;
  /** Releases the shared data (a PGlite instance, a pool, a database). Called once at the end. */
  close?(): void | Promise<void>;
}

/** Makes the fixture; called once per {@link describeEventStoreContract} (i.e. per test file). */
export type EventStoreContractFactory = () =>
  | EventStoreContractFixture
  | Promise<EventStoreContractFixture>;

/**
 * Registers the event-store contract suite with vitest: every behaviour of the `EventStore`
 * port that an adapter must have, in groups (expected versions and atomicity, idempotency,
 * reads, the registry, checkpoints, subscriptions, concurrency, tenant isolation, bad and
 * hostile input, optional capabilities, and a differential property against a model). Each
 * test works in a fresh random tenant, so tests never see each other's data while the fixture
 * (say, one PGlite instance) is made once. Optional capabilities are read from
 * `store.capabilities`; a test of a missing one is skipped with its reason.
 *
 * @example
 * ```ts
 * describeEventStoreContract('memory store', () => {
 *   const database = createMemoryDatabase();
 *   return { createStore: ({ tenant, registry }) => createMemoryEventStore({ database, tenant, registry }) };
 * });
 * ```
 */
export function describeEventStoreContract(name: string, factory: EventStoreContractFactory): void {
  describe(`event-store contract: ${name}`, () => {
    let fixture: EventStoreContractFixture | undefined;
    let opened: EventStore[] = [];

    beforeAll(async () => {
      fixture = await factory();
    });
    afterEach(async () => {
      const stores = opened;
      opened = [];
      await Promise.all(stores.map((store) => store.close()));
    });
    afterAll(async () => {
      await fixture?.close?.();
    });

    const context: ContractContext = {
      newTenant,
      async store(options = {}) {
        if (!fixture) throw new Error('The contract fixture was not created');
        const store = await fixture.createStore({
          tenant: options.tenant ?? newTenant(),
          ...(options.registry === undefined ? {} : { registry: options.registry }),
        });
        opened.push(store);
        return store;
      },
    };

    appendContract(context);
    readContract(context);
    registryContract(context);
    checkpointContract(context);
    subscriptionContract(context);
    concurrencyContract(context);
    tenantIsolationContract(context);
    badInputContract(context);
    capabilitiesContract(context);
    differentialContract(context);
  });
}

function newTenant(): string {
  return `contract-${globalThis.crypto.randomUUID()}`;
}
