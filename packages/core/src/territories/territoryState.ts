import type { CurrencyCode } from '../money/money.js';
import type { Instant, Quarter } from '../periods/period.js';
import type { BenchmarkValue, TerritoryKpi, TerritoryTier } from './events.js';

/** One year's market-conditions assessment of a territory. */
export interface MarketConditions {
  readonly factor: number;
  readonly rationale: string;
  readonly assessedAt: Instant;
}

/** A territory as its events leave it. */
export interface TerritoryState {
  readonly status: 'none' | 'active' | 'retired';
  readonly territoryId: string | null;
  readonly name: string | null;
  readonly tier: TerritoryTier | null;
  readonly currency: CurrencyCode | null;
  /** The reps assigned, in the order they were assigned. */
  readonly reps: readonly string[];
  /** The KPI benchmarks by quarter, then by KPI. */
  readonly benchmarks: Readonly<
    Record<Quarter, Readonly<Partial<Record<TerritoryKpi, BenchmarkValue>>>>
  >;
  /** The market-conditions assessment by year (`"2026"`). */
  readonly marketConditions: Readonly<Record<string, MarketConditions>>;
}

/** The state of a territory stream with no events. */
export const initialTerritoryState: TerritoryState = {
  status: 'none',
  territoryId: null,
  name: null,
  tier: null,
  currency: null,
  reps: [],
  benchmarks: {},
  marketConditions: {},
};
