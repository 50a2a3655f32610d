import type {
  AccountCommandInput,
  AccountStatus,
  ActionItemCommandInput,
  OpportunityKind,
  PlanCommandInput,
  ReviewCommandInput,
  SalesPlanCommandInput,
  TerritoryCommandInput,
} from '@account-planning/core';

type Timed<C> = C extends unknown ? C & { readonly at: string } : never;

/** One command of the scenario, with the aggregate it goes to; every command carries its business time. */
export type DemoCommand =
  | { readonly aggregate: 'territories'; readonly command: Timed<TerritoryCommandInput> }
  | { readonly aggregate: 'accounts'; readonly command: Timed<AccountCommandInput> }
  | { readonly aggregate: 'plans'; readonly command: Timed<PlanCommandInput> }
  | { readonly aggregate: 'reviews'; readonly command: Timed<ReviewCommandInput> }
  | { readonly aggregate: 'actionItems'; readonly command: Timed<ActionItemCommandInput> }
  | { readonly aggregate: 'salesPlans'; readonly command: Timed<SalesPlanCommandInput> };

/**
 * One step of the scenario: lanes of commands. Commands of a lane run in order; lanes do not
 * depend on each other (one lane per account stream, say), so they may run concurrently.
 */
export interface DemoStep {
  readonly name: string;
  readonly lanes: readonly (readonly DemoCommand[])[];
}

/** A rep, the territory they own, and its tier. */
export interface DemoRep {
  readonly repId: string;
  readonly name: string;
  readonly territoryId: string;
  readonly tier: 'A' | 'B' | 'C';
}

/** One generated account, as it stands at the end of the scenario. */
export interface DemoAccount {
  readonly accountId: string;
  readonly name: string;
  readonly industry: string;
  readonly repId: string;
  readonly territoryId: string;
  readonly parentAccountId: string | null;
  readonly status: AccountStatus;
}

/** One generated opportunity, for the shape of the book. */
export interface DemoOpportunity {
  readonly opportunityId: string;
  readonly accountId: string;
  readonly kind: OpportunityKind;
  readonly outcome: 'open' | 'won' | 'lost';
}

/** A realistic book of business and a quarter of reviews, as commands, from one seed. */
export interface DemoScenario {
  readonly seed: number;
  readonly accountCount: number;
  readonly currency: 'EUR';
  /** The day the reports are for (`YYYY-MM-DD`): the scenario's "today". */
  readonly asOf: string;
  /** The reports' `generatedAt`: an instant on the scenario's today, not the wall clock. */
  readonly generatedAt: string;
  readonly managerId: string;
  readonly reps: readonly DemoRep[];
  /** Display names of the reps and the manager. */
  readonly names: Readonly<Record<string, string>>;
  readonly accounts: readonly DemoAccount[];
  /** The tiers the organisation assigns, by account id: each rep's five largest accounts are A. */
  readonly tiers: Readonly<Record<string, 'A' | 'B' | 'C'>>;
  readonly opportunities: readonly DemoOpportunity[];
  /** The approved strategic plans, by account. */
  readonly plans: readonly {
    readonly planId: string;
    readonly accountId: string;
    readonly repId: string;
  }[];
  /** Every review of the quarter, in the order they are held. */
  readonly reviews: readonly {
    readonly reviewId: string;
    readonly repId: string;
    readonly kind: 'monthly' | 'strategic_plan';
    readonly scheduledFor: string;
    readonly held: boolean;
  }[];
  /** Action items agreed in the quarter's reviews and what became of them by the scenario's today. */
  readonly actions: readonly {
    readonly actionId: string;
    readonly fate: 'kept' | 'slipped' | 'open';
  }[];
  /** The review booked last (its notice sent on the scenario's today): present once the whole scenario is written. */
  readonly finalReviewId: string;
  readonly steps: readonly DemoStep[];
}

/** The number of commands of a scenario's steps. */
export const commandCount = (steps: readonly DemoStep[]): number =>
  steps.reduce((n, step) => n + step.lanes.reduce((m, lane) => m + lane.length, 0), 0);
