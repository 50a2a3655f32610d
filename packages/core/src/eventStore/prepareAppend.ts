import { ConcurrencyError, type ExpectedVersion, ValidationError } from '../errors.js';
import type { EventRegistry } from './eventRegistry.js';
import type { EventMetadata, JsonValue, NewEvent } from './types.js';

/** Limits every adapter enforces the same way, so that behaviour does not depend on storage. */
export const STORE_LIMITS = {
  /** Longest tenant id, in characters. */
  tenantLength: 128,
  /** Longest stream id, in characters. */
  streamIdLength: 512,
  /** Longest event type, event id or consumer name, in characters. */
  nameLength: 256,
  /** Most events in one append. */
  eventsPerAppend: 10_000,
  /** Largest event (data plus metadata) as JSON, in UTF-16 code units. */
  eventJsonLength: 8 * 1024 * 1024,
} as const;

/** An event checked and normalised for storage: ids assigned, data deep-copied and frozen. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
  /** The caller's metadata with `schemaVersion` set. */
  readonly metadata: EventMetadata;
  readonly schemaVersion: number;
  readonly personalSubject: string | undefined;
}

/**
 * Checks an identifier (tenant, stream id, event type, event id, consumer): a non-empty string
 * within `maxLength` with no NUL character or lone surrogate. Everything else, quotes and
 * semicolons included, is stored verbatim.
 * @throws {ValidationError} with `path`.
 */
export function assertIdentifier(
  value: unknown,
  what: string,
  path: readonly (string | number)[],
  maxLength: number,
): asserts value is string {
  let message: string | undefined;
  if (typeof value !== 'string') message = `${what} must be a string`;
  else if (value.length === 0) message = `${what} must not be empty`;
  else if (value.length > maxLength) message = `${what} is longer than ${maxLength} characters`;
  else if (value.includes('\u0000')) message = `${what} must not contain NUL characters`;
  else if (!isWellFormed(value)) message = `${what} must not contain lone surrogates`;
  if (message) {
    throw new ValidationError(message, [{ path, message, code: 'invalid_identifier' }]);
  }
}

/** True when `value` is a valid expected version. */
export function isExpectedVersion(value: unknown): value is ExpectedVersion {
  return (
    value === 'no_stream' ||
    value === 'stream_exists' ||
    value === 'any' ||
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
  );
}

/**
 * Enforces an expected version against a stream's current version (0: no stream).
 * For adapter authors; the PostgreSQL adapter enforces the same rules in SQL.
 * @throws {ConcurrencyError} carrying the actual version.
 */
export function checkExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  actual: number,
): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 0) ||
    (expected === 'stream_exists' && actual > 0) ||
    expected === actual;
  if (!ok) throw new ConcurrencyError(streamId, expected, actual);
}

/**
 * Validates and normalises an append before any storage is touched, identically for every
 * adapter: the stream id, the expected version, each event's type, id, data and metadata (plain
 * JSON, no NUL characters, within {@link STORE_LIMITS}), the registry's schema when one is given,
 * and duplicate event ids within the batch. Data and metadata are deep-copied and frozen, so
 * the caller may reuse its objects; events in a row whose flat metadata is equal share one frozen
 * copy of it.
 *
 * @throws {ValidationError} describing the first problem by path (`events.2.data.amount`).
 */
export function prepareAppend(
  streamId: unknown,
  events: unknown,
  expectedVersion: unknown,
  context: { readonly registry: EventRegistry | undefined; readonly newEventId: () => string },
): PreparedEvent[] {
  assertIdentifier(streamId, 'stream id', ['streamId'], STORE_LIMITS.streamIdLength);
  if (!isExpectedVersion(expectedVersion)) {
    const message = `expectedVersion must be a non-negative integer, 'no_stream', 'stream_exists' or 'any'`;
    throw new ValidationError(message, [
      { path: ['expectedVersion'], message, code: 'invalid_value' },
    ]);
  }
  if (!Array.isArray(events) || events.length === 0) {
    const message = 'an append needs a non-empty array of events';
    throw new ValidationError(message, [{ path: ['events'], message, code: 'too_small' }]);
  }
  if (events.length > STORE_LIMITS.eventsPerAppend) {
    const message = `at most ${STORE_LIMITS.eventsPerAppend} events per append`;
    throw new ValidationError(message, [{ path: ['events'], message, code: 'too_big' }]);
  }
  const prepared: PreparedEvent[] = new Array(events.length);
  // Only a batch of several events can repeat an id.
  const seen = events.length > 1 ? new Set<string>() : undefined;
  for (let index = 0; index < events.length; index++) {
    prepared[index] = prepareEvent(events[index], index, seen, context);
  }
  return prepared;
}

// The helpers below run on every append: they allocate no closures and build an error path
// only when they reject.

function rejectAt(path: (string | number)[], message: string, code: string): never {
  throw new ValidationError(message, [{ path, message, code }]);
}

function checkEventIdentifier(
  value: unknown,
  what: string,
  index: number,
  field: string,
  maxLength: number,
): asserts value is string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > maxLength ||
    value.includes('\u0000') ||
    !isWellFormed(value)
  ) {
    assertIdentifier(value, what, ['events', index, field], maxLength);
  }
}

function prepareEvent(
  raw: unknown,
  index: number,
  seen: Set<string> | undefined,
  context: { readonly registry: EventRegistry | undefined; readonly newEventId: () => string },
): PreparedEvent {
  if (typeof raw !== 'object' || raw === null) {
    rejectAt(['events', index], 'an event must be an object with type and data', 'invalid_type');
  }
  const event = raw as NewEvent;
  checkEventIdentifier(event.type, 'event type', index, 'type', STORE_LIMITS.nameLength);
  const eventId = event.eventId ?? context.newEventId();
  checkEventIdentifier(eventId, 'event id', index, 'eventId', STORE_LIMITS.nameLength);
  if (seen) {
    if (seen.has(eventId)) {
      const message = `event id ${JSON.stringify(eventId)} appears twice in one append`;
      rejectAt(['events', index, 'eventId'], message, 'duplicate');
    }
    seen.add(eventId);
  }

  let data: unknown = event.data;
  let schemaVersion = 1;
  let personalSubject: string | undefined;
  if (context.registry) {
    try {
      const validated = context.registry.validate(event.type, data);
      ({ data, schemaVersion, personalSubject } = validated);
    } catch (error) {
      throw error instanceof ValidationError ? withPathPrefix(error, ['events', index]) : error;
    }
  }
  const metadata = event.metadata === undefined ? {} : event.metadata;
  const copying = takeCopyState(index);
  let copiedData: JsonValue;
  let copiedMetadata: EventMetadata;
  try {
    copiedData = copyJson(data, copying);
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
      rejectAt(['events', index, 'metadata'], 'metadata must be a plain object', 'invalid_type');
    }
    copying.section = 'metadata';
    copiedMetadata = copyMetadata(metadata, schemaVersion, copying);
    if (copying.length > STORE_LIMITS.eventJsonLength) {
      const message = `event is larger than ${STORE_LIMITS.eventJsonLength} characters as JSON`;
      rejectAt(['events', index], message, 'too_big');
    }
  } finally {
    releaseCopyState(copying);
  }
  return {
    eventId,
    type: event.type,
    data: copiedData,
    metadata: copiedMetadata,
    schemaVersion,
    personalSubject,
  };
}

function withPathPrefix(error: ValidationError, prefix: readonly (string | number)[]) {
  return new ValidationError(
    error.message,
    error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })),
    { cause: error.cause },
  );
}

/**
 * False when a string holds a lone UTF-16 surrogate, which has no UTF-8 encoding: PostgreSQL
 * (and any UTF-8 storage) cannot store it, so every adapter rejects it up front.
 */
function isWellFormed(value: string): boolean {
  // String.prototype.isWellFormed is in Node 20 but not in the ES2023 lib this package targets.
  return (value as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Where a copy is, for error paths, and how large it has grown. */
interface CopyState {
  index: number;
  section: 'data' | 'metadata';
  /** The path below the section, as a stack mutated in place. */
  readonly path: (string | number)[];
  readonly ancestors: unknown[];
  /** The copy's size as JSON so far, in UTF-16 code units (roughly). */
  length: number;
}

// Copies run synchronously, one at a time, so they share one state and its two stacks: a new
// state per event would allocate two arrays that grow on the first push (most of what preparing
// an event allocates). A getter in the data that starts another append while a copy is under
// way gets a state of its own.
const sharedCopyState: CopyState = {
  index: 0,
  section: 'data',
  path: [],
  ancestors: [],
  length: 0,
};
let sharedCopyStateInUse = false;

function takeCopyState(index: number): CopyState {
  if (sharedCopyStateInUse) return { index, section: 'data', path: [], ancestors: [], length: 0 };
  sharedCopyStateInUse = true;
  const state = sharedCopyState;
  state.index = index;
  state.section = 'data';
  state.length = 0;
  return state;
}

function releaseCopyState(state: CopyState): void {
  if (state !== sharedCopyState) return;
  // A copy that succeeded popped what it pushed. One that failed left entries: drop them, so
  // that the state holds none of the caller's data. (Setting the length of an empty array
  // would free its storage, which the next copy would allocate again.)
  if (state.path.length > 0) state.path.length = 0;
  if (state.ancestors.length > 0) state.ancestors.length = 0;
  sharedCopyStateInUse = false;
}

function rejectCopy(state: CopyState, message: string): never {
  const at = ['events', state.index, state.section, ...state.path];
  throw new ValidationError(`${message} at ${at.join('.')}`, [
    { path: at, message, code: 'not_json' },
  ]);
}

/**
 * Deep-copies a JSON value, freezing the copy, and rejects what JSON cannot carry faithfully:
 * undefined, functions, symbols, bigints, NaN and infinities, class instances (Date, Map),
 * cycles, NUL characters and lone surrogates (PostgreSQL's jsonb cannot store them). Object
 * properties whose value is undefined are dropped and -0 becomes 0, as `JSON.stringify` does; a
 * `__proto__` key is kept as data.
 */
function copyJson(item: unknown, state: CopyState): JsonValue {
  switch (typeof item) {
    case 'string':
      if (item.includes('\u0000')) rejectCopy(state, 'strings must not contain NUL characters');
      if (!isWellFormed(item)) rejectCopy(state, 'strings must not contain lone surrogates');
      state.length += item.length + 2;
      return item;
    case 'number':
      if (!Number.isFinite(item)) rejectCopy(state, 'numbers must be finite');
      state.length += 8;
      // JSON has no negative zero (JSON.stringify(-0) is "0", PostgreSQL's numeric has none):
      // every adapter stores 0, so that events and snapshots read back the same everywhere.
      return item === 0 ? 0 : item;
    case 'boolean':
      state.length += 5;
      return item;
    case 'object': {
      if (item === null) {
        state.length += 4;
        return null;
      }
      if (state.ancestors.includes(item)) rejectCopy(state, 'data must not contain cycles');
      state.ancestors.push(item);
      const result = Array.isArray(item) ? copyArray(item, state) : copyObject(item, state);
      state.ancestors.pop();
      return result;
    }
    default:
      return rejectCopy(state, `${typeof item} is not JSON data`);
  }
}

function copyArray(item: readonly unknown[], state: CopyState): JsonValue {
  const out: JsonValue[] = new Array(item.length);
  for (let index = 0; index < item.length; index++) {
    state.path.push(index);
    if (item[index] === undefined) rejectCopy(state, 'arrays must not hold undefined');
    out[index] = copyJson(item[index], state);
    state.path.pop();
  }
  return Object.freeze(out);
}

function checkPlainObject(item: object, state: CopyState): void {
  const prototype = Object.getPrototypeOf(item);
  if (prototype !== Object.prototype && prototype !== null) {
    rejectCopy(
      state,
      `only plain objects are JSON data, not ${prototype?.constructor?.name ?? 'this'}`,
    );
  }
}

function copyField(
  out: Record<string, JsonValue>,
  key: string,
  field: unknown,
  state: CopyState,
): void {
  state.path.push(key);
  if (key.includes('\u0000')) rejectCopy(state, 'keys must not contain NUL characters');
  if (!isWellFormed(key)) rejectCopy(state, 'keys must not contain lone surrogates');
  state.length += key.length + 3;
  if (key === '__proto__') {
    // Plain assignment would set the copy's prototype instead of storing the key.
    Object.defineProperty(out, key, {
      value: copyJson(field, state),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    out[key] = copyJson(field, state);
  }
  state.path.pop();
}

function copyObject(item: object, state: CopyState): JsonValue {
  checkPlainObject(item, state);
  const out: Record<string, JsonValue> = {};
  for (const key in item) {
    const field = (item as Record<string, unknown>)[key];
    if (field !== undefined) copyField(out, key, field, state);
  }
  return Object.freeze(out);
}

/**
 * Copies metadata like {@link copyJson}, with `schemaVersion` set from the registry. Events in a
 * row usually carry the same flat metadata (one command's actor, correlation and time): when
 * every field equals the previous copy's, that frozen copy is shared rather than made again.
 */
function copyMetadata(metadata: object, schemaVersion: number, state: CopyState): EventMetadata {
  checkPlainObject(metadata, state);
  const last = lastMetadata;
  if (last !== undefined && equalsFlatCopy(metadata, schemaVersion, last)) {
    state.length += last.jsonLength;
    return last.copy;
  }
  const lengthBefore = state.length;
  const out: Record<string, JsonValue> = {};
  let fields = 0;
  let flat = true;
  for (const key in metadata) {
    const field = (metadata as Record<string, unknown>)[key];
    if (field === undefined || key === 'schemaVersion') continue;
    copyField(out, key, field, state);
    fields++;
    if (typeof field === 'object' && field !== null) flat = false;
  }
  out.schemaVersion = schemaVersion;
  state.length += 22;
  const copy = Object.freeze(out) as EventMetadata;
  // Only flat metadata is shared: comparing nested values would cost what copying them does.
  lastMetadata = flat ? { copy, fields, jsonLength: state.length - lengthBefore } : undefined;
  return copy;
}

/** The last flat metadata copied, with its number of fields (schemaVersion aside). */
let lastMetadata:
  | { readonly copy: EventMetadata; readonly fields: number; readonly jsonLength: number }
  | undefined;

/**
 * True when `metadata` (a plain object) has exactly the fields of `last`'s copy, every one a
 * primitive equal to the copy's, and the same schema version.
 */
function equalsFlatCopy(
  metadata: object,
  schemaVersion: number,
  last: NonNullable<typeof lastMetadata>,
): boolean {
  const copy = last.copy as Readonly<Record<string, JsonValue>>;
  if (copy.schemaVersion !== schemaVersion) return false;
  let fields = 0;
  for (const key in metadata) {
    const field = (metadata as Record<string, unknown>)[key];
    if (field === undefined || key === 'schemaVersion') continue;
    if (
      (typeof field === 'object' && field !== null) ||
      copy[key] !== field ||
      !Object.hasOwn(copy, key)
    ) {
      return false;
    }
    fields++;
  }
  return fields === last.fields;
}
