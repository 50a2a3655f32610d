// What a rep knows about Acme, an active customer: the CFO who sponsors the big deal, the last
// satisfaction survey, and four open opportunities. Commands as a product would send them, each
// without its `accountId` (the account is opened first) and without an `at` (the service's
// clock fills it in).
import { type AccountCommandInput, createIdFactory } from '@account-planning/core';

type ForAnyAccount<C> = C extends unknown ? Omit<C, 'accountId'> : never;

const dana = createIdFactory()();
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** Acme's sponsor, satisfaction and open opportunities (values in euro cents). */
export const acme: ForAnyAccount<AccountCommandInput>[] = [
  {
    type: 'AddContact',
    contactId: dana,
    name: 'Dana Ruiz',
    title: 'CFO',
    role: 'executive_sponsor',
    influence: 5,
    decisionPower: 5,
    relationship: 'credible_source',
    targetRelationship: 'trusted_advisor',
  },
  { type: 'RecordSatisfaction', score: 8, method: 'survey' },
  {
    type: 'IdentifyOpportunity',
    name: 'ERP roll-out to finance',
    kind: 'cross_sell',
    value: eur(12_000_000),
    stage: 'proposed',
    probability: 60,
    expectedClose: '2026-04-10',
    productLine: 'ERP',
    executiveSponsorContactId: dana,
    source: 'existing_relationship',
  },
  {
    type: 'IdentifyOpportunity',
    name: 'Support upgrade to 24/7',
    kind: 'up_sell',
    value: eur(3_000_000),
    stage: 'negotiating',
    probability: 80,
    expectedClose: '2026-03-20',
    productLine: 'Support',
    source: 'inbound',
  },
  {
    type: 'IdentifyOpportunity',
    name: 'Analytics for the Lyon branch',
    kind: 'new_buyer',
    value: eur(8_000_000),
    stage: 'qualified',
    probability: 30,
    expectedClose: '2026-06-30',
    productLine: 'Analytics',
    executiveSponsorContactId: dana,
    source: 'referral',
  },
  {
    type: 'IdentifyOpportunity',
    name: 'Licence price increase',
    kind: 'price_increase',
    value: eur(1_200_000),
    stage: 'committed',
    probability: 90,
    expectedClose: '2026-03-31',
    productLine: 'ERP',
    source: 'existing_relationship',
  },
];
