import type {
  AccountStatus,
  ContactRole,
  ContactStance,
  LossReason,
  OpportunityLossReason,
  OpportunityStage,
  RelationshipLevel,
} from '../accounts/events.js';
import type { ActionItemOwnerRole } from '../actions/events.js';
import type { Position } from '../eventStore/position.js';
import { daysBetween } from '../periods/period.js';
import type { AccountBookState } from './accountBook.js';
import {
  type AccountFigures,
  accountFigures,
  type ContactFigures,
  type OpportunityFigures,
} from './accountFigures.js';
import { businessTimeOf } from './asOf.js';
import type { CommitmentLedgerState } from './commitmentLedger.js';
import type { ProjectedEvent } from './projection.js';

/** Where a change comes from: the event that made it. */
export interface ChangeSource {
  readonly position: Position;
  readonly eventId: string | null;
  readonly eventType: string;
  /** The event's business time. */
  readonly at: string | null;
}

/** A value before and after a change. */
export type FromTo<T> = { readonly from: T; readonly to: T };

/**
 * One change to an account's figures, as an event made it, with enough to replay it: applying
 * every change of a list, in order, to the figures before gives the figures after
 * ({@link replayChanges}).
 */
export type AccountChangeDetail =
  | {
      readonly kind: 'account_opened';
      readonly name: string;
      readonly status: AccountStatus;
      readonly ownerRepId: string;
      readonly territoryId: string | null;
    }
  | ({ readonly kind: 'account_renamed' } & FromTo<string | null>)
  | ({ readonly kind: 'owner_changed' } & FromTo<string | null>)
  | ({ readonly kind: 'territory_changed' } & FromTo<string | null>)
  | ({
      readonly kind: 'status_changed';
      /** Why it was lost, when it was. */
      readonly lossReason: LossReason | null;
    } & FromTo<AccountStatus | null>)
  | {
      readonly kind: 'revenue_recorded';
      readonly revenueId: string;
      readonly period: string;
      readonly productLine: string;
      readonly amountMinor: number;
    }
  | ({
      readonly kind: 'revenue_corrected';
      readonly revenueId: string;
      readonly period: string;
      readonly productLine: string;
    } & FromTo<number>)
  | {
      readonly kind: 'opportunity_created';
      readonly opportunityId: string;
      readonly opportunity: OpportunityFigures;
    }
  | ({
      readonly kind: 'opportunity_moved';
      readonly opportunityId: string;
      readonly probability: FromTo<number>;
    } & FromTo<OpportunityStage>)
  | {
      readonly kind: 'opportunity_revised';
      readonly opportunityId: string;
      readonly value: FromTo<{ readonly amountMinor: number; readonly currency: string }>;
      readonly probability: FromTo<number>;
      readonly expectedClose: FromTo<string>;
      readonly productLine: FromTo<string>;
      /** Days the expected close moved later (negative: earlier): above 0, it slipped. */
      readonly slippedDays: number;
    }
  | ({ readonly kind: 'opportunity_sponsor_changed'; readonly opportunityId: string } & FromTo<
      string | null
    >)
  | {
      readonly kind: 'opportunity_won';
      readonly opportunityId: string;
      readonly value: FromTo<{ readonly amountMinor: number; readonly currency: string }>;
    }
  | {
      readonly kind: 'opportunity_lost';
      readonly opportunityId: string;
      readonly reason: OpportunityLossReason;
    }
  | { readonly kind: 'contact_added'; readonly contactId: string; readonly contact: ContactFigures }
  | ({ readonly kind: 'contact_role_changed'; readonly contactId: string } & FromTo<ContactRole>)
  | ({ readonly kind: 'contact_stance_moved'; readonly contactId: string } & FromTo<ContactStance>)
  | {
      readonly kind: 'contact_relationship_moved';
      readonly contactId: string;
      readonly relationship: FromTo<RelationshipLevel>;
      readonly targetRelationship: FromTo<RelationshipLevel>;
    }
  | { readonly kind: 'contact_forgotten'; readonly contactId: string }
  | { readonly kind: 'competitor_added'; readonly competitorId: string; readonly name: string }
  | { readonly kind: 'competitor_removed'; readonly competitorId: string }
  | ({
      readonly kind: 'satisfaction_recorded';
      /** When the new latest measurement was taken. */
      readonly at: string;
    } & FromTo<number | null>)
  | {
      readonly kind: 'action_opened';
      readonly actionId: string;
      readonly title: string;
      readonly ownerId: string;
      readonly ownerRole: ActionItemOwnerRole;
      readonly dueOn: string;
    }
  | ({ readonly kind: 'action_slipped'; readonly actionId: string } & FromTo<string>)
  | {
      readonly kind: 'action_done';
      readonly actionId: string;
      /** Done on or before its due date at the time. */
      readonly onTime: boolean;
    }
  | { readonly kind: 'action_cancelled'; readonly actionId: string };

/** One change with the event it came from. */
export type AccountChange = AccountChangeDetail & { readonly source: ChangeSource };

/** The kinds of change. */
export type AccountChangeKind = AccountChangeDetail['kind'];

/** What changed, in the words of seed 002's review: counts and ids by category. */
export interface AccountChangeSummary {
  readonly opportunities: {
    readonly created: readonly string[];
    readonly moved: readonly string[];
    /** Those whose expected close moved later. */
    readonly slipped: readonly string[];
    readonly won: readonly string[];
    readonly lost: readonly string[];
  };
  readonly revenue: {
    readonly beforeMinor: number;
    readonly afterMinor: number;
    readonly changeMinor: number;
  };
  readonly contacts: {
    readonly added: readonly string[];
    readonly forgotten: readonly string[];
    readonly stanceMoved: readonly string[];
  };
  readonly satisfaction: {
    readonly before: number | null;
    readonly after: number | null;
    /** `after - before`; null unless both are known. */
    readonly change: number | null;
  };
  readonly actions: {
    readonly opened: readonly string[];
    readonly done: readonly string[];
    readonly slipped: readonly string[];
    readonly cancelled: readonly string[];
  };
}

/** The changes of one account between two positions. */
export interface AccountChangeList {
  readonly accountId: string;
  readonly before: AccountFigures;
  readonly after: AccountFigures;
  /** Every change, in log order. */
  readonly changes: readonly AccountChange[];
  readonly summary: AccountChangeSummary;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
type Figures = Mutable<AccountFigures>;

/**
 * Applies changes, in order, to a copy of `figures` and returns it: the figures after. The
 * input is not touched. `replayChanges(before, changes)` equals the figures the read models
 * hold at the later position (the property the tests check).
 */
export function replayChanges(
  figures: AccountFigures,
  changes: readonly AccountChangeDetail[],
): AccountFigures {
  const out = structuredClone(figures) as Figures;
  for (const change of changes) applyChange(out, change);
  return out;
}

function applyChange(f: Figures, c: AccountChangeDetail): void {
  switch (c.kind) {
    case 'account_opened':
      f.status = c.status;
      f.name = c.name;
      f.ownerRepId = c.ownerRepId;
      f.territoryId = c.territoryId;
      return;
    case 'account_renamed':
      f.name = c.to;
      return;
    case 'owner_changed':
      f.ownerRepId = c.to;
      return;
    case 'territory_changed':
      f.territoryId = c.to;
      return;
    case 'status_changed':
      f.status = c.to;
      return;
    case 'revenue_recorded':
      f.revenueByPeriod[c.period] = (f.revenueByPeriod[c.period] ?? 0) + c.amountMinor;
      f.revenueTotalMinor += c.amountMinor;
      return;
    case 'revenue_corrected':
      f.revenueByPeriod[c.period] = (f.revenueByPeriod[c.period] ?? 0) + c.to - c.from;
      f.revenueTotalMinor += c.to - c.from;
      return;
    case 'opportunity_created':
      f.opportunities[c.opportunityId] = { ...c.opportunity };
      return;
    case 'opportunity_moved': {
      const o = f.opportunities[c.opportunityId]!;
      o.stage = c.to;
      o.probability = c.probability.to;
      return;
    }
    case 'opportunity_revised': {
      const o = f.opportunities[c.opportunityId]!;
      o.valueMinor = c.value.to.amountMinor;
      o.currency = c.value.to.currency;
      o.probability = c.probability.to;
      o.expectedClose = c.expectedClose.to;
      o.productLine = c.productLine.to;
      return;
    }
    case 'opportunity_sponsor_changed':
      f.opportunities[c.opportunityId]!.executiveSponsorContactId = c.to;
      return;
    case 'opportunity_won': {
      const o = f.opportunities[c.opportunityId]!;
      o.status = 'won';
      o.valueMinor = c.value.to.amountMinor;
      o.currency = c.value.to.currency;
      o.probability = 100;
      return;
    }
    case 'opportunity_lost': {
      const o = f.opportunities[c.opportunityId]!;
      o.status = 'lost';
      o.probability = 0;
      return;
    }
    case 'contact_added':
      f.contacts[c.contactId] = { ...c.contact };
      return;
    case 'contact_role_changed':
      f.contacts[c.contactId]!.role = c.to;
      return;
    case 'contact_stance_moved':
      f.contacts[c.contactId]!.stance = c.to;
      return;
    case 'contact_relationship_moved': {
      const contact = f.contacts[c.contactId]!;
      contact.relationship = c.relationship.to;
      contact.targetRelationship = c.targetRelationship.to;
      return;
    }
    case 'contact_forgotten':
      f.contacts[c.contactId]!.forgotten = true;
      return;
    case 'competitor_added':
      f.competitors[c.competitorId] = { name: c.name, active: true };
      return;
    case 'competitor_removed':
      f.competitors[c.competitorId]!.active = false;
      return;
    case 'satisfaction_recorded':
      f.satisfaction = c.to;
      f.satisfactionAt = c.at;
      return;
    case 'action_opened':
      f.actions[c.actionId] = {
        title: c.title,
        ownerId: c.ownerId,
        ownerRole: c.ownerRole,
        status: 'open',
        dueOn: c.dueOn,
      };
      return;
    case 'action_slipped': {
      const action = f.actions[c.actionId]!;
      action.status = 'slipped';
      action.dueOn = c.to;
      return;
    }
    case 'action_done':
      f.actions[c.actionId]!.status = 'done';
      return;
    case 'action_cancelled':
      f.actions[c.actionId]!.status = 'cancelled';
      return;
  }
}

/** Follows the changes of some accounts while events are folded: see {@link trackAccountChanges}. */
export interface AccountChangeTracker {
  /**
   * Looks at the next event in log order, before it is folded into the read models (the
   * tracker keeps its own figures, so it does not matter whether it is folded at all).
   */
  observe(event: ProjectedEvent): void;
  /** The changes so far, by account id. */
  result(): Record<string, AccountChangeList>;
}

/**
 * Starts following the changes of `accountIds` from the read models as they stand (the earlier
 * position): each event observed afterwards, in log order, is turned into the changes it makes
 * to the accounts' figures (opportunities created, moved, slipped, won, lost; revenue recorded
 * and corrected; contacts added, forgotten, moved; satisfaction; competitors; commitments
 * opened, done, slipped, cancelled; status, owner and territory). The read models are read at
 * the start only. Pure.
 */
export function trackAccountChanges(
  models: { readonly book: AccountBookState; readonly ledger: CommitmentLedgerState },
  accountIds: readonly string[],
): AccountChangeTracker {
  interface Tracked {
    readonly before: AccountFigures;
    readonly figures: Figures;
    readonly changes: AccountChange[];
    /** Revenue entries by id: where a correction applies and from what amount. */
    readonly revenue: Map<string, { period: string; productLine: string; amountMinor: number }>;
  }
  const tracked = new Map<string, Tracked>();
  for (const accountId of new Set(accountIds)) {
    const before = accountFigures(models, accountId);
    const revenue = new Map<string, { period: string; productLine: string; amountMinor: number }>();
    for (const entry of models.book.accounts[accountId]?.revenue ?? []) {
      revenue.set(entry.revenueId, {
        period: entry.period,
        productLine: entry.productLine,
        amountMinor: entry.amount.amountMinor,
      });
    }
    tracked.set(accountId, {
      before,
      figures: structuredClone(before) as Figures,
      changes: [],
      revenue,
    });
  }
  // Every commitment the ledger knows: a review's minutes naming a known action change nothing.
  const knownActions = new Set(Object.keys(models.ledger.commitments));
  const actionAccount = new Map<string, string>();
  for (const [accountId, ids] of Object.entries(models.ledger.byAccount)) {
    for (const id of ids) actionAccount.set(id, accountId);
  }

  const record = (t: Tracked, event: ProjectedEvent, detail: AccountChangeDetail) => {
    const change = {
      ...detail,
      source: {
        position: event.position,
        eventId: event.eventId ?? null,
        eventType: event.type,
        at: businessTimeOf(event),
      },
    } as AccountChange;
    applyChange(t.figures, detail);
    t.changes.push(change);
  };

  return {
    observe(event) {
      const data = event.data as Record<string, unknown> & {
        accountId?: string;
        actionId?: string;
      };
      if (event.type.startsWith('ActionItem')) {
        observeAction(event, data);
        return;
      }
      if (typeof data?.accountId !== 'string') return;
      const t = tracked.get(data.accountId);
      if (t === undefined) return;
      for (const detail of accountChangeOf(t, event)) record(t, event, detail);
    },
    result() {
      const out: Record<string, AccountChangeList> = {};
      for (const [accountId, t] of tracked) {
        const after = structuredClone(t.figures) as AccountFigures;
        out[accountId] = {
          accountId,
          before: t.before,
          after,
          changes: [...t.changes],
          summary: summarize(t.before, after, t.changes),
        };
      }
      return out;
    },
  };

  function observeAction(
    event: ProjectedEvent,
    data: Record<string, unknown> & { accountId?: string; actionId?: string },
  ): void {
    const actionId = data.actionId as string;
    if (event.type === 'ActionItemAssigned' || event.type === 'ActionItemOpened') {
      const d = data as {
        accountId: string | null;
        title: string;
        ownerId: string;
        ownerRole: ActionItemOwnerRole;
        dueOn: string;
      };
      // As the ledger does: minutes naming an action it knows change nothing.
      if (event.type === 'ActionItemAssigned' && knownActions.has(actionId)) return;
      knownActions.add(actionId);
      if (d.accountId === null) return;
      if (!actionAccount.has(actionId)) actionAccount.set(actionId, d.accountId);
      const t = tracked.get(d.accountId);
      if (t === undefined) return;
      const known = t.figures.actions[actionId];
      if (
        known &&
        known.status === 'open' &&
        known.title === d.title &&
        known.ownerId === d.ownerId &&
        known.ownerRole === d.ownerRole &&
        known.dueOn === d.dueOn
      ) {
        return;
      }
      record(t, event, {
        kind: 'action_opened',
        actionId,
        title: d.title,
        ownerId: d.ownerId,
        ownerRole: d.ownerRole,
        dueOn: d.dueOn,
      });
      return;
    }
    const accountId = actionAccount.get(actionId);
    const t = accountId === undefined ? undefined : tracked.get(accountId);
    const action = t?.figures.actions[actionId];
    if (t === undefined || action === undefined) return;
    if (event.type === 'ActionItemSlipped') {
      record(t, event, {
        kind: 'action_slipped',
        actionId,
        from: action.dueOn,
        to: (data as { newDueOn: string }).newDueOn,
      });
    } else if (event.type === 'ActionItemCompleted') {
      const at = businessTimeOf(event);
      record(t, event, {
        kind: 'action_done',
        actionId,
        onTime: at !== null && at.slice(0, 10) <= action.dueOn,
      });
    } else if (event.type === 'ActionItemCancelled') {
      record(t, event, { kind: 'action_cancelled', actionId });
    }
  }
}

/** The changes one account event makes to an account's figures (none for most). */
function accountChangeOf(
  t: {
    readonly figures: Figures;
    readonly revenue: Map<string, { period: string; productLine: string; amountMinor: number }>;
  },
  event: ProjectedEvent,
): AccountChangeDetail[] {
  const f = t.figures;
  // biome-ignore lint/suspicious/noExplicitAny: each case reads the fields its event type has.
  const d = event.data as any;
  if (f.status === null && event.type !== 'AccountOpened') return [];
  switch (event.type) {
    case 'AccountOpened':
      return [
        {
          kind: 'account_opened',
          name: d.name,
          status: d.status,
          ownerRepId: d.ownerRepId,
          territoryId: d.territoryId,
        },
      ];
    case 'AccountRenamed':
      return f.name === d.name ? [] : [{ kind: 'account_renamed', from: f.name, to: d.name }];
    case 'AccountOwnerAssigned':
      return f.ownerRepId === d.ownerRepId
        ? []
        : [{ kind: 'owner_changed', from: f.ownerRepId, to: d.ownerRepId }];
    case 'AccountTerritoryAssigned':
      return f.territoryId === d.territoryId
        ? []
        : [{ kind: 'territory_changed', from: f.territoryId, to: d.territoryId }];
    case 'AccountActivated':
    case 'AccountDeactivated':
    case 'AccountLost':
    case 'AccountReactivated': {
      const to: AccountStatus =
        event.type === 'AccountActivated'
          ? 'active'
          : event.type === 'AccountDeactivated'
            ? 'inactive'
            : event.type === 'AccountLost'
              ? 'lost'
              : d.status;
      return [
        {
          kind: 'status_changed',
          from: f.status,
          to,
          lossReason: event.type === 'AccountLost' ? { ...d.reason } : null,
        },
      ];
    }
    case 'RevenueRecorded':
      t.revenue.set(d.revenueId, {
        period: d.period,
        productLine: d.productLine,
        amountMinor: d.amount.amountMinor,
      });
      return [
        {
          kind: 'revenue_recorded',
          revenueId: d.revenueId,
          period: d.period,
          productLine: d.productLine,
          amountMinor: d.amount.amountMinor,
        },
      ];
    case 'RevenueCorrected': {
      const entry = t.revenue.get(d.revenueId);
      if (entry === undefined) return [];
      const from = entry.amountMinor;
      entry.amountMinor = d.amount.amountMinor;
      return [
        {
          kind: 'revenue_corrected',
          revenueId: d.revenueId,
          period: entry.period,
          productLine: entry.productLine,
          from,
          to: d.amount.amountMinor,
        },
      ];
    }
    case 'ContactAdded':
      return [
        {
          kind: 'contact_added',
          contactId: d.contactId,
          contact: {
            role: d.role,
            stance: d.stance,
            relationship: d.relationship,
            targetRelationship: d.targetRelationship,
            forgotten: false,
          },
        },
      ];
    case 'ContactRoleChanged': {
      const contact = f.contacts[d.contactId];
      if (!contact || contact.role === d.role) return [];
      return [
        { kind: 'contact_role_changed', contactId: d.contactId, from: contact.role, to: d.role },
      ];
    }
    case 'ContactAssessed': {
      const contact = f.contacts[d.contactId];
      if (!contact || contact.stance === d.stance) return [];
      return [
        {
          kind: 'contact_stance_moved',
          contactId: d.contactId,
          from: contact.stance,
          to: d.stance,
        },
      ];
    }
    case 'ContactRelationshipAssessed': {
      const contact = f.contacts[d.contactId];
      if (
        !contact ||
        (contact.relationship === d.relationship &&
          contact.targetRelationship === d.targetRelationship)
      ) {
        return [];
      }
      return [
        {
          kind: 'contact_relationship_moved',
          contactId: d.contactId,
          relationship: { from: contact.relationship, to: d.relationship },
          targetRelationship: { from: contact.targetRelationship, to: d.targetRelationship },
        },
      ];
    }
    case 'ContactForgotten': {
      const contact = f.contacts[d.contactId];
      if (!contact || contact.forgotten) return [];
      return [{ kind: 'contact_forgotten', contactId: d.contactId }];
    }
    case 'CompetitorAdded':
      return [{ kind: 'competitor_added', competitorId: d.competitorId, name: d.name }];
    case 'CompetitorRemoved': {
      const competitor = f.competitors[d.competitorId];
      if (!competitor?.active) return [];
      return [{ kind: 'competitor_removed', competitorId: d.competitorId }];
    }
    case 'SatisfactionRecorded':
      // A measurement taken before the latest one (recorded late) does not change the latest.
      if (f.satisfactionAt !== null && Date.parse(d.at) < Date.parse(f.satisfactionAt)) return [];
      return [{ kind: 'satisfaction_recorded', from: f.satisfaction, to: d.score, at: d.at }];
    case 'OpportunityIdentified':
      return [
        {
          kind: 'opportunity_created',
          opportunityId: d.opportunityId,
          opportunity: {
            name: d.name,
            kind: d.kind,
            stage: d.stage,
            status: 'open',
            valueMinor: d.value.amountMinor,
            currency: d.value.currency,
            probability: d.probability,
            expectedClose: d.expectedClose,
            productLine: d.productLine,
            executiveSponsorContactId: d.executiveSponsorContactId,
          },
        },
      ];
    case 'OpportunityRevised': {
      const o = f.opportunities[d.opportunityId];
      if (!o) return [];
      return [
        {
          kind: 'opportunity_revised',
          opportunityId: d.opportunityId,
          value: {
            from: { amountMinor: o.valueMinor, currency: o.currency },
            to: { amountMinor: d.value.amountMinor, currency: d.value.currency },
          },
          probability: { from: o.probability, to: d.probability },
          expectedClose: { from: o.expectedClose, to: d.expectedClose },
          productLine: { from: o.productLine, to: d.productLine },
          slippedDays: daysBetween(o.expectedClose, d.expectedClose),
        },
      ];
    }
    case 'OpportunityMoved': {
      const o = f.opportunities[d.opportunityId];
      if (!o) return [];
      return [
        {
          kind: 'opportunity_moved',
          opportunityId: d.opportunityId,
          from: o.stage,
          to: d.to,
          probability: { from: o.probability, to: d.probability },
        },
      ];
    }
    case 'OpportunitySponsorChanged': {
      const o = f.opportunities[d.opportunityId];
      if (!o || o.executiveSponsorContactId === d.executiveSponsorContactId) return [];
      return [
        {
          kind: 'opportunity_sponsor_changed',
          opportunityId: d.opportunityId,
          from: o.executiveSponsorContactId,
          to: d.executiveSponsorContactId,
        },
      ];
    }
    case 'OpportunityWon': {
      const o = f.opportunities[d.opportunityId];
      if (!o) return [];
      return [
        {
          kind: 'opportunity_won',
          opportunityId: d.opportunityId,
          value: {
            from: { amountMinor: o.valueMinor, currency: o.currency },
            to: { amountMinor: d.value.amountMinor, currency: d.value.currency },
          },
        },
      ];
    }
    case 'OpportunityLost': {
      const o = f.opportunities[d.opportunityId];
      if (!o) return [];
      return [{ kind: 'opportunity_lost', opportunityId: d.opportunityId, reason: d.reason }];
    }
    default:
      return [];
  }
}

function summarize(
  before: AccountFigures,
  after: AccountFigures,
  changes: readonly AccountChange[],
): AccountChangeSummary {
  const ids = <K extends AccountChangeKind>(
    kind: K,
    idOf: (c: Extract<AccountChange, { kind: K }>) => string,
    when: (c: Extract<AccountChange, { kind: K }>) => boolean = () => true,
  ) => [
    ...new Set(
      changes
        .filter((c): c is Extract<AccountChange, { kind: K }> => c.kind === kind)
        .filter(when)
        .map(idOf),
    ),
  ];
  return {
    opportunities: {
      created: ids('opportunity_created', (c) => c.opportunityId),
      moved: ids('opportunity_moved', (c) => c.opportunityId),
      slipped: ids(
        'opportunity_revised',
        (c) => c.opportunityId,
        (c) => c.slippedDays > 0,
      ),
      won: ids('opportunity_won', (c) => c.opportunityId),
      lost: ids('opportunity_lost', (c) => c.opportunityId),
    },
    revenue: {
      beforeMinor: before.revenueTotalMinor,
      afterMinor: after.revenueTotalMinor,
      changeMinor: after.revenueTotalMinor - before.revenueTotalMinor,
    },
    contacts: {
      added: ids('contact_added', (c) => c.contactId),
      forgotten: ids('contact_forgotten', (c) => c.contactId),
      stanceMoved: ids('contact_stance_moved', (c) => c.contactId),
    },
    satisfaction: {
      before: before.satisfaction,
      after: after.satisfaction,
      change:
        before.satisfaction === null || after.satisfaction === null
          ? null
          : after.satisfaction - before.satisfaction,
    },
    actions: {
      opened: ids('action_opened', (c) => c.actionId),
      done: ids('action_done', (c) => c.actionId),
      slipped: ids('action_slipped', (c) => c.actionId),
      cancelled: ids('action_cancelled', (c) => c.actionId),
    },
  };
}
