import type { Draft } from 'immer';
import type { AccountState, ContactPersonalData } from './accountState.js';
import { sameBuyingUnit } from './accountState.js';
import type { AccountEvent } from './events.js';

/**
 * Applies one Account event by mutating `state` (an immer draft, or the private copy inside
 * `fold`). Pure: no clock, no randomness. Copies every object it keeps from the event, so the
 * state never shares structure with event data. An event naming something the state does not
 * know (which `decide` never produces) is ignored rather than crashing a replay.
 */
export function evolveAccount(state: Draft<AccountState>, event: AccountEvent): void {
  switch (event.type) {
    case 'AccountOpened': {
      const d = event.data;
      state.accountId = d.accountId;
      state.status = d.status;
      state.name = d.name;
      state.industry = d.industry;
      state.parentAccountId = d.parentAccountId;
      state.ownerRepId = d.ownerRepId;
      state.territoryId = d.territoryId;
      state.currency = d.currency;
      state.openedAt = d.at;
      state.statusHistory.push({ status: d.status, at: d.at, lossReason: null });
      return;
    }
    case 'AccountRenamed':
      state.name = event.data.name;
      return;
    case 'AccountIndustryChanged':
      state.industry = event.data.industry;
      return;
    case 'AccountParentChanged':
      state.parentAccountId = event.data.parentAccountId;
      return;
    case 'AccountOwnerAssigned':
      state.ownerRepId = event.data.ownerRepId;
      return;
    case 'AccountTerritoryAssigned':
      state.territoryId = event.data.territoryId;
      return;
    case 'AccountActivated':
      enterStatus(state, 'active', event.data.at);
      return;
    case 'AccountDeactivated':
      enterStatus(state, 'inactive', event.data.at);
      return;
    case 'AccountLost': {
      const reason = { ...event.data.reason };
      state.status = 'lost';
      state.lossReason = reason;
      state.statusHistory.push({ status: 'lost', at: event.data.at, lossReason: { ...reason } });
      return;
    }
    case 'AccountReactivated':
      enterStatus(state, event.data.status, event.data.at);
      return;

    case 'RevenueRecorded': {
      const d = event.data;
      state.revenue[d.revenueId] = {
        revenueId: d.revenueId,
        period: d.period,
        productLine: d.productLine,
        amountMinor: d.amount.amountMinor,
        recordedAmountMinor: d.amount.amountMinor,
        recordedAt: d.at,
        corrections: [],
      };
      return;
    }
    case 'RevenueCorrected': {
      const d = event.data;
      const entry = state.revenue[d.revenueId];
      if (!entry) return;
      entry.amountMinor = d.amount.amountMinor;
      entry.corrections.push({
        correctionId: d.correctionId,
        amountMinor: d.amount.amountMinor,
        reason: d.reason,
        at: d.at,
      });
      return;
    }

    case 'ContactAdded': {
      const d = event.data;
      state.contacts[d.contactId] = {
        contactId: d.contactId,
        personal: personalData(d),
        role: d.role,
        stance: d.stance,
        influence: d.influence,
        decisionPower: d.decisionPower,
        reportsToContactId: d.reportsToContactId,
        relationship: d.relationship,
        targetRelationship: d.targetRelationship,
        lastReachedAt: null,
        lastReachedChannel: null,
        addedAt: d.at,
        forgottenAt: null,
      };
      return;
    }
    case 'ContactDetailsChanged': {
      const contact = state.contacts[event.data.contactId];
      if (contact && contact.forgottenAt === null) contact.personal = personalData(event.data);
      return;
    }
    case 'ContactRoleChanged': {
      const contact = state.contacts[event.data.contactId];
      if (contact) contact.role = event.data.role;
      return;
    }
    case 'ContactAssessed': {
      const contact = state.contacts[event.data.contactId];
      if (!contact) return;
      contact.stance = event.data.stance;
      contact.influence = event.data.influence;
      contact.decisionPower = event.data.decisionPower;
      return;
    }
    case 'ContactReportingLineChanged': {
      const contact = state.contacts[event.data.contactId];
      if (contact) contact.reportsToContactId = event.data.reportsToContactId;
      return;
    }
    case 'ContactRelationshipAssessed': {
      const contact = state.contacts[event.data.contactId];
      if (!contact) return;
      contact.relationship = event.data.relationship;
      contact.targetRelationship = event.data.targetRelationship;
      return;
    }
    case 'ContactReached': {
      const contact = state.contacts[event.data.contactId];
      // A reach logged late must not make the contact look less recently reached.
      if (!contact || (contact.lastReachedAt !== null && contact.lastReachedAt > event.data.at)) {
        return;
      }
      contact.lastReachedAt = event.data.at;
      contact.lastReachedChannel = event.data.channel;
      return;
    }
    case 'ContactForgotten': {
      const contact = state.contacts[event.data.contactId];
      if (!contact) return;
      contact.personal = null;
      contact.forgottenAt = event.data.at;
      return;
    }

    case 'CompetitorAdded':
      state.competitors[event.data.competitorId] = {
        competitorId: event.data.competitorId,
        name: event.data.name,
        goals: [],
        messages: [],
        strategy: '',
        addedAt: event.data.at,
        removedAt: null,
      };
      return;
    case 'CompetitorAssessed': {
      const competitor = state.competitors[event.data.competitorId];
      if (!competitor) return;
      competitor.goals = [...event.data.goals];
      competitor.messages = [...event.data.messages];
      competitor.strategy = event.data.strategy;
      return;
    }
    case 'CompetitorRemoved': {
      const competitor = state.competitors[event.data.competitorId];
      if (competitor) competitor.removedAt = event.data.at;
      return;
    }
    case 'SatisfactionRecorded':
      state.satisfaction.push({
        score: event.data.score,
        method: event.data.method,
        at: event.data.at,
      });
      return;

    case 'OpportunityIdentified': {
      const d = event.data;
      state.opportunities[d.opportunityId] = {
        opportunityId: d.opportunityId,
        name: d.name,
        kind: d.kind,
        value: { ...d.value },
        stage: d.stage,
        probability: d.probability,
        expectedClose: d.expectedClose,
        productLine: d.productLine,
        executiveSponsorContactId: d.executiveSponsorContactId,
        source: d.source,
        status: 'open',
        outcome: null,
        identifiedAt: d.at,
      };
      return;
    }
    case 'OpportunityRevised': {
      const opportunity = state.opportunities[event.data.opportunityId];
      if (!opportunity) return;
      opportunity.value = { ...event.data.value };
      opportunity.probability = event.data.probability;
      opportunity.expectedClose = event.data.expectedClose;
      opportunity.productLine = event.data.productLine;
      return;
    }
    case 'OpportunityMoved': {
      const opportunity = state.opportunities[event.data.opportunityId];
      if (!opportunity) return;
      opportunity.stage = event.data.to;
      opportunity.probability = event.data.probability;
      return;
    }
    case 'OpportunitySponsorChanged': {
      const opportunity = state.opportunities[event.data.opportunityId];
      if (opportunity) opportunity.executiveSponsorContactId = event.data.executiveSponsorContactId;
      return;
    }
    case 'OpportunityWon': {
      const d = event.data;
      const opportunity = state.opportunities[d.opportunityId];
      if (!opportunity) return;
      opportunity.value = { ...d.value };
      opportunity.probability = 100;
      opportunity.status = 'won';
      opportunity.outcome = { result: 'won', reason: d.reason, note: d.note, at: d.at };
      return;
    }
    case 'OpportunityLost': {
      const d = event.data;
      const opportunity = state.opportunities[d.opportunityId];
      if (!opportunity) return;
      opportunity.probability = 0;
      opportunity.status = 'lost';
      opportunity.outcome = {
        result: 'lost',
        reason: d.reason,
        competitorId: d.competitorId,
        note: d.note,
        at: d.at,
      };
      return;
    }

    case 'WhitespaceCellAssessed': {
      const d = event.data;
      const estimatedPotential = d.estimatedPotential ? { ...d.estimatedPotential } : null;
      const cell = state.whitespace.find(
        (c) => c.offering === d.offering && sameBuyingUnit(c.buyingUnit, d.buyingUnit),
      );
      if (cell) {
        cell.state = d.state;
        cell.estimatedPotential = estimatedPotential;
        cell.assessedAt = d.at;
        return;
      }
      state.whitespace.push({
        buyingUnit: { ...d.buyingUnit },
        offering: d.offering,
        state: d.state,
        estimatedPotential,
        assessedAt: d.at,
      });
      return;
    }
  }
}

function enterStatus(
  state: Draft<AccountState>,
  status: 'prospect' | 'active' | 'inactive',
  at: string,
): void {
  state.status = status;
  state.lossReason = null;
  state.statusHistory.push({ status, at, lossReason: null });
}

// Fields absent from a stored event (removed by forgetSubject) read as null.
function personalData(data: {
  readonly name?: string | undefined;
  readonly title?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly notes?: string | null | undefined;
}): ContactPersonalData {
  return {
    name: data.name ?? null,
    title: data.title ?? null,
    email: data.email ?? null,
    phone: data.phone ?? null,
    notes: data.notes ?? null,
  };
}
