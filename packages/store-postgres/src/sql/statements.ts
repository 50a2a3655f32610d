import type { Statement } from '../executor/executor.js';

// Every statement the store runs, in one place. Each is built once per schema and prepared by
// name (pg parses it once per connection). `$1` is always the tenant: every query filters by it.

const RECORDED_AT = `to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The columns every event read returns, in this order: the store reads them by index
 * (`EVENT_COLUMN` in postgresEventStore.ts).
 */
const EVENT_COLUMNS = `e.transaction_id::text AS transaction_id, e.global_position, e.stream_id,
  e.stream_version, e.event_id, e.type, e.data, e.metadata, ${RECORDED_AT} AS recorded_at`;

/** The statements of one schema. */
export interface Statements {
  /** An append expecting `'no_stream'`: creates the stream row. */
  readonly appendNew: Statement;
  /** An append expecting `'any'`: creates the stream row or moves its version. */
  readonly appendAny: Statement;
  /** An append expecting a version (n >= 1) or `'stream_exists'`: moves the version. */
  readonly appendExisting: Statement;
  /** {@link Statements.appendNew} for one event, given as plain values rather than arrays. */
  readonly appendNewOne: Statement;
  /** {@link Statements.appendAny} for one event. */
  readonly appendAnyOne: Statement;
  /** {@link Statements.appendExisting} for one event. */
  readonly appendExistingOne: Statement;
  /**
   * The append as the plpgsql `append_events` decides it, with a status (`ok`, `conflict`,
   * `archived`, `duplicate`): run when the plain statement moved nothing. Takes the events as a
   * batch (arrays and JSON arrays), however many there are.
   */
  readonly appendFallback: Statement;
  readonly eventsById: Statement;
  readonly readStreamForward: Statement;
  readonly readStreamBackward: Statement;
  readonly readAll: Statement;
  readonly readAllOfTypes: Statement;
  readonly readCheckpoint: Statement;
  readonly insertCheckpoint: Statement;
  readonly updateCheckpoint: Statement;
  readonly insertCheckpointLazily: Statement;
  readonly updateCheckpointLazily: Statement;
  readonly loadSnapshot: Statement;
  readonly saveSnapshot: Statement;
  readonly archiveStream: Statement;
  readonly forgetSubject: Statement;
  readonly lag: Statement;
  readonly notify: Statement;
}

/** A short, stable hash (FNV-1a, 32 bits) to keep prepared-statement names within 63 bytes. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

// The append: one statement, one round trip, with the parameters of the `append_events` function
// of migration 0001: $1 tenant, $2 stream, $3 expected version (n >= 0 exact, 0 'no_stream',
// -1 'any', -2 'stream_exists'), $4 whether the caller gave event ids, $5 ids, $6 types, $7 data,
// $8 metadata (JSON texts), $9 personal-data subjects, $10 whether to NOTIFY.
//
// An append that succeeds runs as plain SQL (data-modifying CTEs, no function call): take the
// stream's advisory lock, move the stream's version (the statement for the expected version:
// INSERT for 'no_stream', an upsert for 'any', an UPDATE for a version or 'stream_exists'), and
// only when that moved it draw sequence values and insert the events, each with the writer's
// transaction id. Any other case (a conflict, an archived stream, an event id appended before, a
// stream created after the statement's snapshot was taken) moves nothing and returns no row, and
// the store then hands the append to `append_events` (`appendFallback`, a second round trip, in
// a transaction of its own), which decides it afresh under the lock: every statement of a
// VOLATILE function sees what committed before it began, which one statement cannot. The
// fallback is not part of the plain statement: as a branch of it, its plan nodes would be set
// up on every append, taken or not.
//
// What the plain path relies on:
// - Lock before transaction id: the stream row is written only by rows that come out of
//   `locked`, and the events' transaction id is taken as they are inserted; nothing before the
//   lock writes. So writers of one stream still take their ids in the stream's order.
// - Its writes decide on the stream row's latest version, not the snapshot's: INSERT ... ON
//   CONFLICT checks the latest committed row, and an UPDATE of a row changed since the snapshot
//   re-checks its WHERE on the latest version (READ COMMITTED). A stream row the snapshot does not
//   show at all is the only blind spot: the UPDATE moves nothing, and `append_events` decides.
// - Nothing moved, nothing drawn: the events' INSERT reads from `moved`, so a losing writer burns
//   no positions.

/** How an append moves the stream's version: the expected versions it serves. */
type Expecting = 'no_stream' | 'any' | 'existing';

/**
 * The statement that moves the stream's version by `count` events, returning the version
 * before as `from_version`, or no row. Its source rows come out of `locked`: the stream's lock
 * is taken before the stream row is touched.
 */
function moveStream(s: string, expecting: Expecting, count: string): string {
  if (expecting === 'existing') {
    // A version n >= 1 ($3), or 'stream_exists' ($3 = -2).
    return `UPDATE ${s}.streams AS t SET version = t.version + ${count}
       FROM locked
       WHERE t.tenant_id = $1 AND t.stream_id = $2 AND t.archived_at IS NULL
         AND ($3::bigint < 0 OR t.version = $3::bigint)
       RETURNING t.version - ${count} AS from_version`;
  }
  const onConflict =
    expecting === 'any'
      ? `DO UPDATE SET version = t.version + ${count} WHERE t.archived_at IS NULL`
      : 'DO NOTHING';
  return `INSERT INTO ${s}.streams AS t (tenant_id, stream_id, version)
     SELECT $1, $2, ${count} FROM locked
     ON CONFLICT (tenant_id, stream_id) ${onConflict}
     RETURNING t.version - ${count} AS from_version`;
}

/** A JSON array of jsonb values as a jsonb[], in order (for `append_events`). */
const jsonbArray = (array: string) =>
  `ARRAY(SELECT x.value FROM jsonb_array_elements(${array}) WITH ORDINALITY AS x(value, n)
     ORDER BY x.n)`;

/**
 * The append statement for one expected-version kind, for a batch or for a single event. A
 * batch's ids, types and subjects are text arrays ($5, $6, $9), its data and metadata one JSON
 * array each ($7, $8: one JSON text to build and parse rather than an array literal of escaped
 * JSON texts); a single event's are plain values. It returns one row when it appended (the new
 * stream version, the events' positions, the transaction id and the time recorded), and no row
 * when it moved nothing: the caller then runs {@link Statements.appendFallback}. See the comment
 * above for what it relies on.
 */
function appendStatement(s: string, channel: string, expecting: Expecting, single: boolean) {
  const count = single ? '1' : 'cardinality($5::text[])';
  const events = single
    ? `SELECT $1, $2, m.from_version + 1, nextval('${s}.global_position'), pg_current_xact_id(),
         $5::text, $6::text, $7::jsonb, $8::jsonb, $9::text
       FROM moved m`
    : `SELECT $1, $2, m.from_version + u.ordinal, nextval('${s}.global_position'),
         pg_current_xact_id(), u.event_id, u.type, $7::jsonb -> (u.ordinal::integer - 1),
         $8::jsonb -> (u.ordinal::integer - 1), u.subject
       FROM moved m, unnest($5::text[], $6::text[], $9::text[])
         WITH ORDINALITY AS u(event_id, type, subject, ordinal)`;
  const result = single
    ? `SELECT a.stream_version, a.global_position AS positions,
         a.transaction_id::text AS transaction_id, ${NOW} AS recorded_at, ${notify(channel)}
       FROM appended a`
    : `SELECT m.from_version + ${count} AS stream_version,
         ARRAY(SELECT a.global_position FROM appended a ORDER BY a.stream_version) AS positions,
         (SELECT a.transaction_id::text FROM appended a LIMIT 1) AS transaction_id,
         ${NOW} AS recorded_at, ${notify(channel)}
       FROM moved m`;
  const ids = single ? '$5::text' : 'ANY ($5::text[])';
  // When the caller gave event ids and one is stored already, the plain path steps aside. (It
  // names $3, which not every kind uses otherwise, so that every kind takes the same parameters.)
  return `WITH fresh AS MATERIALIZED (
       SELECT $3::bigint WHERE NOT ($4::boolean AND EXISTS (
         SELECT 1 FROM ${s}.events e WHERE e.tenant_id = $1 AND e.event_id = ${ids}))
     ), locked AS MATERIALIZED (
       SELECT pg_advisory_xact_lock(hashtextextended($2, hashtextextended($1, 0))) FROM fresh
     ), moved AS (
       ${moveStream(s, expecting, count)}
     ), appended AS (
       INSERT INTO ${s}.events AS e (tenant_id, stream_id, stream_version, global_position,
         transaction_id, event_id, type, data, metadata, personal_subject)
       ${events}
       RETURNING e.stream_version, e.global_position, e.transaction_id
     )
     ${result}`;
}

const NOW = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The NOTIFY of an append that asks for it ($10), sent only when the plain path appended. A
 * plain function call (cast to text: it returns void), not a subquery, which would cost a plan
 * node to set up on every append.
 */
const notify = (channel: string) =>
  `CASE WHEN $10::boolean THEN pg_notify('${channel}', $1)::text END AS notified`;

/** Builds the statements for a schema, given as its quoted identifier. */
export function statementsFor(quotedSchema: string, channel: string): Statements {
  const s = quotedSchema;
  const prefix = `ap_${shortHash(s)}_`;
  const statement = (name: string, text: string, arrays = false): Statement => ({
    name: prefix + name,
    text,
    ...(arrays ? { arrays } : {}),
  });
  const readStream = (order: 'ASC' | 'DESC') =>
    // One statement, one snapshot: the stream's version and its events agree. A missing stream
    // returns no row; an empty range returns one row of nulls with the version.
    `SELECT r.*, v.version AS current_version
     FROM ${s}.streams v
     LEFT JOIN LATERAL (
       SELECT ${EVENT_COLUMNS} FROM ${s}.events e
       WHERE e.tenant_id = v.tenant_id AND e.stream_id = v.stream_id
         AND e.stream_version BETWEEN $3 AND $4
       ORDER BY e.stream_version ${order}
       LIMIT $5
     ) r ON true
     WHERE v.tenant_id = $1 AND v.stream_id = $2`;
  const readAll = (typeFilter: string) =>
    // Gap safety: only rows of transactions older than every transaction still running, in
    // (transaction_id, global_position) order. No row can later appear before the last one read.
    `SELECT ${EVENT_COLUMNS} FROM ${s}.events e
     WHERE e.tenant_id = $1
       AND (e.transaction_id, e.global_position) > ($2::text::xid8, $3::bigint)
       AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ${typeFilter}
     ORDER BY e.transaction_id, e.global_position
     LIMIT $4`;
  return {
    appendNew: statement('append_new', appendStatement(s, channel, 'no_stream', false)),
    appendAny: statement('append_any', appendStatement(s, channel, 'any', false)),
    appendExisting: statement('append_existing', appendStatement(s, channel, 'existing', false)),
    appendNewOne: statement('append_new_1', appendStatement(s, channel, 'no_stream', true)),
    appendAnyOne: statement('append_any_1', appendStatement(s, channel, 'any', true)),
    appendExistingOne: statement(
      'append_existing_1',
      appendStatement(s, channel, 'existing', true),
    ),
    appendFallback: statement(
      'append_fallback',
      `SELECT f.status, f.stream_version, f.positions, f.transaction_id, f.recorded_at
       FROM ${s}.append_events($1, $2, $3, $4, $5::text[], $6::text[], ${jsonbArray('$7::jsonb')},
         ${jsonbArray('$8::jsonb')}, $9::text[], $10) f`,
    ),
    eventsById: statement(
      'events_by_id',
      `SELECT ${EVENT_COLUMNS} FROM ${s}.events e
       WHERE e.tenant_id = $1 AND e.event_id = ANY ($2::text[])
       ORDER BY e.stream_id, e.stream_version`,
      true,
    ),
    readStreamForward: statement('read_stream_fw', readStream('ASC'), true),
    readStreamBackward: statement('read_stream_bw', readStream('DESC'), true),
    readAll: statement('read_all', readAll(''), true),
    readAllOfTypes: statement('read_all_types', readAll('AND e.type = ANY ($5::text[])'), true),
    readCheckpoint: statement(
      'read_checkpoint',
      `SELECT position FROM ${s}.checkpoints WHERE tenant_id = $1 AND consumer = $2`,
    ),
    insertCheckpoint: statement(
      'insert_checkpoint',
      `INSERT INTO ${s}.checkpoints (tenant_id, consumer, position) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, consumer) DO NOTHING RETURNING position`,
    ),
    updateCheckpoint: statement(
      'update_checkpoint',
      `UPDATE ${s}.checkpoints SET position = $3, updated_at = now()
       WHERE tenant_id = $1 AND consumer = $2 AND position = $4 RETURNING position`,
    ),
    // A subscription's own progress commits without waiting for the disk: a crash loses at
    // most the last moments of progress, and those batches are delivered again (at least once).
    // set_config in the WHERE clause runs before the statement's transaction commits.
    insertCheckpointLazily: statement(
      'insert_checkpoint_lazily',
      `INSERT INTO ${s}.checkpoints (tenant_id, consumer, position)
       SELECT $1, $2, $3 WHERE set_config('synchronous_commit', 'off', true) IS NOT NULL
       ON CONFLICT (tenant_id, consumer) DO NOTHING RETURNING position`,
    ),
    updateCheckpointLazily: statement(
      'update_checkpoint_lazily',
      `UPDATE ${s}.checkpoints SET position = $3, updated_at = now()
       WHERE tenant_id = $1 AND consumer = $2 AND position = $4
         AND set_config('synchronous_commit', 'off', true) IS NOT NULL
       RETURNING position`,
    ),
    loadSnapshot: statement(
      'load_snapshot',
      `SELECT version, state FROM ${s}.snapshots
       WHERE tenant_id = $1 AND stream_id = $2 AND reducer_version = $3`,
    ),
    saveSnapshot: statement(
      'save_snapshot',
      `INSERT INTO ${s}.snapshots (tenant_id, stream_id, reducer_version, version, state)
       VALUES ($1, $2, $3, $4, $5::text::jsonb)
       ON CONFLICT (tenant_id, stream_id, reducer_version)
       DO UPDATE SET version = excluded.version, state = excluded.state, saved_at = now()`,
    ),
    archiveStream: statement(
      'archive_stream',
      `UPDATE ${s}.streams SET archived_at = coalesce(archived_at, now())
       WHERE tenant_id = $1 AND stream_id = $2 RETURNING version`,
    ),
    forgetSubject: statement(
      'forget_subject',
      // $3 maps each event type to the data fields that hold personal data. The subject is
      // cleared as well, so forgetting twice finds nothing the second time.
      `WITH marked AS (
         SELECT e.stream_id, e.stream_version,
           jsonb_typeof(e.data) = 'object' AND e.data ?| ARRAY(
             SELECT jsonb_array_elements_text($3::text::jsonb -> e.type)) AS had_fields
         FROM ${s}.events e
         WHERE e.tenant_id = $1 AND e.personal_subject = $2
       ), redacted AS (
         UPDATE ${s}.events e
         SET data = CASE WHEN jsonb_typeof(e.data) = 'object'
                      THEN e.data - ARRAY(SELECT jsonb_array_elements_text($3::text::jsonb -> e.type))
                      ELSE e.data END,
             personal_subject = NULL
         FROM marked m
         WHERE e.tenant_id = $1 AND e.stream_id = m.stream_id
           AND e.stream_version = m.stream_version
         RETURNING m.had_fields
       ), deleted AS (
         DELETE FROM ${s}.snapshots n
         WHERE n.tenant_id = $1 AND n.stream_id IN (SELECT stream_id FROM marked)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM redacted WHERE had_fields) AS events_redacted,
              (SELECT count(*) FROM deleted) AS snapshots_deleted`,
    ),
    notify: statement(
      'notify',
      // The trailing notification after a burst of appends that carried none: its own tiny
      // transaction, committed without waiting for the disk (a lost one only delays a
      // subscriber until its next poll).
      `SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)`,
    ),
    lag: statement(
      'lag',
      `WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
       SELECT
         (SELECT count(*) FROM ${s}.events e
          WHERE e.tenant_id = $1
            AND (e.transaction_id, e.global_position) > ($2::text::xid8, $3::bigint)
         ) AS events_behind,
         (SELECT count(*) FROM ${s}.events e, horizon h
          WHERE e.tenant_id = $1 AND e.transaction_id >= h.xmin
         ) AS events_held_back,
         (SELECT floor(extract(epoch FROM now() - a.xact_start) * 1000)
          FROM pg_stat_activity a
          WHERE a.backend_xid IS NOT NULL AND a.xact_start IS NOT NULL
            AND a.pid <> pg_backend_pid()
          ORDER BY age(a.backend_xid) DESC LIMIT 1
         ) AS oldest_transaction_ms`,
    ),
  };
}
