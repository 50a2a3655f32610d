import { ValidationError } from '../errors.js';
import type { Position } from '../eventStore/position.js';
import type { EventStore, Subscription } from '../eventStore/types.js';
import type { Projection } from './projection.js';

/** A read model's state saved with its checkpoint: the log position it has folded up to. */
export interface ProjectionSnapshot<S> {
  /** The projection's name. */
  readonly name: string;
  /** The projection's version: a snapshot of another version is never restored. */
  readonly version: string;
  /** The position of the last event folded into `state` (null: none); the runner resumes after it. */
  readonly position: Position | null;
  /** How many events the runner had folded when it was taken. */
  readonly eventCount: number;
  readonly state: S;
}

/** Where a runner keeps its snapshots. */
export interface ProjectionSnapshotStore {
  /** The latest snapshot of `name` at `version`, or null. */
  load<S>(name: string, version: string): Promise<ProjectionSnapshot<S> | null>;
  /** Saves (replaces) the snapshot of its name and version. */
  save<S>(snapshot: ProjectionSnapshot<S>): Promise<void>;
}

/**
 * Keeps projection snapshots in an event store's own snapshot storage (the stream id
 * `projection-<name>`), for stores with `capabilities.supportsSnapshots`: the memory store and
 * the PostgreSQL store both have it.
 *
 * @throws {ValidationError} when the store has no snapshot storage.
 */
export function projectionSnapshotsIn(store: EventStore): ProjectionSnapshotStore {
  const snapshots = store.snapshots;
  if (!store.capabilities.supportsSnapshots || snapshots === undefined) {
    const message = 'the store does not support snapshots';
    throw new ValidationError(`Cannot keep projection snapshots: ${message}`, [
      { path: ['store'], message, code: 'unsupported' },
    ]);
  }
  return {
    async load<S>(name: string, version: string) {
      const saved = await snapshots.load<{ position: Position | null; state: S }>(
        `projection-${name}`,
        version,
      );
      if (saved === null) return null;
      return {
        name,
        version,
        position: saved.state.position,
        eventCount: saved.version,
        state: saved.state.state,
      };
    },
    async save(snapshot) {
      await snapshots.save({
        streamId: `projection-${snapshot.name}`,
        version: snapshot.eventCount,
        reducerVersion: snapshot.version,
        state: { position: snapshot.position, state: snapshot.state },
      });
    },
  };
}

/** Options of {@link createProjectionRunner}. */
export interface ProjectionRunnerOptions<S> {
  /** The store to follow, through the port: any adapter. */
  readonly store: EventStore;
  readonly projection: Projection<S>;
  /** Where to restore from and save snapshots to (default: none, the runner starts empty). */
  readonly snapshots?: ProjectionSnapshotStore;
  /** Save a snapshot after a batch once this many events were folded since the last (default: never). */
  readonly snapshotEvery?: number;
  /** Events per batch (default 500). */
  readonly batchSize?: number;
}

/** A running projection: its live state, kept current from a subscription. */
export interface ProjectionRunner<S> {
  /**
   * The live state: mutated in place as batches arrive, so read it between awaits and do not
   * keep parts of it expecting them to stay as they are (copy with `structuredClone`).
   */
  readonly state: S;
  /** The position of the last event folded (null: none): the runner's checkpoint. */
  readonly position: Position | null;
  /** How many events it has folded, those restored from a snapshot included. */
  readonly eventCount: number;
  /** Resolves once every event committed before the call has been folded. */
  caughtUp(): Promise<void>;
  /** Saves a snapshot of the state and checkpoint now, and returns it. */
  saveSnapshot(): Promise<ProjectionSnapshot<S>>;
  /** Stops after the batch in flight, and resolves when stopped. */
  stop(): Promise<void>;
  /** Settles when the runner ends: resolves on a stop, rejects with the error that ended it. */
  readonly done: Promise<void>;
}

/**
 * Starts a projection runner: restores the latest snapshot of the projection's version (if a
 * snapshot store is given and has one), then subscribes to the store from the snapshot's
 * checkpoint and folds each batch into the state, saving a snapshot of state and checkpoint
 * together every `snapshotEvery` events. The checkpoint lives in the snapshot, beside the state
 * it belongs to, so a restart resumes exactly after the last event folded: each event counts
 * once. Only the projection's event types are read.
 *
 * @throws {ValidationError} for a bad `snapshotEvery`, and as `store.subscribe` does.
 * @example
 * ```ts
 * const runner = await createProjectionRunner({ store, projection: readModelsProjection,
 *   snapshots: projectionSnapshotsIn(store), snapshotEvery: 10_000 });
 * await runner.caughtUp();
 * reviewsDue(runner.state, { asOf: '2026-03-02' });
 * ```
 */
export async function createProjectionRunner<S>(
  options: ProjectionRunnerOptions<S>,
): Promise<ProjectionRunner<S>> {
  const { store, projection, snapshots } = options;
  const every = options.snapshotEvery;
  if (every !== undefined && !(Number.isSafeInteger(every) && every >= 1)) {
    const message = 'must be a whole number from 1';
    throw new ValidationError(`Invalid snapshotEvery: ${message}`, [
      { path: ['snapshotEvery'], message, code: 'invalid_value' },
    ]);
  }
  const restored = snapshots ? await snapshots.load<S>(projection.name, projection.version) : null;
  // A restored snapshot may be frozen or shared with the snapshot store: fold into a copy.
  const state: S = restored ? structuredClone(restored.state) : projection.initial();
  let position: Position | null = restored?.position ?? null;
  let eventCount = restored?.eventCount ?? 0;
  let sinceSnapshot = 0;

  const snapshotNow = async (): Promise<ProjectionSnapshot<S>> => {
    const snapshot: ProjectionSnapshot<S> = {
      name: projection.name,
      version: projection.version,
      position,
      eventCount,
      state: structuredClone(state),
    };
    if (snapshots) await snapshots.save(snapshot);
    sinceSnapshot = 0;
    return snapshot;
  };

  const subscription: Subscription = store.subscribe({
    ...(position === null ? {} : { from: position }),
    types: projection.eventTypes,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    handler: async (events, context) => {
      for (const event of events) projection.evolve(state, event);
      position = context.position;
      eventCount += events.length;
      sinceSnapshot += events.length;
      if (every !== undefined && sinceSnapshot >= every) await snapshotNow();
    },
  });

  return {
    get state() {
      return state;
    },
    get position() {
      return position;
    },
    get eventCount() {
      return eventCount;
    },
    caughtUp: () => subscription.caughtUp(),
    saveSnapshot: snapshotNow,
    stop: () => subscription.stop(),
    done: subscription.done,
  };
}
