import { type Pipeline, roundMinor } from '@account-planning/core';
import type { ChartBlock } from '../../document/chartBlock.js';
import { formatMoney } from '../../formatting/formatValue.js';
import { humanLabel } from '../labels/humanLabel.js';

/**
 * The open pipeline by stage (seeds 000, 002): the value and the probability-weighted value
 * of each stage side by side, every stage shown, empty ones too. Null when nothing is open.
 */
export function pipelineByStageChart(pipeline: Pipeline, locale: string): ChartBlock | null {
  const currency = pipeline.currency;
  if (currency === null || pipeline.total.count === 0) return null;
  const money = (minor: number) => formatMoney(roundMinor(minor), currency, locale);
  const largest = [...pipeline.byStage].sort((a, b) => b.valueMinor - a.valueMinor)[0]!;
  return {
    type: 'chart',
    kind: 'bar',
    caption: 'Open pipeline by stage',
    alt: `Open pipeline by stage: ${pipeline.total.count} opportunities worth ${money(pipeline.total.valueMinor)}, ${money(pipeline.total.weightedMinor)} weighted by probability. The most value is in ${humanLabel(largest.key, true)}: ${money(largest.valueMinor)}.`,
    x: { field: 'stage', label: 'Stage' },
    y: { field: 'value', label: 'Value', format: { type: 'money', currency } },
    series: { field: 'measure', label: 'Pipeline' },
    data: pipeline.byStage.flatMap((bucket) => [
      { stage: humanLabel(bucket.key), measure: 'Open value', value: bucket.valueMinor },
      {
        stage: humanLabel(bucket.key),
        measure: 'Weighted by probability',
        value: roundMinor(bucket.weightedMinor),
      },
    ]),
  };
}
