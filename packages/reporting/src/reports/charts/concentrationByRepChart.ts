import type { PortfolioConcentration } from '@account-planning/core';
import type { ChartBlock } from '../../document/chartBlock.js';
import { formatPercent } from '../../formatting/formatValue.js';

/** One rep's concentration, named for the chart. */
export interface NamedConcentration {
  readonly name: string;
  readonly concentration: PortfolioConcentration;
}

/**
 * Each rep's revenue split into product lines, as shares of a bar of 100% (seed 001: "too
 * reliant on selling one product"): one horizontal bar per rep, stacked by product line. Reps
 * with no revenue are left out. Null when no rep has any.
 */
export function concentrationByRepChart(
  caption: string,
  reps: readonly NamedConcentration[],
  locale: string,
): ChartBlock | null {
  const withRevenue = reps.filter((r) => !r.concentration.empty);
  if (withRevenue.length === 0) return null;
  const percent = (ratio: number) => formatPercent(ratio, locale);
  return {
    type: 'chart',
    kind: 'stackedHorizontalBar',
    caption,
    alt: `${caption}: ${withRevenue
      .map((r) => {
        const largest = r.concentration.largest!;
        return `${r.name}'s largest line is ${largest.productLine}, ${percent(largest.share)} of ${r.concentration.shares.length} lines${r.concentration.tooReliant ? ', too reliant on one product' : ''}`;
      })
      .join('; ')}.`,
    x: { field: 'rep', label: 'Rep' },
    y: { field: 'share', label: 'Share of revenue', format: { type: 'percent' } },
    series: { field: 'line', label: 'Product line' },
    data: withRevenue.flatMap((r) =>
      r.concentration.shares.map((s) => ({ rep: r.name, line: s.productLine, share: s.share })),
    ),
  };
}
