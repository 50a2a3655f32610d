import {
  type AccountPlanningError,
  type Decider,
  type EventLike,
  evolve,
  isAccountPlanningError,
  ValidationError,
} from '@account-planning/core';
import type { z } from 'zod';

/** One command of a run: the events it produced, or the typed error that refused it. */
export type CommandSequenceStep<C, E extends EventLike> =
  | { readonly command: C; readonly accepted: true; readonly events: readonly E[] }
  | { readonly command: C; readonly accepted: false; readonly error: AccountPlanningError };

/** What {@link runCommandSequence} did. */
export interface CommandSequenceRun<S, C, E extends EventLike> {
  /** Every event the accepted commands produced, in order: the stream they would have written. */
  readonly events: readonly E[];
  /** The state after the run, built step by step with `evolve` (immer). */
  readonly state: S;
  /** Each command with its outcome, in order. */
  readonly steps: readonly CommandSequenceStep<C, E>[];
}

/**
 * Runs commands one after the other against a decider, as a command handler would against one
 * stream: each is parsed (when a schema is given) and decided against the state so far; its
 * events are applied with `evolve`. A refused command is recorded with its error and changes
 * nothing. Used by property tests to derive valid histories from random command sequences.
 *
 * @throws whatever the decider throws that is not one of the library's typed errors: an untyped
 *   error is a bug, and the property test should fail on it.
 */
export function runCommandSequence<S, C, E extends EventLike>(
  decider: Decider<S, C, E>,
  commands: readonly unknown[],
  options: { readonly commandSchema?: z.ZodType<C> } = {},
): CommandSequenceRun<S, C, E> {
  let state = decider.initialState;
  const events: E[] = [];
  const steps: CommandSequenceStep<C, E>[] = [];
  for (const input of commands) {
    let command = input as C;
    try {
      if (options.commandSchema) {
        const parsed = options.commandSchema.safeParse(input);
        if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'command');
        command = parsed.data;
      }
      const produced = decider.decide(command, state);
      for (const event of produced) state = evolve(decider, state, event);
      events.push(...produced);
      steps.push({ command, accepted: true, events: produced });
    } catch (error) {
      if (!isAccountPlanningError(error)) throw error;
      steps.push({ command, accepted: false, error });
    }
  }
  return { events, state, steps };
}
