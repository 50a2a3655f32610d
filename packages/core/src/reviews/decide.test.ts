import { deciderSpec } from '@account-planning/testing';
import { describe, expect, it } from 'vitest';
import {
  createEventRegistry,
  createReviewDecider,
  fold as foldEvents,
  type PreparationDocument,
  ReviewCommand,
  type ReviewEvent,
  reviewDecider,
  reviewEvents,
} from '../index.js';

const registry = createEventRegistry(reviewEvents);
const spec = deciderSpec(reviewDecider, { commandSchema: ReviewCommand, registry });

const reviewId = '01JQ00000000000000000REV01';
const previousReviewId = '01JQ00000000000000000REV00';
const acme = '01JQ00000000000000000ACME1';
const globex = '01JQ00000000000000000GX0BE';
const outsider = '01JQ0000000000000000000TH3';
const oldAction1 = '01JQ00000000000000000AC001';
const oldAction2 = '01JQ00000000000000000AC002';
const newAction = '01JQ00000000000000000AC101';

const scheduled: ReviewEvent = {
  type: 'ReviewScheduled',
  data: {
    reviewId,
    kind: 'monthly',
    repId: 'rep-1',
    managerId: 'mgr-1',
    accountIds: [acme, globex],
    planId: null,
    horizonDays: 90,
    discussionTimeBoxSeconds: 120,
    scheduledFor: '2026-03-16T09:00:00.000Z',
    previousReview: { reviewId: previousReviewId, openActionIds: [oldAction1, oldAction2] },
    at: '2026-03-01T09:00:00.000Z',
  },
};
const noticeSent: ReviewEvent = {
  type: 'ReviewNoticeSent',
  data: {
    reviewId,
    agenda: ["Last review's actions", 'Accounts'],
    noticeDays: 14,
    warning: null,
    at: '2026-03-02T09:00:00.000Z',
  },
};
const started: ReviewEvent = {
  type: 'ReviewStarted',
  data: {
    reviewId,
    previousReview: { reviewId: previousReviewId, openActionIds: [oldAction1, oldAction2] },
    at: '2026-03-16T09:00:00.000Z',
  },
};
const reviewed = (actionId: string): ReviewEvent => ({
  type: 'PreviousActionReviewed',
  data: {
    reviewId,
    actionId,
    outcome: { status: 'done' },
    note: null,
    at: '2026-03-16T09:05:00.000Z',
  },
});
const allQuestions = [
  'key_accomplishments',
  'disappointments_concerns_problems',
  'next_month',
  'suggestions',
  'needs_from_manager',
] as const;
const concluded: ReviewEvent = {
  type: 'ReviewConcluded',
  data: {
    reviewId,
    summary: null,
    undiscussedAccountIds: [acme, globex],
    unansweredQuestions: [],
    actionIds: [],
    at: '2026-03-16T10:00:00.000Z',
  },
};
const cancelled: ReviewEvent = {
  type: 'ReviewCancelled',
  data: { reviewId, reason: null, at: '2026-03-05T09:00:00.000Z' },
};
const emptyDocument: PreparationDocument = {
  currentAccounts: [],
  prospects: [],
  expansionOpportunities: [],
  prospectsInCurrentAccounts: [],
  networkingContacts: [],
  referrals: [],
};
const document: PreparationDocument = {
  ...emptyDocument,
  currentAccounts: [
    {
      label: 'Acme',
      accountId: acme,
      opportunityId: null,
      score: 82,
      value: { amountMinor: 1_200_000, currency: 'EUR' },
      note: null,
    },
  ],
};
const draftSaved: ReviewEvent = {
  type: 'PreparationDraftSaved',
  data: { reviewId, document, at: '2026-03-10T09:00:00.000Z' },
};
const submitted: ReviewEvent = {
  type: 'PreparationSubmitted',
  data: { reviewId, document, at: '2026-03-12T09:00:00.000Z' },
};
/** A review in the meeting, with the previous review's actions already reviewed. */
const holding = [scheduled, noticeSent, started, reviewed(oldAction1), reviewed(oldAction2)];

const at = '2026-03-16T09:30:00.000Z';
const schedule = {
  type: 'ScheduleReview',
  reviewId,
  kind: 'monthly',
  repId: 'rep-1',
  managerId: 'mgr-1',
  accountIds: [acme, globex],
  scheduledFor: '2026-03-16T09:00:00Z',
  at: '2026-03-01T09:00:00Z',
};
const notice = (at: string) => ({
  type: 'SendReviewNotice',
  reviewId,
  agenda: ['Accounts'],
  at,
});
const start = { type: 'StartReview', reviewId, at: '2026-03-16T09:00:00Z' };
const reviewAction = (actionId: string) => ({
  type: 'ReviewPreviousAction',
  reviewId,
  actionId,
  outcome: { status: 'slipped', newDueOn: '2026-04-01' },
  at: at,
});
const discussionStart = '2026-03-16T09:10:00.000Z';
const discussionEnd = (seconds: number) =>
  new Date(Date.parse(discussionStart) + seconds * 1000).toISOString();
const discuss = (accountId: string, seconds: number) => ({
  type: 'DiscussAccount',
  reviewId,
  accountId,
  startedAt: discussionStart,
  at: discussionEnd(seconds),
});
const discussed = (accountId: string, seconds: number): ReviewEvent => ({
  type: 'AccountDiscussed',
  data: {
    reviewId,
    accountId,
    startedAt: discussionStart,
    at: discussionEnd(seconds),
    durationSeconds: seconds,
    notes: null,
  },
});
const answer = {
  type: 'AnswerReviewQuestion',
  reviewId,
  question: 'needs_from_manager',
  answer: 'An introduction to Globex procurement',
  at: at,
};
const growth = (accountId: string) => ({
  type: 'SetGrowthExpectation',
  reviewId,
  accountId,
  expectation: { growthBasisPoints: 1000 },
  at: at,
});
const assign = (overrides: Record<string, unknown> = {}) => ({
  type: 'AssignActionItem',
  reviewId,
  actionId: newAction,
  ownerRole: 'manager',
  ownerId: 'mgr-1',
  title: 'Introduce rep to Globex procurement',
  dueOn: '2026-03-31',
  at: at,
  ...overrides,
});
const conclude = { type: 'ConcludeReview', reviewId, at: '2026-03-16T10:00:00Z' };
const cancel = { type: 'CancelReview', reviewId, at: at };
const holdingSteps = [
  reviewAction(oldAction1),
  discuss(acme, 60),
  answer,
  growth(acme),
  assign(),
  conclude,
];

describe('scheduling a review', () => {
  it('schedules a monthly review with a 90-day horizon and a two-minute time box by default', () => {
    spec
      .given([])
      .when({
        ...schedule,
        previousReview: { reviewId: previousReviewId, openActionIds: [oldAction1, oldAction2] },
      })
      .then([
        {
          type: 'ReviewScheduled',
          data: {
            ...scheduled.data,
            scheduledFor: '2026-03-16T09:00:00Z',
            at: '2026-03-01T09:00:00Z',
          },
        } as ReviewEvent,
      ]);
  });

  it('gives an annual review a one-year horizon unless told otherwise', () => {
    const events = reviewDecider.decide(
      ReviewCommand.parse({ ...schedule, kind: 'annual' }),
      reviewDecider.initialState,
    );
    expect(events[0]?.type === 'ReviewScheduled' && events[0].data.horizonDays).toBe(365);
  });

  it('rejects scheduling the same review twice', () => {
    spec.given([scheduled]).when(schedule).thenRejects({ rule: 'review.already_scheduled' });
  });

  it('rejects a review where the manager is the rep', () => {
    spec
      .given([])
      .when({ ...schedule, managerId: 'rep-1' })
      .thenRejects({ rule: 'review.manager_is_rep', ids: { reviewId, repId: 'rep-1' } });
  });

  it('rejects a strategic plan review of more than one account', () => {
    spec
      .given([])
      .when({ ...schedule, kind: 'strategic_plan' })
      .thenRejects({ rule: 'review.strategic_plan_single_account' });
  });

  it('rejects a review that names itself as its previous review', () => {
    spec
      .given([])
      .when({ ...schedule, previousReview: { reviewId, openActionIds: [] } })
      .thenRejects({ rule: 'review.previous_is_self' });
    spec
      .given([scheduled, noticeSent])
      .when({ ...start, previousReview: { reviewId, openActionIds: [] } })
      .thenRejects({ rule: 'review.previous_is_self' });
  });

  it('rejects scheduling or rescheduling a review for a time already past', () => {
    spec
      .given([])
      .when({ ...schedule, scheduledFor: '2026-02-01T09:00:00Z' })
      .thenRejects({ rule: 'review.scheduled_in_past' });
    spec
      .given([scheduled])
      .when({
        type: 'RescheduleReview',
        reviewId,
        scheduledFor: '2026-03-01T09:00:00Z',
        at: '2026-03-02T09:00:00Z',
      })
      .thenRejects({ rule: 'review.scheduled_in_past' });
  });

  it('rejects a scope with the same account twice, at the schema', () => {
    spec
      .given([])
      .when({ ...schedule, accountIds: [acme, acme] })
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects every other command on a review that was never scheduled', () => {
    for (const command of [notice('2026-03-02T09:00:00Z'), start, ...holdingSteps, cancel]) {
      spec.given([]).when(command).thenRejects({ rule: 'review.not_scheduled', ids: { reviewId } });
    }
  });
});

describe('rescheduling a review', () => {
  const reschedule = {
    type: 'RescheduleReview',
    reviewId,
    scheduledFor: '2026-03-23T09:00:00Z',
    reason: 'Manager travelling',
    at: '2026-03-03T09:00:00Z',
  };

  it('moves the review and asks for a new notice', () => {
    spec
      .given([scheduled, noticeSent])
      .when(reschedule)
      .then([
        {
          type: 'ReviewRescheduled',
          data: {
            reviewId,
            previousScheduledFor: '2026-03-16T09:00:00.000Z',
            scheduledFor: '2026-03-23T09:00:00Z',
            reason: 'Manager travelling',
            at: '2026-03-03T09:00:00Z',
          },
        },
      ]);
  });

  it('rejects starting a rescheduled review until the notice is sent again', () => {
    const moved: ReviewEvent = {
      type: 'ReviewRescheduled',
      data: {
        reviewId,
        previousScheduledFor: '2026-03-16T09:00:00.000Z',
        scheduledFor: '2026-03-23T09:00:00.000Z',
        reason: null,
        at: '2026-03-03T09:00:00.000Z',
      },
    };
    spec.given([scheduled, noticeSent, moved]).when(start).thenRejects({
      rule: 'review.notice_not_sent',
    });
    spec
      .given([scheduled, noticeSent, moved])
      .when(notice('2026-03-04T09:00:00Z'))
      .then([
        {
          type: 'ReviewNoticeSent',
          data: {
            reviewId,
            agenda: ['Accounts'],
            noticeDays: 19,
            warning: null,
            at: '2026-03-04T09:00:00Z',
          },
        },
      ]);
  });

  it('rejects rescheduling a review that has started', () => {
    spec
      .given([scheduled, noticeSent, started])
      .when(reschedule)
      .thenRejects({ rule: 'review.already_started' });
  });
});

describe('notice and agenda', () => {
  it('records how many days of notice the rep got', () => {
    spec
      .given([scheduled])
      .when(notice('2026-03-01T10:00:00Z'))
      .then([
        {
          type: 'ReviewNoticeSent',
          data: {
            reviewId,
            agenda: ['Accounts'],
            noticeDays: 14,
            warning: null,
            at: '2026-03-01T10:00:00Z',
          },
        },
      ]);
  });

  it('warns about notice below the preferred two weeks, and below the minimum week', () => {
    const warningOf = (at: string) => {
      const [event] = reviewDecider.decide(ReviewCommand.parse(notice(at)), fold([scheduled]));
      return event?.type === 'ReviewNoticeSent' ? event.data.warning : undefined;
    };
    expect(warningOf('2026-03-05T09:00:00Z')).toBe('below_preferred');
    expect(warningOf('2026-03-13T09:00:00Z')).toBe('below_minimum');
  });

  it('allows short notice silently under an allow policy', () => {
    const lenient = createReviewDecider({
      noticePolicy: { minimumDays: 7, preferredDays: 14, onShortNotice: 'allow' },
    });
    deciderSpec(lenient, { commandSchema: ReviewCommand })
      .given([scheduled])
      .when(notice('2026-03-15T09:00:00Z'))
      .then([
        {
          type: 'ReviewNoticeSent',
          data: {
            reviewId,
            agenda: ['Accounts'],
            noticeDays: 1,
            warning: null,
            at: '2026-03-15T09:00:00Z',
          },
        },
      ]);
  });

  it('rejects notice below the minimum under a reject policy', () => {
    const strict = createReviewDecider({
      noticePolicy: { minimumDays: 7, preferredDays: 14, onShortNotice: 'reject' },
    });
    deciderSpec(strict, { commandSchema: ReviewCommand })
      .given([scheduled])
      .when(notice('2026-03-10T09:00:00Z'))
      .thenRejects({ rule: 'review.notice_too_short', ids: { reviewId } });
  });

  it('refuses a malformed notice policy', () => {
    expect(() =>
      createReviewDecider({
        noticePolicy: { minimumDays: 14, preferredDays: 7, onShortNotice: 'warn' },
      }),
    ).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('rejects a notice sent at or after the review time', () => {
    spec
      .given([scheduled])
      .when(notice('2026-03-16T09:00:00Z'))
      .thenRejects({ rule: 'review.notice_after_start' });
  });

  it('rejects a second notice for the same time', () => {
    spec
      .given([scheduled, noticeSent])
      .when(notice('2026-03-03T09:00:00Z'))
      .thenRejects({ rule: 'review.notice_already_sent' });
  });

  it('rejects a notice once the review has started', () => {
    spec
      .given([scheduled, noticeSent, started])
      .when(notice('2026-03-16T09:10:00Z'))
      .thenRejects({ rule: 'review.already_started' });
  });
});

describe('the preparation document', () => {
  const save = { type: 'SavePreparationDraft', reviewId, document, at: at };
  const submit = { type: 'SubmitPreparation', reviewId, at: '2026-03-12T09:00:00Z' };

  it('submits the latest draft when no document is given', () => {
    spec
      .given([scheduled, draftSaved])
      .when(submit)
      .then([
        {
          type: 'PreparationSubmitted',
          data: { reviewId, document, at: '2026-03-12T09:00:00Z' },
        },
      ]);
  });

  it('fills the fields an entry leaves out with null', () => {
    const entryOnly = { ...emptyDocument, referrals: [{ label: 'Initech via Acme CFO' }] };
    spec
      .given([scheduled])
      .when({ ...submit, document: entryOnly })
      .then([
        {
          type: 'PreparationSubmitted',
          data: {
            reviewId,
            document: {
              ...emptyDocument,
              referrals: [
                {
                  label: 'Initech via Acme CFO',
                  accountId: null,
                  opportunityId: null,
                  score: null,
                  value: null,
                  note: null,
                },
              ],
            },
            at: '2026-03-12T09:00:00Z',
          },
        },
      ]);
  });

  it('rejects submitting with neither a document nor a draft', () => {
    spec.given([scheduled]).when(submit).thenRejects({ rule: 'review.preparation_missing' });
  });

  it('freezes the document once submitted', () => {
    spec
      .given([scheduled, submitted])
      .when(save)
      .thenRejects({ rule: 'review.preparation_frozen' });
    spec
      .given([scheduled, submitted])
      .when({ ...submit, document: emptyDocument })
      .thenRejects({ rule: 'review.preparation_frozen' });
    spec
      .given([scheduled, noticeSent, submitted, started])
      .when(save)
      .thenRejects({ rule: 'review.preparation_frozen' });
  });

  it('rejects preparing once the review has started', () => {
    spec
      .given([scheduled, noticeSent, started])
      .when(save)
      .thenRejects({ rule: 'review.already_started' });
  });
});

describe('holding a review', () => {
  it('rejects starting a review before notice was sent', () => {
    spec.given([scheduled]).when(start).thenRejects({ rule: 'review.notice_not_sent' });
  });

  it('starts with the open actions named at scheduling, or the ones named at the start', () => {
    spec
      .given([scheduled, noticeSent])
      .when(start)
      .then([{ ...started, data: { ...started.data, at: '2026-03-16T09:00:00Z' } } as ReviewEvent]);
    spec
      .given([scheduled, noticeSent])
      .when({ ...start, previousReview: null })
      .then([
        {
          type: 'ReviewStarted',
          data: { reviewId, previousReview: null, at: '2026-03-16T09:00:00Z' },
        },
      ]);
  });

  it('rejects a command with a misspelt field at the schema, instead of dropping the field', () => {
    spec
      .given([scheduled, noticeSent])
      .when({ ...start, previousReviews: null })
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects starting a review twice', () => {
    spec
      .given([scheduled, noticeSent, started])
      .when(start)
      .thenRejects({ rule: 'review.already_started' });
  });

  it('rejects every step of the meeting before the review has started', () => {
    for (const command of holdingSteps) {
      spec.given([scheduled, noticeSent]).when(command).thenRejects({ rule: 'review.not_started' });
    }
  });

  it("reviews the previous review's open actions first, one by one", () => {
    spec
      .given([scheduled, noticeSent, started])
      .when({ ...reviewAction(oldAction1), note: 'Legal is slow' })
      .then([
        {
          type: 'PreviousActionReviewed',
          data: {
            reviewId,
            actionId: oldAction1,
            outcome: { status: 'slipped', newDueOn: '2026-04-01' },
            note: 'Legal is slow',
            at: at,
          },
        },
      ]);
  });

  it("rejects anything else until every one of the previous review's open actions is reviewed", () => {
    for (const command of [discuss(acme, 60), answer, growth(acme), assign(), conclude]) {
      spec
        .given([scheduled, noticeSent, started, reviewed(oldAction1)])
        .when(command)
        .thenRejects({
          rule: 'review.previous_actions_pending',
          ids: { reviewId, actionId: oldAction2 },
        });
    }
  });

  it('rejects reviewing an action that is not one of the previous open actions', () => {
    spec
      .given([scheduled, noticeSent, started])
      .when(reviewAction(newAction))
      .thenRejects({
        rule: 'review.action_not_from_previous_review',
        ids: { reviewId, actionId: newAction },
      });
  });

  it('rejects reviewing a previous action twice', () => {
    spec
      .given([scheduled, noticeSent, started, reviewed(oldAction1)])
      .when(reviewAction(oldAction1))
      .thenRejects({ rule: 'review.previous_action_already_reviewed' });
  });

  it('records a discussion that kept to its time box', () => {
    spec
      .given(holding)
      .when(discuss(acme, 120))
      .then([discussed(acme, 120)]);
  });

  it('records an over-run when a discussion passes its time box', () => {
    spec
      .given(holding)
      .when(discuss(acme, 200))
      .then([
        discussed(acme, 200),
        {
          type: 'AccountDiscussionOverran',
          data: {
            reviewId,
            accountId: acme,
            timeBoxSeconds: 120,
            durationSeconds: 200,
            overrunSeconds: 80,
          },
        },
      ]);
  });

  it('rejects a discussion that ends before it starts, at the schema', () => {
    spec.given(holding).when(discuss(acme, -5)).thenRejects({ code: 'validation_failed' });
  });

  it('rejects discussing or setting expectations for an account outside the scope', () => {
    spec
      .given(holding)
      .when(discuss(outsider, 60))
      .thenRejects({ rule: 'review.account_out_of_scope', ids: { accountId: outsider } });
    spec
      .given(holding)
      .when(growth(outsider))
      .thenRejects({ rule: 'review.account_out_of_scope', ids: { accountId: outsider } });
  });

  it('rejects discussing the same account twice', () => {
    const discussed = reviewDecider.decide(ReviewCommand.parse(discuss(globex, 30)), fold(holding));
    spec
      .given([...holding, ...discussed])
      .when(discuss(globex, 30))
      .thenRejects({ rule: 'review.account_already_discussed', ids: { accountId: globex } });
  });

  it('answers the five questions, a later answer replacing an earlier one', () => {
    const first = reviewDecider.decide(ReviewCommand.parse(answer), fold(holding));
    const second = reviewDecider.decide(
      ReviewCommand.parse({ ...answer, answer: 'Pricing approval for Acme' }),
      fold([...holding, ...first]),
    );
    expect(fold([...holding, ...first, ...second]).answers.needs_from_manager?.answer).toBe(
      'Pricing approval for Acme',
    );
  });

  it('sets a growth expectation per account', () => {
    spec
      .given(holding)
      .when(growth(acme))
      .then([
        {
          type: 'GrowthExpectationSet',
          data: {
            reviewId,
            accountId: acme,
            expectation: { growthBasisPoints: 1000, additionalRevenue: null },
            note: null,
            at: at,
          },
        },
      ]);
  });

  it('assigns a new action item to the manager, in writing', () => {
    spec
      .given(holding)
      .when(assign({ accountId: globex }))
      .then([
        {
          type: 'ActionItemAssigned',
          data: {
            reviewId,
            actionId: newAction,
            ownerRole: 'manager',
            ownerId: 'mgr-1',
            title: 'Introduce rep to Globex procurement',
            accountId: globex,
            dueOn: '2026-03-31',
            at: at,
          },
        },
      ]);
  });

  it("rejects an action item owned by someone other than the review's rep or manager", () => {
    spec
      .given(holding)
      .when(assign({ ownerId: 'mgr-2' }))
      .thenRejects({ rule: 'review.action_owner_not_participant', ids: { ownerId: 'mgr-2' } });
    spec
      .given(holding)
      .when(assign({ ownerRole: 'rep', ownerId: 'mgr-1' }))
      .thenRejects({ rule: 'review.action_owner_not_participant' });
  });

  it('rejects assigning the same action id twice', () => {
    const assigned = reviewDecider.decide(ReviewCommand.parse(assign()), fold(holding));
    spec
      .given([...holding, ...assigned])
      .when(assign({ title: 'Another' }))
      .thenRejects({ rule: 'review.action_already_assigned', ids: { actionId: newAction } });
  });

  it('rejects an action item due before the day of the review', () => {
    spec
      .given(holding)
      .when(assign({ dueOn: '2026-03-15' }))
      .thenRejects({ rule: 'review.action_due_before_review' });
  });
});

describe('concluding and cancelling', () => {
  it('concludes, recording what was left out and the actions agreed', () => {
    const assigned = reviewDecider.decide(ReviewCommand.parse(assign()), fold(holding));
    spec
      .given([...holding, ...assigned])
      .when({ ...conclude, summary: 'Good month' })
      .then([
        {
          type: 'ReviewConcluded',
          data: {
            reviewId,
            summary: 'Good month',
            undiscussedAccountIds: [acme, globex],
            unansweredQuestions: [...allQuestions],
            actionIds: [newAction],
            at: '2026-03-16T10:00:00Z',
          },
        },
      ]);
  });

  it("concludes a rep's first review, which has no previous actions to review", () => {
    const firstStarted: ReviewEvent = {
      type: 'ReviewStarted',
      data: { reviewId, previousReview: null, at: '2026-03-16T09:00:00.000Z' },
    };
    spec
      .given([scheduled, noticeSent, firstStarted])
      .when(conclude)
      .then([
        {
          ...concluded,
          data: {
            ...concluded.data,
            unansweredQuestions: [...allQuestions],
            at: '2026-03-16T10:00:00Z',
          },
        } as ReviewEvent,
      ]);
  });

  it('rejects concluding a review twice, and anything else after it concluded', () => {
    for (const command of [
      conclude,
      cancel,
      start,
      notice('2026-03-20T09:00:00Z'),
      ...holdingSteps,
    ]) {
      spec
        .given([...holding, concluded])
        .when(command)
        .thenRejects({ rule: 'review.concluded', ids: { reviewId } });
    }
  });

  it('cancels a review before it starts, or during the meeting', () => {
    const cancelledNow: ReviewEvent = {
      type: 'ReviewCancelled',
      data: { reviewId, reason: 'Rep left the company', at: at },
    };
    spec
      .given([scheduled])
      .when({ ...cancel, reason: 'Rep left the company' })
      .then([cancelledNow]);
    spec
      .given(holding)
      .when({ ...cancel, reason: 'Rep left the company' })
      .then([cancelledNow]);
  });

  it('a cancelled review accepts nothing more', () => {
    for (const command of [cancel, schedule, start, conclude, ...holdingSteps]) {
      const expected = command === schedule ? 'review.already_scheduled' : 'review.cancelled';
      spec.given([scheduled, cancelled]).when(command).thenRejects({ rule: expected });
    }
  });
});

function fold(events: readonly ReviewEvent[]) {
  return foldEvents(reviewDecider, events);
}
