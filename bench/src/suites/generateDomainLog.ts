import type { ProjectedEvent } from '@account-planning/core';

// A deterministic log of domain events shaped like a real tenant's: territories and reps, accounts
// with monthly revenue per product line, opportunities that move and close, contacts,
// satisfaction, whitespace, monthly reviews with their actions, plans for the largest accounts
// and yearly sales plans. Events are made directly (not through the command handler), so that
// generating a million of them takes seconds, and in the same order every time (a seeded PRNG).

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PRODUCT_LINES = ['Licences', 'Services', 'Support', 'Hardware', 'Training'] as const;
const STAGES = ['identified', 'qualified', 'proposed', 'negotiating', 'committed'] as const;
const KINDS = ['cross_sell', 'up_sell', 'renewal', 'new_buyer', 'price_increase'] as const;
const QUESTIONS = [
  'key_accomplishments',
  'disappointments_concerns_problems',
  'next_month',
  'suggestions',
  'needs_from_manager',
] as const;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same log. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A ULID-shaped id from a kind digit and a counter: unique, valid, readable in a debugger. */
function ulid(kind: number, n: number): string {
  let body = '';
  for (let i = 0, v = n; i < 20; i++, v = Math.floor(v / 32)) body = CROCKFORD[v % 32] + body;
  return `0${CROCKFORD[kind]}${'0'.repeat(4)}${body}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Options of {@link generateDomainLog}. */
export interface DomainLogOptions {
  /** Stop after this many events. */
  readonly events: number;
  readonly accounts?: number;
  readonly reps?: number;
  readonly seed?: number;
}

/**
 * Generates `options.events` domain events in log order, each with a position. Month by month
 * from January 2023: every account records revenue and now and then an opportunity, a contact
 * or a satisfaction score; every rep holds a monthly review with two new actions.
 */
export function generateDomainLog(options: DomainLogOptions): ProjectedEvent[] {
  const total = options.events;
  const accountCount = options.accounts ?? 10_000;
  const repCount = options.reps ?? 100;
  const next = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const events: ProjectedEvent[] = [];
  let ids = 0;
  const push = (type: string, data: Record<string, unknown>) => {
    if (events.length >= total) return;
    const hex = (events.length + 1).toString(16).padStart(16, '0');
    // The same string as encodePosition(n, n), without its BigInt arithmetic.
    events.push({ type, data, position: `${hex}-${hex}` });
  };

  const reps = Array.from({ length: repCount }, (_, i) => `rep-${i + 1}`);
  const managerOf = (rep: number) => `mgr-${(rep % 10) + 1}`;
  const territories = Array.from({ length: 10 }, (_, i) => `territory-${i + 1}`);
  for (const [i, territoryId] of territories.entries()) {
    const at = '2022-12-01T09:00:00.000Z';
    push('TerritoryDefined', {
      territoryId,
      at,
      name: `Territory ${i + 1}`,
      tier: (['A', 'B', 'C'] as const)[i % 3],
      currency: 'EUR',
    });
    for (let r = i; r < repCount; r += territories.length) {
      push('RepAssignedToTerritory', { territoryId, at, repId: reps[r] });
    }
  }

  interface GeneratedAccount {
    readonly id: string;
    readonly rep: number;
    readonly lines: readonly string[];
    readonly base: number;
    contacts: string[];
    open: { id: string; stage: number }[];
  }
  const accounts: GeneratedAccount[] = [];
  for (let i = 0; i < accountCount; i++) {
    const rep = i % repCount;
    const account: GeneratedAccount = {
      id: ulid(1, i),
      rep,
      lines: PRODUCT_LINES.slice(0, 1 + (i % 3)),
      base: 50_000 + Math.floor(next() * 2_000_000),
      contacts: [],
      open: [],
    };
    accounts.push(account);
    push('AccountOpened', {
      accountId: account.id,
      at: '2022-12-15T09:00:00.000Z',
      name: `Account ${i + 1}`,
      industry: null,
      parentAccountId: i % 50 === 49 ? ulid(1, i - 1) : null,
      ownerRepId: reps[rep],
      territoryId: territories[rep % territories.length],
      currency: 'EUR',
      status: 'active',
    });
  }

  // Each rep's monthly review covers eight of the rep's accounts.
  const scopes = reps.map((_, rep) =>
    accounts
      .filter((a) => a.rep === rep)
      .slice(0, 8)
      .map((a) => a.id),
  );
  for (let month = 0; events.length < total; month++) {
    const year = 2023 + Math.floor(month / 12);
    const mm = `${year}-${pad((month % 12) + 1)}`;
    const at = (day: number) => `${mm}-${pad(day)}T10:00:00.000Z`;
    if (month % 12 === 0) {
      for (const repId of reps) {
        const base = { repId, period: String(year), at: at(2) };
        push('SalesPlanOpened', {
          ...base,
          currency: 'EUR',
          measure: 'revenue',
          basis: { kind: 'uniform' },
        });
        push('SalesPlanTargetSet', {
          ...base,
          target: { measure: 'revenue', amount: { amountMinor: 900_000_000, currency: 'EUR' } },
        });
        push('SalesPlanPipelineStockingGoalSet', {
          ...base,
          pipelineValue: { amountMinor: 300_000_000, currency: 'EUR' },
          opportunities: 40,
        });
      }
    }
    for (const [i, account] of accounts.entries()) {
      // The largest accounts (one in a hundred) have a plan, drafted and approved in the first
      // month, gone through every six months.
      if (i % 100 === 0 && month % 6 === 0) writePlan(account.id, i, month, at, push);
      for (const productLine of account.lines) {
        push('RevenueRecorded', {
          accountId: account.id,
          at: at(28),
          revenueId: ulid(2, ids++),
          period: mm,
          productLine,
          amount: { amountMinor: Math.floor(account.base * (0.8 + next() * 0.4)), currency: 'EUR' },
        });
      }
      const roll = next();
      if (roll < 0.08) {
        const opportunityId = ulid(3, ids++);
        account.open.push({ id: opportunityId, stage: 0 });
        push('OpportunityIdentified', {
          accountId: account.id,
          at: at(5),
          opportunityId,
          name: 'Expansion',
          kind: pick(KINDS),
          value: { amountMinor: Math.floor(next() * 10_000_000), currency: 'EUR' },
          stage: 'identified',
          probability: 10,
          expectedClose: `${year + 1}-${pad((month % 12) + 1)}-15`,
          productLine: pick(PRODUCT_LINES),
          executiveSponsorContactId: account.contacts[0] ?? null,
          source: 'existing_relationship',
        });
      } else if (roll < 0.16 && account.open.length > 0) {
        const opportunity = account.open[0]!;
        if (opportunity.stage < STAGES.length - 1) {
          push('OpportunityMoved', {
            accountId: account.id,
            at: at(12),
            opportunityId: opportunity.id,
            from: STAGES[opportunity.stage],
            to: STAGES[opportunity.stage + 1],
            probability: 20 * (opportunity.stage + 2),
          });
          opportunity.stage += 1;
        } else {
          account.open.shift();
          if (next() < 0.6) {
            push('OpportunityWon', {
              accountId: account.id,
              at: at(20),
              opportunityId: opportunity.id,
              value: { amountMinor: 1_000_000, currency: 'EUR' },
              reason: 'value',
              note: null,
            });
          } else {
            push('OpportunityLost', {
              accountId: account.id,
              at: at(20),
              opportunityId: opportunity.id,
              reason: 'competitor',
              competitorId: null,
              note: null,
            });
          }
        }
      } else if (roll < 0.2) {
        const contactId = ulid(4, ids++);
        account.contacts.push(contactId);
        push('ContactAdded', {
          accountId: account.id,
          at: at(8),
          contactId,
          name: 'A. Contact',
          title: null,
          email: null,
          phone: null,
          notes: null,
          role: pick(['economic_buyer', 'executive_sponsor', 'champion', 'influencer', 'user']),
          stance: pick(['advocate', 'supporter', 'neutral', 'skeptic']),
          influence: 3,
          decisionPower: 3,
          reportsToContactId: null,
          relationship: 'vendor',
          targetRelationship: 'trusted_advisor',
        });
      } else if (roll < 0.23) {
        push('SatisfactionRecorded', {
          accountId: account.id,
          at: at(18),
          score: Math.floor(next() * 11),
          method: 'survey',
        });
      } else if (roll < 0.24) {
        push('WhitespaceCellAssessed', {
          accountId: account.id,
          at: at(9),
          buyingUnit: { kind: 'account' },
          offering: pick(PRODUCT_LINES),
          state: 'potential',
          estimatedPotential: { amountMinor: 5_000_000, currency: 'EUR' },
        });
      } else if (roll < 0.245 && account.contacts.length > 0) {
        push('ContactAssessed', {
          accountId: account.id,
          at: at(9),
          contactId: pick(account.contacts),
          stance: pick(['advocate', 'supporter', 'neutral', 'skeptic']),
          influence: 4,
          decisionPower: 3,
        });
      }
    }
    for (let rep = 0; rep < repCount; rep++) {
      const reviewId = ulid(5, ids++);
      const accountIds = scopes[rep]!;
      push('ReviewScheduled', {
        reviewId,
        kind: 'monthly',
        repId: reps[rep],
        managerId: managerOf(rep),
        accountIds,
        planId: null,
        horizonDays: 90,
        discussionTimeBoxSeconds: 120,
        scheduledFor: at(25),
        previousReview: null,
        at: at(1),
      });
      push('ReviewNoticeSent', {
        reviewId,
        agenda: ["Last review's actions", 'Accounts', 'The five questions', 'New actions'],
        noticeDays: 14,
        warning: null,
        at: at(11),
      });
      push('ReviewStarted', { reviewId, previousReview: null, at: at(25) });
      for (const accountId of accountIds) {
        push('AccountDiscussed', {
          reviewId,
          accountId,
          startedAt: at(25),
          at: at(25),
          durationSeconds: 110,
          notes: null,
        });
      }
      for (const question of QUESTIONS) {
        push('ReviewQuestionAnswered', { reviewId, question, answer: 'Noted.', at: at(25) });
      }
      const actionIds: string[] = [];
      for (const ownerRole of ['rep', 'manager'] as const) {
        const actionId = ulid(6, ids++);
        actionIds.push(actionId);
        const fields = {
          actionId,
          ownerRole,
          ownerId: ownerRole === 'rep' ? reps[rep] : managerOf(rep),
          title: 'Follow up',
          accountId: accountIds[0] ?? null,
          dueOn: `${mm}-27`,
        };
        push('ActionItemAssigned', { reviewId, ...fields, at: at(25) });
        push('ActionItemOpened', {
          ...fields,
          source: { kind: 'review', reviewId },
          at: at(25),
        });
        if (next() < 0.3) {
          push('ActionItemSlipped', {
            actionId,
            previousDueOn: `${mm}-27`,
            newDueOn: `${mm}-28`,
            slipCount: 1,
            reason: null,
            at: at(26),
          });
        }
        if (next() < 0.8) push('ActionItemCompleted', { actionId, at: at(27), note: null });
      }
      push('ReviewConcluded', {
        reviewId,
        summary: null,
        undiscussedAccountIds: [],
        unansweredQuestions: [],
        actionIds,
        at: at(25),
      });
    }
  }
  return events;
}

function writePlan(
  accountId: string,
  index: number,
  month: number,
  at: (day: number) => string,
  push: (type: string, data: Record<string, unknown>) => void,
): void {
  const planId = ulid(7, index);
  if (month > 0) {
    push('PlanReviewed', {
      planId,
      at: at(3),
      kind: 'strategic',
      reviewId: null,
      reviewedBy: 'mgr-1',
    });
    return;
  }
  push('PlanDrafted', {
    planId,
    at: at(3),
    accountId,
    repId: `rep-${(index % 100) + 1}`,
    year: 2023,
    currency: 'EUR',
    cadence: { strategicReviewEveryMonths: 6, checkEvery: 'quarterly' },
    clonedFrom: null,
    carriedOver: {},
  });
  push('PlanIndustryOverviewWritten', {
    planId,
    at: at(4),
    section: { industry: 'Retail', sectorTrends: [], landscapeEvents: [] },
  });
  push('PlanSubmitted', { planId, at: at(5), version: 1, submittedBy: 'rep-1' });
  push('PlanApproved', {
    planId,
    at: at(6),
    version: 1,
    approvedBy: 'mgr-1',
    approverRole: 'manager',
  });
}
