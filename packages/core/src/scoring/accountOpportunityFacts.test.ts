import { createMemoryEventStore } from '@account-planning/store-memory';
import { describe, expect, it } from 'vitest';
import {
  accountOpportunityFacts,
  createAccountPlanning,
  createDomainEventRegistry,
  createIdFactory,
  opportunityScorer,
  rankOpportunities,
} from '../index.js';

const EUR = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** An account with a sponsor contact, two satisfaction scores and three opportunities, one won. */
async function accountWithOpportunities() {
  const planning = createAccountPlanning({
    store: createMemoryEventStore({ registry: createDomainEventRegistry() }),
    clock: () => new Date('2026-03-02T09:00:00Z'),
  });
  const newId = createIdFactory(() => Date.parse('2026-03-02T09:00:00Z'));
  const [sponsor, erp, support, training] = [newId(), newId(), newId(), newId()];
  const { state } = await planning.accounts.execute({
    type: 'OpenAccount',
    name: 'Acme',
    ownerRepId: 'rep-ana',
    currency: 'EUR',
    status: 'active',
  });
  const accountId = state.accountId as string;
  const run = (command: Record<string, unknown>) =>
    planning.accounts.execute({ accountId, ...command } as never);
  await run({
    type: 'AddContact',
    contactId: sponsor,
    name: 'Dana CFO',
    role: 'economic_buyer',
    influence: 5,
    decisionPower: 5,
    relationship: 'vendor',
    targetRelationship: 'trusted_advisor',
  });
  // Recorded out of time order: the later measurement (8) is the one that counts.
  await run({
    type: 'RecordSatisfaction',
    score: 8,
    method: 'survey',
    at: '2026-02-01T10:00:00+01:00',
  });
  await run({ type: 'RecordSatisfaction', score: 4, method: 'survey', at: '2026-01-15T09:00:00Z' });
  const opportunity = (opportunityId: string, name: string, extra: Record<string, unknown>) =>
    run({
      type: 'IdentifyOpportunity',
      opportunityId,
      name,
      kind: 'cross_sell',
      value: EUR(5_000_000),
      probability: 40,
      expectedClose: '2026-04-15',
      productLine: 'Software',
      source: 'existing_relationship',
      ...extra,
    });
  await opportunity(erp, 'ERP', { executiveSponsorContactId: sponsor, stage: 'proposed' });
  await opportunity(support, 'Support', { kind: 'up_sell', probability: 70 });
  await opportunity(training, 'Training', {});
  await run({ type: 'WinOpportunity', opportunityId: training, reason: 'relationship' });
  const loaded = await planning.accounts.load(accountId);
  return { account: loaded.state, ids: { sponsor, erp, support, training } };
}

describe('accountOpportunityFacts', () => {
  it("maps an account's open opportunities, their sponsor and latest satisfaction to facts", async () => {
    const { account, ids } = await accountWithOpportunities();
    expect(accountOpportunityFacts(account, { accountTier: 'A' })).toEqual([
      {
        id: ids.erp,
        kind: 'cross_sell',
        value: EUR(5_000_000),
        probability: 40,
        stage: 'proposed',
        expectedClose: '2026-04-15',
        accountTier: 'A',
        executiveSponsor: { today: 'vendor', target: 'trusted_advisor' },
        satisfaction: 8,
      },
      {
        id: ids.support,
        kind: 'up_sell',
        value: EUR(5_000_000),
        probability: 70,
        stage: 'identified',
        expectedClose: '2026-04-15',
        accountTier: 'A',
        satisfaction: 8,
      },
    ]);
  });

  it('leaves out what the caller did not give, and passes external scores by opportunity id', async () => {
    const { account, ids } = await accountWithOpportunities();
    const facts = accountOpportunityFacts(account, {
      externalScores: { [ids.erp]: { winModel: 0.7 } },
    });
    expect(facts.map((f) => 'accountTier' in f)).toEqual([false, false]);
    expect(facts.map((f) => f.externalScores)).toEqual([{ winModel: 0.7 }, undefined]);
  });

  it('gives facts the default rule ranks: the sponsored opportunity is not capped at 60', async () => {
    const { account, ids } = await accountWithOpportunities();
    const ranking = rankOpportunities(
      accountOpportunityFacts(account, { accountTier: 'A' }),
      opportunityScorer({ asOf: '2026-03-02' }),
    );
    const byId = Object.fromEntries(ranking.entries().map((e) => [e.id, e]));
    expect(byId[ids.support]?.explanation.gates.map((g) => g.gate)).toEqual([
      'no_executive_sponsor',
    ]);
    expect(byId[ids.erp]?.explanation.gates).toEqual([]);
  });
});
