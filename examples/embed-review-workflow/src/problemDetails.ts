import { type ErrorCode, isAccountPlanningError } from '@account-planning/core';

/** One field a problem is about: a JSON pointer into the request, and what is wrong there. */
export interface ProblemField {
  /** RFC 6901 pointer into the request body (or the path parameter or header named). */
  readonly pointer: string;
  readonly detail: string;
  /** The kind of problem (zod's issue code, or the library's). */
  readonly code: string;
}

/**
 * An RFC 9457 problem document, with the library error's stable `code` (and, for a broken
 * business rule, its `rule` and the ids involved) as extension members a UI can switch on.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode | 'route_not_found' | 'internal_error';
  readonly rule?: string;
  readonly ids?: Readonly<Record<string, string>>;
  readonly errors?: readonly ProblemField[];
  /** For a version conflict: the version the stream is at, to reload and try again. */
  readonly currentVersion?: number;
}

/** The media type of a problem document (RFC 9457). */
export const PROBLEM_JSON = 'application/problem+json';

// RFC 9110 and the idempotency-key draft: a failed If-Match precondition is 412; a conflict the
// client did not pin a version for is 409; a key reused for another request is 422.
const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  domain_rule_violated: 422,
  concurrency_conflict: 409,
  checkpoint_conflict: 409,
  idempotency_conflict: 422,
  not_found: 404,
  tenant_isolation: 403,
  storage_failed: 500,
};

const TITLE: Record<Problem['code'], string> = {
  validation_failed: 'The request is not valid',
  domain_rule_violated: 'A business rule forbids this',
  concurrency_conflict: 'Someone else changed it first',
  checkpoint_conflict: 'Someone else changed it first',
  idempotency_conflict: 'This idempotency key was used for another request',
  not_found: 'Not found',
  tenant_isolation: 'Not yours to see',
  storage_failed: 'Storage is unavailable',
  route_not_found: 'No such route',
  internal_error: 'Something went wrong on our side',
};

/** An RFC 6901 JSON pointer from a path: `['agenda', 0]` becomes `/agenda/0`. */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * The problem document for an error thrown while handling a request. The library's errors
 * become 400, 404, 409/412, 422 or 500 with their code, rule, ids and field pointers; anything
 * else is a 500 that says nothing about its cause (no message, no stack: those go to the log).
 *
 * @param pinnedVersion - true when the request carried `If-Match`: a conflict is then a failed
 * precondition (412), not a plain conflict (409).
 */
export function problemOf(error: unknown, pinnedVersion: boolean): Problem {
  if (!isAccountPlanningError(error)) {
    return problem('internal_error', 500, 'The request could not be completed.');
  }
  switch (error.code) {
    case 'validation_failed':
      return {
        ...problem(error.code, 400, error.message),
        errors: error.issues.map((issue) => ({
          pointer: jsonPointer(issue.path),
          detail: issue.message,
          code: issue.code,
        })),
      };
    case 'domain_rule_violated':
      return { ...problem(error.code, 422, error.message), rule: error.rule, ids: error.ids };
    case 'concurrency_conflict':
      return {
        ...problem(error.code, pinnedVersion ? 412 : 409, error.message),
        currentVersion: error.actual,
      };
    case 'storage_failed':
      // The driver's message may name hosts or tables: keep it for the log only.
      return problem(error.code, 500, 'The event store could not be reached; try again.');
    default:
      return problem(error.code, STATUS[error.code], error.message);
  }
}

function problem(code: Problem['code'], status: number, detail: string): Problem {
  return { type: `urn:account-planning:problem:${code}`, title: TITLE[code], status, detail, code };
}
