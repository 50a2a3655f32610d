import type { TerritoryCommand } from './commands.js';
import type { BenchmarkValue, TerritoryEvent, TerritoryKpi } from './events.js';
import { violateTerritoryRule } from './rules.js';
import type { TerritoryState } from './territoryState.js';

const UNIT_OF_KPI: Readonly<Record<TerritoryKpi, BenchmarkValue['unit']>> = {
  revenue: 'money',
  gross_profit: 'money',
  pipeline_value: 'money',
  units: 'count',
  new_accounts: 'count',
  revenue_growth: 'percent',
  logo_retention: 'percent',
  net_revenue_retention: 'percent',
};

/**
 * The events a territory command produces against the territory's state. Pure.
 *
 * @throws {DomainRuleViolation} with a `territory.*` code from `territoryRules` when the
 *   command breaks a rule; nothing is produced then.
 */
export function decideTerritory(
  command: TerritoryCommand,
  state: TerritoryState,
): TerritoryEvent[] {
  const { territoryId, at } = command;
  if (command.type === 'DefineTerritory') {
    if (state.status !== 'none') violateTerritoryRule('territory.already_defined', { territoryId });
    return [
      {
        type: 'TerritoryDefined',
        data: {
          territoryId,
          at,
          name: command.name,
          tier: command.tier,
          currency: command.currency,
        },
      },
    ];
  }
  if (state.status === 'none') violateTerritoryRule('territory.not_defined', { territoryId });
  if (state.territoryId !== territoryId) {
    violateTerritoryRule('territory.id_mismatch', {
      territoryId,
      streamTerritoryId: state.territoryId ?? '',
    });
  }
  if (state.status === 'retired') violateTerritoryRule('territory.retired', { territoryId });

  switch (command.type) {
    case 'ChangeTerritoryTier':
      if (command.tier === state.tier) {
        violateTerritoryRule('territory.tier_unchanged', { territoryId, tier: command.tier });
      }
      return [
        {
          type: 'TerritoryTierChanged',
          data: {
            territoryId,
            at,
            tier: command.tier,
            previousTier: state.tier ?? command.tier,
            reason: command.reason,
          },
        },
      ];
    case 'AssignRepToTerritory':
      if (state.reps.includes(command.repId)) {
        violateTerritoryRule('territory.rep_already_assigned', {
          territoryId,
          repId: command.repId,
        });
      }
      return [{ type: 'RepAssignedToTerritory', data: { territoryId, at, repId: command.repId } }];
    case 'UnassignRepFromTerritory':
      if (!state.reps.includes(command.repId)) {
        violateTerritoryRule('territory.rep_not_assigned', { territoryId, repId: command.repId });
      }
      return [
        { type: 'RepUnassignedFromTerritory', data: { territoryId, at, repId: command.repId } },
      ];
    case 'SetTerritoryKpiBenchmark': {
      const { kpi, benchmark, quarter } = command;
      // seed 000: "your KPI benchmarks for the coming quarters and year should reflect that".
      if (UNIT_OF_KPI[kpi] !== benchmark.unit) {
        violateTerritoryRule('territory.benchmark_unit_mismatch', { territoryId, kpi });
      }
      if (benchmark.unit === 'money' && benchmark.value.currency !== state.currency) {
        violateTerritoryRule('territory.currency_mismatch', {
          territoryId,
          currency: benchmark.value.currency,
        });
      }
      return [
        { type: 'TerritoryKpiBenchmarkSet', data: { territoryId, at, quarter, kpi, benchmark } },
      ];
    }
    case 'AssessTerritoryMarketConditions':
      // seed 000: general economic conditions are "a baseline factor to weigh against sales
      // reps' past performance"; a factor of zero or less, or above double, is a typo.
      if (!(command.factor > 0 && command.factor <= 2)) {
        violateTerritoryRule('territory.market_factor_out_of_range', {
          territoryId,
          factor: String(command.factor),
        });
      }
      return [
        {
          type: 'TerritoryMarketConditionsAssessed',
          data: {
            territoryId,
            at,
            year: command.year,
            factor: command.factor,
            rationale: command.rationale,
          },
        },
      ];
    case 'RetireTerritory':
      if (state.reps.length > 0) {
        violateTerritoryRule('territory.reps_still_assigned', {
          territoryId,
          repId: state.reps[0] ?? '',
        });
      }
      return [{ type: 'TerritoryRetired', data: { territoryId, at, reason: command.reason } }];
  }
}
