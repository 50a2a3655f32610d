import type { Retention } from '@account-planning/core';
import type { ChartBlock } from '../../document/chartBlock.js';
import { formatPercent } from '../../formatting/formatValue.js';

/** One territory's retention, named for the chart. */
export interface NamedRetention {
  readonly name: string;
  readonly retention: Retention;
}

/**
 * Logo, gross and net revenue retention side by side for each territory (seed 004: "do you
 * know what the retention rate is in your territory?"). Territories with no base revenue have
 * no rate and are left out of the bars (their table row says so). Null when none has a rate.
 */
export function retentionByTerritoryChart(
  caption: string,
  groups: readonly NamedRetention[],
  locale: string,
): ChartBlock | null {
  const measured = groups.filter((g) => !g.retention.emptyBase);
  if (measured.length === 0) return null;
  const percent = (ratio: number) => formatPercent(ratio, locale);
  const skipped = groups.filter((g) => g.retention.emptyBase).map((g) => g.name);
  return {
    type: 'chart',
    kind: 'bar',
    caption,
    alt: `${caption}: ${measured
      .map(
        (g) =>
          `${g.name} kept ${percent(g.retention.logoRetention)} of its accounts, ${percent(g.retention.grossRevenueRetention)} of its revenue gross and ${percent(g.retention.netRevenueRetention)} net`,
      )
      .join(
        '; ',
      )}.${skipped.length > 0 ? ` No base revenue to retain in ${skipped.join(', ')}.` : ''}`,
    x: { field: 'territory', label: 'Territory' },
    y: { field: 'rate', label: 'Retention', format: { type: 'percent' } },
    series: { field: 'measure', label: 'Measure' },
    data: measured.flatMap((g) => [
      { territory: g.name, measure: 'Logo retention', rate: g.retention.logoRetention },
      { territory: g.name, measure: 'Gross revenue', rate: g.retention.grossRevenueRetention },
      { territory: g.name, measure: 'Net revenue', rate: g.retention.netRevenueRetention },
    ]),
  };
}
