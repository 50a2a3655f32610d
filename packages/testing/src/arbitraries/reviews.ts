import type {
  AccountDiscussed,
  AccountDiscussionOverran,
  ActionItemAssigned,
  AnswerReviewQuestion,
  AssignActionItem,
  CancelReview,
  ConcludeReview,
  DiscussAccount,
  GrowthExpectation,
  GrowthExpectationSet,
  PreparationDocument,
  PreparationDraftSaved,
  PreparationEntry,
  PreparationSubmitted,
  PreviousActionOutcome,
  PreviousActionReviewed,
  PreviousReview,
  RescheduleReview,
  ReviewCancelled,
  ReviewCommand,
  ReviewConcluded,
  ReviewEvent,
  ReviewKind,
  ReviewNoticeSent,
  ReviewPreviousAction,
  ReviewQuestion,
  ReviewQuestionAnswered,
  ReviewRescheduled,
  ReviewScheduled,
  ReviewStarted,
  SavePreparationDraft,
  ScheduleReview,
  SendReviewNotice,
  SetGrowthExpectation,
  StartReview,
  SubmitPreparation,
} from '@account-planning/core';
import fc from 'fast-check';
import {
  arbitraryCalendarDate,
  arbitraryInstant,
  arbitraryMoney,
  arbitraryText,
  arbitraryUlid,
  arbitraryUserId,
} from './primitives.js';
import { withoutUndefined } from './withoutUndefined.js';

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const KINDS: readonly ReviewKind[] = ['monthly', 'annual', 'strategic_plan'];
const QUESTIONS: readonly ReviewQuestion[] = [
  'key_accomplishments',
  'disappointments_concerns_problems',
  'next_month',
  'suggestions',
  'needs_from_manager',
];

/**
 * Pools of ids for review arbitraries. Drawing ids from small pools makes generated commands
 * hit the same review, its scope and its actions, so that they exercise the rules rather than
 * miss them.
 */
export interface ReviewArbitraryOptions {
  /** The review id every command and event carries (default: a random ULID each time). */
  readonly reviewId?: string;
  /** Account ids to draw scopes and discussed accounts from (default: random ULIDs). */
  readonly accountIds?: readonly string[];
  /** Action ids to draw previous and new action ids from (default: random ULIDs). */
  readonly actionIds?: readonly string[];
  /** User ids to draw the rep, the manager and action owners from (default: random). */
  readonly userIds?: readonly string[];
}

const pick = (pool: readonly string[] | undefined, fallback: () => fc.Arbitrary<string>) =>
  pool && pool.length > 0 ? fc.constantFrom(...pool) : fallback();
const optionalNote = () => fc.option(arbitraryText(60), { nil: undefined });

/** A line of a preparation document, its optional fields sometimes set. */
export function arbitraryPreparationEntry(): fc.Arbitrary<PreparationEntry> {
  return fc.record({
    label: arbitraryText(60),
    accountId: fc.option(arbitraryUlid(), { nil: null }),
    opportunityId: fc.option(arbitraryUlid(), { nil: null }),
    // `+ 0` turns -0 into 0: stored events are JSON, which has no negative zero.
    score: fc.option(
      fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }).map((n) => n + 0),
      { nil: null },
    ),
    value: fc.option(arbitraryMoney(), { nil: null }),
    note: fc.option(arbitraryText(60), { nil: null }),
  });
}

/** A preparation document with up to three entries in each of its six sections. */
export function arbitraryPreparationDocument(): fc.Arbitrary<PreparationDocument> {
  const section = fc.array(arbitraryPreparationEntry(), { maxLength: 3 });
  return fc.record({
    currentAccounts: section,
    prospects: section,
    expansionOpportunities: section,
    prospectsInCurrentAccounts: section,
    networkingContacts: section,
    referrals: section,
  });
}

/** A growth expectation: basis points from -100% to +500%, sometimes with an amount. */
export function arbitraryGrowthExpectation(): fc.Arbitrary<GrowthExpectation> {
  return fc.record({
    growthBasisPoints: fc.integer({ min: -10_000, max: 50_000 }),
    additionalRevenue: fc.option(arbitraryMoney(), { nil: null }),
  });
}

/** What became of a previous action: done, open, slipped (with a date) or cancelled. */
export function arbitraryPreviousActionOutcome(): fc.Arbitrary<PreviousActionOutcome> {
  return fc.oneof(
    fc.constant<PreviousActionOutcome>({ status: 'done' }),
    fc.constant<PreviousActionOutcome>({ status: 'open' }),
    arbitraryCalendarDate().map(
      (newDueOn): PreviousActionOutcome => ({
        status: 'slipped',
        newDueOn,
      }),
    ),
    fc.constant<PreviousActionOutcome>({ status: 'cancelled' }),
  );
}

function arbitraryPreviousReview(options: ReviewArbitraryOptions): fc.Arbitrary<PreviousReview> {
  return fc.record({
    reviewId: arbitraryUlid(),
    openActionIds: fc.uniqueArray(pick(options.actionIds, arbitraryUlid), { maxLength: 3 }),
  });
}

/**
 * One schema-valid arbitrary per review command type. The commands are well-formed but not
 * necessarily allowed in a given state: use them to probe the rules (with id pools, see
 * {@link ReviewArbitraryOptions}).
 */
export function reviewCommandArbitraries(options: ReviewArbitraryOptions = {}): {
  readonly [K in ReviewCommand['type']]: fc.Arbitrary<Extract<ReviewCommand, { type: K }>>;
} {
  const reviewId = pick(
    options.reviewId === undefined ? undefined : [options.reviewId],
    arbitraryUlid,
  );
  const accountId = pick(options.accountIds, arbitraryUlid);
  const actionId = pick(options.actionIds, arbitraryUlid);
  const userId = pick(options.userIds, arbitraryUserId);
  return {
    ScheduleReview: fc
      .record({
        reviewId,
        kind: fc.constantFrom(...KINDS),
        repId: userId,
        managerId: userId,
        accountIds: fc.uniqueArray(accountId, { minLength: 1, maxLength: 4 }),
        planId: fc.option(arbitraryUlid(), { nil: undefined }),
        horizonDays: fc.option(fc.integer({ min: 1, max: 730 }), { nil: undefined }),
        discussionTimeBoxSeconds: fc.option(fc.integer({ min: 10, max: 600 }), {
          nil: undefined,
        }),
        scheduledFor: arbitraryInstant(),
        previousReview: fc.option(arbitraryPreviousReview(options), { nil: undefined }),
        at: arbitraryInstant(),
      })
      .map((f): ScheduleReview => ({ type: 'ScheduleReview', ...withoutUndefined(f) })),
    RescheduleReview: fc
      .record({
        reviewId,
        scheduledFor: arbitraryInstant(),
        reason: optionalNote(),
        at: arbitraryInstant(),
      })
      .map((f): RescheduleReview => ({ type: 'RescheduleReview', ...withoutUndefined(f) })),
    SendReviewNotice: fc
      .record({
        reviewId,
        agenda: fc.array(arbitraryText(60), { minLength: 1, maxLength: 5 }),
        at: arbitraryInstant(),
      })
      .map((f): SendReviewNotice => ({ type: 'SendReviewNotice', ...f })),
    SavePreparationDraft: fc
      .record({ reviewId, document: arbitraryPreparationDocument(), at: arbitraryInstant() })
      .map((f): SavePreparationDraft => ({ type: 'SavePreparationDraft', ...f })),
    SubmitPreparation: fc
      .record({
        reviewId,
        document: fc.option(arbitraryPreparationDocument(), { nil: undefined }),
        at: arbitraryInstant(),
      })
      .map((f): SubmitPreparation => ({ type: 'SubmitPreparation', ...withoutUndefined(f) })),
    StartReview: fc
      .record({
        reviewId,
        previousReview: fc.option(fc.option(arbitraryPreviousReview(options), { nil: null }), {
          nil: undefined,
        }),
        at: arbitraryInstant(),
      })
      .map((f): StartReview => ({ type: 'StartReview', ...withoutUndefined(f) })),
    ReviewPreviousAction: fc
      .record({
        reviewId,
        actionId,
        outcome: arbitraryPreviousActionOutcome(),
        note: optionalNote(),
        at: arbitraryInstant(),
      })
      .map((f): ReviewPreviousAction => ({ type: 'ReviewPreviousAction', ...withoutUndefined(f) })),
    DiscussAccount: fc
      .record({
        reviewId,
        accountId,
        notes: optionalNote(),
        startedAt: arbitraryInstant(),
        seconds: fc.integer({ min: 0, max: 600 }),
      })
      .map(
        ({ seconds, ...f }): DiscussAccount => ({
          type: 'DiscussAccount',
          ...withoutUndefined(f),
          at: new Date(Date.parse(f.startedAt) + seconds * SECOND).toISOString(),
        }),
      ),
    AnswerReviewQuestion: fc
      .record({
        reviewId,
        question: fc.constantFrom(...QUESTIONS),
        answer: arbitraryText(80),
        at: arbitraryInstant(),
      })
      .map((f): AnswerReviewQuestion => ({ type: 'AnswerReviewQuestion', ...f })),
    SetGrowthExpectation: fc
      .record({
        reviewId,
        accountId,
        expectation: arbitraryGrowthExpectation(),
        note: optionalNote(),
        at: arbitraryInstant(),
      })
      .map((f): SetGrowthExpectation => ({ type: 'SetGrowthExpectation', ...withoutUndefined(f) })),
    AssignActionItem: fc
      .record({
        reviewId,
        actionId,
        ownerRole: fc.constantFrom('rep', 'manager'),
        ownerId: userId,
        title: arbitraryText(80),
        accountId: fc.option(accountId, { nil: undefined }),
        dueOn: arbitraryCalendarDate(),
        at: arbitraryInstant(),
      })
      .map((f): AssignActionItem => ({ type: 'AssignActionItem', ...withoutUndefined(f) })),
    ConcludeReview: fc
      .record({ reviewId, summary: optionalNote(), at: arbitraryInstant() })
      .map((f): ConcludeReview => ({ type: 'ConcludeReview', ...withoutUndefined(f) })),
    CancelReview: fc
      .record({ reviewId, reason: optionalNote(), at: arbitraryInstant() })
      .map((f): CancelReview => ({ type: 'CancelReview', ...withoutUndefined(f) })),
  };
}

/** Any schema-valid review command (not necessarily allowed in a given state). */
export function arbitraryReviewCommand(
  options: ReviewArbitraryOptions = {},
): fc.Arbitrary<ReviewCommand> {
  return fc.oneof(...Object.values(reviewCommandArbitraries(options)));
}

/** One schema-valid arbitrary per review event type (the data a store would accept). */
export function reviewEventArbitraries(options: ReviewArbitraryOptions = {}): {
  readonly [K in ReviewEvent['type']]: fc.Arbitrary<Extract<ReviewEvent, { type: K }>>;
} {
  const reviewId = pick(
    options.reviewId === undefined ? undefined : [options.reviewId],
    arbitraryUlid,
  );
  const accountId = pick(options.accountIds, arbitraryUlid);
  const actionId = pick(options.actionIds, arbitraryUlid);
  const userId = pick(options.userIds, arbitraryUserId);
  const note = () => fc.option(arbitraryText(60), { nil: null });
  const positive = (max: number) => fc.integer({ min: 1, max });
  return {
    ReviewScheduled: fc
      .record({
        reviewId,
        kind: fc.constantFrom(...KINDS),
        repId: userId,
        managerId: userId,
        accountIds: fc.uniqueArray(accountId, { minLength: 1, maxLength: 4 }),
        planId: fc.option(arbitraryUlid(), { nil: null }),
        horizonDays: positive(730),
        discussionTimeBoxSeconds: fc.integer({ min: 10, max: 600 }),
        scheduledFor: arbitraryInstant(),
        previousReview: fc.option(arbitraryPreviousReview(options), { nil: null }),
        at: arbitraryInstant(),
      })
      .map((data): ReviewScheduled => ({ type: 'ReviewScheduled', data })),
    ReviewRescheduled: fc
      .record({
        reviewId,
        previousScheduledFor: arbitraryInstant(),
        scheduledFor: arbitraryInstant(),
        reason: note(),
        at: arbitraryInstant(),
      })
      .map((data): ReviewRescheduled => ({ type: 'ReviewRescheduled', data })),
    ReviewNoticeSent: fc
      .record({
        reviewId,
        agenda: fc.array(arbitraryText(60), { minLength: 1, maxLength: 5 }),
        noticeDays: fc.integer({ min: 0, max: 60 }),
        warning: fc.constantFrom(null, 'below_minimum' as const, 'below_preferred' as const),
        at: arbitraryInstant(),
      })
      .map((data): ReviewNoticeSent => ({ type: 'ReviewNoticeSent', data })),
    PreparationDraftSaved: fc
      .record({ reviewId, document: arbitraryPreparationDocument(), at: arbitraryInstant() })
      .map((data): PreparationDraftSaved => ({ type: 'PreparationDraftSaved', data })),
    PreparationSubmitted: fc
      .record({
        reviewId,
        document: arbitraryPreparationDocument(),
        at: arbitraryInstant(),
      })
      .map((data): PreparationSubmitted => ({ type: 'PreparationSubmitted', data })),
    ReviewStarted: fc
      .record({
        reviewId,
        previousReview: fc.option(arbitraryPreviousReview(options), { nil: null }),
        at: arbitraryInstant(),
      })
      .map((data): ReviewStarted => ({ type: 'ReviewStarted', data })),
    PreviousActionReviewed: fc
      .record({
        reviewId,
        actionId,
        outcome: arbitraryPreviousActionOutcome(),
        note: note(),
        at: arbitraryInstant(),
      })
      .map((data): PreviousActionReviewed => ({ type: 'PreviousActionReviewed', data })),
    AccountDiscussed: fc
      .record({
        reviewId,
        accountId,
        startedAt: arbitraryInstant(),
        durationSeconds: fc.integer({ min: 0, max: 600 }),
        notes: note(),
      })
      .map(
        (f): AccountDiscussed => ({
          type: 'AccountDiscussed',
          data: {
            ...f,
            at: new Date(Date.parse(f.startedAt) + f.durationSeconds * SECOND).toISOString(),
          },
        }),
      ),
    AccountDiscussionOverran: fc
      .record({
        reviewId,
        accountId,
        timeBoxSeconds: fc.integer({ min: 10, max: 600 }),
        overrunSeconds: positive(600),
      })
      .map(
        (f): AccountDiscussionOverran => ({
          type: 'AccountDiscussionOverran',
          data: { ...f, durationSeconds: f.timeBoxSeconds + f.overrunSeconds },
        }),
      ),
    ReviewQuestionAnswered: fc
      .record({
        reviewId,
        question: fc.constantFrom(...QUESTIONS),
        answer: arbitraryText(80),
        at: arbitraryInstant(),
      })
      .map((data): ReviewQuestionAnswered => ({ type: 'ReviewQuestionAnswered', data })),
    GrowthExpectationSet: fc
      .record({
        reviewId,
        accountId,
        expectation: arbitraryGrowthExpectation(),
        note: note(),
        at: arbitraryInstant(),
      })
      .map((data): GrowthExpectationSet => ({ type: 'GrowthExpectationSet', data })),
    ActionItemAssigned: fc
      .record({
        reviewId,
        actionId,
        ownerRole: fc.constantFrom('rep' as const, 'manager' as const),
        ownerId: userId,
        title: arbitraryText(80),
        accountId: fc.option(accountId, { nil: null }),
        dueOn: arbitraryCalendarDate(),
        at: arbitraryInstant(),
      })
      .map((data): ActionItemAssigned => ({ type: 'ActionItemAssigned', data })),
    ReviewConcluded: fc
      .record({
        reviewId,
        summary: note(),
        undiscussedAccountIds: fc.uniqueArray(accountId, { maxLength: 3 }),
        unansweredQuestions: fc.uniqueArray(fc.constantFrom(...QUESTIONS), { maxLength: 5 }),
        actionIds: fc.uniqueArray(actionId, { maxLength: 3 }),
        at: arbitraryInstant(),
      })
      .map((data): ReviewConcluded => ({ type: 'ReviewConcluded', data })),
    ReviewCancelled: fc
      .record({ reviewId, reason: note(), at: arbitraryInstant() })
      .map((data): ReviewCancelled => ({ type: 'ReviewCancelled', data })),
  };
}

/** Any schema-valid review event. */
export function arbitraryReviewEvent(
  options: ReviewArbitraryOptions = {},
): fc.Arbitrary<ReviewEvent> {
  return fc.oneof(...Object.values(reviewEventArbitraries(options)));
}

/** How a generated review life ends. */
export type ReviewLifeEnding =
  | 'scheduled'
  | 'cancelled_before_start'
  | 'in_progress'
  | 'cancelled_in_progress'
  | 'concluded';

/** Options of {@link arbitraryReviewLife}. */
export interface ReviewLifeOptions {
  readonly reviewId?: string;
  readonly repId?: string;
  readonly managerId?: string;
  /**
   * The previous review named when the meeting starts (null: none). Default: sometimes one with
   * up to three random open actions, sometimes none.
   */
  readonly previousReview?: PreviousReview | null;
  /** The endings to choose from (default: all). */
  readonly endings?: readonly ReviewLifeEnding[];
}

type Step =
  | { readonly kind: 'discuss'; readonly account: number; readonly seconds: number }
  | { readonly kind: 'answer'; readonly question: ReviewQuestion; readonly answer: string }
  | { readonly kind: 'growth'; readonly account: number; readonly expectation: GrowthExpectation }
  | {
      readonly kind: 'assign';
      readonly actionId: string;
      readonly role: 'rep' | 'manager';
      readonly title: string;
      readonly dueInDays: number;
    };

/**
 * A valid life of one review under the default notice policy, as the commands that make it:
 * scheduled, maybe rescheduled (before or after the notice, which is then sent again), notice
 * sent, maybe a preparation drafted and submitted, then (depending on the ending) started, each
 * of the previous review's open actions reviewed first, accounts discussed (some over their
 * time box), questions answered, growth expectations set, actions assigned in a random order,
 * and concluded or cancelled. Times increase; every command is allowed in order.
 */
export function arbitraryReviewLife(
  options: ReviewLifeOptions = {},
): fc.Arbitrary<ReviewCommand[]> {
  const ulidOr = (value: string | undefined) =>
    value === undefined ? arbitraryUlid() : fc.constant(value);
  return fc
    .record({
      reviewId: ulidOr(options.reviewId),
      kind: fc.constantFrom(...KINDS),
      repId: options.repId === undefined ? arbitraryUserId() : fc.constant(options.repId),
      managerId:
        options.managerId === undefined ? arbitraryUserId() : fc.constant(options.managerId),
      accountIds: fc.uniqueArray(arbitraryUlid(), { minLength: 1, maxLength: 4 }),
      timeBox: fc.option(fc.integer({ min: 30, max: 300 }), { nil: undefined }),
      scheduledAtSeconds: fc.integer({ min: 0, max: 6 * 365 * 86_400 }),
      leadDays: fc.integer({ min: 1, max: 30 }),
      noticeDays: fc.integer({ min: 0, max: 30 }),
      reschedule: fc.option(
        fc.record({
          afterNotice: fc.boolean(),
          shiftDays: fc.integer({ min: 1, max: 14 }),
          reason: optionalNote(),
        }),
        { nil: undefined },
      ),
      drafts: fc.array(arbitraryPreparationDocument(), { maxLength: 2 }),
      submit: fc.option(fc.option(arbitraryPreparationDocument(), { nil: undefined }), {
        nil: null,
      }),
      scheduledPrevious:
        options.previousReview === undefined
          ? fc.option(arbitraryPreviousReview({}), { nil: null })
          : fc.constant(options.previousReview),
      restatePreviousAtStart: fc.boolean(),
      outcomes: fc.array(arbitraryPreviousActionOutcome(), { minLength: 1, maxLength: 3 }),
      steps: fc.array(arbitraryStep(), { maxLength: 10 }),
      ending: fc.constantFrom(
        ...(options.endings ?? [
          'scheduled',
          'cancelled_before_start',
          'in_progress',
          'cancelled_in_progress',
          'concluded',
        ]),
      ),
      summary: optionalNote(),
    })
    .map((life) => buildReviewLife(life));
}

function arbitraryStep(): fc.Arbitrary<Step> {
  return fc.oneof(
    fc.record({
      kind: fc.constant('discuss' as const),
      account: fc.nat(3),
      seconds: fc.integer({ min: 0, max: 300 }),
    }),
    fc.record({
      kind: fc.constant('answer' as const),
      question: fc.constantFrom(...QUESTIONS),
      answer: arbitraryText(60),
    }),
    fc.record({
      kind: fc.constant('growth' as const),
      account: fc.nat(3),
      expectation: arbitraryGrowthExpectation(),
    }),
    fc.record({
      kind: fc.constant('assign' as const),
      actionId: arbitraryUlid(),
      role: fc.constantFrom('rep' as const, 'manager' as const),
      title: arbitraryText(60),
      dueInDays: fc.integer({ min: 0, max: 60 }),
    }),
  );
}

interface LifeChoices {
  readonly reviewId: string;
  readonly kind: ReviewKind;
  readonly repId: string;
  readonly managerId: string;
  readonly accountIds: readonly string[];
  readonly timeBox: number | undefined;
  readonly scheduledAtSeconds: number;
  readonly leadDays: number;
  readonly noticeDays: number;
  readonly reschedule:
    | {
        readonly afterNotice: boolean;
        readonly shiftDays: number;
        readonly reason: string | undefined;
      }
    | undefined;
  readonly drafts: readonly PreparationDocument[];
  readonly submit: PreparationDocument | undefined | null;
  readonly scheduledPrevious: PreviousReview | null;
  readonly restatePreviousAtStart: boolean;
  readonly outcomes: readonly PreviousActionOutcome[];
  readonly steps: readonly Step[];
  readonly ending: ReviewLifeEnding;
  readonly summary: string | undefined;
}

function buildReviewLife(life: LifeChoices): ReviewCommand[] {
  const { reviewId } = life;
  const managerId = life.managerId === life.repId ? `${life.managerId}-m` : life.managerId;
  const accountIds = life.kind === 'strategic_plan' ? life.accountIds.slice(0, 1) : life.accountIds;
  const previousReview =
    life.scheduledPrevious?.reviewId === reviewId ? null : life.scheduledPrevious;
  let now = Date.UTC(2024, 0, 1) + life.scheduledAtSeconds * SECOND;
  const iso = (ms: number) => new Date(ms).toISOString();
  const tick = (ms = SECOND * 30) => {
    now += ms;
    return iso(now);
  };
  let scheduledFor = now + life.leadDays * DAY + 10 * HOUR;
  const commands: ReviewCommand[] = [];

  commands.push({
    type: 'ScheduleReview',
    reviewId,
    kind: life.kind,
    repId: life.repId,
    managerId,
    accountIds: [...accountIds],
    scheduledFor: iso(scheduledFor),
    at: iso(now),
    ...withoutUndefined({
      discussionTimeBoxSeconds: life.timeBox,
      previousReview: previousReview ?? undefined,
    }),
  });
  const reschedule = () => {
    if (!life.reschedule) return;
    const rescheduledAt = tick(HOUR);
    scheduledFor = Math.max(scheduledFor, now) + life.reschedule.shiftDays * DAY;
    commands.push({
      type: 'RescheduleReview',
      reviewId,
      scheduledFor: iso(scheduledFor),
      at: rescheduledAt,
      ...withoutUndefined({ reason: life.reschedule.reason }),
    });
  };
  const sendNotice = () => {
    // Send the notice `noticeDays` before the meeting, or right away when that has passed.
    now = Math.max(
      now + SECOND,
      Math.min(scheduledFor - life.noticeDays * DAY, scheduledFor - HOUR),
    );
    commands.push({
      type: 'SendReviewNotice',
      reviewId,
      agenda: ["Last review's actions", 'Accounts', 'The five questions', 'New actions'],
      at: iso(now),
    });
  };

  if (life.reschedule && !life.reschedule.afterNotice) reschedule();
  sendNotice();
  if (life.reschedule?.afterNotice) {
    reschedule();
    sendNotice();
  }
  for (const document of life.drafts) {
    commands.push({ type: 'SavePreparationDraft', reviewId, document, at: tick() });
  }
  if (life.submit !== null && (life.submit !== undefined || life.drafts.length > 0)) {
    commands.push({
      type: 'SubmitPreparation',
      reviewId,
      at: tick(),
      ...withoutUndefined({ document: life.submit }),
    });
  }
  if (life.ending === 'scheduled') return commands;
  if (life.ending === 'cancelled_before_start') {
    commands.push({ type: 'CancelReview', reviewId, at: tick() });
    return commands;
  }

  now = Math.max(now + SECOND, scheduledFor);
  commands.push({
    type: 'StartReview',
    reviewId,
    at: iso(now),
    ...(life.restatePreviousAtStart ? { previousReview } : {}),
  });
  // seed 001: the status of the last review's actions comes first.
  previousReview?.openActionIds.forEach((actionId, index) => {
    commands.push({
      type: 'ReviewPreviousAction',
      reviewId,
      actionId,
      outcome: life.outcomes[index % life.outcomes.length] ?? { status: 'open' },
      at: tick(),
    });
  });

  const discussed = new Set<string>();
  const assigned = new Set<string>(previousReview?.openActionIds ?? []);
  for (const step of life.steps) {
    const accountId = 'account' in step ? accountIds[step.account % accountIds.length] : undefined;
    if (step.kind === 'discuss' && accountId !== undefined && !discussed.has(accountId)) {
      discussed.add(accountId);
      const startedAt = tick();
      commands.push({
        type: 'DiscussAccount',
        reviewId,
        accountId,
        startedAt,
        at: tick(step.seconds * SECOND),
      });
    } else if (step.kind === 'answer') {
      commands.push({
        type: 'AnswerReviewQuestion',
        reviewId,
        question: step.question,
        answer: step.answer,
        at: tick(),
      });
    } else if (step.kind === 'growth' && accountId !== undefined) {
      commands.push({
        type: 'SetGrowthExpectation',
        reviewId,
        accountId,
        expectation: step.expectation,
        at: tick(),
      });
    } else if (step.kind === 'assign' && !assigned.has(step.actionId)) {
      assigned.add(step.actionId);
      const assignedAt = tick();
      commands.push({
        type: 'AssignActionItem',
        reviewId,
        actionId: step.actionId,
        ownerRole: step.role,
        ownerId: step.role === 'rep' ? life.repId : managerId,
        title: step.title,
        dueOn: iso(Date.parse(assignedAt.slice(0, 10)) + step.dueInDays * DAY).slice(0, 10),
        at: assignedAt,
      });
    }
  }
  if (life.ending === 'cancelled_in_progress') {
    commands.push({ type: 'CancelReview', reviewId, at: tick() });
  } else if (life.ending === 'concluded') {
    commands.push({
      type: 'ConcludeReview',
      reviewId,
      at: tick(),
      ...withoutUndefined({ summary: life.summary }),
    });
  }
  return commands;
}
