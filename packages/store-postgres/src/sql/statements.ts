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
  readonly append: Statement;
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

/** Builds the statements for a schema, given as its quoted identifier. */
export function statementsFor(quotedSchema: string): Statements {
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
    append: statement(
      'append',
      `SELECT status, stream_version, positions, transaction_id, recorded_at
       FROM ${s}.append_events($1, $2, $3, $4, $5::text[], $6::text[], $7::text[]::jsonb[],
         $8::text[]::jsonb[], $9::text[], $10)`,
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
