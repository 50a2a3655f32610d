import type { Money } from '../money/money.js';
import { CalendarDate, Period } from '../periods/period.js';
import type { AccountState } from './accountState.js';
import { findWhitespaceCell } from './accountState.js';
import type { AccountCommand } from './commands.js';
import type { AccountEvent } from './events.js';
import { violate } from './rules.js';

type Ids = Readonly<Record<string, string>>;
type Opened = AccountState & {
  readonly accountId: string;
  readonly currency: string;
  readonly status: NonNullable<AccountState['status']>;
};

/**
 * The events an Account command produces against the account's state. Pure: time and ids come
 * in with the command. A command that would change nothing (renaming to the current name,
 * activating an active account, forgetting a forgotten contact) produces no event.
 *
 * @throws {DomainRuleViolation} when the command breaks one of {@link accountRules}; the
 *   violation's `ids` name what was involved (`accountId`, `contactId`, `opportunityId`...).
 */
export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  const base = { accountId: command.accountId, at: command.at };
  if (command.type === 'OpenAccount') {
    if (state.status !== null) violate('account.already_opened', { accountId: command.accountId });
    if (command.parentAccountId === command.accountId) {
      violate('account.parent_self', { accountId: command.accountId });
    }
    return [{ type: 'AccountOpened', data: dataOf(command) }];
  }

  const account = opened(state, command.accountId);
  // seed 004: a lost account is history to learn from; only winning it back changes it. Forgetting
  // a contact stays possible because a person may ask for it at any time.
  if (
    account.status === 'lost' &&
    command.type !== 'ReactivateAccount' &&
    command.type !== 'ForgetContact'
  ) {
    violate('account.lost', { accountId: account.accountId });
  }

  switch (command.type) {
    case 'RenameAccount':
      return account.name === command.name
        ? []
        : [{ type: 'AccountRenamed', data: dataOf(command) }];
    case 'ChangeAccountIndustry':
      return account.industry === command.industry
        ? []
        : [{ type: 'AccountIndustryChanged', data: dataOf(command) }];
    case 'ChangeParentAccount':
      if (command.parentAccountId === account.accountId) {
        violate('account.parent_self', { accountId: account.accountId });
      }
      return account.parentAccountId === command.parentAccountId
        ? []
        : [{ type: 'AccountParentChanged', data: dataOf(command) }];
    case 'AssignAccountOwner':
      return account.ownerRepId === command.ownerRepId
        ? []
        : [{ type: 'AccountOwnerAssigned', data: dataOf(command) }];
    case 'AssignAccountTerritory':
      return account.territoryId === command.territoryId
        ? []
        : [{ type: 'AccountTerritoryAssigned', data: dataOf(command) }];

    case 'ActivateAccount':
      if (account.status === 'active') return [];
      return [
        {
          type: 'AccountActivated',
          data: { ...base, from: account.status === 'inactive' ? 'inactive' : 'prospect' },
        },
      ];
    case 'DeactivateAccount':
      if (account.status === 'inactive') return [];
      if (account.status === 'prospect') {
        violate('account.status_transition_invalid', {
          accountId: account.accountId,
          from: 'prospect',
          to: 'inactive',
        });
      }
      return [{ type: 'AccountDeactivated', data: { ...base } }];
    case 'MarkAccountLost': {
      const from = account.status;
      if (from === 'lost') violate('account.lost', { accountId: account.accountId });
      return [{ type: 'AccountLost', data: { ...base, from, reason: { ...command.reason } } }];
    }
    case 'ReactivateAccount':
      if (account.status !== 'lost') violate('account.not_lost', { accountId: account.accountId });
      return [{ type: 'AccountReactivated', data: dataOf(command) }];

    case 'RecordRevenue':
      requireFreshId(account, command.revenueId, 'revenueId');
      requirePeriod(command.period, { revenueId: command.revenueId });
      requireMoney(account, command.amount, { revenueId: command.revenueId });
      return [{ type: 'RevenueRecorded', data: dataOf(command) }];
    case 'CorrectRevenue': {
      const ids = { revenueId: command.revenueId, correctionId: command.correctionId };
      requireFreshId(account, command.correctionId, 'correctionId');
      if (!account.revenue[command.revenueId]) violate('account.revenue_unknown', ids);
      requireMoney(account, command.amount, ids);
      return [{ type: 'RevenueCorrected', data: dataOf(command) }];
    }

    case 'AddContact':
      requireFreshId(account, command.contactId, 'contactId');
      if (command.reportsToContactId !== null) {
        requireContact(account, command.reportsToContactId, 'reportsToContactId', {
          contactId: command.contactId,
        });
      }
      return [{ type: 'ContactAdded', data: dataOf(command) }];
    case 'ChangeContactDetails':
      requireContact(account, command.contactId, 'contactId');
      return [{ type: 'ContactDetailsChanged', data: dataOf(command) }];
    case 'ChangeContactRole': {
      const contact = requireContact(account, command.contactId, 'contactId');
      return contact.role === command.role
        ? []
        : [{ type: 'ContactRoleChanged', data: dataOf(command) }];
    }
    case 'AssessContact':
      requireContact(account, command.contactId, 'contactId');
      return [{ type: 'ContactAssessed', data: dataOf(command) }];
    case 'ChangeContactReportingLine': {
      const contact = requireContact(account, command.contactId, 'contactId');
      const reportsTo = command.reportsToContactId;
      if (contact.reportsToContactId === reportsTo) return [];
      if (reportsTo !== null) {
        const ids = { contactId: command.contactId, reportsToContactId: reportsTo };
        requireContact(account, reportsTo, 'reportsToContactId', ids);
        if (reachesUp(account, reportsTo, command.contactId))
          violate('account.reporting_cycle', ids);
      }
      return [
        {
          type: 'ContactReportingLineChanged',
          data: dataOf(command),
        },
      ];
    }
    case 'AssessContactRelationship':
      requireContact(account, command.contactId, 'contactId');
      return [{ type: 'ContactRelationshipAssessed', data: dataOf(command) }];
    case 'RecordContactReached':
      requireContact(account, command.contactId, 'contactId');
      return [{ type: 'ContactReached', data: dataOf(command) }];
    case 'ForgetContact': {
      const contact = account.contacts[command.contactId];
      if (!contact) violate('account.contact_unknown', { contactId: command.contactId });
      // Forgetting is retried until it sticks: a second request finds nothing left to forget.
      if (contact.forgottenAt !== null) return [];
      return [{ type: 'ContactForgotten', data: dataOf(command) }];
    }

    case 'AddCompetitor':
      requireFreshId(account, command.competitorId, 'competitorId');
      return [{ type: 'CompetitorAdded', data: dataOf(command) }];
    case 'AssessCompetitor':
      requireActiveCompetitor(account, command.competitorId);
      return [{ type: 'CompetitorAssessed', data: dataOf(command) }];
    case 'RemoveCompetitor':
      requireActiveCompetitor(account, command.competitorId);
      return [{ type: 'CompetitorRemoved', data: dataOf(command) }];
    case 'RecordSatisfaction':
      return [{ type: 'SatisfactionRecorded', data: dataOf(command) }];

    case 'IdentifyOpportunity': {
      const ids = { opportunityId: command.opportunityId };
      requireFreshId(account, command.opportunityId, 'opportunityId');
      requireMoney(account, command.value, ids);
      requireDate(command.expectedClose, ids);
      if (command.executiveSponsorContactId !== null) {
        requireContact(
          account,
          command.executiveSponsorContactId,
          'executiveSponsorContactId',
          ids,
        );
      }
      return [{ type: 'OpportunityIdentified', data: dataOf(command) }];
    }
    case 'ReviseOpportunity': {
      const ids = { opportunityId: command.opportunityId };
      requireOpenOpportunity(account, command.opportunityId);
      requireMoney(account, command.value, ids);
      requireDate(command.expectedClose, ids);
      return [{ type: 'OpportunityRevised', data: dataOf(command) }];
    }
    case 'MoveOpportunity': {
      const opportunity = requireOpenOpportunity(account, command.opportunityId);
      if (opportunity.stage === command.stage && opportunity.probability === command.probability) {
        return [];
      }
      return [
        {
          type: 'OpportunityMoved',
          data: {
            ...base,
            opportunityId: command.opportunityId,
            from: opportunity.stage,
            to: command.stage,
            probability: command.probability,
          },
        },
      ];
    }
    case 'ChangeOpportunitySponsor': {
      const opportunity = requireOpenOpportunity(account, command.opportunityId);
      const sponsor = command.executiveSponsorContactId;
      if (opportunity.executiveSponsorContactId === sponsor) return [];
      if (sponsor !== null) {
        requireContact(account, sponsor, 'executiveSponsorContactId', {
          opportunityId: command.opportunityId,
        });
      }
      return [
        {
          type: 'OpportunitySponsorChanged',
          data: dataOf(command),
        },
      ];
    }
    case 'WinOpportunity': {
      const opportunity = requireOpenOpportunity(account, command.opportunityId);
      const value = command.value ?? opportunity.value;
      requireMoney(account, value, { opportunityId: command.opportunityId });
      const won: AccountEvent = {
        type: 'OpportunityWon',
        data: { ...dataOf(command), value: { ...value } },
      };
      // A signed deal makes the buyer a customer: a prospect or inactive account becomes active.
      if (account.status === 'prospect' || account.status === 'inactive') {
        return [won, { type: 'AccountActivated', data: { ...base, from: account.status } }];
      }
      return [won];
    }
    case 'LoseOpportunity': {
      requireOpenOpportunity(account, command.opportunityId);
      if (command.competitorId !== null && !account.competitors[command.competitorId]) {
        violate('account.competitor_unknown', {
          opportunityId: command.opportunityId,
          competitorId: command.competitorId,
        });
      }
      return [{ type: 'OpportunityLost', data: dataOf(command) }];
    }

    case 'AssessWhitespaceCell': {
      const estimate = command.estimatedPotential;
      const ids = { offering: command.offering };
      if (estimate !== null) {
        requireMoney(account, estimate, ids);
        if (command.state === 'no_potential' && estimate.amountMinor > 0) {
          violate('account.whitespace_estimate_without_potential', ids);
        }
      }
      const cell = findWhitespaceCell(account, command.buyingUnit, command.offering);
      if (
        cell &&
        cell.state === command.state &&
        sameMoney(cell.estimatedPotential, command.estimatedPotential)
      ) {
        return [];
      }
      return [
        {
          type: 'WhitespaceCellAssessed',
          data: dataOf(command),
        },
      ];
    }
  }
}

// Most events record exactly what their command says; the command's type is the one difference.
function dataOf<C extends AccountCommand>(command: C): Omit<C, 'type'> {
  const { type: _type, ...data } = command;
  return data;
}

function opened(state: AccountState, accountId: string): Opened {
  if (state.status === null || state.accountId === null || state.currency === null) {
    violate('account.not_opened', { accountId });
  }
  if (state.accountId !== accountId) {
    violate('account.id_mismatch', { accountId, streamAccountId: state.accountId });
  }
  return state as Opened;
}

// Ids are unique across everything inside the account, so a read model can key any of them alone.
function requireFreshId(account: Opened, id: string, role: string): void {
  const used =
    id === account.accountId ||
    id in account.revenue ||
    id in account.contacts ||
    id in account.competitors ||
    id in account.opportunities ||
    Object.values(account.revenue).some((entry) =>
      entry.corrections.some((correction) => correction.correctionId === id),
    );
  if (used) violate('account.duplicate_id', { [role]: id });
}

function requireMoney(account: Opened, amount: Money, ids: Ids): void {
  if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor < 0) {
    violate('account.money_invalid', ids);
  }
  if (amount.currency !== account.currency) {
    violate('account.currency_mismatch', {
      ...ids,
      currency: String(amount.currency),
      accountCurrency: account.currency,
    });
  }
}

function requirePeriod(period: string, ids: Ids): void {
  if (!Period.safeParse(period).success) violate('account.period_invalid', { ...ids, period });
}

function requireDate(date: string, ids: Ids): void {
  if (!CalendarDate.safeParse(date).success) violate('account.period_invalid', { ...ids, date });
}

function requireContact(account: Opened, contactId: string, role: string, ids: Ids = {}) {
  const contact = account.contacts[contactId];
  if (!contact) violate('account.contact_unknown', { ...ids, [role]: contactId });
  if (contact.forgottenAt !== null)
    violate('account.contact_forgotten', { ...ids, [role]: contactId });
  return contact;
}

// True when following reporting lines up from `from` reaches `target` (so `target` reporting to
// `from` would close a loop). The visited set guards against a loop already in the state.
function reachesUp(account: Opened, from: string, target: string): boolean {
  const visited = new Set<string>();
  let current: string | null = from;
  while (current !== null && !visited.has(current)) {
    if (current === target) return true;
    visited.add(current);
    current = account.contacts[current]?.reportsToContactId ?? null;
  }
  return false;
}

function requireActiveCompetitor(account: Opened, competitorId: string): void {
  const competitor = account.competitors[competitorId];
  if (!competitor) violate('account.competitor_unknown', { competitorId });
  if (competitor.removedAt !== null) violate('account.competitor_removed', { competitorId });
}

function requireOpenOpportunity(account: Opened, opportunityId: string) {
  const opportunity = account.opportunities[opportunityId];
  if (!opportunity) violate('account.opportunity_unknown', { opportunityId });
  if (opportunity.status !== 'open') {
    violate('account.opportunity_closed', { opportunityId, status: opportunity.status });
  }
  return opportunity;
}

function sameMoney(a: Money | null, b: Money | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.amountMinor === b.amountMinor && a.currency === b.currency)
  );
}
