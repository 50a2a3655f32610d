import type { z } from 'zod';

/**
 * The stable machine-readable codes carried by every error this library throws.
 * Switch on `error.code`; messages are for people and may change.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'domain_rule_violated'
  | 'concurrency_conflict'
  | 'checkpoint_conflict'
  | 'idempotency_conflict'
  | 'not_found'
  | 'tenant_isolation'
  | 'storage_failed';

/**
 * The base class of every error the library throws. Each subclass fixes a stable `code`.
 *
 * @example
 * ```ts
 * try { await store.append(id, events, { expectedVersion: 3 }); }
 * catch (e) { if (isAccountPlanningError(e) && e.code === 'concurrency_conflict') retry(); }
 * ```
 */
export abstract class AccountPlanningError extends Error {
  /** The stable code: see {@link ErrorCode}. */
  abstract readonly code: ErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** A plain, JSON-serialisable view of the error (for logs and HTTP problem details). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/**
 * Any error this library throws, as a union discriminated by `code`: after
 * {@link isAccountPlanningError}, `switch (error.code)` narrows to the class with that code and
 * its fields (`issues`, `rule`, `actual`, ...).
 */
export type AnyAccountPlanningError =
  | ValidationError
  | DomainRuleViolation
  | ConcurrencyError
  | CheckpointConflictError
  | IdempotencyConflictError
  | NotFoundError
  | TenantIsolationError
  | StorageError;

/**
 * True when `error` is one of this library's errors (works across package copies by duck
 * typing). Narrows to {@link AnyAccountPlanningError}, so that switching on `code` narrows further.
 *
 * @example
 * ```ts
 * if (isAccountPlanningError(e) && e.code === 'validation_failed') showFields(e.issues);
 * ```
 */
export function isAccountPlanningError(error: unknown): error is AnyAccountPlanningError {
  if (error instanceof AccountPlanningError) return true;
  if (!(error instanceof Error)) return false;
  const { code, toJSON } = error as Error & { code?: unknown; toJSON?: unknown };
  return typeof code === 'string' && typeof toJSON === 'function' && ERROR_CODES.has(code);
}

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'validation_failed',
  'domain_rule_violated',
  'concurrency_conflict',
  'checkpoint_conflict',
  'idempotency_conflict',
  'not_found',
  'tenant_isolation',
  'storage_failed',
]);

/** One problem found in an input, located by its path from the input's root. */
export interface ValidationIssue {
  /** Where the problem is, from the root of the input (`['data', 'value', 'amount']`). */
  readonly path: readonly (string | number)[];
  /** What is wrong, for people. */
  readonly message: string;
  /** A short machine code for the kind of problem (zod's issue code, or one of ours). */
  readonly code: string;
}

/**
 * Input was rejected before anything was written: a command or event failed its schema, an id
 * was empty or too long, data was not JSON-serialisable, or an event type is unknown.
 */
export class ValidationError extends AccountPlanningError {
  readonly code = 'validation_failed' as const;
  /** Every problem found, each with its path. Never empty. */
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    super(message, options);
    this.issues = issues.length > 0 ? issues : [{ path: [], message, code: 'invalid' }];
  }

  /**
   * Wraps a zod error, prefixing every issue's path with `pathPrefix` (so that an event's data
   * errors read `data.value` rather than `value`).
   */
  static fromZod(
    error: z.ZodError,
    what: string,
    pathPrefix: readonly (string | number)[] = [],
  ): ValidationError {
    const issues = error.issues.flatMap((issue): ValidationIssue[] => {
      const path = [
        ...pathPrefix,
        ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      ];
      // A misspelt field of a strict object is located at the field itself, one issue per key,
      // so that a form can mark it (zod reports them together at the object).
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          path: [...path, key],
          message: `Unrecognized key: ${JSON.stringify(key)}`,
          code: issue.code,
        }));
      }
      return [{ path, message: issue.message, code: issue.code }];
    });
    const first = issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return new ValidationError(`Invalid ${what}${where}: ${first?.message ?? 'rejected'}`, issues, {
      cause: error,
    });
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/**
 * A command was well-formed but breaks a business rule (holding a review before notice was
 * sent, completing an action twice). Nothing was written.
 */
export class DomainRuleViolation extends AccountPlanningError {
  readonly code = 'domain_rule_violated' as const;
  /** The stable code of the rule that was broken, e.g. `review.not_scheduled`. */
  readonly rule: string;
  /** The ids of the things involved, by role (`{ reviewId: '01J…' }`). */
  readonly ids: Readonly<Record<string, string>>;

  constructor(rule: string, message: string, ids: Readonly<Record<string, string>> = {}) {
    super(message);
    this.rule = rule;
    this.ids = ids;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), rule: this.rule, ids: this.ids };
  }
}

/** What an append expected of its stream: an exact version, or one of three states. */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

/**
 * An append's expected version did not match the stream. Nothing was written. `actual` is the
 * stream's version when the append was checked (0 when the stream does not exist).
 */
export class ConcurrencyError extends AccountPlanningError {
  readonly code = 'concurrency_conflict' as const;
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly actual: number;

  constructor(streamId: string, expected: ExpectedVersion, actual: number) {
    super(
      `Stream ${JSON.stringify(streamId)} is at version ${actual}, but ${describeExpected(expected)} was expected`,
    );
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      streamId: this.streamId,
      expected: this.expected,
      actual: this.actual,
    };
  }
}

function describeExpected(expected: ExpectedVersion): string {
  if (typeof expected === 'number') return `version ${expected}`;
  if (expected === 'no_stream') return 'no stream';
  if (expected === 'stream_exists') return 'an existing stream';
  return 'any version';
}

/**
 * A consumer checkpoint compare-and-set lost: another process moved the checkpoint first.
 */
export class CheckpointConflictError extends AccountPlanningError {
  readonly code = 'checkpoint_conflict' as const;
  readonly consumer: string;
  readonly expected: string | null;
  readonly actual: string | null;

  constructor(consumer: string, expected: string | null, actual: string | null) {
    super(
      `Checkpoint of consumer ${JSON.stringify(consumer)} is ${actual ?? 'unset'}, but ${expected ?? 'unset'} was expected`,
    );
    this.consumer = consumer;
    this.expected = expected;
    this.actual = actual;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      consumer: this.consumer,
      expected: this.expected,
      actual: this.actual,
    };
  }
}

/**
 * An event id was reused in a way a retry cannot explain: it already belongs to another stream,
 * or only some of an append's event ids were appended before. Nothing was written.
 */
export class IdempotencyConflictError extends AccountPlanningError {
  readonly code = 'idempotency_conflict' as const;
  readonly streamId: string;
  readonly eventIds: readonly string[];

  constructor(streamId: string, eventIds: readonly string[], message: string) {
    super(message);
    this.streamId = streamId;
    this.eventIds = eventIds;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), streamId: this.streamId, eventIds: this.eventIds };
  }
}

/** Something that was asked for by id does not exist (for this tenant). */
export class NotFoundError extends AccountPlanningError {
  readonly code = 'not_found' as const;
  /** What kind of thing was looked for (`stream`, `account`, `review`). */
  readonly kind: string;
  readonly id: string;

  constructor(kind: string, id: string, message = `No ${kind} ${JSON.stringify(id)}`) {
    super(message);
    this.kind = kind;
    this.id = id;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind, id: this.id };
  }
}

/** A call tried to reach data of a tenant other than the one its store is bound to. */
export class TenantIsolationError extends AccountPlanningError {
  readonly code = 'tenant_isolation' as const;
  readonly tenant: string;

  constructor(tenant: string, message: string) {
    super(message);
    this.tenant = tenant;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), tenant: this.tenant };
  }
}

/**
 * The storage backend failed (connection lost, disk full, a driver error). Wraps the driver's
 * error as `cause`. Whether anything was written is stated by `outcome`.
 */
export class StorageError extends AccountPlanningError {
  readonly code = 'storage_failed' as const;
  /**
   * `not_written` when the store knows nothing was written; `unknown` when the failure happened
   * while a commit may have been in flight (retry with the same event ids: appends are idempotent).
   */
  readonly outcome: 'not_written' | 'unknown';

  constructor(
    message: string,
    options: { cause?: unknown; outcome?: 'not_written' | 'unknown' } = {},
  ) {
    super(message, { cause: options.cause });
    this.outcome = options.outcome ?? 'unknown';
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), outcome: this.outcome };
  }
}
