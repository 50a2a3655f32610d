import type { Score, ScoringRule } from '@account-planning/core';
import { humanLabel } from '../labels/humanLabel.js';

/** The most points each factor of a rule can give: 100 x its weight / the sum of weights. */
export function factorMaxPoints(rule: ScoringRule): number[] {
  const total = rule.factors.reduce((sum, factor) => sum + factor.weight, 0);
  return rule.factors.map((factor) => (total === 0 ? 0 : (100 * factor.weight) / total));
}

const points = (value: number) => String(Math.round(value));

/**
 * Why a score is what it is, in one or two sentences a person reads at a glance: the factors
 * that earned most of their points, those that earned least, and the cap that held it down
 * (seed 000: the organisation's own formula, explained). `Strong: probability 15 of 25,
 * account tier 15 of 15. Weak: kind 0 of 12. Capped at 60: no executive sponsor.`
 */
export function scoreReasons(score: Score, rule: ScoringRule): string {
  const max = factorMaxPoints(rule);
  const factors = rule.factors.map((factor, i) => ({
    label: humanLabel(factor.name, true),
    got: score.explanation.points[i] ?? 0,
    max: max[i]!,
  }));
  const strong = factors
    .filter((f) => f.max >= 1 && f.got >= 0.75 * f.max)
    .sort((a, b) => b.got - a.got)
    .slice(0, 3);
  const weak = factors
    .filter((f) => f.max >= 1 && f.got <= 0.25 * f.max)
    .sort((a, b) => b.max - b.got - (a.max - a.got))
    .slice(0, 3);
  const part = (f: (typeof factors)[number]) => `${f.label} ${points(f.got)} of ${points(f.max)}`;
  const sentences: string[] = [];
  if (strong.length > 0) sentences.push(`Strong: ${strong.map(part).join(', ')}.`);
  if (weak.length > 0) sentences.push(`Weak: ${weak.map(part).join(', ')}.`);
  const binding = score.explanation.gates.find((gate) => gate.pointsRemoved > 0);
  if (binding) sentences.push(`Capped at ${binding.cap}: ${humanLabel(binding.gate, true)}.`);
  return sentences.join(' ');
}
