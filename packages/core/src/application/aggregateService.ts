import type { z } from 'zod';
import type {
  CommandHandler,
  CommandResult,
  HandleOptions,
  LoadedState,
} from '../commandHandling/commandHandler.js';
import { isAccountPlanningError, ValidationError } from '../errors.js';
import type { EventLike } from '../eventStore/types.js';

/**
 * A command as a product sends it to the application service: `at` (the business time) may be
 * left out, and so may the new id of a command that creates something (`OpenAccount`'s
 * `accountId`, `ScheduleReview`'s `reviewId`, ...): the service fills them from its clock and
 * id factory. Everything else is the command's own input shape.
 *
 * @typeParam C - the command union's input type.
 * @typeParam Creating - for each creating command type, the name of the id field it may omit.
 */
export type EdgeCommand<
  C extends { readonly type: string },
  Creating extends Partial<Record<C['type'], string>> = Record<never, string>,
> = C extends unknown
  ? Omit<C, 'at' | CreatedIdOf<C, Creating>> & { readonly at?: string } & Partial<
        Pick<C, CreatedIdOf<C, Creating>>
      >
  : never;

/** The id field(s) a creating command may leave out for the service to fill in. */
export type CreatedIdOf<
  C extends { readonly type: string },
  Creating,
> = C['type'] extends keyof Creating ? Extract<Creating[C['type']], keyof C> : never;

/** One aggregate's entry point in the application service. */
export interface AggregateService<
  S,
  E extends EventLike,
  I,
  K extends readonly unknown[] = [id: string],
> {
  /**
   * Runs one command: fills `at` (and a creating command's id) when absent, parses it, checks
   * the rules that span aggregates against the read model of the log, then decides and appends
   * it through the aggregate's command handler (reloading and deciding again after a lost
   * race), and makes the writes that follow from it on other streams.
   *
   * @throws {ValidationError} the command failed its schema; nothing written.
   * @throws {DomainRuleViolation} a rule of the aggregate or across aggregates; nothing written
   *   (except as the service's TSDoc states for follow-up writes).
   * @throws {ConcurrencyError} every attempt lost a race, or `options.expectedVersion` did not match.
   */
  execute(command: I, options?: HandleOptions): Promise<CommandResult<S, E>>;
  /** Loads one instance's current state (a missing instance loads as the initial state, version 0). */
  load(...key: K): Promise<LoadedState<S, E>>;
}

/** How one aggregate is wired into the service. */
export interface AggregateWiring<S, C extends { readonly type: string }, E extends EventLike> {
  readonly handler: CommandHandler<S, E>;
  readonly schema: z.ZodType<C>;
  /** For each creating command type, its id field, filled from the id factory when absent. */
  readonly creating?: Readonly<Record<string, string>>;
  readonly streamOf: (command: C) => string;
  /** Checks cross-aggregate rules (and may fill fields, as a previous review). */
  readonly prepare?: (command: C, options: HandleOptions) => Promise<C>;
  /** Runs the command itself when it needs more than the handler (the hierarchy ledger). */
  readonly run?: (
    command: C,
    streamId: string,
    options: HandleOptions,
  ) => Promise<CommandResult<S, E>> | undefined;
  /** The writes on other streams that follow from the command (opening action items). */
  readonly afterwards?: (
    command: C,
    result: CommandResult<S, E>,
    options: HandleOptions,
  ) => Promise<void>;
}

/** What the service gives every aggregate's `execute`: its clock, id factory and log index. */
export interface ServiceEdge {
  readonly now: () => string;
  readonly newId: () => string;
  /** The stream a command with this idempotency key began, caught up with the log; if any. */
  readonly streamBegunBy?: (idempotencyKey: string) => Promise<string | undefined>;
}

/** Builds the `execute` step shared by every aggregate of the service. */
export function createAggregateExecute<S, C extends { readonly type: string }, E extends EventLike>(
  wiring: AggregateWiring<S, C, E>,
  edge: ServiceEdge,
): (input: unknown, options?: HandleOptions) => Promise<CommandResult<S, E>> {
  const run = async (input: unknown, options: HandleOptions) => {
    const parsed = wiring.schema.safeParse(input);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'command');
    const command = wiring.prepare ? await wiring.prepare(parsed.data, options) : parsed.data;
    const streamId = wiring.streamOf(command);
    const result = await (wiring.run?.(command, streamId, options) ??
      wiring.handler.handle(streamId, command, options));
    await wiring.afterwards?.(command, result, options);
    return result;
  };
  return async (input, options = {}) => {
    const edged = atTheEdge(input, wiring.creating, edge);
    const key = options.idempotencyKey;
    if (edged.idField === undefined || key === undefined || !edge.streamBegunBy) {
      return run(edged.filled, options);
    }
    const { filled, idField } = edged;
    // A creating command retried with its idempotency key and again without its id: the id the
    // service made the first time names the stream, so the retry replays instead of opening a
    // second stream (which the key, naming the first stream's events, would refuse).
    const recall = async () => {
      const streamId = await edge.streamBegunBy?.(key);
      return streamId === undefined ? undefined : idOfStream(wiring, filled, idField, streamId);
    };
    const recalled = await recall();
    if (recalled !== undefined) return run({ ...filled, [idField]: recalled }, options);
    try {
      return await run(filled, options);
    } catch (error) {
      // A concurrent attempt with the same key began its stream first: replay that one.
      if (!(isAccountPlanningError(error) && error.code === 'idempotency_conflict')) throw error;
      const raced = await recall();
      if (raced === undefined) throw error;
      return run({ ...filled, [idField]: raced }, options);
    }
  };
}

/**
 * The id that, put in `idField`, sends the command to `streamId`; undefined when the field does
 * not name the command's stream (an id inside an account, say: that retry replays by itself).
 */
function idOfStream<C>(
  wiring: { readonly streamOf: (command: C) => string },
  command: Record<string, unknown>,
  idField: string,
  streamId: string,
): string | undefined {
  const id = streamId.slice(streamId.indexOf('-') + 1);
  const streamOf = (candidate: string) =>
    wiring.streamOf({ ...command, [idField]: candidate } as unknown as C);
  return streamOf(id) === streamId && streamOf(`${id}-other`) !== streamId ? id : undefined;
}

function atTheEdge(
  input: unknown,
  creating: Readonly<Record<string, string>> | undefined,
  edge: ServiceEdge,
):
  | { readonly filled: unknown; readonly idField?: undefined }
  | { readonly filled: Record<string, unknown>; readonly idField: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { filled: input };
  const filled: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if (filled.at === undefined) filled.at = edge.now();
  const idField = typeof filled.type === 'string' ? creating?.[filled.type] : undefined;
  if (idField === undefined || filled[idField] !== undefined) return { filled };
  filled[idField] = edge.newId();
  return { filled, idField };
}
