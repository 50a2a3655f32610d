import { z } from 'zod';
import { defineEvent, type EventOf } from '../eventStore/eventRegistry.js';
import { Ulid, UserId } from '../ids/ids.js';
import { CalendarDate, Instant } from '../periods/period.js';

/** What an action item is, in words: 1 to 500 characters. */
export const ActionItemTitle = z.string().trim().min(1).max(500);
/** What an action item is, in words. */
export type ActionItemTitle = z.infer<typeof ActionItemTitle>;

/** A free-text note or reason (up to 2000 characters), or null when none was given. */
export const ActionItemNote = z.string().trim().max(2000).nullable();
/** A free-text note or reason, or null. */
export type ActionItemNote = z.infer<typeof ActionItemNote>;

/**
 * Who is expected to do an action item. seed 001: "action items for both you and the
 * salesperson need to be documented in writing"; a plan's next steps may also fall to someone
 * else on the account team.
 */
export const ActionItemOwnerRole = z.enum(['rep', 'manager', 'team']);
/** Who is expected to do an action item. */
export type ActionItemOwnerRole = z.infer<typeof ActionItemOwnerRole>;

/**
 * Where an action item was agreed: in a review (seed 001: every review ends by listing new
 * actions) or among a plan's next steps (seed 002: "what are the team's top actions resulting
 * from this review?").
 */
export const ActionItemSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('review'), reviewId: Ulid }),
  z.object({ kind: z.literal('plan'), planId: Ulid }),
]);
/** Where an action item was agreed. */
export type ActionItemSource = z.infer<typeof ActionItemSource>;

/** An action item was written down with an owner and a due date: it is open. */
export const ActionItemOpened = defineEvent({
  type: 'ActionItemOpened',
  schemaVersion: 1,
  schema: z.object({
    actionId: Ulid,
    source: ActionItemSource,
    ownerRole: ActionItemOwnerRole,
    ownerId: UserId,
    title: ActionItemTitle,
    /** The account the action is about, when it is about one. */
    accountId: Ulid.nullable(),
    dueOn: CalendarDate,
    at: Instant,
  }),
  description:
    "An action item was written down, in a review or among a plan's next steps, with an owner and a due date. It is open.",
});
/** An action item was written down: it is open. */
export type ActionItemOpened = EventOf<typeof ActionItemOpened>;

/** An open action item was done. Happens at most once. */
export const ActionItemCompleted = defineEvent({
  type: 'ActionItemCompleted',
  schemaVersion: 1,
  schema: z.object({
    actionId: Ulid,
    at: Instant,
    note: ActionItemNote,
  }),
  description:
    'The owner did what the action item asked. An action item is completed at most once.',
});
/** An open action item was done. */
export type ActionItemCompleted = EventOf<typeof ActionItemCompleted>;

/** An open action item will not be done by its due date; it gets a later one. */
export const ActionItemSlipped = defineEvent({
  type: 'ActionItemSlipped',
  schemaVersion: 1,
  schema: z.object({
    actionId: Ulid,
    previousDueOn: CalendarDate,
    newDueOn: CalendarDate,
    /** How many times the action has slipped, this time included (1 for the first slip). */
    slipCount: z.number().int().min(1),
    reason: ActionItemNote,
    at: Instant,
  }),
  description:
    'An open action item was given a later due date. The slip is counted; the item stays open.',
});
/** An open action item got a later due date. */
export type ActionItemSlipped = EventOf<typeof ActionItemSlipped>;

/** An open action item will not be done at all. */
export const ActionItemCancelled = defineEvent({
  type: 'ActionItemCancelled',
  schemaVersion: 1,
  schema: z.object({
    actionId: Ulid,
    reason: ActionItemNote,
    at: Instant,
  }),
  description: 'An open action item was dropped: it will not be done. Nothing happens to it after.',
});
/** An open action item was dropped. */
export type ActionItemCancelled = EventOf<typeof ActionItemCancelled>;

/** Every action-item event definition, in the order of the life cycle (for the registry and docs). */
export const actionItemEvents = [
  ActionItemOpened,
  ActionItemCompleted,
  ActionItemSlipped,
  ActionItemCancelled,
] as const;

/** Any action-item event. */
export type ActionItemEvent =
  | ActionItemOpened
  | ActionItemCompleted
  | ActionItemSlipped
  | ActionItemCancelled;
