import type { AccountChange, AccountReviewChanges, ScoreChange } from '@account-planning/core';
import { formatDate, formatMoney } from '../../formatting/formatValue.js';
import { humanLabel } from '../labels/humanLabel.js';

/** What {@link changeLines} needs to put names and amounts into words. */
export interface ChangeWording {
  readonly currency: string;
  readonly locale: string;
  /** A contact's name, or null when unknown or forgotten. */
  readonly contactName: (contactId: string) => string | null;
  /** A person's (rep's, manager's) display name. */
  readonly personName: (userId: string) => string;
  /** A territory's display name. */
  readonly territoryName: (territoryId: string) => string;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/**
 * "What has changed since our last review?" (seed 002) for one account, in sentences: each
 * change in log order (opportunities created, moved, revised, won, lost; contacts added,
 * forgotten, stance and relationship moved; competitors; satisfaction; actions opened, done,
 * slipped, cancelled; status, owner, territory), revenue recorded in one line per period, and
 * last the health score's move with the factors that moved it. Empty when nothing changed.
 */
export function changeLines(changes: AccountReviewChanges, wording: ChangeWording): string[] {
  const { currency, locale } = wording;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const opportunity = (id: string) =>
    changes.after.opportunities[id]?.name ??
    changes.before.opportunities[id]?.name ??
    'An opportunity';
  const action = (id: string) =>
    changes.after.actions[id]?.title ?? changes.before.actions[id]?.title ?? 'An action';
  const contact = (id: string) => wording.contactName(id) ?? 'A contact';
  const lines: string[] = [];
  // Revenue is recorded entry by entry: tell it once per period, with its product lines.
  const revenueByPeriod = new Map<string, Map<string, number>>();
  const revenueLineAt = new Map<string, number>();
  for (const change of changes.changes) {
    if (change.kind === 'revenue_recorded') {
      let byLine = revenueByPeriod.get(change.period);
      if (!byLine) {
        byLine = new Map();
        revenueByPeriod.set(change.period, byLine);
        revenueLineAt.set(change.period, lines.length);
        lines.push('');
      }
      byLine.set(change.productLine, (byLine.get(change.productLine) ?? 0) + change.amountMinor);
      continue;
    }
    const line = changeLine(change, { money, opportunity, action, contact, wording });
    if (line !== null) lines.push(line);
  }
  for (const [period, byLine] of revenueByPeriod) {
    const total = [...byLine.values()].reduce((sum, amount) => sum + amount, 0);
    const parts =
      byLine.size > 1 ? ` (${[...byLine].map(([l, a]) => `${l} ${money(a)}`).join(', ')})` : '';
    lines[revenueLineAt.get(period)!] = `Revenue recorded for ${period}: ${money(total)}${parts}.`;
  }
  const health = healthLine(changes.health);
  if (health !== null) lines.push(health);
  return lines;
}

interface Words {
  readonly money: (minor: number) => string;
  readonly opportunity: (id: string) => string;
  readonly action: (id: string) => string;
  readonly contact: (id: string) => string;
  readonly wording: ChangeWording;
}

function changeLine(change: AccountChange, w: Words): string | null {
  const { money, wording } = w;
  const date = (day: string) => formatDate(day, wording.locale);
  switch (change.kind) {
    case 'account_opened':
      return `Account opened as ${humanLabel(change.status, true)}.`;
    case 'account_renamed':
      return `Renamed from ${change.from ?? '(none)'} to ${change.to ?? '(none)'}.`;
    case 'owner_changed':
      return `Owner changed from ${change.from ? wording.personName(change.from) : 'nobody'} to ${change.to ? wording.personName(change.to) : 'nobody'}.`;
    case 'territory_changed':
      return `Moved from territory ${change.from ? wording.territoryName(change.from) : '(none)'} to ${change.to ? wording.territoryName(change.to) : '(none)'}.`;
    case 'status_changed': {
      const why = change.lossReason
        ? ` (${change.lossReason.category}: ${humanLabel(change.lossReason.cause, true)})`
        : '';
      return `Status changed from ${humanLabel(change.from ?? 'none', true)} to ${humanLabel(change.to ?? 'none', true)}${why}.`;
    }
    case 'revenue_recorded':
      return null;
    case 'revenue_corrected':
      return `Revenue for ${change.period} (${change.productLine}) corrected from ${money(change.from)} to ${money(change.to)}.`;
    case 'opportunity_created': {
      const o = change.opportunity;
      return `New opportunity: ${o.name} (${humanLabel(o.kind, true)}, ${formatMoney(o.valueMinor, o.currency, wording.locale)}, ${humanLabel(o.stage, true)}, ${o.probability}%, closing ${date(o.expectedClose)}).`;
    }
    case 'opportunity_moved':
      return `${w.opportunity(change.opportunityId)} moved from ${humanLabel(change.from, true)} to ${humanLabel(change.to, true)} (${change.probability.from}% → ${change.probability.to}%).`;
    case 'opportunity_revised': {
      const parts: string[] = [];
      if (change.value.from.amountMinor !== change.value.to.amountMinor) {
        parts.push(
          `value ${formatMoney(change.value.from.amountMinor, change.value.from.currency, wording.locale)} → ${formatMoney(change.value.to.amountMinor, change.value.to.currency, wording.locale)}`,
        );
      }
      if (change.probability.from !== change.probability.to) {
        parts.push(`probability ${change.probability.from}% → ${change.probability.to}%`);
      }
      if (change.expectedClose.from !== change.expectedClose.to) {
        const slip = change.slippedDays > 0 ? ` (slipped ${change.slippedDays} days)` : '';
        parts.push(
          `close ${date(change.expectedClose.from)} → ${date(change.expectedClose.to)}${slip}`,
        );
      }
      if (change.productLine.from !== change.productLine.to) {
        parts.push(`product line ${change.productLine.from} → ${change.productLine.to}`);
      }
      return `${w.opportunity(change.opportunityId)} revised: ${parts.join('; ') || 'no figure changed'}.`;
    }
    case 'opportunity_sponsor_changed':
      return change.to
        ? `${w.opportunity(change.opportunityId)}: executive sponsor now ${w.contact(change.to)}.`
        : `${w.opportunity(change.opportunityId)}: no executive sponsor any more.`;
    case 'opportunity_won':
      return `Won: ${w.opportunity(change.opportunityId)}, ${formatMoney(change.value.to.amountMinor, change.value.to.currency, wording.locale)}.`;
    case 'opportunity_lost':
      return `Lost: ${w.opportunity(change.opportunityId)} (${humanLabel(change.reason, true)}).`;
    case 'contact_added':
      return `New contact: ${w.contact(change.contactId)} (${humanLabel(change.contact.role, true)}, ${change.contact.stance}).`;
    case 'contact_role_changed':
      return `${w.contact(change.contactId)}'s role changed from ${humanLabel(change.from, true)} to ${humanLabel(change.to, true)}.`;
    case 'contact_stance_moved':
      return `${w.contact(change.contactId)}'s stance moved from ${change.from} to ${change.to}.`;
    case 'contact_relationship_moved':
      return `Our relationship with ${w.contact(change.contactId)} moved from ${humanLabel(change.relationship.from, true)} to ${humanLabel(change.relationship.to, true)} (target ${humanLabel(change.targetRelationship.to, true)}).`;
    case 'contact_forgotten':
      return 'A contact was forgotten (their personal data erased).';
    case 'competitor_added':
      return `Competitor now active in the account: ${change.name}.`;
    case 'competitor_removed':
      return 'A competitor is no longer active in the account.';
    case 'satisfaction_recorded':
      return change.from === null
        ? `Satisfaction measured for the first time: ${change.to} of 10.`
        : `Satisfaction ${change.from} → ${change.to} of 10 (${date(change.at)}).`;
    case 'action_opened':
      return `New action: ${change.title} (${wording.personName(change.ownerId)}, due ${date(change.dueOn)}).`;
    case 'action_slipped':
      return `Action slipped: ${w.action(change.actionId)}, due ${date(change.from)} → ${date(change.to)}.`;
    case 'action_done':
      return `Action done${change.onTime ? ' on time' : ', late'}: ${w.action(change.actionId)}.`;
    case 'action_cancelled':
      return `Action cancelled: ${w.action(change.actionId)}.`;
  }
}

/** The health score's move since the last review, with the factors that moved it. */
function healthLine(health: ScoreChange): string | null {
  if (health.change === null || health.change === 0) return null;
  const moved = health.factors
    .filter((factor) => factor.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .map((factor) => {
      const cause = factor.movedBy.length === 0 ? ' (time passed)' : '';
      return `${humanLabel(factor.factor, true)} ${signed(factor.change)}${cause}`;
    });
  return `Health ${health.before} → ${health.after} (${signed(health.change)}): ${moved.join(', ')}.`;
}
