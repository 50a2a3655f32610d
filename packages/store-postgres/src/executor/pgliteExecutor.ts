import { shortHash } from '../sql/statements.js';
import type { Executor, ExecutorTransaction, QueryResultLike, Statement } from './executor.js';

/**
 * The part of a PGlite instance (`@electric-sql/pglite`) the store uses. A structural type, so
 * that PGlite stays an optional peer dependency.
 */
export interface PGliteDatabase {
  query(
    query: string,
    params?: unknown[],
    options?: { rowMode?: 'array' | 'object' },
  ): Promise<QueryResultLike>;
  transaction<T>(
    callback: (tx: {
      query(query: string, params?: unknown[]): Promise<QueryResultLike>;
      exec(query: string): Promise<unknown>;
    }) => Promise<T>,
  ): Promise<T>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** SQLSTATE 26000: the prepared statement named does not exist (deallocated since). */
const NO_SUCH_PREPARED_STATEMENT = '26000';
/** SQLSTATE 42P05: a prepared statement of that name exists already. */
const PREPARED_ALREADY = '42P05';

/** The statements prepared in each PGlite instance, by name: shared by every store over it. */
const preparedIn = new WeakMap<PGliteDatabase, Map<string, Promise<unknown>>>();

/** Each statement's prepared name: its own name and a hash of its text (see runPrepared). */
const preparedNames = new WeakMap<Statement, string>();
function preparedNameOf(statement: Statement): string {
  let name = preparedNames.get(statement);
  if (name === undefined) {
    name = `${statement.name}_${shortHash(statement.text)}`;
    preparedNames.set(statement, name);
  }
  return name;
}

/**
 * A string as a dollar-quoted SQL literal. Its tag's name must not follow a `$` anywhere in the
 * text: not only may the text not contain the tag, it may not end with the tag less its last `$`
 * either (`x$ap` in `$ap$x$ap$ap$` would end the literal early).
 */
function dollarQuoted(text: string): string {
  let name = 'ap';
  for (let n = 0; text.includes(`$${name}`); n++) name = `ap${n}`;
  return `$${name}$${text}$${name}$`;
}

/** An array's text form (`{"a",NULL,"b"}`), or undefined when it holds anything but scalars. */
function arrayText(values: readonly unknown[]): string | undefined {
  const elements: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined) elements.push('NULL');
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      elements.push(`"${String(value).replace(/[\\"]/g, '\\$&')}"`);
    } else return undefined;
  }
  return `{${elements.join(',')}}`;
}

/**
 * A parameter as an SQL literal of unknown type (which EXECUTE casts to the parameter's type), or
 * undefined when it cannot be written as one safely: a NUL character (PGlite would cut the
 * statement there), or a value of another kind. The statement is then run with parameters.
 */
function sqlLiteral(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  let text: string | undefined;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : undefined;
  else if (Array.isArray(value)) text = arrayText(value);
  return text === undefined || text.includes('\0') ? undefined : dollarQuoted(text);
}

/**
 * `EXECUTE name(literals)` for a statement and its parameters, or undefined (see
 * {@link sqlLiteral}).
 */
function executeText(name: string, values: readonly unknown[]): string | undefined {
  const literals: string[] = [];
  for (const value of values) {
    const literal = sqlLiteral(value);
    if (literal === undefined) return undefined;
    literals.push(literal);
  }
  return literals.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${literals.join(', ')})`;
}

/**
 * Runs a named statement on PGlite. PGlite parses and plans every query it is given, and for the
 * store's statements that is most of their time (an append about 0.65 ms of 0.9); so each is
 * prepared once per PGlite instance (`PREPARE`, which infers the parameters' types as `pg`'s
 * prepared statements do) and run as `EXECUTE` with its parameters written as dollar-quoted
 * literals, which PostgreSQL reads verbatim, whatever they hold. A parameter that cannot be
 * written so runs the statement with parameters, as before. The prepared name carries a hash of
 * the text, so that two copies of the library (its ESM and CommonJS builds, or two versions) over
 * one PGlite never run each other's statement under one name.
 */
async function runPrepared(
  db: PGliteDatabase,
  statement: Statement,
  values: readonly unknown[],
  rowMode: 'array' | undefined,
): Promise<QueryResultLike> {
  const options = rowMode ? { rowMode } : undefined;
  const name = preparedNameOf(statement);
  const execute = executeText(name, values);
  if (execute === undefined) return db.query(statement.text, values as unknown[], options);
  let prepared = preparedIn.get(db);
  if (!prepared) {
    prepared = new Map();
    preparedIn.set(db, prepared);
  }
  const known = prepared;
  const prepare = () => {
    let done = known.get(name);
    if (!done) {
      done = db.query(`PREPARE ${name} AS ${statement.text}`).catch((error: unknown) => {
        // Prepared by another copy of the library: the same name is the same text.
        if ((error as { code?: unknown })?.code === PREPARED_ALREADY) return;
        // A failed PREPARE (the schema not migrated yet, say) is tried again next time.
        known.delete(name);
        throw error;
      });
      known.set(name, done);
    }
    return done;
  };
  const preparing = prepare();
  await preparing;
  try {
    return await db.query(execute, [], options);
  } catch (error) {
    // Deallocated behind the store's back (DEALLOCATE ALL, DISCARD ALL): prepare it again, once
    // for all the runs that found it gone.
    if ((error as { code?: unknown })?.code !== NO_SUCH_PREPARED_STATEMENT) throw error;
    if (known.get(name) === preparing) known.delete(name);
    await prepare();
    return db.query(execute, [], options);
  }
}

/**
 * An executor over PGlite: one in-process connection. PGlite queues every query behind an open
 * transaction itself; LISTEN/NOTIFY works within the process.
 */
export function createPGliteExecutor(db: PGliteDatabase, owned: boolean): Executor {
  const unlistens = new Set<() => Promise<void>>();
  let closed = false;
  return {
    singleConnection: true,
    backend: db,
    async run(statement, values) {
      return (await runPrepared(db, statement, values, statement.arrays ? 'array' : undefined))
        .rows;
    },
    async map(statement, values, each) {
      const result = await runPrepared(db, statement, values, 'array');
      return (result.rows as unknown as readonly (readonly unknown[])[]).map((row) => each(row));
    },
    transaction(work) {
      return db.transaction((tx) => {
        const wrapped: ExecutorTransaction = {
          query: (text, values) => tx.query(text, (values ?? []) as unknown[]),
          exec: async (script) => {
            await tx.exec(script);
          },
        };
        return work(wrapped);
      });
    },
    async openControlSession() {
      const mine = new Set<() => Promise<void>>();
      let markLost: () => void = () => {};
      const lost = new Promise<void>((resolve) => {
        markLost = resolve;
      });
      return {
        query: (text, values) => db.query(text, (values ?? []) as unknown[]),
        async listen(channel, handler) {
          const unlisten = await db.listen(channel, handler);
          mine.add(unlisten);
          unlistens.add(unlisten);
        },
        lost,
        async release() {
          markLost();
          for (const unlisten of mine) {
            unlistens.delete(unlisten);
            await unlisten().catch(() => {});
          }
          mine.clear();
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const unlisten of unlistens) await unlisten().catch(() => {});
      unlistens.clear();
      if (owned) await db.close();
    },
  };
}
