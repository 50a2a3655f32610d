import type { Score, ScoringRule } from '@account-planning/core';
import type { ChartBlock, ChartDatum } from '../../document/chartBlock.js';
import { humanLabel } from '../labels/humanLabel.js';

/** One scored item of a score breakdown: its label and its score. */
export interface ScoredItem {
  readonly label: string;
  readonly score: Score;
}

/**
 * How the top scores are made up (seed 000: the organisation's score formula): one bar per
 * item, split into the points each factor of the rule gave it, highest score first. Bars
 * show points before caps; a capped score says so in its label. Null for no items.
 */
export function scoreBreakdownChart(
  caption: string,
  items: readonly ScoredItem[],
  rule: ScoringRule,
): ChartBlock | null {
  if (items.length === 0) return null;
  const labelOf = (item: ScoredItem) => {
    const capped = item.score.explanation.uncapped > item.score.score;
    return `${item.label} · ${item.score.score}${capped ? ` (capped from ${item.score.explanation.uncapped})` : ''}`;
  };
  const data: ChartDatum[] = items.flatMap((item) =>
    rule.factors.map((factor, i) => ({
      item: labelOf(item),
      factor: humanLabel(factor.name),
      points: item.score.explanation.points[i] ?? 0,
    })),
  );
  const top = items[0]!;
  const topFactors = rule.factors
    .map((factor, i) => ({
      name: humanLabel(factor.name, true),
      got: top.score.explanation.points[i] ?? 0,
    }))
    .sort((a, b) => b.got - a.got)
    .slice(0, 2);
  return {
    type: 'chart',
    kind: 'stackedHorizontalBar',
    caption,
    alt: `${caption}. The first, ${top.label}, scores ${top.score.score} of 100, most of it from ${topFactors.map((f) => `${f.name} (${f.got})`).join(' and ')}; the last shown scores ${items.at(-1)!.score.score}.`,
    x: { field: 'item', label: 'Opportunity' },
    y: { field: 'points', label: 'Points', format: { type: 'number' } },
    series: { field: 'factor', label: 'Factor' },
    data,
  };
}
