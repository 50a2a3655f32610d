import type {
  ActionItemCancelled,
  ActionItemCommand,
  ActionItemCompleted,
  ActionItemEvent,
  ActionItemOpened,
  ActionItemSlipped,
  ActionItemSource,
  CancelActionItem,
  CompleteActionItem,
  OpenActionItem,
  SlipActionItem,
} from '@account-planning/core';
import fc from 'fast-check';
import {
  arbitraryCalendarDate,
  arbitraryInstant,
  arbitraryText,
  arbitraryUlid,
  arbitraryUserId,
} from './primitives.js';
import { withoutUndefined } from './withoutUndefined.js';

const DAY = 86_400_000;

/** Fixes the ids an action-item arbitrary uses, so that generated commands hit one stream. */
export interface ActionItemArbitraryOptions {
  /** The action id every generated command and event carries (default: a random ULID). */
  readonly actionId?: string;
}

/** Where an action item came from: a review or a plan, with a random id. */
export function arbitraryActionItemSource(): fc.Arbitrary<ActionItemSource> {
  return fc.oneof(
    arbitraryUlid().map((reviewId): ActionItemSource => ({ kind: 'review', reviewId })),
    arbitraryUlid().map((planId): ActionItemSource => ({ kind: 'plan', planId })),
  );
}

const actionIdOf = (options: ActionItemArbitraryOptions) =>
  options.actionId === undefined ? arbitraryUlid() : fc.constant(options.actionId);
const optionalNote = () => fc.option(arbitraryText(60), { nil: undefined });

/**
 * One schema-valid arbitrary per action-item command type. The commands are well-formed but not
 * necessarily allowed in a given state: use them to probe the rules.
 */
export function actionItemCommandArbitraries(options: ActionItemArbitraryOptions = {}): {
  readonly [K in ActionItemCommand['type']]: fc.Arbitrary<Extract<ActionItemCommand, { type: K }>>;
} {
  const actionId = actionIdOf(options);
  return {
    OpenActionItem: fc
      .record({
        actionId,
        source: arbitraryActionItemSource(),
        ownerRole: fc.constantFrom('rep', 'manager', 'team'),
        ownerId: arbitraryUserId(),
        title: arbitraryText(80),
        accountId: fc.option(arbitraryUlid(), { nil: undefined }),
        dueOn: arbitraryCalendarDate(),
        at: arbitraryInstant(),
      })
      .map((fields): OpenActionItem => ({ type: 'OpenActionItem', ...withoutUndefined(fields) })),
    CompleteActionItem: fc.record({ actionId, at: arbitraryInstant(), note: optionalNote() }).map(
      (fields): CompleteActionItem => ({
        type: 'CompleteActionItem',
        ...withoutUndefined(fields),
      }),
    ),
    SlipActionItem: fc
      .record({
        actionId,
        newDueOn: arbitraryCalendarDate(),
        reason: optionalNote(),
        at: arbitraryInstant(),
      })
      .map((fields): SlipActionItem => ({ type: 'SlipActionItem', ...withoutUndefined(fields) })),
    CancelActionItem: fc
      .record({ actionId, reason: optionalNote(), at: arbitraryInstant() })
      .map(
        (fields): CancelActionItem => ({ type: 'CancelActionItem', ...withoutUndefined(fields) }),
      ),
  };
}

/** Any schema-valid action-item command (not necessarily allowed in a given state). */
export function arbitraryActionItemCommand(
  options: ActionItemArbitraryOptions = {},
): fc.Arbitrary<ActionItemCommand> {
  return fc.oneof(...Object.values(actionItemCommandArbitraries(options)));
}

/** One schema-valid arbitrary per action-item event type (the data a store would accept). */
export function actionItemEventArbitraries(options: ActionItemArbitraryOptions = {}): {
  readonly [K in ActionItemEvent['type']]: fc.Arbitrary<Extract<ActionItemEvent, { type: K }>>;
} {
  const actionId = actionIdOf(options);
  const note = () => fc.option(arbitraryText(60), { nil: null });
  return {
    ActionItemOpened: fc
      .record({
        actionId,
        source: arbitraryActionItemSource(),
        ownerRole: fc.constantFrom('rep', 'manager', 'team'),
        ownerId: arbitraryUserId(),
        title: arbitraryText(80),
        accountId: fc.option(arbitraryUlid(), { nil: null }),
        dueOn: arbitraryCalendarDate(),
        at: arbitraryInstant(),
      })
      .map((data): ActionItemOpened => ({ type: 'ActionItemOpened', data })),
    ActionItemCompleted: fc
      .record({ actionId, at: arbitraryInstant(), note: note() })
      .map((data): ActionItemCompleted => ({ type: 'ActionItemCompleted', data })),
    ActionItemSlipped: fc
      .record({
        actionId,
        previousDueOn: arbitraryCalendarDate(),
        newDueOn: arbitraryCalendarDate(),
        slipCount: fc.integer({ min: 1, max: 20 }),
        reason: note(),
        at: arbitraryInstant(),
      })
      .map((data): ActionItemSlipped => ({ type: 'ActionItemSlipped', data })),
    ActionItemCancelled: fc
      .record({ actionId, reason: note(), at: arbitraryInstant() })
      .map((data): ActionItemCancelled => ({ type: 'ActionItemCancelled', data })),
  };
}

/** Any schema-valid action-item event. */
export function arbitraryActionItemEvent(
  options: ActionItemArbitraryOptions = {},
): fc.Arbitrary<ActionItemEvent> {
  return fc.oneof(...Object.values(actionItemEventArbitraries(options)));
}

/**
 * A valid life of one action item, as the commands that make it: opened, slipped zero or more
 * times to ever later due dates, then maybe completed or cancelled. Times increase; every
 * command is allowed by the action-item decider in order.
 */
export function arbitraryActionItemLife(
  options: ActionItemArbitraryOptions = {},
): fc.Arbitrary<ActionItemCommand[]> {
  return fc
    .record({
      open: actionItemCommandArbitraries(options).OpenActionItem,
      firstDueInDays: fc.integer({ min: 0, max: 60 }),
      slips: fc.array(
        fc.record({ byDays: fc.integer({ min: 1, max: 30 }), reason: optionalNote() }),
        { maxLength: 4 },
      ),
      end: fc.constantFrom('open', 'done', 'cancelled'),
      note: optionalNote(),
    })
    .map(({ open, firstDueInDays, slips, end, note }) => {
      let now = Date.parse(open.at);
      let due = Date.parse(open.at.slice(0, 10)) + firstDueInDays * DAY;
      const later = () => {
        now += 3_600_000;
        return new Date(now).toISOString();
      };
      const commands: ActionItemCommand[] = [{ ...open, dueOn: dateOf(due) }];
      for (const slip of slips) {
        due += slip.byDays * DAY;
        commands.push({
          type: 'SlipActionItem',
          actionId: open.actionId,
          newDueOn: dateOf(due),
          at: later(),
          ...withoutUndefined({ reason: slip.reason }),
        });
      }
      if (end === 'done') {
        commands.push({
          type: 'CompleteActionItem',
          actionId: open.actionId,
          at: later(),
          ...withoutUndefined({ note }),
        });
      } else if (end === 'cancelled') {
        commands.push({
          type: 'CancelActionItem',
          actionId: open.actionId,
          at: later(),
          ...withoutUndefined({ reason: note }),
        });
      }
      return commands;
    });
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
