import {
  arbitraryReviewCommand,
  arbitraryReviewEvent,
  arbitraryReviewLife,
  reviewCommandArbitraries,
  runCommandSequence,
} from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEventRegistry,
  DomainRuleViolation,
  evolve,
  fold,
  pendingPreviousActionIds,
  ReviewCommand,
  type ReviewEvent,
  type ReviewState,
  reviewDecider,
  reviewEvents,
  reviewRules,
  ValidationError,
} from '../index.js';

const registry = createEventRegistry(reviewEvents);

/** Decides each command against the fold of the events so far, as the command handler does. */
function run(commands: readonly ReviewCommand[]): ReviewEvent[] {
  const { events, steps } = runCommandSequence(reviewDecider, commands);
  for (const step of steps) if (!step.accepted) throw step.error;
  return [...events];
}

/** The life's review id, scope and previous open actions, to aim random commands at. */
function poolsOf(life: readonly ReviewCommand[]) {
  const first = life[0];
  if (first?.type !== 'ScheduleReview') throw new Error('a life starts with ScheduleReview');
  const started = life.find((c) => c.type === 'StartReview');
  const previous =
    started?.type === 'StartReview' && started.previousReview !== undefined
      ? started.previousReview
      : first.previousReview;
  return {
    reviewId: first.reviewId,
    accountIds: first.accountIds,
    actionIds: previous?.openActionIds ?? [],
    userIds: [first.repId, first.managerId],
  };
}

const isClosed = (state: ReviewState) =>
  state.status === 'concluded' || state.status === 'cancelled';

/**
 * The invariants of any review history: nothing follows its closing event, and a concluded
 * review reviewed every previous open action, before any other step of the meeting.
 */
function expectInvariants(events: readonly ReviewEvent[]): void {
  const closing = events.findIndex(
    (e) => e.type === 'ReviewConcluded' || e.type === 'ReviewCancelled',
  );
  if (closing >= 0) expect(closing).toBe(events.length - 1);
  const state = fold(reviewDecider, events);
  if (state.status !== 'concluded') return;
  expect(pendingPreviousActionIds(state)).toEqual([]);
  const startIndex = events.findIndex((e) => e.type === 'ReviewStarted');
  const lastReviewed = events.findLastIndex((e) => e.type === 'PreviousActionReviewed');
  const firstOther = events.findIndex(
    (e, i) => i > startIndex && e.type !== 'PreviousActionReviewed',
  );
  if (lastReviewed >= 0) expect(firstOther).toBeGreaterThan(lastReviewed);
  const reviewedIds = events.flatMap((e) =>
    e.type === 'PreviousActionReviewed' ? [e.data.actionId] : [],
  );
  expect(new Set(reviewedIds)).toEqual(new Set(state.previousReview?.openActionIds ?? []));
}

describe('review properties', () => {
  it('accepts every command of a valid life, with events the store would accept', () => {
    fc.assert(
      fc.property(arbitraryReviewLife(), (life) => {
        const events = run(life);
        for (const event of events) {
          registry.validate(event.type, event.data);
          expect(event.data.reviewId).toBe(life[0]?.reviewId);
        }
      }),
    );
  });

  it('fold and evolve agree: one batch fold equals evolving event by event', () => {
    fc.assert(
      fc.property(arbitraryReviewLife(), (life) => {
        const events = run(life);
        const stepwise = events.reduce(
          (state, event) => evolve(reviewDecider, state, event),
          reviewDecider.initialState,
        );
        expect(fold(reviewDecider, events)).toEqual(stepwise);
      }),
    );
  });

  it('state equals the fold of its events, whatever point it is folded from', () => {
    fc.assert(
      fc.property(arbitraryReviewLife(), fc.nat(), (life, cut) => {
        const events = run(life);
        const at = cut % (events.length + 1);
        const resumed = fold(
          reviewDecider,
          events.slice(at),
          fold(reviewDecider, events.slice(0, at)),
        );
        expect(resumed).toEqual(fold(reviewDecider, events));
      }),
    );
  });

  it("every concluded review reviewed the previous review's open actions before anything else", () => {
    fc.assert(
      fc.property(arbitraryReviewLife({ endings: ['concluded'] }), (life) => {
        const events = run(life);
        expect(fold(reviewDecider, events).status).toBe('concluded');
        expectInvariants(events);
      }),
    );
  });

  it("no step of the meeting is accepted while a previous review's action is unreviewed", () => {
    const meetingStep = (life: readonly ReviewCommand[]) => {
      const all = reviewCommandArbitraries(poolsOf(life));
      return fc.oneof(
        all.DiscussAccount,
        all.AnswerReviewQuestion,
        all.SetGrowthExpectation,
        all.AssignActionItem,
        all.ConcludeReview,
      );
    };
    const pendingLife = arbitraryReviewLife({ endings: ['concluded'] })
      .filter((life) => life.some((c) => c.type === 'ReviewPreviousAction'))
      .chain((life) => {
        const start = life.findIndex((c) => c.type === 'StartReview');
        const reviews = life.filter((c) => c.type === 'ReviewPreviousAction').length;
        return fc.tuple(
          fc.constant(life.slice(0, start + 1)),
          fc.nat(reviews - 1),
          meetingStep(life),
        );
      });
    fc.assert(
      fc.property(pendingLife, ([upToStart, reviewedCount, step]) => {
        const state = fold(reviewDecider, run(upToStart));
        const reviewedSome = run([
          ...upToStart,
          ...(state.previousReview?.openActionIds ?? []).slice(0, reviewedCount).map(
            (actionId): ReviewCommand => ({
              type: 'ReviewPreviousAction',
              reviewId: step.reviewId,
              actionId,
              outcome: { status: 'done' },
              at: '2030-01-01T00:00:00.000Z',
            }),
          ),
        ]);
        expect(() => reviewDecider.decide(step, fold(reviewDecider, reviewedSome))).toThrow(
          expect.objectContaining({ rule: 'review.previous_actions_pending' }),
        );
      }),
    );
  });

  it('a random command is rejected with a catalogued rule, or accepted keeping the invariants', () => {
    const lifeAndCommand = arbitraryReviewLife().chain((life) =>
      fc.tuple(fc.constant(life), fc.nat(life.length), arbitraryReviewCommand(poolsOf(life))),
    );
    fc.assert(
      fc.property(lifeAndCommand, ([life, cut, command]) => {
        const history = run(life.slice(0, cut));
        const state = fold(reviewDecider, history);
        let produced: readonly ReviewEvent[] = [];
        try {
          produced = reviewDecider.decide(command, state);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainRuleViolation);
          const violation = error as DomainRuleViolation;
          expect(Object.keys(reviewRules)).toContain(violation.rule);
          expect(violation.ids.reviewId).toBe(command.reviewId);
          return;
        }
        expect(isClosed(state)).toBe(false);
        for (const event of produced) registry.validate(event.type, event.data);
        expect(produced.length).toBeGreaterThan(0);
        expectInvariants([...history, ...produced]);
      }),
    );
  });

  it('closed reviews stay closed: every command after conclusion or cancellation is rejected', () => {
    const closedLife = arbitraryReviewLife({
      endings: ['concluded', 'cancelled_before_start', 'cancelled_in_progress'],
    }).chain((life) => fc.tuple(fc.constant(life), arbitraryReviewCommand(poolsOf(life))));
    fc.assert(
      fc.property(closedLife, ([life, command]) => {
        const state = fold(reviewDecider, run(life));
        const expected =
          command.type === 'ScheduleReview'
            ? 'review.already_scheduled'
            : state.status === 'concluded'
              ? 'review.concluded'
              : 'review.cancelled';
        expect(() => reviewDecider.decide(command, state)).toThrow(
          expect.objectContaining({ rule: expected }),
        );
      }),
    );
  });

  it('a malformed command is a validation error with a path, before any rule', () => {
    const corrupted = arbitraryReviewCommand().chain((command) =>
      fc
        .constantFrom('reviewId', 'type')
        .map((field) => ({ ...command, [field]: `not a ${field}` })),
    );
    fc.assert(
      fc.property(corrupted, (input) => {
        const parsed = ReviewCommand.safeParse(input);
        expect(parsed.success).toBe(false);
        if (parsed.success) return;
        const error = ValidationError.fromZod(parsed.error, 'command');
        expect(error.issues[0]?.path.length).toBeGreaterThan(0);
      }),
    );
  });

  it('every generated event parses with its schema', () => {
    fc.assert(
      fc.property(arbitraryReviewEvent(), (event) => {
        expect(() => registry.validate(event.type, event.data)).not.toThrow();
      }),
    );
  });
});
