// What a rep knows about Globex, a customer with a sponsor for one of its three open deals.
// Commands as a product would send them, without `accountId` (the account is opened first).
import { type AccountCommandInput, createIdFactory } from '@account-planning/core';

type ForAnyAccount<C> = C extends unknown ? Omit<C, 'accountId'> : never;

const sam = createIdFactory()();
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** Globex's sponsor, satisfaction and open opportunities (values in euro cents). */
export const globex: ForAnyAccount<AccountCommandInput>[] = [
  {
    type: 'AddContact',
    contactId: sam,
    name: 'Sam Okafor',
    title: 'COO',
    role: 'executive_sponsor',
    influence: 5,
    decisionPower: 4,
    relationship: 'problem_solver',
    targetRelationship: 'trusted_advisor',
  },
  { type: 'RecordSatisfaction', score: 7, method: 'business_review' },
  {
    type: 'IdentifyOpportunity',
    name: 'Warehouse scanners, second site',
    kind: 'up_sell',
    value: eur(4_500_000),
    stage: 'negotiating',
    probability: 70,
    expectedClose: '2026-03-27',
    productLine: 'Hardware',
    executiveSponsorContactId: sam,
    source: 'existing_relationship',
  },
  {
    type: 'IdentifyOpportunity',
    name: 'Fleet telematics',
    kind: 'cross_sell',
    value: eur(9_000_000),
    stage: 'qualified',
    probability: 35,
    expectedClose: '2026-05-15',
    productLine: 'Telematics',
    source: 'partner',
  },
  {
    type: 'IdentifyOpportunity',
    name: 'Maintenance renewal',
    kind: 'renewal',
    value: eur(2_000_000),
    stage: 'committed',
    probability: 95,
    expectedClose: '2026-03-31',
    productLine: 'Support',
    source: 'existing_relationship',
  },
];
