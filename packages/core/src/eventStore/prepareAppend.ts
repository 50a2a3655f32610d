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
 * the caller may reuse its objects.
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
  const seen = new Set<string>();
  return events.map((raw: unknown, index) => {
    const path = ['events', index];
    if (typeof raw !== 'object' || raw === null) {
      const message = 'an event must be an object with type and data';
      throw new ValidationError(message, [{ path, message, code: 'invalid_type' }]);
    }
    const event = raw as NewEvent;
    assertIdentifier(event.type, 'event type', [...path, 'type'], STORE_LIMITS.nameLength);
    const eventId = event.eventId ?? context.newEventId();
    assertIdentifier(eventId, 'event id', [...path, 'eventId'], STORE_LIMITS.nameLength);
    if (seen.has(eventId)) {
      const message = `event id ${JSON.stringify(eventId)} appears twice in one append`;
      throw new ValidationError(message, [
        { path: [...path, 'eventId'], message, code: 'duplicate' },
      ]);
    }
    seen.add(eventId);

    let data: unknown = event.data;
    let schemaVersion = 1;
    let personalSubject: string | undefined;
    if (context.registry) {
      try {
        const validated = context.registry.validate(event.type, data);
        ({ data, schemaVersion, personalSubject } = validated);
      } catch (error) {
        throw error instanceof ValidationError ? withPathPrefix(error, path) : error;
      }
    }
    const size = { length: 0 };
    const copiedData = copyJson(data, [...path, 'data'], size);
    const metadata = event.metadata === undefined ? {} : event.metadata;
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
      const message = 'metadata must be a plain object';
      throw new ValidationError(message, [
        { path: [...path, 'metadata'], message, code: 'invalid_type' },
      ]);
    }
    const copiedMetadata = copyJson(
      { ...metadata, schemaVersion },
      [...path, 'metadata'],
      size,
    ) as EventMetadata;
    if (size.length > STORE_LIMITS.eventJsonLength) {
      const message = `event is larger than ${STORE_LIMITS.eventJsonLength} characters as JSON`;
      throw new ValidationError(message, [{ path, message, code: 'too_big' }]);
    }
    return {
      eventId,
      type: event.type,
      data: copiedData,
      metadata: copiedMetadata,
      schemaVersion,
      personalSubject,
    };
  });
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

/**
 * Deep-copies a JSON value, freezing the copy, and rejects what JSON cannot carry faithfully:
 * undefined, functions, symbols, bigints, NaN and infinities, class instances (Date, Map),
 * cycles, NUL characters and lone surrogates (PostgreSQL's jsonb cannot store them). Object
 * properties whose value is undefined are dropped, as `JSON.stringify` does; a `__proto__` key
 * is kept as data.
 */
function copyJson(
  value: unknown,
  basePath: readonly (string | number)[],
  size: { length: number },
): JsonValue {
  // The path is a stack mutated in place and copied only when an error is reported: this runs
  // on every append's hot path.
  const path: (string | number)[] = [...basePath];
  const ancestors: unknown[] = [];
  const reject = (message: string): never => {
    const at = [...path];
    throw new ValidationError(`${message} at ${at.join('.')}`, [
      { path: at, message, code: 'not_json' },
    ]);
  };
  const copy = (item: unknown): JsonValue => {
    switch (typeof item) {
      case 'string':
        if (item.includes('\u0000')) reject('strings must not contain NUL characters');
        if (!isWellFormed(item)) reject('strings must not contain lone surrogates');
        size.length += item.length + 2;
        return item;
      case 'number':
        if (!Number.isFinite(item)) reject('numbers must be finite');
        size.length += 8;
        return item;
      case 'boolean':
        size.length += 5;
        return item;
      case 'object': {
        if (item === null) {
          size.length += 4;
          return null;
        }
        if (ancestors.includes(item)) reject('data must not contain cycles');
        ancestors.push(item);
        let result: JsonValue;
        if (Array.isArray(item)) {
          const out: JsonValue[] = new Array(item.length);
          for (let index = 0; index < item.length; index++) {
            path.push(index);
            if (item[index] === undefined) reject('arrays must not hold undefined');
            out[index] = copy(item[index]);
            path.pop();
          }
          result = Object.freeze(out);
        } else {
          const prototype = Object.getPrototypeOf(item);
          if (prototype !== Object.prototype && prototype !== null) {
            reject(
              `only plain objects are JSON data, not ${prototype?.constructor?.name ?? 'this'}`,
            );
          }
          const out: Record<string, JsonValue> = {};
          for (const key in item) {
            const field = (item as Record<string, unknown>)[key];
            if (field === undefined) continue;
            path.push(key);
            if (key.includes('\u0000')) reject('keys must not contain NUL characters');
            if (!isWellFormed(key)) reject('keys must not contain lone surrogates');
            size.length += key.length + 3;
            if (key === '__proto__') {
              // Plain assignment would set the copy's prototype instead of storing the key.
              Object.defineProperty(out, key, {
                value: copy(field),
                enumerable: true,
                writable: true,
                configurable: true,
              });
            } else {
              out[key] = copy(field);
            }
            path.pop();
          }
          result = Object.freeze(out);
        }
        ancestors.pop();
        return result;
      }
      default:
        return reject(`${typeof item} is not JSON data`);
    }
  };
  return copy(value);
}
