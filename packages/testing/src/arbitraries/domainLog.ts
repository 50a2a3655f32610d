import {
  accountDecider,
  actionItemDecider,
  type Decider,
  type DomainEvent,
  type EventLike,
  encodePosition,
  fold,
  planDecider,
  reviewDecider,
  salesPlanDecider,
  salesPlanStreamId,
  territoryDecider,
} from '@account-planning/core';
import fc from 'fast-check';
import { arbitraryAccountCommandSequence } from './accounts.js';
import { arbitraryActionItemLife } from './actions.js';
import { arbitraryPlanCommandSequence } from './plans.js';
import { arbitraryReviewLife } from './reviews.js';
import { arbitrarySalesPlanCommandSequence } from './salesPlans.js';
import { arbitraryTerritoryCommandSequence } from './territories.js';

/** One event of a generated log: a domain event with the envelope a store would give it. */
export type DomainLogEvent = DomainEvent & {
  readonly streamId: string;
  readonly position: string;
  readonly eventId: string;
};

/** A generated log of the whole domain, in log order. */
export interface DomainLog {
  /** Every event, in log order, positions increasing from 1. */
  readonly events: readonly DomainLogEvent[];
  /** The accounts opened in it, in the order generated. */
  readonly accountIds: readonly string[];
  /** The reps that own them. */
  readonly reps: readonly string[];
  /** The one currency every amount is in. */
  readonly currency: 'EUR';
}

/** Options of {@link arbitraryDomainLog}. */
export interface DomainLogOptions {
  /** At most this many accounts (default 3), each with up to `commandsPerStream` commands. */
  readonly maxAccounts?: number;
  /** Commands per generated stream (default 15). */
  readonly commandsPerStream?: number;
}

const REPS = ['rep-1', 'rep-2'] as const;

/**
 * A valid-per-stream log of the whole domain, for properties of read models: a few accounts,
 * territories, reviews, action items, plans and a sales plan, each stream made by its decider
 * from a valid command sequence, then tied together (reviews, action items and plans name the
 * generated accounts; two reps own everything; every amount is in EUR) and interleaved at
 * random, keeping each stream's order. Cross-stream rules (a review's previous actions, say)
 * are not enforced: read models must cope with any log.
 */
export function arbitraryDomainLog(options: DomainLogOptions = {}): fc.Arbitrary<DomainLog> {
  const length = options.commandsPerStream ?? 15;
  return fc
    .record({
      accounts: fc.array(arbitraryAccountCommandSequence(length), {
        minLength: 1,
        maxLength: options.maxAccounts ?? 3,
      }),
      territories: fc.array(arbitraryTerritoryCommandSequence(4), { maxLength: 2 }),
      reviews: fc.array(arbitraryReviewLife(), { maxLength: 3 }),
      actions: fc.array(arbitraryActionItemLife(), { maxLength: 3 }),
      plans: fc.array(arbitraryPlanCommandSequence(8), { maxLength: 2 }),
      salesPlans: fc.array(arbitrarySalesPlanCommandSequence(4), { maxLength: 1 }),
      seed: fc.integer(),
    })
    .map((generated) => {
      const accountIds = generated.accounts.map((a) => a.context.accountId);
      const territoryIds = generated.territories.map((t) => t.context.territoryId);
      const streams: { streamId: string; events: DomainEvent[] }[] = [];
      const remap = idRemapper(accountIds, territoryIds);
      for (const { context, commands } of generated.accounts) {
        streams.push({
          streamId: `account-${context.accountId}`,
          events: remap(accepted(accountDecider, commands), 'account'),
        });
      }
      for (const { context, commands } of generated.territories) {
        streams.push({
          streamId: `territory-${context.territoryId}`,
          events: remap(accepted(territoryDecider, commands), 'other'),
        });
      }
      for (const commands of generated.reviews) {
        const events = remap(accepted(reviewDecider, commands), 'other');
        const first = events[0]?.data as { reviewId?: string } | undefined;
        if (first?.reviewId) streams.push({ streamId: `review-${first.reviewId}`, events });
      }
      for (const commands of generated.actions) {
        const events = remap(accepted(actionItemDecider, commands), 'other');
        const first = events[0]?.data as { actionId?: string } | undefined;
        if (first?.actionId) streams.push({ streamId: `action-${first.actionId}`, events });
      }
      for (const { context, commands } of generated.plans) {
        streams.push({
          streamId: `plan-${context.planId}`,
          events: remap(accepted(planDecider, commands), 'other'),
        });
      }
      for (const { commands } of generated.salesPlans) {
        const events = remap(accepted(salesPlanDecider, commands), 'other');
        const first = events[0]?.data as { repId: string; period: string } | undefined;
        if (first) streams.push({ streamId: salesPlanStreamId(first.repId, first.period), events });
      }
      return {
        events: interleave(streams, generated.seed),
        accountIds,
        reps: [...REPS],
        currency: 'EUR' as const,
      };
    });
}

function accepted<S, C, E extends EventLike>(
  decider: Decider<S, C, E>,
  commands: readonly C[],
): DomainEvent[] {
  let state = decider.initialState;
  const events: DomainEvent[] = [];
  for (const command of commands) {
    let produced: readonly E[];
    try {
      produced = decider.decide(command, state);
    } catch {
      continue;
    }
    state = fold(decider, produced, state);
    events.push(...(produced as unknown as DomainEvent[]));
  }
  return events;
}

/**
 * Ties generated streams together: every account id a review, action item, plan or sales plan
 * names becomes one of the generated accounts (the same foreign id always the same account),
 * every account's territory one of the generated territories, every rep and owner one of two
 * reps, and every currency EUR.
 */
function idRemapper(accountIds: readonly string[], territoryIds: readonly string[]) {
  const accounts = new Map<string, string>(accountIds.map((id) => [id, id]));
  const owners = new Map<string, string>();
  const pick = <T>(map: Map<string, T>, key: string, pool: readonly T[]): T => {
    let value = map.get(key);
    if (value === undefined) {
      value = pool[map.size % pool.length]!;
      map.set(key, value);
    }
    return value;
  };
  const walk = (value: unknown, key: string, stream: 'account' | 'other'): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, key, stream));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, k, stream);
      return out;
    }
    if (typeof value !== 'string') return value;
    if (key === 'currency') return 'EUR';
    if ((key === 'accountId' || key === 'accountIds') && stream === 'other') {
      return pick(accounts, value, accountIds);
    }
    if (key === 'territoryId' && stream === 'account' && territoryIds.length > 0) {
      return territoryIds[
        [...value].reduce((h, c) => h + c.charCodeAt(0), 0) % territoryIds.length
      ];
    }
    if (key === 'ownerRepId' || key === 'repId' || key === 'ownerId')
      return pick(owners, value, REPS);
    return value;
  };
  return (events: readonly DomainEvent[], stream: 'account' | 'other'): DomainEvent[] =>
    events.map(
      (event) => ({ type: event.type, data: walk(event.data, '', stream) }) as DomainEvent,
    );
}

/** Merges streams into one log in a random order that keeps each stream's own order. */
function interleave(
  streams: readonly { streamId: string; events: readonly DomainEvent[] }[],
  seed: number,
): DomainLogEvent[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
  const cursors = streams.map(() => 0);
  const log: DomainLogEvent[] = [];
  for (;;) {
    const open = streams.map((_, i) => i).filter((i) => cursors[i]! < streams[i]!.events.length);
    if (open.length === 0) return log;
    const i = open[Math.floor(next() * open.length)]!;
    const event = streams[i]!.events[cursors[i]!]!;
    cursors[i]! += 1;
    const n = log.length + 1;
    log.push({
      type: event.type,
      // As a store gives it back: JSON (so no -0, no undefined fields).
      data: JSON.parse(JSON.stringify(event.data)),
      streamId: streams[i]!.streamId,
      position: encodePosition(n, n),
      eventId: `event-${n}`,
    } as DomainLogEvent);
  }
}
