import type { Draft } from 'immer';
import type { z } from 'zod';
import { accountDecider } from '../accounts/accountDecider.js';
import type { AccountState } from '../accounts/accountState.js';
import { AccountCommand } from '../accounts/commands.js';
import type { AccountEvent } from '../accounts/events.js';
import { ActionItemCommand, type OpenActionItem } from '../actions/commands.js';
import type { ActionItemEvent } from '../actions/events.js';
import type { ActionItemState } from '../actions/evolve.js';
import { actionItemDecider } from '../actions/index.js';
import { violateRule } from '../catalog/violateRule.js';
import { createCommandHandler, type RetryPolicy } from '../commandHandling/commandHandler.js';
import type { Decider } from '../decider/decider.js';
import { StorageError } from '../errors.js';
import type { EventLike, EventStore } from '../eventStore/types.js';
import { createIdFactory, streamIdFor } from '../ids/ids.js';
import { PlanCommand } from '../plans/commands.js';
import type { PlanEvent } from '../plans/events.js';
import { planDecider } from '../plans/planDecider.js';
import type { PlanState } from '../plans/planState.js';
import { ReviewCommand, type ReviewPreviousAction } from '../reviews/commands.js';
import type { PreviousReview, ReviewEvent } from '../reviews/events.js';
import type { ReviewState } from '../reviews/evolve.js';
import { createReviewDecider } from '../reviews/index.js';
import type { NoticePolicy } from '../reviews/noticePolicy.js';
import { SalesPlanCommand } from '../salesPlans/commands.js';
import type { SalesPlanEvent } from '../salesPlans/events.js';
import { salesPlanDecider } from '../salesPlans/salesPlanDecider.js';
import type { SalesPlanState } from '../salesPlans/salesPlanState.js';
import { salesPlanStreamId } from '../salesPlans/salesPlanStreamId.js';
import { TerritoryCommand } from '../territories/commands.js';
import type { TerritoryEvent } from '../territories/events.js';
import { territoryDecider } from '../territories/territoryDecider.js';
import type { TerritoryState } from '../territories/territoryState.js';
import {
  type AggregateService,
  type AggregateWiring,
  createAggregateExecute,
  type EdgeCommand,
  type ServiceEdge,
} from './aggregateService.js';
import { changeParentAccount } from './changeParentAccount.js';
import {
  type DomainIndex,
  emptyDomainIndex,
  indexEvent,
  isActionFromRepReviews,
  previousReviewOf,
} from './domainIndex.js';
import { type CrossAggregateRule, crossAggregateRules } from './rules.js';

/** Options of {@link createAccountPlanning}. */
export interface AccountPlanningOptions {
  /** The event store, bound to one tenant. */
  readonly store: EventStore;
  /** Business time for commands that carry no `at`, and for `metadata.occurredAt` (default: now). */
  readonly clock?: () => Date;
  /** Makes the ids of new accounts, plans, reviews, action items and claims (default: ULIDs). */
  readonly ids?: () => string;
  /** What too-short notice of a review gets (default: 7/14 days, warn). */
  readonly noticePolicy?: NoticePolicy;
  /** How often a command is decided again after losing a race (default: 5 attempts). */
  readonly retry?: RetryPolicy;
  /** How to wait before deciding again after a lost race (default `setTimeout`). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The commands of each aggregate, as a product sends them (see {@link EdgeCommand}). The id of
 * what a command adds to an account (a revenue entry, a correction, a contact, a competitor, an
 * opportunity) may be left out too: the new id is in the command's recorded event.
 */
export type AccountCommandInput = EdgeCommand<
  z.input<typeof AccountCommand>,
  {
    OpenAccount: 'accountId';
    RecordRevenue: 'revenueId';
    CorrectRevenue: 'correctionId';
    AddContact: 'contactId';
    AddCompetitor: 'competitorId';
    IdentifyOpportunity: 'opportunityId';
  }
>;
/** A plan command as a product sends it. */
export type PlanCommandInput = EdgeCommand<z.input<typeof PlanCommand>, { DraftPlan: 'planId' }>;
/** A review command as a product sends it. */
export type ReviewCommandInput = EdgeCommand<
  z.input<typeof ReviewCommand>,
  { ScheduleReview: 'reviewId'; AssignActionItem: 'actionId' }
>;
/** An action-item command as a product sends it. */
export type ActionItemCommandInput = EdgeCommand<
  z.input<typeof ActionItemCommand>,
  { OpenActionItem: 'actionId' }
>;
/** A territory command as a product sends it. */
export type TerritoryCommandInput = EdgeCommand<z.input<typeof TerritoryCommand>>;
/** A sales-plan command as a product sends it. */
export type SalesPlanCommandInput = EdgeCommand<z.input<typeof SalesPlanCommand>>;

/**
 * The entry point a product calls: one typed `execute` per aggregate, the cross-aggregate rules
 * checked against a read model of the log, and the writes that follow from a command made on
 * the streams they belong to. See {@link createAccountPlanning} for what holds under
 * concurrent commands.
 */
export interface AccountPlanning {
  readonly accounts: AggregateService<AccountState, AccountEvent, AccountCommandInput>;
  readonly plans: AggregateService<PlanState, PlanEvent, PlanCommandInput>;
  readonly reviews: AggregateService<ReviewState, ReviewEvent, ReviewCommandInput>;
  readonly actionItems: AggregateService<ActionItemState, ActionItemEvent, ActionItemCommandInput>;
  readonly territories: AggregateService<TerritoryState, TerritoryEvent, TerritoryCommandInput>;
  readonly salesPlans: AggregateService<
    SalesPlanState,
    SalesPlanEvent,
    SalesPlanCommandInput,
    [repId: string, period: string]
  >;
  /**
   * The read model the cross-aggregate rules are checked against, caught up with the log: a
   * copy, for inspection (which actions a rep's next review will start with, say).
   */
  readModel(): Promise<DomainIndex>;
}

/**
 * Creates the application service over one store: the entry point products call.
 *
 * Each command is parsed (a `ValidationError` with paths), checked against the rules that span
 * aggregates (a `DomainRuleViolation`), then decided and appended by its aggregate's command
 * handler. The cross-aggregate rules are checked against a small read model built from the
 * store's log (which accounts, plans, reviews, territories and action items exist; the account
 * hierarchy; each rep's concluded reviews and their open actions), caught up before each check:
 * - an account's parent exists and the hierarchy has no cycle; an account's territory exists;
 * - a plan, a review, a sales-plan allocation and an action item name accounts that exist; a
 *   strategic plan review's plan and an action item's source exist;
 * - a review starts with exactly the actions still open from the same rep's concluded reviews
 *   (filled in when the command leaves them out), and a status reported for one of them agrees
 *   with the action item's own record.
 * Some commands lead to writes on other streams, made right after the command's own append:
 * an action item agreed in a review (`AssignActionItem`) or listed among a plan's next steps is
 * opened on its own stream (`action-<id>`), a previous action reviewed as done, slipped or
 * cancelled is completed, slipped or cancelled on its stream, and a forgotten contact's
 * personal data is removed from every stored event that carried it (`store.forgetSubject`; a
 * store without that capability refuses `ForgetContact` with a `StorageError`, nothing written).
 *
 * **Under concurrent commands** (any number of processes on one store, every write going
 * through this service), this holds:
 * - Every rule inside one aggregate: a command is decided against its stream's latest state and
 *   appended only if the stream has not moved; a lost race is decided again. Two concurrent
 *   `ConcludeReview`s conclude once; two `CompleteActionItem`s complete once.
 * - Existence: nothing is ever deleted, so an account, plan, review, territory or action item
 *   that existed when checked still exists when the command lands. No race can break it.
 * - No cycle in the account hierarchy: parent changes are serialised through a ledger stream
 *   (see `changeParentAccount`); two concurrent changes that together would close a cycle
 *   cannot both succeed. A crash mid-change can only make the check stricter for that account
 *   until its stream next moves.
 * What a race can break, by design:
 * - The actions a review starts with are the open ones when it starts. An action closed while
 *   the review starts is still listed (and reviewed: its status is reported as it is). A review
 *   of the same rep that concludes while this one starts is not this one's previous review:
 *   its new actions stay open and are reviewed at the rep's next review. No action is lost.
 * - Follow-up writes are separate appends after the command's own: if the process dies in
 *   between, the review's minutes hold an action whose stream is not opened yet (the read model
 *   counts it as open, so the next review still lists it), or a reported status is not yet
 *   applied. Retrying the command with the same idempotency key finishes the job.
 * - Writes that bypass this service (a bare command handler) skip every cross-aggregate check.
 *
 * A command that creates a stream (`OpenAccount`, `DraftPlan`, `ScheduleReview`,
 * `OpenActionItem`) retried with its idempotency key and again without its id replays onto the
 * stream the first attempt began (the read model remembers which stream each key began), also
 * when the attempts race: a product can retry a create without keeping the id it never got.
 *
 * The service records one event type of its own, `AccountParentClaimed`, on the ledger stream
 * `hierarchy-accounts`: a store that validates events needs `createDomainEventRegistry()`.
 *
 * @example
 * ```ts
 * const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
 * const planning = createAccountPlanning({ store });
 * const { state } = await planning.accounts.execute({ type: 'OpenAccount', name: 'Acme',
 *   ownerRepId: 'rep-1', currency: 'EUR' });
 * await planning.reviews.execute({ type: 'ScheduleReview', kind: 'monthly', repId: 'rep-1',
 *   managerId: 'mgr-1', accountIds: [state.accountId!], scheduledFor: '2026-03-16T09:00:00Z' });
 * ```
 */
export function createAccountPlanning(options: AccountPlanningOptions): AccountPlanning {
  const { store, retry } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const clock = options.clock ?? (() => new Date());
  const newId = options.ids ?? createIdFactory(() => clock().getTime());
  const edge: ServiceEdge = {
    now: () => clock().toISOString(),
    newId,
    streamBegunBy: async (key) => (await catchUp()).streamsByIdempotencyKey[key],
  };
  const handlerFor = <S, C, E extends EventLike>(decider: Decider<S, C, E>) =>
    createCommandHandler({ store, decider, clock, sleep, ...(retry ? { retry } : {}) });
  const reviewDecider = createReviewDecider(
    options.noticePolicy ? { noticePolicy: options.noticePolicy } : {},
  );
  const handlers = {
    accounts: handlerFor(accountDecider),
    plans: handlerFor(planDecider),
    reviews: handlerFor(reviewDecider),
    actionItems: handlerFor(actionItemDecider),
    territories: handlerFor(territoryDecider),
    salesPlans: handlerFor(salesPlanDecider),
  };

  const index = emptyDomainIndex() as Draft<DomainIndex>;
  let catchingUp: Promise<unknown> = Promise.resolve();
  /** Folds every event committed so far into the read model, one catch-up at a time. */
  const catchUp = (): Promise<DomainIndex> => {
    const run = catchingUp.then(async () => {
      for (;;) {
        const read = await store.readAll(
          index.position === null ? { limit: 1000 } : { after: index.position, limit: 1000 },
        );
        for (const event of read.events) indexEvent(index, event);
        if (read.endOfLog || read.events.length === 0) return;
      }
    });
    catchingUp = run.catch(() => undefined);
    return run.then(() => index as DomainIndex);
  };

  const requireAccount = (
    known: DomainIndex,
    accountId: string | null | undefined,
    rule: CrossAggregateRule,
    ids: Record<string, string>,
  ) => {
    if (accountId && !known.accounts[accountId]) {
      violateRule(crossAggregateRules, rule, { ...ids, accountId });
    }
  };

  // ---- action items ----------------------------------------------------------------------

  /** Opens an action item's stream unless it is open already; safe to repeat. */
  const ensureActionOpened = async (command: OpenActionItem): Promise<void> => {
    const streamId = streamIdFor('action', command.actionId);
    const loaded = await handlers.actionItems.load(streamId);
    if (loaded.version > 0) return;
    await handlers.actionItems.handle(streamId, command, {
      idempotencyKey: `open-action-${command.actionId}`,
    });
  };

  const actionItems: AggregateWiring<ActionItemState, ActionItemCommand, ActionItemEvent> = {
    handler: handlers.actionItems,
    schema: ActionItemCommand,
    creating: { OpenActionItem: 'actionId' },
    streamOf: (command) => streamIdFor('action', command.actionId),
    async prepare(command) {
      if (command.type !== 'OpenActionItem') return command;
      const known = await catchUp();
      const ids = { actionId: command.actionId };
      const source = command.source;
      const exists =
        source.kind === 'review' ? known.reviews[source.reviewId] : known.plans[source.planId];
      if (!exists) {
        violateRule(crossAggregateRules, 'action.source_not_found', {
          ...ids,
          ...(source.kind === 'review' ? { reviewId: source.reviewId } : { planId: source.planId }),
        });
      }
      requireAccount(known, command.accountId, 'action.account_not_found', ids);
      return command;
    },
  };

  // ---- accounts --------------------------------------------------------------------------

  const accounts: AggregateWiring<AccountState, AccountCommand, AccountEvent> = {
    handler: handlers.accounts,
    schema: AccountCommand,
    creating: {
      OpenAccount: 'accountId',
      RecordRevenue: 'revenueId',
      CorrectRevenue: 'correctionId',
      AddContact: 'contactId',
      AddCompetitor: 'competitorId',
      IdentifyOpportunity: 'opportunityId',
    },
    streamOf: (command) => streamIdFor('account', command.accountId),
    async prepare(command) {
      const ids = { accountId: command.accountId };
      if (command.type === 'OpenAccount') {
        const known = await catchUp();
        const parent = command.parentAccountId;
        if (parent !== null && !known.accounts[parent]) {
          violateRule(crossAggregateRules, 'account.parent_not_found', {
            ...ids,
            parentAccountId: parent,
          });
        }
        requireTerritory(known, command.territoryId, ids);
      } else if (command.type === 'AssignAccountTerritory') {
        requireTerritory(await catchUp(), command.territoryId, ids);
      } else if (command.type === 'ForgetContact' && !canForget()) {
        // Recording ContactForgotten on a store that keeps the personal data would promise
        // something storage does not do: refuse before anything is written.
        throw new StorageError(
          'This store cannot remove personal data (capabilities.supportsForgetting is false); nothing was written',
          { outcome: 'not_written' },
        );
      }
      return command;
    },
    async afterwards(command) {
      // A person's data must leave storage, not only the state: the events that carried it are
      // redacted (and affected snapshots dropped). Idempotent, so a retried command, or a
      // second ForgetContact after a crash right here, finishes the job.
      if (command.type === 'ForgetContact') await store.forgetSubject?.(command.contactId);
    },
    run(command, streamId, handleOptions) {
      if (command.type !== 'ChangeParentAccount') return undefined;
      return changeParentAccount(
        {
          store,
          accounts: handlers.accounts,
          decider: accountDecider as Decider<AccountState, unknown, AccountEvent>,
          catchUp,
          newId,
          maxAttempts: Math.max(1, retry?.maxAttempts ?? 5),
          sleep,
        },
        command,
        streamId,
        handleOptions,
      );
    },
  };
  const canForget = () =>
    store.capabilities.supportsForgetting && typeof store.forgetSubject === 'function';
  const requireTerritory = (
    known: DomainIndex,
    territoryId: string | null,
    ids: Record<string, string>,
  ) => {
    if (territoryId !== null && !known.territories[territoryId]) {
      violateRule(crossAggregateRules, 'account.territory_not_found', { ...ids, territoryId });
    }
  };

  // ---- plans -----------------------------------------------------------------------------

  /** The action items a plan's next steps open, for the steps whose item is not opened yet. */
  const nextStepActions = (known: DomainIndex, command: PlanCommand): OpenActionItem[] => {
    if (command.type !== 'ListPlanNextSteps') return [];
    return command.section.steps
      .filter((step) => !known.actionItems[step.actionId])
      .map((step) => ({
        type: 'OpenActionItem',
        actionId: step.actionId,
        source: { kind: 'plan', planId: command.planId },
        ownerRole: step.ownerRole,
        ownerId: step.ownerId,
        title: step.title,
        dueOn: step.dueOn,
        at: command.at,
      }));
  };

  const plans: AggregateWiring<PlanState, PlanCommand, PlanEvent> = {
    handler: handlers.plans,
    schema: PlanCommand,
    creating: { DraftPlan: 'planId' },
    streamOf: (command) => streamIdFor('plan', command.planId),
    async prepare(command) {
      const known = await catchUp();
      const ids = { planId: command.planId };
      if (command.type === 'DraftPlan') {
        requireAccount(known, command.accountId, 'plan.account_not_found', ids);
      } else if (command.type === 'RecordPlanReview' && command.reviewId) {
        if (!known.reviews[command.reviewId]) {
          violateRule(crossAggregateRules, 'plan.review_not_found', {
            ...ids,
            reviewId: command.reviewId,
          });
        }
      }
      // Decide the follow-up openings now, so that a step the action item would refuse (due
      // before today) refuses the whole command before anything is written.
      for (const open of nextStepActions(known, command)) {
        actionItemDecider.decide(open, actionItemDecider.initialState);
      }
      return command;
    },
    async afterwards(command) {
      for (const open of nextStepActions(await catchUp(), command)) await ensureActionOpened(open);
    },
  };

  // ---- reviews ---------------------------------------------------------------------------

  /**
   * The previous review a review starts with: the one given, checked against the read model, or
   * the one the read model finds when none is given.
   */
  const settlePreviousReview = (
    known: DomainIndex,
    given: PreviousReview | null | undefined,
    repId: string,
    reviewId: string,
  ): PreviousReview | null => {
    const expected = previousReviewOf(known, repId, reviewId);
    if (given === undefined) return expected;
    const ids = { reviewId };
    if ((given?.reviewId ?? null) !== (expected?.reviewId ?? null)) {
      violateRule(crossAggregateRules, 'review.previous_review_mismatch', {
        ...ids,
        previousReviewId: given?.reviewId ?? 'none',
      });
    }
    for (const actionId of given?.openActionIds ?? []) {
      if (!isActionFromRepReviews(known, repId, reviewId, actionId)) {
        violateRule(crossAggregateRules, 'review.previous_action_foreign', { ...ids, actionId });
      }
    }
    const missing = expected?.openActionIds.find((id) => !given?.openActionIds.includes(id));
    if (missing !== undefined) {
      violateRule(crossAggregateRules, 'review.previous_actions_incomplete', {
        ...ids,
        actionId: missing,
      });
    }
    return given;
  };

  /**
   * The action-item command that applies a status reported in a review to the item's own
   * stream: null when there is nothing to change.
   * @throws {DomainRuleViolation} `review.action_outcome_conflict` when the item's record says otherwise.
   */
  const outcomeCommand = (
    command: ReviewPreviousAction,
    action: ActionItemState,
  ): ActionItemCommand | null => {
    const { outcome, actionId, at } = command;
    const open =
      action.status === 'none' || action.status === 'open' || action.status === 'slipped';
    const conflict = (): never =>
      violateRule(crossAggregateRules, 'review.action_outcome_conflict', {
        reviewId: command.reviewId,
        actionId,
      });
    if (!open) {
      if (outcome.status === action.status) return null;
      return conflict();
    }
    switch (outcome.status) {
      case 'open':
        return null;
      case 'done':
        return { type: 'CompleteActionItem', actionId, at, note: command.note };
      case 'cancelled':
        return { type: 'CancelActionItem', actionId, at, reason: command.note };
      case 'slipped':
        if (action.dueOn === outcome.newDueOn) return null;
        if (action.dueOn !== null && outcome.newDueOn < action.dueOn) return conflict();
        return {
          type: 'SlipActionItem',
          actionId,
          at,
          newDueOn: outcome.newDueOn,
          reason: command.note,
        };
    }
  };

  /** The action as agreed in its review's minutes, to open its stream if it was not yet. */
  const openingFromMinutes = async (
    known: DomainIndex,
    actionId: string,
  ): Promise<OpenActionItem | null> => {
    const reviewId = Object.keys(known.reviews).find((id) =>
      known.reviews[id]?.actionIds.includes(actionId),
    );
    if (reviewId === undefined) return null;
    const review = await handlers.reviews.load(streamIdFor('review', reviewId));
    const item = review.state.actionItems.find((a) => a.actionId === actionId);
    if (!item) return null;
    return {
      type: 'OpenActionItem',
      actionId,
      source: { kind: 'review', reviewId },
      ownerRole: item.ownerRole,
      ownerId: item.ownerId,
      title: item.title,
      ...(item.accountId === null ? {} : { accountId: item.accountId }),
      dueOn: item.dueOn,
      at: item.assignedAt,
    };
  };

  const reviews: AggregateWiring<ReviewState, ReviewCommand, ReviewEvent> = {
    handler: handlers.reviews,
    schema: ReviewCommand,
    creating: { ScheduleReview: 'reviewId', AssignActionItem: 'actionId' },
    streamOf: (command) => streamIdFor('review', command.reviewId),
    async prepare(command) {
      const ids = { reviewId: command.reviewId };
      switch (command.type) {
        case 'ScheduleReview': {
          const known = await catchUp();
          for (const accountId of command.accountIds) {
            requireAccount(known, accountId, 'review.account_not_found', ids);
          }
          if (command.planId !== undefined && !known.plans[command.planId]) {
            violateRule(crossAggregateRules, 'review.plan_not_found', {
              ...ids,
              planId: command.planId,
            });
          }
          const previous = settlePreviousReview(
            known,
            command.previousReview,
            command.repId,
            command.reviewId,
          );
          const { previousReview: _, ...rest } = command;
          return previous === null ? rest : { ...rest, previousReview: previous };
        }
        case 'StartReview': {
          const known = await catchUp();
          const review = known.reviews[command.reviewId];
          // An unknown review is the decider's to refuse (`review.not_scheduled`).
          if (!review) return command;
          const previousReview = settlePreviousReview(
            known,
            command.previousReview,
            review.repId,
            command.reviewId,
          );
          return { ...command, previousReview };
        }
        case 'AssignActionItem':
          requireAccount(await catchUp(), command.accountId, 'review.account_not_found', ids);
          return command;
        case 'ReviewPreviousAction': {
          // Refuse a status the action item's own record contradicts before writing anything.
          const action = await handlers.actionItems.load(streamIdFor('action', command.actionId));
          outcomeCommand(command, action.state);
          return command;
        }
        default:
          return command;
      }
    },
    async afterwards(command, result) {
      if (command.type === 'AssignActionItem') {
        // On a replay the recorded event names the action, not the command: a retry that left
        // the id to the service again carries a new one.
        const assigned = result.events.find((e) => e.type === 'ActionItemAssigned');
        const actionId = assigned?.data.actionId ?? command.actionId;
        const item = result.state.actionItems.find((a) => a.actionId === actionId);
        if (!item) return;
        await ensureActionOpened({
          type: 'OpenActionItem',
          actionId: item.actionId,
          source: { kind: 'review', reviewId: command.reviewId },
          ownerRole: item.ownerRole,
          ownerId: item.ownerId,
          title: item.title,
          ...(item.accountId === null ? {} : { accountId: item.accountId }),
          dueOn: item.dueOn,
          at: item.assignedAt,
        });
      } else if (command.type === 'ReviewPreviousAction') {
        const streamId = streamIdFor('action', command.actionId);
        let action = await handlers.actionItems.load(streamId);
        if (action.version === 0) {
          const opening = await openingFromMinutes(await catchUp(), command.actionId);
          if (opening === null) return;
          await ensureActionOpened(opening);
          action = await handlers.actionItems.load(streamId);
        }
        const change = outcomeCommand(command, action.state);
        if (change === null) return;
        // One report per action per review: the key makes a retried command apply it once.
        await handlers.actionItems.handle(streamId, change, {
          idempotencyKey: `reviewed-${command.reviewId}-${command.actionId}`,
        });
      }
    },
  };

  // ---- territories and sales plans -------------------------------------------------------

  const territories: AggregateWiring<TerritoryState, TerritoryCommand, TerritoryEvent> = {
    handler: handlers.territories,
    schema: TerritoryCommand,
    streamOf: (command) => streamIdFor('territory', command.territoryId),
  };

  const salesPlans: AggregateWiring<SalesPlanState, SalesPlanCommand, SalesPlanEvent> = {
    handler: handlers.salesPlans,
    schema: SalesPlanCommand,
    streamOf: (command) => salesPlanStreamId(command.repId, command.period),
    async prepare(command) {
      if (command.type === 'AllocateSalesPlanGrowth') {
        requireAccount(await catchUp(), command.accountId, 'salesplan.account_not_found', {
          repId: command.repId,
          period: command.period,
        });
      }
      return command;
    },
  };

  const service = <S, C extends { readonly type: string }, E extends EventLike, I>(
    wiring: AggregateWiring<S, C, E>,
    streamOfId: (id: string) => string,
  ): AggregateService<S, E, I> => ({
    execute: createAggregateExecute(wiring, edge),
    load: (id) => wiring.handler.load(streamOfId(id)),
  });

  return {
    accounts: service(accounts, (id) => streamIdFor('account', id)),
    plans: service(plans, (id) => streamIdFor('plan', id)),
    reviews: service(reviews, (id) => streamIdFor('review', id)),
    actionItems: service(actionItems, (id) => streamIdFor('action', id)),
    territories: service(territories, (id) => streamIdFor('territory', id)),
    salesPlans: {
      execute: createAggregateExecute(salesPlans, edge),
      load: (repId, period) => salesPlans.handler.load(salesPlanStreamId(repId, period)),
    },
    async readModel() {
      return structuredClone(await catchUp());
    },
  };
}
