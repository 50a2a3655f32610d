import { z } from 'zod';
import { Ulid, UserId } from '../ids/ids.js';
import { CalendarDate, Instant } from '../periods/period.js';
import { ActionItemOwnerRole, ActionItemSource, ActionItemTitle } from './events.js';

const note = z.string().trim().max(2000).optional();

/** Write down a new action item with its owner, due date and source. */
export const OpenActionItem = z.strictObject({
  type: z.literal('OpenActionItem'),
  /** Made at the edge (`createIdFactory`); the stream is `action-<actionId>`. */
  actionId: Ulid,
  source: ActionItemSource,
  ownerRole: ActionItemOwnerRole,
  ownerId: UserId,
  title: ActionItemTitle,
  accountId: Ulid.optional(),
  dueOn: CalendarDate,
  at: Instant,
});
/** Write down a new action item. */
export type OpenActionItem = z.infer<typeof OpenActionItem>;

/** Record that an open action item was done. */
export const CompleteActionItem = z.strictObject({
  type: z.literal('CompleteActionItem'),
  actionId: Ulid,
  at: Instant,
  note,
});
/** Record that an open action item was done. */
export type CompleteActionItem = z.infer<typeof CompleteActionItem>;

/** Give an open action item a later due date. */
export const SlipActionItem = z.strictObject({
  type: z.literal('SlipActionItem'),
  actionId: Ulid,
  newDueOn: CalendarDate,
  reason: note,
  at: Instant,
});
/** Give an open action item a later due date. */
export type SlipActionItem = z.infer<typeof SlipActionItem>;

/** Drop an open action item: it will not be done. */
export const CancelActionItem = z.strictObject({
  type: z.literal('CancelActionItem'),
  actionId: Ulid,
  reason: note,
  at: Instant,
});
/** Drop an open action item. */
export type CancelActionItem = z.infer<typeof CancelActionItem>;

/**
 * Any action-item command, discriminated by `type`. Parse untrusted input with it; a failure is
 * a `ValidationError` with paths (the command handler does this).
 */
export const ActionItemCommand = z.discriminatedUnion('type', [
  OpenActionItem,
  CompleteActionItem,
  SlipActionItem,
  CancelActionItem,
]);
/** Any action-item command. */
export type ActionItemCommand = z.infer<typeof ActionItemCommand>;
