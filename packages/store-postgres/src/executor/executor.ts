/**
 * The one small interface the store talks to, with two implementations: `pg` (a Pool or one
 * Client) and PGlite. Everything else in the package is written against it, so both executors
 * run the same SQL and pass the same contract suite.
 */

/** What a query returns: rows of named columns. Both `pg` and PGlite return this shape. */
export interface QueryResultLike {
  readonly rows: readonly Record<string, unknown>[];
}

/**
 * Something that runs one SQL statement with positional parameters (`$1`, `$2`, ...): the
 * transaction a transactional subscription handler receives, so that its writes commit together
 * with the consumer's checkpoint.
 */
export interface PostgresTransaction {
  query(text: string, values?: readonly unknown[]): Promise<QueryResultLike>;
}

/** The transaction the executor hands to its own code: queries, and scripts of several statements. */
export interface ExecutorTransaction extends PostgresTransaction {
  /** Runs several `;`-separated statements without parameters (a migration). */
  exec(script: string): Promise<void>;
}

/** A named statement: `pg` prepares it once per connection; PGlite runs the text. */
export interface Statement {
  readonly name: string;
  readonly text: string;
  /**
   * Rows as arrays of column values, in select order, rather than objects: the hot reads build
   * their own objects, and the driver's per-row object would be garbage.
   */
  readonly arrays?: boolean;
}

/** A PostgreSQL notification, as LISTEN delivers it. */
export interface NotificationLike {
  readonly channel: string;
  readonly payload?: string | undefined;
}

/**
 * A session kept open for a subscription's coordination: LISTEN and session-level advisory
 * locks live as long as the connection does. `lost` settles when the connection dies.
 */
export interface ControlSession {
  query(text: string, values?: readonly unknown[]): Promise<QueryResultLike>;
  /** Registers the notification handler (once) and LISTENs on `channel`. */
  listen(channel: string, onNotification: (payload: string) => void): Promise<void>;
  /** Resolves when the connection is lost or released. */
  readonly lost: Promise<void>;
  /** Ends the session (unlistens, releases advisory locks with the connection). */
  release(): Promise<void>;
}

/** The executor: statements, transactions and control sessions over one backend. */
export interface Executor {
  /**
   * True when every query shares one connection (PGlite, a single `pg` Client): transactions are
   * serialised with everything else, and session locks are shared by the whole process.
   */
  readonly singleConnection: boolean;
  /** The pool, client or PGlite underneath: stores sharing it share its sessions. */
  readonly backend: object;
  /**
   * Runs one statement whose rows are arrays (`statement.arrays`) in autocommit mode, turning each
   * row into a value as it arrives: over `pg`, the driver's rows are not all held until the last
   * one is read, so a large read keeps one object per row (the mapped value), not two. If `each`
   * throws, the statement still runs to its end (the connection stays usable), and the call
   * rejects with that error.
   */
  map<T>(
    statement: Statement,
    values: readonly unknown[],
    each: (row: readonly unknown[]) => T,
  ): Promise<T[]>;
  /** Runs one statement in autocommit mode. */
  run(
    statement: Statement,
    values: readonly unknown[],
  ): Promise<readonly Record<string, unknown>[]>;
  /** Runs `work` in one transaction (READ COMMITTED) on one connection: commit, or roll back on a throw. */
  transaction<T>(work: (tx: ExecutorTransaction) => Promise<T>): Promise<T>;
  /** Opens a control session (a dedicated connection where the backend has several). */
  openControlSession(): Promise<ControlSession>;
  /** Ends what the executor opened itself; leaves a caller's pool, client or PGlite open. */
  close(): Promise<void>;
}
