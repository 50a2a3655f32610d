import type { ScoringRule } from '@account-planning/core';

/**
 * What every report model can be told besides its read models: how to show it (locale, the
 * names of people), which currency its figures are in, and how it scores (the organisation's
 * own rules and tiers, seed 000: "whatever opportunity score formula your organization uses").
 */
export interface ReportOptions {
  /** The document's locale, a BCP 47 tag (default `en-GB`). */
  readonly locale?: string;
  /** The time zone meeting times are shown in (default `UTC`). */
  readonly timeZone?: string;
  /** The currency of the figures (default: the one most of the report's accounts are kept in). */
  readonly currency?: string;
  /**
   * Display names of reps and managers by user id (`rep-ana` is `Ana Lima`). The record keeps
   * ids only; a name not given shows as the id.
   */
  readonly names?: Readonly<Record<string, string>>;
  /** Tiers the product assigns, by account id; the others get the tier their priority score suggests. */
  readonly assignedTiers?: Readonly<Record<string, 'A' | 'B' | 'C'>>;
  /** The opportunity rule (default `DEFAULT_OPPORTUNITY_RULE`). */
  readonly opportunityRule?: ScoringRule;
  /** The account-health rule (default `DEFAULT_ACCOUNT_HEALTH_RULE`). */
  readonly healthRule?: ScoringRule;
  /** The review horizon for the opportunity score's timing, in days (default 90, seed 001). */
  readonly horizonDays?: number;
}

/** The display name of a user id: the one given in `names`, else the id itself. */
export function personName(options: ReportOptions, userId: string): string {
  return options.names?.[userId] ?? userId;
}
