import type { Draft } from 'immer';
import type { PlanEvent, PlanSectionName, PlanSections } from './events.js';
import type { PlanState } from './planState.js';

/** The section each section-writing event writes. */
export const SECTION_WRITTEN_BY: Readonly<Partial<Record<PlanEvent['type'], PlanSectionName>>> = {
  PlanAccountOverviewWritten: 'accountOverview',
  PlanIndustryOverviewWritten: 'industryOverview',
  PlanRelationshipOverviewWritten: 'relationshipOverview',
  PlanCompetitiveStrategyWritten: 'competitiveStrategy',
  PlanTopOpportunitiesChosen: 'topOpportunities',
  PlanPastPerformanceWritten: 'pastPerformance',
  PlanTeamAlignmentWritten: 'teamAlignment',
  PlanRevenuePlanWritten: 'revenuePlan',
  PlanNextStepsListed: 'nextSteps',
};

/**
 * Applies one plan event to a plan state by mutating it (an immer draft, or the private copy
 * inside `fold`). Pure: no clock, no randomness, no I/O. Sections and goals are replaced whole,
 * never edited in place, so an approved version may share them with the working version.
 */
export function evolvePlan(state: Draft<PlanState>, event: PlanEvent): void {
  switch (event.type) {
    case 'PlanDrafted': {
      const { data } = event;
      state.status = 'draft';
      state.planId = data.planId;
      state.accountId = data.accountId;
      state.repId = data.repId;
      state.year = data.year;
      state.currency = data.currency;
      state.version = 1;
      state.sections = { ...data.carriedOver };
      state.cadence = { ...data.cadence };
      state.draftedAt = data.at;
      state.clonedFrom = data.clonedFrom === null ? null : { ...data.clonedFrom };
      return;
    }
    case 'PlanAccountOverviewWritten':
    case 'PlanIndustryOverviewWritten':
    case 'PlanRelationshipOverviewWritten':
    case 'PlanCompetitiveStrategyWritten':
    case 'PlanTopOpportunitiesChosen':
    case 'PlanPastPerformanceWritten':
    case 'PlanTeamAlignmentWritten':
    case 'PlanRevenuePlanWritten':
    case 'PlanNextStepsListed': {
      const name = SECTION_WRITTEN_BY[event.type] as PlanSectionName;
      (state.sections as PlanSections)[name] = event.data.section as never;
      return;
    }
    case 'PlanGoalSet': {
      const index = state.goals.findIndex((goal) => goal.goalId === event.data.goal.goalId);
      if (index >= 0) state.goals[index] = event.data.goal;
      else state.goals.push(event.data.goal);
      return;
    }
    case 'PlanGoalWithdrawn': {
      const index = state.goals.findIndex((goal) => goal.goalId === event.data.goalId);
      if (index >= 0) state.goals.splice(index, 1);
      return;
    }
    case 'PlanSubmitted':
      state.status = 'submitted';
      state.submittedAt = event.data.at;
      return;
    case 'PlanReturnedForChanges':
      state.status = 'draft';
      state.submittedAt = null;
      return;
    case 'PlanApproved':
      state.status = 'approved';
      // Shallow copies: sections and goals are replaced whole, so the snapshot stays as approved.
      state.approvedVersions.push({
        version: event.data.version,
        sections: { ...state.sections },
        goals: [...state.goals],
        approvedBy: event.data.approvedBy,
        approvedAt: event.data.at,
      });
      return;
    case 'PlanRevised':
      state.status = 'draft';
      state.version = event.data.version;
      state.submittedAt = null;
      return;
    case 'PlanArchived':
      state.archivedFrom = state.status;
      state.status = 'archived';
      return;
    case 'PlanCloned':
      state.clonedInto = {
        planId: event.data.intoPlanId,
        year: event.data.intoYear,
        version: event.data.version,
      };
      return;
    case 'PlanReviewCadenceSet':
      state.cadence = { ...event.data.cadence };
      return;
    case 'PlanReviewed':
      state.reviews.push({
        kind: event.data.kind,
        at: event.data.at,
        reviewId: event.data.reviewId,
        reviewedBy: event.data.reviewedBy,
      });
      return;
  }
}
