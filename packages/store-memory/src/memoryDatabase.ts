import type { Position, RecordedEvent, Snapshot } from '@account-planning/core';
import { EventIdIndex } from './internal/eventIdIndex.js';
import { keepShape } from './internal/keepShape.js';

/**
 * The data behind one or more memory event stores: every tenant's log, streams, checkpoints and
 * snapshots. Stores made over the same database share it, each seeing only its own tenant,
 * the way stores of different tenants share one PostgreSQL database. Lives as long as you hold
 * it; nothing is persisted.
 *
 * @example
 * ```ts
 * const database = createMemoryDatabase();
 * const acme = createMemoryEventStore({ database, tenant: 'acme' });
 * const globex = createMemoryEventStore({ database, tenant: 'globex' });
 * ```
 */
export interface MemoryDatabase {
  /** The tenants of the stores made over this database, in order of first use. */
  tenants(): readonly string[];
}

/** One stream of one tenant. A class, for the reason {@link keepShape} gives. */
export class StoredStream {
  /** `events[v - 1]` is the event at stream version v. Only ever pushed to. */
  readonly events: RecordedEvent[] = [];
  archived = false;
}
keepShape(new StoredStream());

/** Where an event with personal data sits, and which of its fields to remove on forgetting. */
export interface PersonalDataEntry {
  readonly globalPosition: number;
  readonly fields: readonly string[];
}

/** Everything one tenant has stored. */
export interface TenantData {
  /** The tenant's log: `log[n - 1]` is the event at global position n. Only ever pushed to. */
  readonly log: RecordedEvent[];
  readonly streams: Map<string, StoredStream>;
  /** Event ids, for idempotent re-appends; it also makes the ids of events given none. */
  readonly eventIds: EventIdIndex;
  /** Subject id to the events that carry its personal data. */
  readonly personalData: Map<string, PersonalDataEntry[]>;
  readonly checkpoints: Map<string, Position>;
  /** Stream id to reducer version to snapshot. */
  readonly snapshots: Map<string, Map<string, Snapshot>>;
  /** Called after every append: the subscription loops' wake-ups. */
  readonly wakeUps: Set<() => void>;
}

const contents = new WeakMap<MemoryDatabase, Map<string, TenantData>>();

/** Creates an empty {@link MemoryDatabase} to share between memory event stores. */
export function createMemoryDatabase(): MemoryDatabase {
  const tenants = new Map<string, TenantData>();
  const database: MemoryDatabase = {
    tenants: () => [...tenants.keys()],
  };
  contents.set(database, tenants);
  return database;
}

/**
 * The data of one tenant in a database, created on first use.
 * @throws {TypeError} when `database` was not made by {@link createMemoryDatabase}.
 */
export function tenantData(database: MemoryDatabase, tenant: string): TenantData {
  const tenants = contents.get(database);
  if (!tenants) throw new TypeError('Not a memory database: use createMemoryDatabase()');
  let data = tenants.get(tenant);
  if (!data) {
    data = emptyTenantData();
    tenants.set(tenant, data);
  }
  return data;
}

function emptyTenantData(): TenantData {
  return {
    log: [],
    streams: new Map(),
    eventIds: new EventIdIndex(),
    personalData: new Map(),
    checkpoints: new Map(),
    snapshots: new Map(),
    wakeUps: new Set(),
  };
}
keepShape(emptyTenantData());
