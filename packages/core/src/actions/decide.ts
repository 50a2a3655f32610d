import { violateRule } from '../catalog/violateRule.js';
import type { ActionItemCommand } from './commands.js';
import type { ActionItemEvent } from './events.js';
import type { ActionItemState } from './evolve.js';
import { actionItemRules } from './rules.js';

/**
 * The events an action-item command produces against the item's current state. Pure: time and
 * ids come in the command.
 *
 * @throws {DomainRuleViolation} with one of {@link actionItemRules}' codes and the `actionId`.
 */
export function decideActionItem(
  command: ActionItemCommand,
  state: ActionItemState,
): ActionItemEvent[] {
  const ids = { actionId: command.actionId };
  if (command.type === 'OpenActionItem') {
    if (state.status !== 'none') violateRule(actionItemRules, 'action.already_opened', ids);
    if (command.dueOn < command.at.slice(0, 10)) {
      violateRule(actionItemRules, 'action.due_before_opened', ids);
    }
    return [
      {
        type: 'ActionItemOpened',
        data: {
          actionId: command.actionId,
          source: command.source,
          ownerRole: command.ownerRole,
          ownerId: command.ownerId,
          title: command.title,
          accountId: command.accountId ?? null,
          dueOn: command.dueOn,
          at: command.at,
        },
      },
    ];
  }

  if (state.status === 'none' || state.actionId !== command.actionId) {
    violateRule(actionItemRules, 'action.not_opened', ids);
  }
  if (state.status === 'done' && command.type === 'CompleteActionItem') {
    violateRule(actionItemRules, 'action.already_completed', ids);
  }
  if (state.status === 'done' || state.status === 'cancelled') {
    violateRule(actionItemRules, 'action.closed', ids);
  }

  switch (command.type) {
    case 'CompleteActionItem':
      return [
        {
          type: 'ActionItemCompleted',
          data: {
            actionId: command.actionId,
            at: command.at,
            note: command.note ?? null,
          },
        },
      ];
    case 'SlipActionItem': {
      const previousDueOn = state.dueOn ?? command.newDueOn;
      if (command.newDueOn <= previousDueOn)
        violateRule(actionItemRules, 'action.slip_not_later', ids);
      return [
        {
          type: 'ActionItemSlipped',
          data: {
            actionId: command.actionId,
            previousDueOn,
            newDueOn: command.newDueOn,
            slipCount: state.slipCount + 1,
            reason: command.reason ?? null,
            at: command.at,
          },
        },
      ];
    }
    case 'CancelActionItem':
      return [
        {
          type: 'ActionItemCancelled',
          data: {
            actionId: command.actionId,
            reason: command.reason ?? null,
            at: command.at,
          },
        },
      ];
  }
}
