import {
  type Decider,
  type DomainRuleViolation,
  type ErrorCode,
  type EventLike,
  type EventRegistry,
  fold,
  isAccountPlanningError,
  ValidationError,
} from '@account-planning/core';
import { expect } from 'vitest';
import type { z } from 'zod';

/** What a rejected command must have thrown: an error code, and for rule violations the rule. */
export interface ExpectedRejection {
  /** The error's stable code (default `domain_rule_violated`). */
  readonly code?: ErrorCode;
  /** The rule code of a `DomainRuleViolation`. */
  readonly rule?: string;
  /** Ids the violation must name (a subset of `error.ids`). */
  readonly ids?: Readonly<Record<string, string>>;
}

/** Options of {@link deciderSpec}. */
export interface DeciderSpecOptions<C> {
  /** Commands are parsed with this schema first, as the command handler does at the boundary. */
  readonly commandSchema?: z.ZodType<C>;
  /** Every produced event's data must pass this registry, as the store would check it. */
  readonly registry?: EventRegistry;
}

/** The `then` step of a decider specification. */
export interface DeciderThen<E extends EventLike> {
  /** Asserts the command produced exactly these events (deep equality, in order). */
  then(expected: readonly E[]): void;
  /** Asserts the command was rejected with this code (and rule), producing nothing. */
  thenRejects(expected: ExpectedRejection): void;
}

/** The `when` step of a decider specification. */
export interface DeciderWhen<C, E extends EventLike> {
  when(command: C | unknown): DeciderThen<E>;
}

/** A decider specification: `given(history).when(command).then(events)`. */
export interface DeciderSpecification<C, E extends EventLike> {
  given(history: readonly E[]): DeciderWhen<C, E>;
}

/**
 * Given/when/then for a decider: folds the history into a (frozen) state, decides the command,
 * and asserts the events it produced or the error it threw. Because the state is frozen, a
 * decider that mutates its input fails the spec.
 *
 * @example
 * ```ts
 * const spec = deciderSpec(reviewDecider, { commandSchema: ReviewCommand, registry });
 * spec.given([]).when(holdReview).thenRejects({ rule: 'review.not_scheduled' });
 * spec.given([scheduled, noticeSent]).when(holdReview).then([reviewHeld]);
 * ```
 */
export function deciderSpec<S, C, E extends EventLike>(
  decider: Decider<S, C, E>,
  options: DeciderSpecOptions<C> = {},
): DeciderSpecification<C, E> {
  return {
    given: (history) => ({
      when: (input) => {
        const run = (): readonly E[] => {
          const state = fold(decider, history);
          let command = input as C;
          if (options.commandSchema) {
            const parsed = options.commandSchema.safeParse(input);
            if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'command');
            command = parsed.data;
          }
          return decider.decide(command, state);
        };
        return {
          // biome-ignore lint/suspicious/noThenProperty: given/when/then is the spec's vocabulary; this object is never awaited.
          then(expected) {
            const produced = run();
            expect(produced).toEqual(expected);
            for (const event of produced) options.registry?.validate(event.type, event.data);
          },
          thenRejects(expected) {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            if (thrown === undefined) {
              throw new Error(
                `Expected the command to be rejected with ${describe(expected)}, but it was accepted`,
              );
            }
            if (!isAccountPlanningError(thrown)) throw thrown;
            expect(thrown.code).toBe(expected.code ?? 'domain_rule_violated');
            if (expected.rule !== undefined || expected.ids !== undefined) {
              // Match on the stable code, not instanceof: the decider under test may throw the
              // class of another copy of core (its source, while this package uses the build).
              expect(thrown.code).toBe('domain_rule_violated');
              const violation = thrown as DomainRuleViolation;
              if (expected.rule !== undefined) expect(violation.rule).toBe(expected.rule);
              if (expected.ids !== undefined) expect(violation.ids).toMatchObject(expected.ids);
            }
          },
        };
      },
    }),
  };
}

function describe(expected: ExpectedRejection): string {
  return [expected.code ?? 'domain_rule_violated', expected.rule].filter(Boolean).join(' / ');
}
