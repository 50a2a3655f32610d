import { ValidationError } from '../errors.js';
import { isPosition, type Position, START_POSITION } from './position.js';
import { assertIdentifier, STORE_LIMITS } from './prepareAppend.js';
import type { ReadAllOptions, ReadStreamOptions } from './types.js';

/** {@link ReadStreamOptions} checked, with the direction defaulted. */
export interface CheckedReadStreamOptions {
  readonly direction: 'forward' | 'backward';
  readonly fromVersion: number | undefined;
  readonly toVersion: number | undefined;
  /** `Infinity` when no limit was given. */
  readonly limit: number;
}

/** {@link ReadAllOptions} checked, with the defaults filled in. */
export interface CheckedReadAllOptions {
  readonly after: Position;
  readonly limit: number;
  readonly types: readonly string[] | undefined;
}

const DEFAULT_READ_ALL_LIMIT = 1000;

function invalid(path: string, message: string): never {
  throw new ValidationError(`Invalid read: ${path} ${message}`, [
    { path: [path], message, code: 'invalid_value' },
  ]);
}

function optionalCount(value: unknown, path: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    invalid(path, `must be an integer >= ${minimum}`);
  }
  return value;
}

/**
 * Checks a `readStream` call the same way for every adapter: the stream id, versions (integers
 * >= 0), direction and limit (an integer >= 1).
 * @throws {ValidationError} with the offending option's path.
 */
export function checkReadStreamOptions(
  streamId: unknown,
  options: ReadStreamOptions | undefined,
): CheckedReadStreamOptions {
  assertIdentifier(streamId, 'stream id', ['streamId'], STORE_LIMITS.streamIdLength);
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    invalid('options', 'must be an object');
  }
  const direction = options?.direction ?? 'forward';
  if (direction !== 'forward' && direction !== 'backward') {
    invalid('direction', "must be 'forward' or 'backward'");
  }
  return {
    direction,
    fromVersion: optionalCount(options?.fromVersion, 'fromVersion', 0),
    toVersion: optionalCount(options?.toVersion, 'toVersion', 0),
    limit: optionalCount(options?.limit, 'limit', 1) ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * Checks a `readAll` call the same way for every adapter: `after` is a position, `limit` an
 * integer >= 1 (default 1000), `types` an array of event types (an empty one matches nothing).
 * @throws {ValidationError} with the offending option's path.
 */
export function checkReadAllOptions(options: ReadAllOptions | undefined): CheckedReadAllOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    invalid('options', 'must be an object');
  }
  const after = options?.after ?? START_POSITION;
  if (!isPosition(after)) invalid('after', 'must be a position returned by the store');
  const types = options?.types;
  if (types !== undefined) {
    if (!Array.isArray(types)) invalid('types', 'must be an array of event types');
    types.forEach((type, index) => {
      assertIdentifier(type, 'event type', ['types', index], STORE_LIMITS.nameLength);
    });
  }
  return {
    after,
    limit: optionalCount(options?.limit, 'limit', 1) ?? DEFAULT_READ_ALL_LIMIT,
    types,
  };
}
