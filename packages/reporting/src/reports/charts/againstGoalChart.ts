import type { ChartBlock } from '../../document/chartBlock.js';
import { formatMoney } from '../../formatting/formatValue.js';

/** One bar pair: what a rep has, and their goal (null: none set). */
export interface AgainstGoalRow {
  readonly name: string;
  readonly actual: number;
  readonly goal: number | null;
}

/**
 * What each rep has against their goal, two horizontal bars per rep: open pipeline against
 * the pipeline-stocking goal, or a year's revenue against its target (seed 000: "growth and
 * pipeline stocking goals"). Money in minor units. Null when there is no row.
 */
export function againstGoalChart(
  caption: string,
  labels: { readonly actual: string; readonly goal: string },
  rows: readonly AgainstGoalRow[],
  currency: string,
  locale: string,
): ChartBlock | null {
  if (rows.length === 0) return null;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return {
    type: 'chart',
    kind: 'horizontalBar',
    caption,
    alt: `${caption}: ${rows
      .map(
        (r) =>
          `${r.name} ${money(r.actual)} ${r.goal === null ? `(${labels.goal.toLowerCase()} not set)` : `against ${money(r.goal)}`}`,
      )
      .join('; ')}.`,
    x: { field: 'rep', label: 'Rep' },
    y: { field: 'amount', label: 'Amount', format: { type: 'money', currency } },
    series: { field: 'measure', label: 'Measure' },
    data: rows.flatMap((r) => [
      { rep: r.name, measure: labels.actual, amount: r.actual },
      { rep: r.name, measure: labels.goal, amount: r.goal },
    ]),
  };
}
