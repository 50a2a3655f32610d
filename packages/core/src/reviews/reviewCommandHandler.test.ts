import { createMemoryEventStore } from '@account-planning/store-memory';
import {
  arbitraryReviewCommand,
  arbitraryReviewLife,
  runCommandSequence,
} from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCommandHandler,
  createEventRegistry,
  fold,
  isAccountPlanningError,
  ReviewCommand,
  type ReviewEvent,
  type ReviewState,
  reviewDecider,
  reviewEvents,
  streamIdFor,
} from '../index.js';

const registry = createEventRegistry(reviewEvents);

function reviewsOn(store: ReturnType<typeof createMemoryEventStore>) {
  return createCommandHandler<ReviewState, ReviewCommand, ReviewEvent>({
    store,
    decider: reviewDecider,
    commandSchema: ReviewCommand,
    snapshots: { reducerVersion: 'review-test', every: 3 },
  });
}

describe('the review through the command handler and the memory store', () => {
  it('stores a valid life with contiguous versions, and loads the state its events fold to', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryReviewLife(), async (life) => {
        const store = createMemoryEventStore({ registry });
        const reviews = reviewsOn(store);
        const streamId = streamIdFor('review', life[0]?.reviewId ?? '');
        for (const command of life) await reviews.handle(streamId, command);
        const expected = runCommandSequence(reviewDecider, life);
        const stored = await store.readStream<ReviewEvent>(streamId);
        expect(stored.events.map((e) => e.streamVersion)).toEqual(
          expected.events.map((_, index) => index + 1),
        );
        expect(fold(reviewDecider, stored.events)).toEqual(expected.state);
        expect((await reviews.load(streamId)).state).toEqual(expected.state);
      }),
      { numRuns: 25 },
    );
  });

  it('writes nothing for a refused command, which fails with a typed error', async () => {
    const lifeAndCommand = arbitraryReviewLife().chain((life) =>
      fc.tuple(fc.constant(life), arbitraryReviewCommand({ reviewId: life[0]?.reviewId ?? '' })),
    );
    await fc.assert(
      fc.asyncProperty(lifeAndCommand, async ([life, command]) => {
        const store = createMemoryEventStore({ registry });
        const reviews = reviewsOn(store);
        const streamId = streamIdFor('review', command.reviewId);
        for (const step of life) await reviews.handle(streamId, step);
        const before = (await store.readStream(streamId)).version;
        try {
          await reviews.handle(streamId, command);
        } catch (error) {
          expect(isAccountPlanningError(error)).toBe(true);
          expect((await store.readStream(streamId)).version).toBe(before);
        }
      }),
      { numRuns: 25 },
    );
  });
});
