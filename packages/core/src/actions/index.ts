/**
 * Action items: written commitments with an owner and a due date, agreed in a review or among a
 * plan's next steps, with one life cycle wherever they come from: open, slipped (a later due
 * date, counted), done (at most once) or cancelled.
 *
 * **Each action item is its own stream, `action-<ulid>`, not an entity inside a review.** Why:
 * - An action lives longer than the meeting that agreed it. It is done or slipped in the weeks
 *   after the review concluded, and a concluded review accepts nothing more; if actions were
 *   entities of the review, completing one would mean writing to a closed stream.
 * - Plans create action items too (their next steps). One aggregate gives both one life cycle
 *   and one set of rules, instead of two copies kept in step.
 * - The next review needs "the previous review's open actions": a read model over
 *   `ActionItemOpened` (which names its source review) and the closing events answers that
 *   without loading every review.
 * - Completing or slipping an action is a small write on a small stream, so it never contends
 *   with the review's own writes (a rep ticking off an action while the manager edits the
 *   review).
 * The review still records the actions agreed in it (`ActionItemAssigned`): the meeting's
 * written minutes, as agreed then. The application service opens the action's stream from it,
 * with the review as the source.
 *
 * @module
 */
import { defineAggregate } from '../catalog/aggregateDefinition.js';
import type { Decider } from '../decider/decider.js';
import { ActionItemCommand } from './commands.js';
import { decideActionItem } from './decide.js';
import { type ActionItemEvent, actionItemEvents } from './events.js';
import { type ActionItemState, evolveActionItem, initialActionItemState } from './evolve.js';
import { actionItemRules } from './rules.js';

/**
 * The action-item aggregate as a decider, for `createCommandHandler`, `fold` and `deciderSpec`.
 * Its stream is `action-<actionId>` (`streamIdFor('action', actionId)`).
 *
 * @example
 * ```ts
 * const actions = createCommandHandler({ store, decider: actionItemDecider, commandSchema: ActionItemCommand });
 * await actions.handle(streamIdFor('action', actionId),
 *   { type: 'CompleteActionItem', actionId, completedAt: new Date().toISOString() });
 * ```
 */
export const actionItemDecider: Decider<ActionItemState, ActionItemCommand, ActionItemEvent> = {
  initialState: initialActionItemState,
  decide: decideActionItem,
  evolve: evolveActionItem,
};

/** The action-item aggregate for the catalog: its stream kind, events, commands, rules and decider. */
export const actionItemAggregate = defineAggregate({
  name: 'Action item',
  streamKind: 'action',
  description:
    "A written commitment with an owner and a due date, agreed in a review or among a plan's next steps: open, slipped (a later due date, counted), done at most once, or cancelled. Each is its own stream.",
  events: actionItemEvents,
  commandSchema: ActionItemCommand,
  rules: actionItemRules,
  decider: actionItemDecider,
});

export {
  ActionItemCommand,
  CancelActionItem,
  CompleteActionItem,
  OpenActionItem,
  SlipActionItem,
} from './commands.js';
export { decideActionItem } from './decide.js';
export {
  ActionItemCancelled,
  ActionItemCompleted,
  type ActionItemEvent,
  ActionItemNote,
  ActionItemOpened,
  ActionItemOwnerRole,
  ActionItemSlipped,
  ActionItemSource,
  ActionItemTitle,
  actionItemEvents,
} from './events.js';
export {
  type ActionItemState,
  type ActionItemStatus,
  evolveActionItem,
  initialActionItemState,
  isActionItemOpen,
} from './evolve.js';
export { type ActionItemRule, actionItemRules } from './rules.js';
