import type { Draft } from 'immer';
import type { ActionItemEvent, ActionItemOwnerRole, ActionItemSource } from './events.js';

/**
 * Where an action item is in its life cycle. `slipped` is still open (it got a later due date);
 * `done` and `cancelled` are closed for good.
 */
export type ActionItemStatus = 'none' | 'open' | 'slipped' | 'done' | 'cancelled';

/** An action item's state, as folded from its stream. Plain data; `none` before it is opened. */
export interface ActionItemState {
  readonly status: ActionItemStatus;
  readonly actionId: string | null;
  readonly source: ActionItemSource | null;
  readonly ownerRole: ActionItemOwnerRole | null;
  readonly ownerId: string | null;
  readonly title: string | null;
  readonly accountId: string | null;
  /** The current due date (the latest slip's, or the original). */
  readonly dueOn: string | null;
  /** The due date it was opened with. */
  readonly originalDueOn: string | null;
  /** How many times it slipped. */
  readonly slipCount: number;
  readonly openedAt: string | null;
  /** When it was completed or cancelled. */
  readonly closedAt: string | null;
}

/** The state of an action-item stream with no events. */
export const initialActionItemState: ActionItemState = {
  status: 'none',
  actionId: null,
  source: null,
  ownerRole: null,
  ownerId: null,
  title: null,
  accountId: null,
  dueOn: null,
  originalDueOn: null,
  slipCount: 0,
  openedAt: null,
  closedAt: null,
};

/** True for an action item that can still be done: open or slipped. */
export function isActionItemOpen(state: Pick<ActionItemState, 'status'>): boolean {
  return state.status === 'open' || state.status === 'slipped';
}

/**
 * Applies one action-item event to a draft state (an immer draft, or a copy owned by `fold`).
 * Trusts the event: deciding whether it may happen is `decideActionItem`'s job.
 */
export function evolveActionItem(state: Draft<ActionItemState>, event: ActionItemEvent): void {
  switch (event.type) {
    case 'ActionItemOpened': {
      const { data } = event;
      state.status = 'open';
      state.actionId = data.actionId;
      state.source = { ...data.source };
      state.ownerRole = data.ownerRole;
      state.ownerId = data.ownerId;
      state.title = data.title;
      state.accountId = data.accountId;
      state.dueOn = data.dueOn;
      state.originalDueOn = data.dueOn;
      state.openedAt = data.at;
      return;
    }
    case 'ActionItemCompleted':
      state.status = 'done';
      state.closedAt = event.data.at;
      return;
    case 'ActionItemSlipped':
      state.status = 'slipped';
      state.dueOn = event.data.newDueOn;
      state.slipCount = event.data.slipCount;
      return;
    case 'ActionItemCancelled':
      state.status = 'cancelled';
      state.closedAt = event.data.at;
      return;
  }
}
