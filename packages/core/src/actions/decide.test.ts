import { deciderSpec } from '@account-planning/testing';
import { describe, it } from 'vitest';
import {
  ActionItemCommand,
  type ActionItemEvent,
  actionItemDecider,
  actionItemEvents,
  createEventRegistry,
} from '../index.js';

const spec = deciderSpec(actionItemDecider, {
  commandSchema: ActionItemCommand,
  registry: createEventRegistry(actionItemEvents),
});

const actionId = '01JQ0000000000000000000001';
const reviewId = '01JQ0000000000000000000R01';
const opened: ActionItemEvent = {
  type: 'ActionItemOpened',
  data: {
    actionId,
    source: { kind: 'review', reviewId },
    ownerRole: 'rep',
    ownerId: 'rep-1',
    title: 'Send Acme the renewal proposal',
    accountId: null,
    dueOn: '2026-03-20',
    at: '2026-03-02T10:00:00.000Z',
  },
};
const completed: ActionItemEvent = {
  type: 'ActionItemCompleted',
  data: { actionId, at: '2026-03-10T10:00:00.000Z', note: null },
};
const cancelled: ActionItemEvent = {
  type: 'ActionItemCancelled',
  data: { actionId, reason: 'Acme was acquired', at: '2026-03-10T10:00:00.000Z' },
};
const slipped: ActionItemEvent = {
  type: 'ActionItemSlipped',
  data: {
    actionId,
    previousDueOn: '2026-03-20',
    newDueOn: '2026-04-03',
    slipCount: 1,
    reason: null,
    at: '2026-03-19T10:00:00.000Z',
  },
};
const complete = { type: 'CompleteActionItem', actionId, at: '2026-03-11T09:00:00Z' };
const slip = (newDueOn: string) => ({
  type: 'SlipActionItem',
  actionId,
  newDueOn,
  at: '2026-03-11T09:00:00Z',
});
const cancel = { type: 'CancelActionItem', actionId, at: '2026-03-11T09:00:00Z' };

describe('action items', () => {
  it('opens an action item with its source, owner and due date', () => {
    spec
      .given([])
      .when({
        type: 'OpenActionItem',
        actionId,
        source: { kind: 'review', reviewId },
        ownerRole: 'rep',
        ownerId: 'rep-1',
        title: '  Send Acme the renewal proposal ',
        dueOn: '2026-03-20',
        at: '2026-03-02T10:00:00.000Z',
      })
      .then([opened]);
  });

  it('rejects opening the same action item twice', () => {
    spec
      .given([opened])
      .when({ ...opened.data, type: 'OpenActionItem', accountId: undefined })
      .thenRejects({ rule: 'action.already_opened', ids: { actionId } });
  });

  it('rejects an action item due before the day it is opened', () => {
    spec
      .given([])
      .when({ ...opened.data, type: 'OpenActionItem', accountId: undefined, dueOn: '2026-03-01' })
      .thenRejects({ rule: 'action.due_before_opened', ids: { actionId } });
  });

  it('rejects completing, slipping or cancelling an action item that was never opened', () => {
    for (const command of [complete, slip('2026-04-01'), cancel]) {
      spec.given([]).when(command).thenRejects({ rule: 'action.not_opened', ids: { actionId } });
    }
  });

  it('completes an open action item, and a slipped one', () => {
    const done = {
      type: 'ActionItemCompleted',
      data: { actionId, at: '2026-03-11T09:00:00Z', note: null },
    } as const;
    spec.given([opened]).when(complete).then([done]);
    spec.given([opened, slipped]).when(complete).then([done]);
  });

  it('rejects completing an action item twice', () => {
    spec
      .given([opened, completed])
      .when(complete)
      .thenRejects({ rule: 'action.already_completed', ids: { actionId } });
  });

  it('rejects slipping or cancelling a done action item', () => {
    spec.given([opened, completed]).when(slip('2026-05-01')).thenRejects({ rule: 'action.closed' });
    spec.given([opened, completed]).when(cancel).thenRejects({ rule: 'action.closed' });
  });

  it('a cancelled action item accepts nothing more', () => {
    for (const command of [complete, slip('2026-05-01'), cancel]) {
      spec
        .given([opened, cancelled])
        .when(command)
        .thenRejects({ rule: 'action.closed', ids: { actionId } });
    }
  });

  it('slips an action item to a later date, counting the slips', () => {
    spec
      .given([opened, slipped])
      .when({ ...slip('2026-04-17'), reason: 'Waiting on legal' })
      .then([
        {
          type: 'ActionItemSlipped',
          data: {
            actionId,
            previousDueOn: '2026-04-03',
            newDueOn: '2026-04-17',
            slipCount: 2,
            reason: 'Waiting on legal',
            at: '2026-03-11T09:00:00Z',
          },
        },
      ]);
  });

  it('rejects a slip to the same or an earlier due date', () => {
    spec.given([opened]).when(slip('2026-03-20')).thenRejects({ rule: 'action.slip_not_later' });
    spec.given([opened]).when(slip('2026-03-01')).thenRejects({ rule: 'action.slip_not_later' });
  });

  it('cancels an open action item with its reason', () => {
    spec
      .given([opened])
      .when({ ...cancel, reason: 'No longer needed' })
      .then([
        {
          type: 'ActionItemCancelled',
          data: { actionId, reason: 'No longer needed', at: '2026-03-11T09:00:00Z' },
        },
      ]);
  });

  it('rejects a malformed command at the schema, before any rule', () => {
    spec.given([opened]).when(slip('next week')).thenRejects({ code: 'validation_failed' });
    spec
      .given([])
      .when({ ...opened.data, type: 'OpenActionItem', accountId: undefined, ownerId: 'two words' })
      .thenRejects({ code: 'validation_failed' });
  });
});
