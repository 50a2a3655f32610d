import { createMemoryEventStore } from '@account-planning/store-memory';
import {
  arbitraryActionItemCommand,
  arbitraryActionItemLife,
  runCommandSequence,
} from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ActionItemCommand,
  type ActionItemEvent,
  type ActionItemState,
  actionItemDecider,
  actionItemEvents,
  createCommandHandler,
  createEventRegistry,
  fold,
  isAccountPlanningError,
  streamIdFor,
} from '../index.js';

const registry = createEventRegistry(actionItemEvents);

describe('the action item through the command handler and the memory store', () => {
  it('stores a valid life with contiguous versions; a refused command writes nothing', async () => {
    const lifeAndCommand = arbitraryActionItemLife().chain((life) =>
      fc.tuple(
        fc.constant(life),
        arbitraryActionItemCommand({ actionId: life[0]?.actionId ?? '' }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(lifeAndCommand, async ([life, extra]) => {
        const store = createMemoryEventStore({ registry });
        const actions = createCommandHandler<ActionItemState, ActionItemCommand, ActionItemEvent>({
          store,
          decider: actionItemDecider,
          commandSchema: ActionItemCommand,
        });
        const streamId = streamIdFor('action', extra.actionId);
        for (const command of life) await actions.handle(streamId, command);
        const expected = runCommandSequence(actionItemDecider, life);
        const stored = await store.readStream<ActionItemEvent>(streamId);
        expect(stored.events.map((e) => e.streamVersion)).toEqual(
          expected.events.map((_, index) => index + 1),
        );
        expect(fold(actionItemDecider, stored.events)).toEqual(expected.state);
        try {
          await actions.handle(streamId, extra);
        } catch (error) {
          expect(isAccountPlanningError(error)).toBe(true);
          expect((await store.readStream(streamId)).version).toBe(stored.version);
        }
      }),
      { numRuns: 40 },
    );
  });
});
