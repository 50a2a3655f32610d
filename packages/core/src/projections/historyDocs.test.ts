// The code of docs/history.md: each region below is shown there verbatim (pnpm docs:check).
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildSeedScenario } from '@account-planning/testing';
import { expect, it } from 'vitest';
import {
  createDomainEventRegistry,
  createProjectionRunner,
  hypotheticalAccountLoss,
  hypotheticalPriceIncrease,
  projectionSnapshotsIn,
  readAsOf,
  readChangesSinceReview,
  readModelsProjection,
  whatIf,
} from '../index.js';

it('keeps the read models current, reads them as of the past, and branches them', async () => {
  // #region runner
  const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  const scenario = await buildSeedScenario(store); // Ana's book, Feb and March reviews
  const runner = await createProjectionRunner({
    store,
    projection: readModelsProjection,
    snapshots: projectionSnapshotsIn(store), // state and checkpoint saved together
    snapshotEvery: 1_000,
  });
  await runner.caughtUp();
  const models = runner.state; // book, calendar, ledger, plans, salesPlans
  // #endregion runner

  // #region as-of-position
  const march = models.calendar.positions[scenario.reviews.march]!;
  const atMarch = await readAsOf(store, readModelsProjection, { position: march.concluded! });
  const discount = scenario.actions.globexDiscount;
  atMarch.state.ledger.commitments[discount]?.status; // 'slipped': still open at the review
  models.ledger.commitments[discount]?.status; // 'done': completed two days later
  // #endregion as-of-position
  expect(atMarch.state.ledger.commitments[discount]?.status).toBe('slipped');
  expect(models.ledger.commitments[discount]?.status).toBe('done');

  // #region as-of-date
  const february11 = await readAsOf(store, readModelsProjection, { date: '2026-02-11' });
  february11.state.book.accounts[scenario.accounts.initech]?.status; // 'active': lost on the 12th
  // #endregion as-of-date
  expect(february11.state.book.accounts[scenario.accounts.initech]?.status).toBe('active');

  // #region what-changed
  const since = await readChangesSinceReview(store, {
    reviewId: scenario.reviews.march,
    asOf: '2026-04-15',
  });
  const acme = since.accounts[scenario.accounts.acmeGroup]!;
  acme.summary.opportunities.created; // [the Analytics cross-sell]
  acme.summary.revenue.changeMinor; // 1_500_000: 2026-Q1 recorded in April
  acme.summary.satisfaction; // { before: 8, after: 6, change: -2 }
  acme.health.change; // the health score's move, factor by factor in acme.health.factors
  acme.health.factors.find((f) => f.factor === 'satisfaction')?.movedBy; // [SatisfactionRecorded]
  // #endregion what-changed
  expect(acme.summary.opportunities.created).toEqual([scenario.opportunities.acmeAnalytics]);
  expect(acme.summary.revenue.changeMinor).toBe(1_500_000);
  expect(acme.summary.satisfaction).toEqual({ before: 8, after: 6, change: -2 });
  expect(acme.health.change).toBeLessThan(0);

  // #region what-if
  const at = '2026-04-15T09:00:00.000Z';
  const options = { asOf: '2026-04-15', currency: 'EUR', churnRate: 0.1 };
  const loseGlobex = whatIf(
    models,
    [hypotheticalAccountLoss(scenario.accounts.globex, { at })],
    options,
  );
  loseGlobex.base.revenuePlan.plannedRevenue; // 77,300.00 EUR
  loseGlobex.branch.revenuePlan.plannedRevenue; // 55,200.00 EUR
  loseGlobex.branch.concentration.tooReliant; // true: Licences would be 83% of the book
  const raise5 = hypotheticalPriceIncrease(models, {
    rate: 0.05,
    asOf: '2026-04-15',
    at,
    currency: 'EUR',
  });
  whatIf(models, raise5, options).branch.revenuePlan.priceIncreases; // 5% of 72,000.00: 3,600.00 EUR
  // #endregion what-if
  expect(loseGlobex.base.revenuePlan.plannedRevenue.amountMinor).toBe(7_730_000);
  expect(loseGlobex.branch.revenuePlan.plannedRevenue.amountMinor).toBe(5_520_000);
  expect(loseGlobex.branch.concentration.tooReliant).toBe(true);
  expect(whatIf(models, raise5, options).branch.revenuePlan.priceIncreases.amountMinor).toBe(
    360_000,
  );
  expect(models.book.accounts[scenario.accounts.globex]?.status).toBe('active');
  await runner.stop();
});
