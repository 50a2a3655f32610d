import type {
  ControlSession,
  Executor,
  ExecutorTransaction,
  NotificationLike,
  QueryResultLike,
  Statement,
} from './executor.js';

/** A query as `pg` takes it: text, parameters and, for a prepared statement, a name. */
export interface PostgresQueryConfig {
  readonly text: string;
  readonly values?: unknown[];
  readonly name?: string;
  readonly rowMode?: 'array';
}

/**
 * The part of a connected `pg` `Client` (or a pool's client) the store uses. A structural type,
 * so that the store does not depend on `pg`'s type declarations.
 */
export interface PostgresClient {
  query(config: PostgresQueryConfig): Promise<QueryResultLike>;
  on(event: 'notification', listener: (message: NotificationLike) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeListener(event: 'notification', listener: (message: NotificationLike) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'end', listener: () => void): unknown;
}

/** A client checked out of a {@link PostgresPool}. */
export interface PostgresPoolClient extends PostgresClient {
  /** Returns the client to the pool; with an error (or `true`) the connection is destroyed. */
  release(destroy?: Error | boolean): void;
}

/** The part of a `pg` `Pool` the store uses (kysely's `PostgresPool` style). */
export interface PostgresPool {
  connect(): Promise<PostgresPoolClient>;
  end(): Promise<void>;
}

const noop = () => {};

/** The part of `pg`'s `Query` (a submittable that reports rows as events) the store uses. */
interface RowQuery {
  on(event: 'row', listener: (row: readonly unknown[]) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
type RowQueryClass = new (config: PostgresQueryConfig) => RowQuery;

/**
 * The `Query` class of a `pg` client (`Client.Query`), or undefined for another client: a query
 * with a `row` listener and no callback hands each row over as it is parsed and keeps none.
 */
export function rowQueryClassOf(client: PostgresClient): RowQueryClass | undefined {
  const Query = (client as { constructor?: { Query?: unknown } }).constructor?.Query;
  return typeof Query === 'function' && typeof Query.prototype?.on === 'function'
    ? (Query as RowQueryClass)
    : undefined;
}

/** {@link Executor.map} on a `pg` client: each row mapped as it arrives (see there). */
function mapOn<T>(
  client: PostgresClient,
  statement: Statement,
  values: readonly unknown[],
  each: (row: readonly unknown[]) => T,
): Promise<T[]> {
  const Query = rowQueryClassOf(client);
  if (Query === undefined) {
    return runOn(client, { ...statement, arrays: true }, values).then((rows) =>
      (rows as unknown as readonly (readonly unknown[])[]).map((row) => each(row)),
    );
  }
  return new Promise<T[]>((resolve, reject) => {
    const mapped: T[] = [];
    let mapFailure: { readonly error: unknown } | undefined;
    const query = new Query({
      name: statement.name,
      text: statement.text,
      values: values as unknown[],
      rowMode: 'array',
    });
    query.on('row', (row) => {
      if (mapFailure) return;
      try {
        mapped.push(each(row));
      } catch (error) {
        // Keep reading: the rest of the result must be consumed before the connection is reused.
        mapFailure = { error };
      }
    });
    query.on('error', reject);
    query.on('end', () => (mapFailure ? reject(mapFailure.error) : resolve(mapped)));
    // A submittable is run as it is: `query` returns it, not a promise.
    (client as unknown as { query(submittable: RowQuery): unknown }).query(query);
  });
}

/** Runs one statement on a `pg` client: prepared by name, so it is parsed once per connection. */
async function runOn(
  client: PostgresClient,
  statement: Statement,
  values: readonly unknown[],
): Promise<readonly Record<string, unknown>[]> {
  const result = await client.query({
    name: statement.name,
    text: statement.text,
    values: values as unknown[],
    ...(statement.arrays ? { rowMode: 'array' as const } : {}),
  });
  return result.rows;
}

function transactionOn(client: PostgresClient): ExecutorTransaction {
  return {
    query: (text, values) => client.query({ text, values: (values ?? []) as unknown[] }),
    // Without values pg uses the simple query protocol, which takes several statements.
    exec: async (script) => {
      await client.query({ text: script });
    },
  };
}

async function inTransaction<T>(
  client: PostgresClient,
  work: (tx: ExecutorTransaction) => Promise<T>,
): Promise<T> {
  await client.query({ text: 'BEGIN ISOLATION LEVEL READ COMMITTED' });
  let result: T;
  try {
    result = await work(transactionOn(client));
  } catch (error) {
    await client.query({ text: 'ROLLBACK' });
    throw error;
  }
  await client.query({ text: 'COMMIT' });
  return result;
}

/** A control session on a connection of its own: `lost` settles when that connection dies. */
function controlSessionOn(client: PostgresClient, end: () => void): ControlSession {
  let markLost: () => void = noop;
  const lost = new Promise<void>((resolve) => {
    markLost = resolve;
  });
  const listeners = new Map<string, (payload: string) => void>();
  const onNotification = (message: NotificationLike) => {
    listeners.get(message.channel)?.(message.payload ?? '');
  };
  const onError = () => markLost();
  const onEnd = () => markLost();
  client.on('notification', onNotification);
  client.on('error', onError);
  client.on('end', onEnd);
  let released = false;
  return {
    query: (text, values) => client.query({ text, values: (values ?? []) as unknown[] }),
    async listen(channel, handler) {
      listeners.set(channel, handler);
      await client.query({ text: `LISTEN ${quoteIdentifier(channel)}` });
    },
    lost,
    async release() {
      if (released) return;
      released = true;
      client.removeListener('notification', onNotification);
      markLost();
      end();
      // Keep the error listener: a dying connection may still emit, and must not crash the process.
      client.removeListener('end', onEnd);
    },
  };
}

/** Quotes an SQL identifier (doubling embedded quotes). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * An executor over a `pg` pool: each statement takes a pooled connection, a transaction holds one
 * connection, and each control session checks out a connection of its own.
 */
export function createPoolExecutor(pool: PostgresPool, owned: boolean): Executor {
  let closed = false;
  const sessions = new Set<ControlSession>();
  return {
    singleConnection: false,
    backend: pool,
    async run(statement, values) {
      const client = await pool.connect();
      try {
        const rows = await runOn(client, statement, values);
        client.release();
        return rows;
      } catch (error) {
        client.release(isConnectionError(error) ? (error as Error) : undefined);
        throw error;
      }
    },
    async map(statement, values, each) {
      const client = await pool.connect();
      try {
        const mapped = await mapOn(client, statement, values, each);
        client.release();
        return mapped;
      } catch (error) {
        client.release(isConnectionError(error) ? (error as Error) : undefined);
        throw error;
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        const result = await inTransaction(client, work);
        client.release();
        return result;
      } catch (error) {
        // After a failed ROLLBACK or a broken connection the client must not be reused.
        client.release(error as Error);
        throw error;
      }
    },
    async openControlSession() {
      const client = await pool.connect();
      const session = controlSessionOn(client, () => {
        sessions.delete(session);
        client.release(true);
      });
      sessions.add(session);
      return session;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...sessions].map((session) => session.release()));
      if (owned) await pool.end();
    },
  };
}

const clientQueues = new WeakMap<object, { tail: Promise<unknown> }>();

/**
 * An executor over one connected `pg` client: every statement and transaction is queued on it in
 * order, so that nothing interleaves with an open transaction.
 */
export function createClientExecutor(client: PostgresClient): Executor {
  // One queue per client, shared by every store (and migrate) over it: a transaction of one
  // store must not take in another's statements.
  let queue = clientQueues.get(client);
  if (!queue) {
    queue = { tail: Promise.resolve() };
    clientQueues.set(client, queue);
  }
  const shared = queue;
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = shared.tail.then(work, work);
    shared.tail = next.catch(noop);
    return next;
  };
  return {
    singleConnection: true,
    backend: client,
    run: (statement, values) => exclusive(() => runOn(client, statement, values)),
    map: (statement, values, each) => exclusive(() => mapOn(client, statement, values, each)),
    transaction: (work) => exclusive(() => inTransaction(client, work)),
    async openControlSession() {
      const session = controlSessionOn(client, noop);
      return {
        ...session,
        query: (text, values) => exclusive(() => session.query(text, values)),
        listen: (channel, handler) => exclusive(() => session.listen(channel, handler)),
      };
    },
    async close() {},
  };
}

/** True for errors that mean the connection itself is gone (not an SQL error on a live one). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string') {
    // Class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') {
      return true;
    }
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN'].includes(code))
      return true;
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
    error.message,
  );
}
