// The scoring bench, `scoring.rank_100000`, kept on its own until the bench harness lands on
// main; then it moves into bench/src/suites/ and registers there. Run it alone with
// `pnpm exec tsx --conditions=@account-planning/source --expose-gc bench/src/scoringRank100000.ts`.
import {
  compareRanked,
  type OpportunityFacts,
  opportunityScorer,
  rankOpportunities,
  scoreOpportunity,
} from '../../packages/core/src/index.js';

const COUNT = 100_000;
const KINDS = [
  'new_logo',
  'new_buyer',
  'cross_sell',
  'up_sell',
  'renewal',
  'price_increase',
] as const;
const TIERS = ['A', 'B', 'C', undefined] as const;
const LEVELS = ['none', 'vendor', 'credible_source', 'problem_solver', 'trusted_advisor'] as const;

/**
 * 100,000 opportunities as a product would hand them over: plain objects parsed from JSON,
 * some without a sponsor, a tier or a satisfaction score. Deterministic (a fixed seed).
 */
export function benchOpportunities(count = COUNT): OpportunityFacts[] {
  // mulberry32: 32-bit state kept exact with Math.imul, so values rarely repeat.
  let seed = 20260302;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const two = (n: number) => String(n).padStart(2, '0');
  const list = Array.from({ length: count }, (_, i) => ({
    id: `01JQ${String(i).padStart(22, '0')}`,
    kind: pick(KINDS),
    value: { amountMinor: Math.floor(next() * 200_000_000), currency: 'EUR' },
    probability: Math.floor(next() * 101),
    accountTier: pick(TIERS),
    executiveSponsor:
      next() < 0.3 ? undefined : { today: pick(LEVELS), target: 'trusted_advisor' as const },
    expectedClose: `2026-${two(1 + Math.floor(next() * 12))}-${two(1 + Math.floor(next() * 28))}`,
    satisfaction: next() < 0.15 ? undefined : Math.floor(next() * 11),
  }));
  return JSON.parse(JSON.stringify(list)) as OpportunityFacts[];
}

function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Opportunities per second of CPU time to score, explain and rank 100,000 opportunities with
 * the default rule (`value`), and the same done naively (`baseline`): one score object per
 * opportunity, sorted with the comparator.
 */
export function measureScoringRank(opportunities = benchOpportunities()) {
  const scorer = opportunityScorer({ asOf: '2026-03-02' });
  const gc = (globalThis as { gc?: () => void }).gc;
  let naiveFirst = '';
  const naive = cpuMs(() => {
    naiveFirst = opportunities.map((o) => scoreOpportunity(o, scorer)).sort(compareRanked)[0]!.id;
  });
  // The naive run leaves 100,000 score objects of garbage; collect it outside the timed run.
  gc?.();
  let first = '';
  const fast = cpuMs(() => {
    first = rankOpportunities(opportunities, scorer).entry(1).id;
  });
  if (first !== naiveFirst) throw new Error(`rankings disagree: ${first} against ${naiveFirst}`);
  const perSecond = (ms: number) => (opportunities.length / ms) * 1000;
  return { value: perSecond(fast), baseline: perSecond(naive) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opportunities = benchOpportunities();
  const gc = (globalThis as { gc?: () => void }).gc;
  measureScoringRank(opportunities);
  const runs = Array.from({ length: 7 }, () => {
    gc?.();
    return measureScoringRank(opportunities);
  });
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const value = median(runs.map((r) => r.value));
  const baseline = median(runs.map((r) => r.baseline));
  console.log(
    JSON.stringify({
      name: 'scoring.rank_100000',
      value,
      unit: 'opportunities/CPU-s',
      baseline,
      ratio: value / baseline,
    }),
  );
}
