// #region door
import { type Decider, DomainRuleViolation } from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deciderSpec } from '../index.js'; // '@account-planning/testing'

type Opened = { type: 'Opened'; data: { id: string } };
type Closed = { type: 'Closed'; data: { id: string } };
type Event = Opened | Closed;
const Command = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Open'), id: z.string().min(1) }),
  z.object({ type: z.literal('Close'), id: z.string().min(1) }),
]);
type Command = z.infer<typeof Command>;
type State = { status: 'none' | 'open' | 'closed' };

const door: Decider<State, Command, Event> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'Open') {
      if (state.status !== 'none')
        throw new DomainRuleViolation('door.exists', 'exists', { id: command.id });
      return [{ type: 'Opened', data: { id: command.id } }];
    }
    if (state.status !== 'open')
      throw new DomainRuleViolation('door.not_open', 'not open', { id: command.id });
    return [{ type: 'Closed', data: { id: command.id } }];
  },
  evolve(state, event) {
    state.status = event.type === 'Opened' ? 'open' : 'closed';
  },
};
const spec = deciderSpec(door, { commandSchema: Command });
// #endregion door

describe('deciderSpec', () => {
  // #region door-spec
  it('passes when the command produces the expected events', () => {
    spec
      .given([{ type: 'Opened', data: { id: 'd' } }])
      .when({ type: 'Close', id: 'd' })
      .then([{ type: 'Closed', data: { id: 'd' } }]);
  });

  it('passes when the command is rejected with the expected rule and ids', () => {
    spec
      .given([])
      .when({ type: 'Close', id: 'd' })
      .thenRejects({ rule: 'door.not_open', ids: { id: 'd' } });
  });
  // #endregion door-spec

  it('fails when the produced events differ', () => {
    expect(() => spec.given([]).when({ type: 'Open', id: 'd' }).then([])).toThrow();
  });

  it('fails when a rejection was expected but the command was accepted', () => {
    expect(() =>
      spec.given([]).when({ type: 'Open', id: 'd' }).thenRejects({ rule: 'door.exists' }),
    ).toThrow(/was accepted/);
  });

  it('fails when the rule differs', () => {
    expect(() =>
      spec.given([]).when({ type: 'Close', id: 'd' }).thenRejects({ rule: 'door.exists' }),
    ).toThrow();
  });

  it('rejects a malformed command at the schema with a validation error', () => {
    spec.given([]).when({ type: 'Open', id: '' }).thenRejects({ code: 'validation_failed' });
  });
});
