// A small decider: a rep's written commitments from an account review (seed 001: "action
// items for both you and the salesperson need to be documented in writing").
import {
  createEventRegistry,
  type Decider,
  DomainRuleViolation,
  defineEvent,
  type EventOf,
} from '@account-planning/core';
import { z } from 'zod';

export const CommitmentMade = defineEvent({
  type: 'CommitmentMade',
  schemaVersion: 1,
  schema: z.object({ id: z.string().min(1), text: z.string().min(1), due: z.iso.date() }),
  description: 'A rep committed in writing to do something by a date.',
});
export const CommitmentKept = defineEvent({
  type: 'CommitmentKept',
  schemaVersion: 1,
  schema: z.object({ id: z.string().min(1), on: z.iso.date() }),
  description: 'The rep did what they committed to.',
});
export type CommitmentEvent = EventOf<typeof CommitmentMade> | EventOf<typeof CommitmentKept>;
export const commitmentRegistry = createEventRegistry([CommitmentMade, CommitmentKept]);

export const CommitmentCommand = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('MakeCommitment'),
    id: z.string().min(1),
    text: z.string().min(1),
    due: z.iso.date(),
  }),
  z.object({ type: z.literal('KeepCommitment'), id: z.string().min(1), on: z.iso.date() }),
]);
export type CommitmentCommand = z.infer<typeof CommitmentCommand>;

export interface Commitments {
  readonly open: Record<string, { text: string; due: string }>;
  readonly kept: Record<string, { text: string; due: string; on: string; onTime: boolean }>;
}

export const commitments: Decider<Commitments, CommitmentCommand, CommitmentEvent> = {
  initialState: { open: {}, kept: {} },
  decide(command, state) {
    switch (command.type) {
      case 'MakeCommitment':
        if (state.open[command.id] || state.kept[command.id]) {
          throw new DomainRuleViolation('commitment.exists', 'Already committed', {
            id: command.id,
          });
        }
        return [
          {
            type: 'CommitmentMade',
            data: { id: command.id, text: command.text, due: command.due },
          },
        ];
      case 'KeepCommitment':
        if (!state.open[command.id]) {
          throw new DomainRuleViolation('commitment.not_open', 'No open commitment', {
            id: command.id,
          });
        }
        return [{ type: 'CommitmentKept', data: { id: command.id, on: command.on } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CommitmentMade':
        state.open[event.data.id] = { text: event.data.text, due: event.data.due };
        break;
      case 'CommitmentKept': {
        const open = state.open[event.data.id];
        if (!open) return;
        delete state.open[event.data.id];
        state.kept[event.data.id] = {
          ...open,
          on: event.data.on,
          onTime: event.data.on <= open.due,
        };
      }
    }
  },
};
