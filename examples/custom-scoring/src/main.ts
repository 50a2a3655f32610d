import {
  createRuleBook,
  DEFAULT_OPPORTUNITY_RULE,
  isAccountPlanningError,
  opportunityScorer,
  rankOpportunities,
  type ScoreExplanation,
  scoreSideBySide,
} from '@account-planning/core';
import { loadOpportunityRule } from './loadOpportunityRule.js';
import { names, pipeline } from './pipeline.js';

const rules = new URL('../rules/', import.meta.url);
const asOf = '2026-03-02';

// Northwind keeps its formula as JSON, one file per version: loaded and validated on start.
const book = createRuleBook([
  DEFAULT_OPPORTUNITY_RULE,
  await loadOpportunityRule(new URL('northwind-opportunity-v1.json', rules)),
  await loadOpportunityRule(new URL('northwind-opportunity-v2.json', rules)),
]);
console.log(
  `Rule book: ${book
    .rules()
    .map((r) => `${r.name} v${r.version}`)
    .join(', ')}`,
);

// A broken copy never reaches a ranking: the error names the file and the path of each problem.
try {
  await loadOpportunityRule(new URL('northwind-opportunity-broken.json', rules));
} catch (error) {
  if (!(isAccountPlanningError(error) && error.code === 'validation_failed')) throw error;
  console.log(`\nRefused ${error.message.split(':')[0]}:`);
  for (const issue of error.issues) console.log(`  ${issue.path.join('.')}: ${issue.message}`);
}

// Rank the pipeline with the latest version of Northwind's rule, each score explained.
const latest = book.latest('northwind-opportunity');
const ranking = rankOpportunities(pipeline, opportunityScorer({ asOf }, latest));
console.log(`\nRanked by ${latest.name} v${latest.version} on ${asOf}:`);
for (const { rank, id, score, explanation, flags } of ranking.entries()) {
  console.log(`${rank}. ${String(score).padStart(3)}  ${names[id]}`);
  console.log(`     ${explain(explanation)}${flags.map((f) => `; flag ${f.code}`).join('')}`);
}

// The same pipeline under every rule, side by side: what adopting the new version would move.
const versions = [book.get('opportunity-default', 1), book.get('northwind-opportunity', 1), latest];
const rows = scoreSideBySide(
  pipeline,
  versions.map((rule) => opportunityScorer({ asOf }, rule)),
);
console.log(`\n${'Side by side'.padEnd(34)} default v1  northwind v1  northwind v2`);
rows.forEach((row, i) => {
  const scores = row.scores.map((s) => String(s.score).padStart(10)).join('  ');
  const change = row.scores[2]!.score - row.scores[1]!.score;
  console.log(`${names[pipeline[i]!.id]!.padEnd(34)}${scores}  (v1 -> v2: ${signed(change)})`);
});

// A rating records the rule and version that made it; the book reproduces it, whatever came later.
const rated = opportunityScorer({ asOf }, book.get('northwind-opportunity', 1)).score(pipeline[0]!);
const again = opportunityScorer({ asOf }, book.get(rated.rule.name, rated.rule.version));
console.log(
  `\n${names[pipeline[0]!.id]} was rated ${rated.score} by ${rated.rule.name} v${rated.rule.version}; ` +
    `re-scored under that version: ${again.score(pipeline[0]!).score}`,
);

function explain(explanation: ScoreExplanation): string {
  const points = explanation.factors.map((factor, i) => `${factor} ${explanation.points[i]}`);
  const gates = explanation.gates
    .filter((g) => g.pointsRemoved > 0)
    .map((g) => `, ${g.gate} caps it at ${g.cap}`);
  return `${points.join(' + ')} = ${explanation.uncapped}${gates.join('')}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
