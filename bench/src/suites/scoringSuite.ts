import {
  compareRanked,
  type OpportunityFacts,
  opportunityScorer,
  rankOpportunities,
  scoreOpportunity,
} from '@account-planning/core';
import { type BenchSuite, cpuTimeMs } from '../benchSuite.js';

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
function benchOpportunities(count = COUNT): OpportunityFacts[] {
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

let generated: OpportunityFacts[] | undefined;
// Made on first use, so that a filtered run of other suites does not pay for it. The figure is
// steady-state throughput: a few untimed rankings first let the JIT finish its tiers (the
// harness's single warm-up run is not enough for code that runs 100,000 times per call).
const opportunities = () => {
  if (!generated) {
    generated = benchOpportunities();
    for (let run = 0; run < 4; run++) {
      rankOpportunities(generated, opportunityScorer({ asOf: '2026-03-02' }));
    }
  }
  return generated;
};

/** Scoring: the default opportunity rule over 100,000 opportunities. */
export const scoringSuite: BenchSuite = {
  name: 'scoring',
  figures: [
    {
      name: 'scoring.rank_100000',
      unit: 'opportunities/CPU-s',
      target: { of: 'value', atLeast: 1_000_000 },
      runs: 7,
      // Compile the default rule, then score, explain and rank; the baseline does the same
      // naively (one score object per opportunity, sorted with the comparator).
      async measure() {
        const list = opportunities();
        const gc = (globalThis as { gc?: () => void }).gc;
        let naiveFirst = '';
        const naive = await cpuTimeMs(() => {
          const scorer = opportunityScorer({ asOf: '2026-03-02' });
          naiveFirst = list.map((o) => scoreOpportunity(o, scorer)).sort(compareRanked)[0]!.id;
        });
        // The naive run leaves 100,000 score objects of garbage; collect it outside the timing.
        gc?.();
        let first = '';
        const fast = await cpuTimeMs(() => {
          const scorer = opportunityScorer({ asOf: '2026-03-02' });
          first = rankOpportunities(list, scorer).entry(1).id;
        });
        if (first !== naiveFirst) throw new Error(`rankings disagree: ${first}, ${naiveFirst}`);
        return { value: (list.length / fast) * 1000, baseline: (list.length / naive) * 1000 };
      },
    },
  ],
};
