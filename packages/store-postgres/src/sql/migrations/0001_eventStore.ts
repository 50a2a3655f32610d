// Migration 0001: the event store. Applied once, in order, by migrate(); never edited once released.
// A TypeScript module holding plain SQL, so that it runs unchanged from source (vitest, tsx) and
// from the bundle.
export const eventStore = `-- The event store: streams, events, consumer checkpoints and snapshots. Every key starts with
-- tenant_id and every query filters by it, so a tenant's rows can live on one Citus shard.
-- {{schema}} is replaced by the quoted schema name, {{channel}} by the NOTIFY channel.

CREATE SEQUENCE {{schema}}.global_position AS bigint;

CREATE TABLE {{schema}}.streams (
  tenant_id text NOT NULL,
  stream_id text NOT NULL,
  version bigint NOT NULL,
  archived_at timestamptz,
  PRIMARY KEY (tenant_id, stream_id)
);

CREATE TABLE {{schema}}.events (
  tenant_id text NOT NULL,
  stream_id text NOT NULL,
  stream_version bigint NOT NULL,
  -- The sequence value the event was given: unique, but a later value can commit first.
  global_position bigint NOT NULL,
  -- The writer's transaction id: readers only see rows below the oldest running transaction,
  -- so (transaction_id, global_position) is an order in which nothing can appear behind a reader.
  transaction_id xid8 NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  -- Whose personal data the event carries (the registry's personalData.subject), for forgetting.
  personal_subject text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, stream_id, stream_version),
  CONSTRAINT events_event_id_key UNIQUE (tenant_id, event_id)
);

CREATE INDEX events_log_order ON {{schema}}.events (tenant_id, transaction_id, global_position);
CREATE INDEX events_personal_subject ON {{schema}}.events (tenant_id, personal_subject)
  WHERE personal_subject IS NOT NULL;

CREATE TABLE {{schema}}.checkpoints (
  tenant_id text NOT NULL,
  consumer text NOT NULL,
  position text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, consumer)
);

CREATE TABLE {{schema}}.snapshots (
  tenant_id text NOT NULL,
  stream_id text NOT NULL,
  reducer_version text NOT NULL,
  version bigint NOT NULL,
  state jsonb NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, stream_id, reducer_version)
);

-- One round trip per append. The stream's lock is taken, and its version checked and moved,
-- BEFORE any sequence value is drawn: a writer that loses a race burns no positions. 'any'
-- waits for the stream's lock instead of failing. p_expected: n >= 0 an exact version (0 is
-- 'no_stream'), -1 'any', -2 'stream_exists'. p_notify: also NOTIFY the schema's channel (the
-- store asks for it on some appends only: PostgreSQL serialises the commits of notifying
-- transactions).
-- Statuses: ok, conflict (stream_version is the actual version), archived, duplicate (some event
-- ids were appended before: the caller looks up the original result).
CREATE FUNCTION {{schema}}.append_events(
  p_tenant text,
  p_stream text,
  p_expected bigint,
  p_check_ids boolean,
  p_ids text[],
  p_types text[],
  p_data jsonb[],
  p_metadata jsonb[],
  p_subjects text[],
  p_notify boolean,
  OUT status text,
  OUT stream_version bigint,
  OUT positions bigint[],
  OUT transaction_id text,
  OUT recorded_at text
)
LANGUAGE plpgsql
AS $function$
DECLARE
  v_count bigint := cardinality(p_ids);
  v_from bigint;
  v_archived boolean;
BEGIN
  IF p_check_ids AND EXISTS (
    SELECT 1 FROM {{schema}}.events e WHERE e.tenant_id = p_tenant AND e.event_id = ANY (p_ids)
  ) THEN
    status := 'duplicate';
    RETURN;
  END IF;

  -- Writers of one stream queue here, on a lock that takes no transaction id: each takes its id
  -- (at its first row write below) only once the one before it has committed, so a stream's
  -- events are in the same order in the log as in the stream.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, hashtextextended(p_tenant, 0)));

  IF p_expected = 0 THEN
    INSERT INTO {{schema}}.streams AS s (tenant_id, stream_id, version)
    VALUES (p_tenant, p_stream, v_count)
    ON CONFLICT (tenant_id, stream_id) DO NOTHING
    RETURNING 0 INTO v_from;
  ELSIF p_expected > 0 THEN
    UPDATE {{schema}}.streams AS s SET version = s.version + v_count
    WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream AND s.version = p_expected
      AND s.archived_at IS NULL
    RETURNING p_expected INTO v_from;
  ELSE
    UPDATE {{schema}}.streams AS s SET version = s.version + v_count
    WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream AND s.archived_at IS NULL
    RETURNING s.version - v_count INTO v_from;
    IF v_from IS NULL AND p_expected = -1 THEN
      -- 'any' on a missing stream creates it. (The stream's lock is held: nobody else can
      -- create it meanwhile; if it exists, it is archived, reported below.)
      INSERT INTO {{schema}}.streams AS s (tenant_id, stream_id, version)
      VALUES (p_tenant, p_stream, v_count)
      ON CONFLICT (tenant_id, stream_id) DO NOTHING
      RETURNING 0 INTO v_from;
    END IF;
  END IF;

  IF v_from IS NULL THEN
    SELECT s.version, s.archived_at IS NOT NULL INTO stream_version, v_archived
    FROM {{schema}}.streams s WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
    IF v_archived THEN
      status := 'archived';
    ELSIF p_check_ids AND EXISTS (
      SELECT 1 FROM {{schema}}.events e WHERE e.tenant_id = p_tenant AND e.event_id = ANY (p_ids)
    ) THEN
      -- A retry racing its own first attempt: that one committed while this one waited.
      status := 'duplicate';
    ELSE
      status := 'conflict';
      stream_version := coalesce(stream_version, 0);
    END IF;
    RETURN;
  END IF;

  positions := ARRAY(SELECT nextval('{{schema}}.global_position') FROM generate_series(1, v_count));
  INSERT INTO {{schema}}.events AS e (tenant_id, stream_id, stream_version, global_position,
    transaction_id, event_id, type, data, metadata, personal_subject)
  SELECT p_tenant, p_stream, v_from + u.ordinal, u.global_position, pg_current_xact_id(),
    u.event_id, u.type, u.data, u.metadata, u.subject
  FROM unnest(p_ids, p_types, p_data, p_metadata, p_subjects, positions)
    WITH ORDINALITY AS u(event_id, type, data, metadata, subject, global_position, ordinal);

  IF p_notify THEN
    PERFORM pg_notify('{{channel}}', p_tenant);
  END IF;
  status := 'ok';
  stream_version := v_from + v_count;
  transaction_id := pg_current_xact_id()::text;
  recorded_at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
END;
$function$;
`;
