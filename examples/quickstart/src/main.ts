import {
  accountOpportunityFacts,
  createAccountPlanning,
  createDomainEventRegistry,
  opportunityScorer,
  rankOpportunities,
} from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { acme } from './acme.js';

// The application service over an in-memory store; a fixed clock makes every run print the same.
const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
const planning = createAccountPlanning({ store, clock: () => new Date('2026-03-02T09:00:00Z') });

// Open the account, then record its sponsor, satisfaction and opportunities through commands.
const opened = await planning.accounts.execute({
  type: 'OpenAccount',
  name: 'Acme',
  ownerRepId: 'rep-ana',
  currency: 'EUR',
  status: 'active',
});
const accountId = opened.state.accountId!;
for (const command of acme) await planning.accounts.execute({ ...command, accountId });

// Score the open opportunities with the default rule and rank them, each score explained.
const { state } = await planning.accounts.load(accountId);
const scorer = opportunityScorer({ asOf: '2026-03-02' });
const ranking = rankOpportunities(accountOpportunityFacts(state, { accountTier: 'A' }), scorer);

console.log(`Acme's opportunities, ranked by ${ranking.rule.name} v${ranking.rule.version}:`);
for (const { rank, id, score, explanation } of ranking.entries()) {
  const points = explanation.factors.map((factor, i) => `${factor} ${explanation.points[i]}`);
  const gates = explanation.gates
    .filter((g) => g.pointsRemoved > 0)
    .map((g) => `; ${g.gate} caps it at ${g.cap}`);
  console.log(`${rank}. ${score}  ${state.opportunities[id]?.name}`);
  console.log(`   ${points.join(' + ')} = ${explanation.uncapped}${gates.join('')}`);
}
await store.close();
