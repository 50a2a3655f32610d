import type { z } from 'zod';
import type { Decider } from '../decider/decider.js';
import type { EventDefinition } from '../eventStore/eventRegistry.js';
import type { EventLike } from '../eventStore/types.js';
import type { StreamKind } from '../ids/ids.js';

/**
 * An aggregate's rules: each stable rule code (`plan.not_submitted`) mapped to the one sentence
 * that states the rule. Every `DomainRuleViolation` an aggregate throws names one of its codes,
 * and the domain docs list them from here.
 */
export type RuleCatalog = Readonly<Record<string, string>>;

/**
 * Everything the library and its docs need to know about one aggregate: its stream kind, its
 * event definitions, its command schema, its rules and its decider. Build it with
 * {@link defineAggregate} and add it to `domainAggregates` (one line) so that the event
 * catalog, the JSON Schemas and the domain event registry pick it up.
 *
 * @typeParam S - the state.
 * @typeParam C - the command union.
 * @typeParam E - the event union.
 */
export interface AggregateDefinition<S = unknown, C = unknown, E extends EventLike = EventLike> {
  /** The aggregate's name for people (`Plan`, `Territory`). */
  readonly name: string;
  /** The prefix of its stream ids (`plan` in `plan-<ulid>`). */
  readonly streamKind: StreamKind;
  /**
   * How its stream ids are built, for the docs, when it is not `<streamKind>-<ulid>`:
   * `territory-<id>`, `salesplan-<rep>-<period>`.
   */
  readonly streamIdPattern?: string;
  /** What the aggregate is, in a sentence or two, for the docs. */
  readonly description: string;
  /** Every event type the aggregate records, in the order the docs list them. */
  readonly events: readonly EventDefinition[];
  /**
   * The command schema: a zod discriminated union on `type`, one object schema per command.
   * The docs and JSON Schemas read its `options`.
   */
  readonly commandSchema: z.ZodDiscriminatedUnion<readonly z.ZodObject[], 'type'>;
  /** The rules `decide` enforces, by code. */
  readonly rules: RuleCatalog;
  /** The pure behaviour. */
  readonly decider: Decider<S, C, E>;
}

/**
 * Declares an aggregate for the catalog. An identity function that checks the shape and keeps
 * the precise types.
 *
 * @example
 * ```ts
 * export const planAggregate = defineAggregate({
 *   name: 'Plan', streamKind: 'plan', description: 'A strategic account plan.',
 *   events: planEvents, commandSchema: PlanCommand, rules: planRules, decider: planDecider,
 * });
 * ```
 */
export function defineAggregate<S, C, E extends EventLike>(
  definition: AggregateDefinition<S, C, E>,
): AggregateDefinition<S, C, E> {
  return definition;
}
