import type {
  ContactRole,
  ContactStance,
  OpportunityKind,
  RelationshipLevel,
} from '@account-planning/core';
import { addDays, addMinutes, at, QUARTERS, quarterStart, revenueRecordedOn } from './calendar.js';
import type {
  DemoAccount,
  DemoCommand,
  DemoOpportunity,
  DemoRep,
  DemoScenario,
  DemoStep,
} from './demoScenario.js';
import {
  BRANCH_CITIES,
  COMPANY_STEMS,
  COMPETITORS,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  PRODUCT_LINES,
} from './names.js';
import { createRandom, type Random } from './random.js';

/** Options of {@link generateDemo}. */
export interface GenerateDemoOptions {
  /** The seed: the same seed (and size) gives the same scenario. */
  readonly seed: number;
  /** How many accounts the book holds, branches included (default 300). */
  readonly accounts?: number;
  /** The source of randomness (default: `createRandom(seed)`). */
  readonly random?: Random;
}

/** The fewest accounts a demo book holds: enough for every rep to have a review scope. */
export const MIN_ACCOUNTS = 12;
/** The most accounts a demo book holds. */
export const MAX_ACCOUNTS = 3000;

/** The scenario's today: the reports are as of it. */
export const DEMO_AS_OF = '2026-04-06';
const GENERATED_AT = at(DEMO_AS_OF, 17);
const EUR = 'EUR' as const;
const eur = (euros: number) => ({ amountMinor: Math.round(euros) * 100, currency: EUR });

const MANAGER = { id: 'mgr-morgan', name: 'Morgan Reyes' };
const REPS: readonly DemoRep[] = [
  { repId: 'rep-ana', name: 'Ana Lima', territoryId: 'north', tier: 'A' },
  { repId: 'rep-ben', name: 'Ben Okafor', territoryId: 'central', tier: 'B' },
  { repId: 'rep-chloe', name: 'Chloe Martin', territoryId: 'south', tier: 'C' },
];
const TERRITORY_NAMES: Record<string, string> = {
  north: 'North',
  central: 'Central',
  south: 'South',
};
const TIER_FACTOR = { A: 1.8, B: 1, C: 0.55 } as const;
const STAGES = ['identified', 'qualified', 'proposed', 'negotiating', 'committed'] as const;
const STAGE_PROBABILITY = [10, 25, 50, 70, 90] as const;
const KINDS_IN_ACCOUNTS: readonly OpportunityKind[] = [
  'renewal',
  'up_sell',
  'cross_sell',
  'price_increase',
  'new_buyer',
];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

interface Contact {
  readonly contactId: string;
  readonly role: ContactRole;
  readonly name: string;
}
interface OpenOpportunity {
  readonly opportunityId: string;
  readonly accountId: string;
  readonly name: string;
  readonly kind: OpportunityKind;
  stage: number;
  readonly euros: number;
  readonly productLine: string;
  readonly sponsor: string | null;
}
interface Account extends DemoAccount {
  /** Quarter index the account became a customer (null: a prospect). */
  readonly startIndex: number | null;
  /** Revenue in 2025, in euros, for ranking. */
  revenue2025: number;
  /** Revenue in 2024, in euros, for the 2025 sales plans. */
  revenue2024: number;
  readonly contacts: Contact[];
  readonly competitorIds: string[];
  /** When the competitors were first recorded. */
  competitorSince: string | null;
  readonly open: OpenOpportunity[];
  /** When the account was lost, if it was. */
  lostAt: string | null;
  status: DemoAccount['status'];
  readonly growth: number;
  readonly lines: {
    readonly productLine: string;
    readonly base: number;
    readonly from: number;
    readonly to: number;
  }[];
}

/**
 * Generates the demo's scenario from a seed: three territories (A, B, C), a rep in each and
 * their manager; a book of accounts (some of them parents with branches) with three years of
 * quarterly revenue by product line (churn, lost accounts and expansion included), contacts
 * with stances and reporting lines, competitors, satisfaction scores and opportunities of every
 * kind; the 2026 sales plans with goals and allocations and strategic plans for each rep's top
 * accounts; then the first quarter of 2026 played out: three monthly reviews per rep (scheduled,
 * noticed with an agenda, prepared, held and concluded with new actions, some kept and some
 * slipped) and one strategic plan review, ending with the April reviews booked.
 *
 * Pure: no clock, no `Math.random`; every id and date comes from the seed, so the same seed and
 * size give the same scenario, command for command.
 */
export function generateDemo(options: GenerateDemoOptions): DemoScenario {
  const accountCount = options.accounts ?? 300;
  if (
    !Number.isInteger(accountCount) ||
    accountCount < MIN_ACCOUNTS ||
    accountCount > MAX_ACCOUNTS
  ) {
    throw new RangeError(`a demo book holds ${MIN_ACCOUNTS} to ${MAX_ACCOUNTS} accounts`);
  }
  const random = options.random ?? createRandom(options.seed);
  const newId = ulidFactory(random.fork(`ids:${accountCount}`));
  const names: Record<string, string> = { [MANAGER.id]: MANAGER.name };
  for (const rep of REPS) names[rep.repId] = rep.name;

  // ---- accounts: families of a parent and its branches, spread over the three reps ----------
  const accounts: Account[] = [];
  const companyNames = random.shuffle(
    COMPANY_STEMS.flatMap((stem) => INDUSTRIES.map((industry) => ({ stem, ...industry }))),
  );
  const personName = () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  let family = 0;
  while (accounts.length < accountCount) {
    const rep = REPS[family % REPS.length]!;
    const company = companyNames[family % companyNames.length]!;
    family += 1;
    const room = accountCount - accounts.length;
    const branches = room > 3 && random.chance(0.07) ? random.int(2, Math.min(4, room - 1)) : 0;
    const parent = makeAccount(
      `${company.stem} ${company.suffix}`,
      company.industry,
      rep,
      null,
      branches > 0,
    );
    accounts.push(parent);
    const cities = random.shuffle(BRANCH_CITIES);
    for (let b = 0; b < branches; b++) {
      accounts.push(
        makeAccount(
          `${company.stem} ${company.suffix} ${cities[b]}`,
          company.industry,
          rep,
          parent,
          false,
        ),
      );
    }
  }

  function makeAccount(
    name: string,
    industry: string,
    rep: DemoRep,
    parent: Account | null,
    isParent: boolean,
  ): Account {
    const roll = random.next();
    let startIndex: number | null;
    if (parent)
      startIndex = Math.max(parent.startIndex ?? 0, random.chance(0.6) ? 0 : random.int(1, 10));
    else if (isParent || roll < 0.62) startIndex = 0;
    else if (roll < 0.88) startIndex = random.int(1, 11);
    else startIndex = null;
    const growth = random.between(-0.12, 0.3);
    const scale = TIER_FACTOR[rep.tier] * (isParent ? 2.5 : parent ? 0.5 : 1);
    const lines: Account['lines'][number][] = [];
    if (startIndex !== null) {
      const lineRoll = random.next();
      // Most customers buy one line; expansion brings a second or third.
      const lineCount = parent
        ? lineRoll < 0.8
          ? 1
          : 2
        : lineRoll < 0.55
          ? 1
          : lineRoll < 0.9
            ? 2
            : 3;
      for (const [i, productLine] of random.shuffle(PRODUCT_LINES).slice(0, lineCount).entries()) {
        // The first line is what the customer started with; later ones are cross-sells.
        const from = i === 0 ? startIndex : Math.min(12, startIndex + random.int(1, 9));
        const base =
          Math.exp(random.between(Math.log(2500), Math.log(30000))) * scale * (i === 0 ? 1 : 0.5);
        // seed 003: some product lines churn even where the account stays.
        const to = random.chance(0.08) ? Math.min(12, from + random.int(2, 8)) : 12;
        lines.push({ productLine, base, from, to });
      }
    }
    return {
      accountId: newId(
        Date.parse(`${startIndex === null ? '2025-06-01' : quarterStart(startIndex)}T08:00:00Z`),
      ),
      name,
      industry,
      repId: rep.repId,
      territoryId: rep.territoryId,
      parentAccountId: parent?.accountId ?? null,
      status: startIndex === null ? 'prospect' : 'active',
      startIndex,
      revenue2025: 0,
      revenue2024: 0,
      contacts: [],
      competitorIds: [],
      competitorSince: null,
      open: [],
      lostAt: null,
      growth,
      lines,
    };
  }

  const opportunities: DemoOpportunity[] = [];
  const recordOpportunity = (
    accountId: string,
    opportunityId: string,
    kind: OpportunityKind,
    outcome: DemoOpportunity['outcome'],
  ) => opportunities.push({ opportunityId, accountId, kind, outcome });
  const setOutcome = (opportunityId: string, outcome: DemoOpportunity['outcome']) => {
    const index = opportunities.findIndex((o) => o.opportunityId === opportunityId);
    opportunities[index] = { ...opportunities[index]!, outcome };
  };

  // ---- step 1: territories and people --------------------------------------------------------
  const setup: DemoCommand[] = [];
  for (const rep of REPS) {
    const when = at('2023-01-02', 8);
    setup.push(
      {
        aggregate: 'territories',
        command: {
          type: 'DefineTerritory',
          territoryId: rep.territoryId,
          name: TERRITORY_NAMES[rep.territoryId]!,
          tier: rep.tier,
          currency: EUR,
          at: when,
        },
      },
      {
        aggregate: 'territories',
        command: {
          type: 'AssignRepToTerritory',
          territoryId: rep.territoryId,
          repId: rep.repId,
          at: when,
        },
      },
    );
  }

  // ---- step 2: opening the accounts (parents before their branches) ---------------------------
  const openedOn = (account: Account) =>
    account.startIndex === null
      ? addDays('2025-03-03', random.int(0, 200))
      : account.startIndex === 0
        ? '2023-01-02'
        : addDays(quarterStart(account.startIndex), -random.int(60, 120));
  const openings = new Map<string, string>();
  const opening = (account: Account): DemoCommand => {
    const day = openedOn(account);
    openings.set(account.accountId, day);
    return {
      aggregate: 'accounts',
      command: {
        type: 'OpenAccount',
        accountId: account.accountId,
        name: account.name,
        industry: account.industry,
        parentAccountId: account.parentAccountId,
        ownerRepId: account.repId,
        territoryId: account.territoryId,
        currency: EUR,
        status: account.startIndex === 0 ? 'active' : 'prospect',
        at: at(day, 8),
      },
    };
  };
  const topLevel = accounts.filter((a) => a.parentAccountId === null).map((a) => [opening(a)]);
  const branchOpenings = accounts
    .filter((a) => a.parentAccountId !== null)
    .map((a) => [opening(a)]);

  // ---- step 3: three years of history, one lane per account ----------------------------------
  // The history runs to the recording of 2025-Q4's revenue, early in January.
  const HISTORY_END = '2026-01-06';
  const history = accounts.map((account) => accountHistory(account));
  // Each rep's 2025 sales plan (seed 001): a revenue target 8% above 2024, set in January 2025.
  history.push(
    REPS.flatMap((rep): DemoCommand[] => {
      const plan = { repId: rep.repId, period: '2025' };
      const when = at('2025-01-06', 8);
      const last = accounts
        .filter((a) => a.repId === rep.repId)
        .reduce((sum, a) => sum + a.revenue2024, 0);
      return [
        {
          aggregate: 'salesPlans',
          command: {
            type: 'OpenSalesPlan',
            ...plan,
            currency: EUR,
            measure: 'revenue',
            basis: { kind: 'territory', territoryId: rep.territoryId },
            at: when,
          },
        },
        {
          aggregate: 'salesPlans',
          command: {
            type: 'SetSalesPlanTarget',
            ...plan,
            target: { measure: 'revenue', amount: eur(last * 1.08) },
            at: when,
          },
        },
        {
          aggregate: 'salesPlans',
          command: {
            type: 'SetSalesPlanPipelineStockingGoal',
            ...plan,
            pipelineValue: eur(last * 0.4),
            opportunities: 30,
            at: when,
          },
        },
        {
          aggregate: 'salesPlans',
          command: { type: 'CloseSalesPlan', ...plan, at: at('2026-01-05', 7) },
        },
      ];
    }),
  );

  function accountHistory(account: Account): DemoCommand[] {
    const timeline: { at: string; cmd: DemoCommand }[] = [];
    const push = (when: string, command: DemoCommand['command']) =>
      timeline.push({ at: when, cmd: { aggregate: 'accounts', command } as DemoCommand });
    const accountId = account.accountId;
    const opened = openings.get(accountId)!;
    const customer = account.startIndex !== null;

    // seed 004: some accounts are lost (inevitably or controllably); a few go quiet.
    let endIndex = 12; // exclusive: the quarters with revenue are [start, endIndex)
    if (
      customer &&
      account.startIndex! < 10 &&
      account.parentAccountId === null &&
      !isParentAccount(account)
    ) {
      const fate = random.next();
      if (fate < 0.12) {
        endIndex = random.int(account.startIndex! + 2, 11);
        const lostOn = addDays(quarterStart(endIndex), random.int(5, 60));
        account.lostAt = at(lostOn, 11);
        account.status = 'lost';
      } else if (fate < 0.16) {
        endIndex = random.int(Math.max(account.startIndex! + 2, 8), 10);
        push(at(addDays(quarterStart(endIndex + 1), 10), 11), {
          type: 'DeactivateAccount',
          accountId,
          at: at(addDays(quarterStart(endIndex + 1), 10), 11),
        });
        account.status = 'inactive';
      }
    }

    // Contacts: a senior buyer first, the others reporting to them.
    const contactCount = isParentAccount(account)
      ? random.int(3, 4)
      : customer
        ? random.int(2, 3)
        : 1;
    const roles: ContactRole[] = [random.pick(['economic_buyer', 'executive_sponsor'] as const)];
    const others: ContactRole[] = random.shuffle([
      'champion',
      'influencer',
      'user',
      'detractor',
      'executive_sponsor',
    ]);
    while (roles.length < contactCount) roles.push(others[roles.length - 1]!);
    const contactDay = addDays(opened, random.int(3, 30));
    for (const [i, role] of roles.entries()) {
      const contactId = newId(Date.parse(at(contactDay, 9)) + i);
      const name = personName();
      const stance: ContactStance =
        role === 'detractor'
          ? random.pick(['skeptic', 'hostile'] as const)
          : role === 'champion'
            ? 'advocate'
            : random.pick(['supporter', 'neutral', 'advocate', 'skeptic'] as const);
      const relationship: RelationshipLevel = random.pick([
        'none',
        'vendor',
        'credible_source',
        'problem_solver',
      ] as const);
      push(at(contactDay, 9, i), {
        type: 'AddContact',
        accountId,
        contactId,
        name,
        title: TITLES[role],
        role,
        stance,
        influence: role === 'user' ? random.int(1, 3) : random.int(3, 5),
        decisionPower: i === 0 ? random.int(4, 5) : random.int(1, 4),
        reportsToContactId: i === 0 ? null : account.contacts[0]!.contactId,
        relationship,
        targetRelationship: i === 0 ? 'trusted_advisor' : 'problem_solver',
        at: at(contactDay, 9, i),
      });
      account.contacts.push({ contactId, role, name });
    }

    // Competitors (seed 002), one of them with its goals and messages written down.
    const competitorDay = addDays(opened, random.int(60, 300));
    if (customer && random.chance(0.3) && competitorDay < '2025-12-01') {
      const day = competitorDay;
      account.competitorSince = at(day, 11);
      for (const [i, name] of random.shuffle(COMPETITORS).slice(0, random.int(1, 2)).entries()) {
        const competitorId = newId(Date.parse(at(day, 10)) + i);
        account.competitorIds.push(competitorId);
        push(at(day, 10, i), {
          type: 'AddCompetitor',
          accountId,
          competitorId,
          name,
          at: at(day, 10, i),
        });
        if (i === 0) {
          push(at(day, 10, 30), {
            type: 'AssessCompetitor',
            accountId,
            competitorId,
            goals: ['Replace our licences at the next renewal'],
            messages: ['Lower price', 'Bundled support'],
            strategy:
              'Lead with the value delivered and an executive sponsor; never lead with price.',
            at: at(day, 10, 30),
          });
        }
      }
    }

    // A prospect that became a customer: the new logo it was won as (seed 000).
    if (customer && account.startIndex! > 0) {
      const opportunityId = newId(Date.parse(at(addDays(opened, 1), 9)));
      const first = account.lines[0]!;
      const won = at(addDays(quarterStart(account.startIndex!), -3), 15);
      push(at(addDays(opened, 1), 9), {
        type: 'IdentifyOpportunity',
        accountId,
        opportunityId,
        name: `${first.productLine} for ${account.name}`,
        kind: 'new_logo',
        value: eur(first.base * 4),
        stage: 'qualified',
        probability: 25,
        expectedClose: won.slice(0, 10),
        productLine: first.productLine,
        source: random.pick(['referral', 'outbound', 'event', 'inbound'] as const),
        at: at(addDays(opened, 1), 9),
      });
      push(won, {
        type: 'WinOpportunity',
        accountId,
        opportunityId,
        reason: random.pick(['value', 'product_fit', 'relationship'] as const),
        at: won,
      });
      push(at(addDays(quarterStart(account.startIndex!), -2), 9), {
        type: 'ActivateAccount',
        accountId,
        at: at(addDays(quarterStart(account.startIndex!), -2), 9),
      });
      recordOpportunity(accountId, opportunityId, 'new_logo', 'won');
    }

    // Quarterly revenue by product line: the account's trend, noise, cross-sells and churn.
    for (const line of account.lines) {
      for (let q = line.from; q < Math.min(line.to, endIndex); q++) {
        const amount = revenueOf(account, line, q);
        if (q >= 8) account.revenue2025 += amount;
        else if (q >= 4) account.revenue2024 += amount;
        const day = revenueRecordedOn(q);
        push(at(day, 7), {
          type: 'RecordRevenue',
          accountId,
          revenueId: newId(Date.parse(at(day, 7)) + q),
          period: QUARTERS[q]!,
          productLine: line.productLine,
          amount: eur(amount),
          at: at(day, 7),
        });
      }
      if (line.from > (account.startIndex ?? 0) && line.from < endIndex) {
        // The cross-sell that brought the line in, won just before its first quarter.
        const identified = at(addDays(quarterStart(line.from), -random.int(60, 120)), 10);
        const won = at(addDays(quarterStart(line.from), -4), 15);
        const opportunityId = newId(Date.parse(identified));
        push(identified, {
          type: 'IdentifyOpportunity',
          accountId,
          opportunityId,
          name: `${line.productLine} cross-sell`,
          kind: 'cross_sell',
          value: eur(line.base * 4),
          stage: 'proposed',
          probability: 50,
          expectedClose: won.slice(0, 10),
          productLine: line.productLine,
          source: 'existing_relationship',
          at: identified,
        });
        push(won, {
          type: 'WinOpportunity',
          accountId,
          opportunityId,
          reason: 'product_fit',
          at: won,
        });
        recordOpportunity(accountId, opportunityId, 'cross_sell', 'won');
      }
    }

    // Closed deals of the past: renewals, price increases and up-sells, won and lost.
    if (customer) {
      for (let n = random.chance(0.5) ? 1 : 0; n > 0; n--) {
        const kind = random.pick(['renewal', 'price_increase', 'up_sell'] as const);
        const q = random.int(
          account.startIndex! + 1,
          Math.max(account.startIndex! + 1, endIndex - 1),
        );
        if (q >= 12) continue;
        const identified = at(addDays(quarterStart(q), random.int(0, 30)), 10);
        const closed = at(addDays(quarterStart(q), random.int(40, 85)), 16);
        const opportunityId = newId(Date.parse(identified));
        const won = random.chance(0.65);
        const line = account.lines[0]!;
        push(identified, {
          type: 'IdentifyOpportunity',
          accountId,
          opportunityId,
          name: `${OPPORTUNITY_NAMES[kind]} ${QUARTERS[q]}`,
          kind,
          value: eur(line.base * random.between(0.3, 2)),
          stage: 'proposed',
          probability: 50,
          expectedClose: closed.slice(0, 10),
          productLine: line.productLine,
          source: 'existing_relationship',
          at: identified,
        });
        if (won)
          push(closed, {
            type: 'WinOpportunity',
            accountId,
            opportunityId,
            reason: random.pick(['relationship', 'value', 'service'] as const),
            at: closed,
          });
        else {
          const competitorId =
            account.competitorSince !== null && account.competitorSince < closed
              ? account.competitorIds[0]!
              : null;
          push(closed, {
            type: 'LoseOpportunity',
            accountId,
            opportunityId,
            reason: competitorId
              ? 'competitor'
              : random.pick(['price', 'budget', 'no_decision'] as const),
            competitorId,
            at: closed,
          });
        }
        recordOpportunity(accountId, opportunityId, kind, won ? 'won' : 'lost');
      }
    }

    // Satisfaction surveys each November (seed 003: an unsatisfied account will not grow).
    if (customer) {
      for (const year of random.chance(0.4) ? [2024, 2025] : [2025]) {
        const day = `${year}-11-${String(random.int(3, 27)).padStart(2, '0')}`;
        const score = Math.max(
          0,
          Math.min(10, Math.round(6.5 + account.growth * 10 + random.between(-2, 2))),
        );
        push(at(day, 12), {
          type: 'RecordSatisfaction',
          accountId,
          score,
          method: 'survey',
          at: at(day, 12),
        });
      }
    }

    // The pipeline at the end of 2025: open opportunities at every stage.
    if (account.status === 'active' || account.status === 'prospect') {
      const count = customer ? random.int(0, 2) : 1;
      for (let n = 0; n < count; n++) {
        const kind: OpportunityKind = customer ? random.pick(KINDS_IN_ACCOUNTS) : 'new_logo';
        const stage = random.int(0, customer ? 4 : 2);
        // After the contacts were met: a sponsor is someone we know.
        const identified = at(
          laterOf(
            `2025-${String(random.int(9, 12)).padStart(2, '0')}-${String(random.int(1, 20)).padStart(2, '0')}`,
            addDays(contactDay, 1),
          ),
          11,
        );
        const line = customer ? random.pick(PRODUCT_LINES) : random.pick(PRODUCT_LINES.slice(0, 3));
        const sponsor = account.contacts.find((c) => c.role === 'executive_sponsor');
        const opportunity: OpenOpportunity = {
          opportunityId: newId(Date.parse(identified) + n),
          accountId,
          name: `${OPPORTUNITY_NAMES[kind]}: ${line}`,
          kind,
          stage,
          euros: Math.round(
            Math.exp(random.between(Math.log(4000), Math.log(60000))) *
              TIER_FACTOR[REPS.find((r) => r.repId === account.repId)!.tier],
          ),
          productLine: line,
          sponsor: sponsor && random.chance(0.6) ? sponsor.contactId : null,
        };
        push(identified, {
          type: 'IdentifyOpportunity',
          accountId,
          opportunityId: opportunity.opportunityId,
          name: opportunity.name,
          kind,
          value: eur(opportunity.euros),
          stage: STAGES[stage]!,
          probability: STAGE_PROBABILITY[stage]!,
          expectedClose: addDays('2026-01-20', random.int(0, 240)),
          productLine: line,
          executiveSponsorContactId: opportunity.sponsor,
          source: random.pick([
            'existing_relationship',
            'referral',
            'networking',
            'inbound',
            'partner',
          ] as const),
          at: identified,
        });
        account.open.push(opportunity);
        recordOpportunity(accountId, opportunity.opportunityId, kind, 'open');
      }
    }

    if (account.lostAt !== null) {
      const controllable = random.chance(0.6);
      push(addMinutes(account.lostAt, -60), {
        type: 'RecordSatisfaction',
        accountId,
        score: random.int(2, 4),
        method: 'rep_assessment',
        at: addMinutes(account.lostAt, -60),
      });
      push(account.lostAt, {
        type: 'MarkAccountLost',
        accountId,
        reason: controllable
          ? {
              category: 'controllable',
              cause:
                account.competitorIds.length > 0
                  ? 'competitor'
                  : random.pick(['price', 'service', 'relationship', 'neglect'] as const),
              note: null,
            }
          : {
              category: 'inevitable',
              cause: random.pick(['acquired', 'out_of_business', 'merged'] as const),
              note: null,
            },
        at: account.lostAt,
      });
    }
    // Nothing happens to a lost account after it was lost; nothing of 2026 belongs here.
    const end = account.lostAt ?? at(HISTORY_END, 0);
    return timeline
      .map((entry, order) => ({ ...entry, order }))
      .filter((entry) => entry.at <= end && entry.at < at(HISTORY_END, 0))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order))
      .map((entry) => entry.cmd);
  }

  function isParentAccount(account: Account) {
    return accounts.some((a) => a.parentAccountId === account.accountId);
  }

  function revenueOf(account: Account, line: Account['lines'][number], q: number): number {
    const trend = (1 + account.growth) ** ((q - line.from) / 4);
    const noise = 1 + random.between(-0.04, 0.04);
    return Math.max(100, Math.round((line.base * trend * noise) / 100) * 100);
  }

  // ---- the quarter: January to early April 2026, in the order things happened -----------------
  const quarter: { at: string; cmd: DemoCommand }[] = [];
  const later = (when: string, cmd: DemoCommand) => quarter.push({ at: when, cmd });
  const byRep = (repId: string) => accounts.filter((a) => a.repId === repId);
  const ranked = (list: readonly Account[]) =>
    [...list].sort((a, b) => b.revenue2025 - a.revenue2025 || (a.accountId < b.accountId ? -1 : 1));

  // Territory expectations for the year (seed 000) and each rep's 2026 sales plan (seed 001).
  for (const rep of REPS) {
    const when = at('2026-01-05', 8);
    const total = byRep(rep.repId).reduce((sum, a) => sum + a.revenue2025, 0);
    later(when, {
      aggregate: 'territories',
      command: {
        type: 'AssessTerritoryMarketConditions',
        territoryId: rep.territoryId,
        year: 2026,
        factor: { A: 1.08, B: 1.04, C: 1 }[rep.tier],
        rationale: 'Demand steady; two competitors discounting hard in the region.',
        at: when,
      },
    });
    later(when, {
      aggregate: 'territories',
      command: {
        type: 'SetTerritoryKpiBenchmark',
        territoryId: rep.territoryId,
        quarter: '2026-Q1',
        kpi: 'net_revenue_retention',
        benchmark: { unit: 'percent', value: { A: 105, B: 102, C: 100 }[rep.tier] },
        at: when,
      },
    });
    const plan = { repId: rep.repId, period: '2026' };
    const growth = Math.round(total * 0.1);
    later(when, {
      aggregate: 'salesPlans',
      command: {
        type: 'OpenSalesPlan',
        ...plan,
        currency: EUR,
        measure: 'revenue',
        basis: { kind: 'territory', territoryId: rep.territoryId },
        at: when,
      },
    });
    later(when, {
      aggregate: 'salesPlans',
      command: {
        type: 'SetSalesPlanTarget',
        ...plan,
        target: { measure: 'revenue', amount: eur(total * 1.1) },
        at: when,
      },
    });
    later(when, {
      aggregate: 'salesPlans',
      command: {
        type: 'SetSalesPlanGrowthGoal',
        ...plan,
        growth: { measure: 'revenue', amount: eur(growth) },
        at: when,
      },
    });
    later(when, {
      aggregate: 'salesPlans',
      command: {
        type: 'SetSalesPlanPipelineStockingGoal',
        ...plan,
        pipelineValue: eur(total * 0.5),
        opportunities: 40,
        at: when,
      },
    });
    let allocated = 0;
    for (const account of ranked(byRep(rep.repId).filter((a) => a.status === 'active')).slice(
      0,
      8,
    )) {
      const amount = Math.round(
        Math.min(account.revenue2025 * random.between(0.08, 0.15), growth - allocated),
      );
      if (amount <= 0) break;
      allocated += amount;
      later(when, {
        aggregate: 'salesPlans',
        command: {
          type: 'AllocateSalesPlanGrowth',
          ...plan,
          accountId: account.accountId,
          amount: { measure: 'revenue', amount: eur(amount) },
          at: when,
        },
      });
    }
  }

  // Strategic plans for each rep's two top accounts (seed 004: top-tier accounts get a plan).
  const plans: DemoScenario['plans'][number][] = [];
  const planActions: {
    actionId: string;
    ownerId: string;
    dueOn: string;
    completeAt: string | null;
  }[] = [];
  for (const rep of REPS) {
    const candidates = ranked(
      byRep(rep.repId).filter(
        (a) =>
          a.status === 'active' &&
          a.parentAccountId === null &&
          a.open.length > 0 &&
          a.contacts.length > 1,
      ),
    );
    for (const [n, account] of candidates.slice(0, 2).entries()) {
      const planId = newId(Date.parse(at('2026-01-08', 9)) + n);
      plans.push({ planId, accountId: account.accountId, repId: rep.repId });
      writePlan(account, planId, rep, n === 1 && rep.tier === 'B');
    }
  }

  function writePlan(account: Account, planId: string, rep: DemoRep, returned: boolean) {
    const p = (day: string, hh: number, command: Record<string, unknown>) =>
      later(at(day, hh), {
        aggregate: 'plans',
        command: { planId, at: at(day, hh), ...command } as DemoCommand['command'],
      } as DemoCommand);
    const sponsor = account.contacts[0]!;
    const top = [...account.open].sort((a, b) => b.euros - a.euros).slice(0, 3);
    p('2026-01-08', 9, {
      type: 'DraftPlan',
      accountId: account.accountId,
      repId: rep.repId,
      year: 2026,
      currency: EUR,
    });
    p('2026-01-09', 9, {
      type: 'WritePlanAccountOverview',
      section: {
        focus: `Keep ${account.name} growing and make ${sponsor.name} a sponsor of the wider roll-out.`,
        businessModel: `${account.industry}: sells through its own branches and distributors.`,
        longerTermGoals: ['Consolidate suppliers', 'Automate reporting across sites'],
        financialHealth: { rating: random.pick(['strong', 'stable'] as const) },
        pain: {
          description: 'Manual month-end reporting across sites.',
          severity: 'high',
          weCanSolve: true,
        },
        vendorPortfolio:
          account.competitorIds.length > 0
            ? ['A competitor holds part of the estate']
            : ['We are the main vendor'],
      },
    });
    p('2026-01-09', 10, {
      type: 'WritePlanIndustryOverview',
      section: {
        industry: account.industry,
        sectorTrends: ['Margin pressure', 'Consolidation'],
        landscapeEvents: ['A new low-cost entrant'],
      },
    });
    p('2026-01-09', 11, {
      type: 'WritePlanRelationshipOverview',
      section: {
        keyContacts: account.contacts.slice(0, 3).map((c, i) => ({
          contactId: c.contactId,
          isExecutiveSponsor: c.role === 'executive_sponsor',
          today: i === 0 ? 'credible_source' : 'vendor',
          target: i === 0 ? 'trusted_advisor' : 'problem_solver',
        })),
        gaps: [
          {
            description: 'No relationship with the CIO',
            action: 'Ask our sponsor for an introduction',
          },
        ],
        alliances: ['Implementation partner'],
        competitionChampions: [],
        trustedAdvisor: false,
      },
    });
    if (account.competitorIds.length > 0) {
      p('2026-01-09', 12, {
        type: 'WritePlanCompetitiveStrategy',
        section: {
          competitors: [
            {
              competitorId: account.competitorIds[0],
              name: 'Main competitor',
              theirGoals: 'Win the renewal on price.',
              theirMessages: ['Cheaper'],
              ourStrategy: 'Show the value delivered; sponsor-level relationship.',
              ourMessages: ['Lower total cost', 'Proven at their sites'],
            },
          ],
        },
      });
    }
    p('2026-01-12', 9, {
      type: 'ChoosePlanTopOpportunities',
      section: {
        opportunities: top.map((o) => ({
          opportunityId: o.opportunityId,
          executiveSponsorContactId: o.sponsor,
          relationshipToday: 'vendor',
          relationshipTarget: 'problem_solver',
        })),
        unidentifiedOpportunities: ['Analytics for the finance team'],
        customerKnowsPortfolio: false,
      },
    });
    p('2026-01-12', 10, {
      type: 'WritePlanPastPerformance',
      section: {
        projects: [{ name: 'Roll-out 2025', customerAssessment: 'meets' }],
        valueDelivered: [
          {
            description: 'Hours saved at month end',
            value: eur(Math.round(account.revenue2025 * 0.3)),
            customerAware: false,
          },
        ],
      },
    });
    p('2026-01-12', 11, {
      type: 'WritePlanTeamAlignment',
      section: {
        teamCadence: 'Fortnightly account team call',
        alignmentIssues: [{ function: 'Billing', issue: 'Invoices per site, not consolidated' }],
        resourceRequests: [],
      },
    });
    const monthly = Math.round((account.revenue2025 / 12) * 1.1);
    p('2026-01-12', 12, {
      type: 'WritePlanRevenuePlan',
      section: {
        months: Array.from({ length: 12 }, (_, i) => ({
          month: `2026-${String(i + 1).padStart(2, '0')}`,
          expected: eur(monthly),
        })),
        risks: [
          {
            description: 'Competitor discounting at renewal',
            likelihood: 'medium',
            exposure: eur(monthly * 3),
          },
        ],
      },
    });
    const goalId = newId(Date.parse(at('2026-01-13', 9)));
    p('2026-01-13', 9, {
      type: 'SetPlanGoal',
      goal: {
        goalId,
        metric: 'revenue',
        description: 'Grow the account 12% this year',
        measure: {
          unit: 'money',
          baseline: eur(account.revenue2025),
          target: eur(account.revenue2025 * 1.12),
        },
        due: '2026-12-31',
        carriedBy: top.map((o) => o.opportunityId),
        basis: '2025 revenue and the top opportunities',
      },
    });
    const steps = [
      {
        actionId: newId(Date.parse(at('2026-01-13', 10))),
        title: `Book a business review with ${sponsor.name}`,
        ownerRole: 'rep',
        ownerId: rep.repId,
        dueOn: '2026-02-13',
      },
      {
        actionId: newId(Date.parse(at('2026-01-13', 10)) + 1),
        title: `Executive call with ${account.name}`,
        ownerRole: 'manager',
        ownerId: MANAGER.id,
        dueOn: '2026-03-13',
      },
    ];
    p('2026-01-13', 10, { type: 'ListPlanNextSteps', section: { steps } });
    for (const step of steps) {
      const kept = random.chance(0.6);
      const completeAt = kept ? at(addDays(step.dueOn, -random.int(1, 10)), 15) : null;
      planActions.push({
        actionId: step.actionId,
        ownerId: step.ownerId,
        dueOn: step.dueOn,
        completeAt,
      });
      if (completeAt)
        later(completeAt, {
          aggregate: 'actionItems',
          command: { type: 'CompleteActionItem', actionId: step.actionId, at: completeAt },
        });
    }
    p('2026-01-14', 9, { type: 'SubmitPlan', submittedBy: rep.repId });
    if (returned) {
      p('2026-01-15', 9, {
        type: 'ReturnPlanForChanges',
        returnedBy: MANAGER.id,
        returnerRole: 'manager',
        reason: 'Work the goal back to named opportunities.',
      });
      p('2026-01-19', 15, { type: 'SubmitPlan', submittedBy: rep.repId });
      p('2026-01-21', 9, { type: 'ApprovePlan', approvedBy: MANAGER.id, approverRole: 'manager' });
    } else {
      p('2026-01-16', 9, { type: 'ApprovePlan', approvedBy: MANAGER.id, approverRole: 'manager' });
    }
  }

  // seed 004: one account per rep lost in February, for a reason the rep could have controlled,
  // and one of Ana's acquired at the end of March. Chosen first, so nothing happens to them after.
  const losses: { account: Account; at: string; controllable: boolean }[] = [];
  for (const rep of REPS) {
    const candidates = ranked(
      byRep(rep.repId).filter(
        (a) =>
          a.status === 'active' &&
          a.parentAccountId === null &&
          !isParentAccount(a) &&
          !plans.some((p) => p.accountId === a.accountId),
      ),
    );
    const february = candidates.at(-5);
    if (february) losses.push({ account: february, at: at('2026-02-24', 11), controllable: true });
    const march = rep.tier === 'A' ? candidates.at(-8) : undefined;
    if (march && march !== february)
      losses.push({ account: march, at: at('2026-03-26', 11), controllable: false });
  }
  for (const loss of losses) {
    loss.account.lostAt = loss.at;
    later(loss.at, {
      aggregate: 'accounts',
      command: {
        type: 'MarkAccountLost',
        accountId: loss.account.accountId,
        reason: loss.controllable
          ? {
              category: 'controllable',
              cause: random.pick(['price', 'service', 'competitor'] as const),
              note: 'Did not renew after the price review.',
            }
          : {
              category: 'inevitable',
              cause: 'acquired',
              note: 'Bought by a group with its own supplier.',
            },
        at: loss.at,
      },
    });
  }
  const liveAt = (account: Account, when: string) =>
    account.lostAt === null || when < account.lostAt;

  // The pipeline moves, month by month: stages advance, deals close, new ones appear.
  const months = ['2026-01', '2026-02', '2026-03'];
  let kindTurn = 0;
  for (const month of months) {
    for (const rep of REPS) {
      const mine = byRep(rep.repId);
      const day = () => `${month}-${String(random.int(2, 27)).padStart(2, '0')}`;
      for (const account of mine) {
        if (account.status === 'lost') continue;
        for (const opportunity of [...account.open]) {
          const roll = random.next();
          const when = at(day(), 14);
          const accountId = account.accountId;
          if (!liveAt(account, when)) continue;
          if (roll < 0.08 && opportunity.stage >= 2) {
            later(when, {
              aggregate: 'accounts',
              command: {
                type: 'WinOpportunity',
                accountId,
                opportunityId: opportunity.opportunityId,
                reason: random.pick(['relationship', 'value', 'product_fit'] as const),
                at: when,
              },
            });
            account.open.splice(account.open.indexOf(opportunity), 1);
            setOutcome(opportunity.opportunityId, 'won');
          } else if (roll < 0.13) {
            const competitorId =
              account.competitorSince !== null && account.competitorSince < when
                ? account.competitorIds[0]!
                : null;
            later(when, {
              aggregate: 'accounts',
              command: {
                type: 'LoseOpportunity',
                accountId,
                opportunityId: opportunity.opportunityId,
                reason: competitorId
                  ? 'competitor'
                  : random.pick(['budget', 'timing', 'no_decision'] as const),
                competitorId,
                at: when,
              },
            });
            account.open.splice(account.open.indexOf(opportunity), 1);
            setOutcome(opportunity.opportunityId, 'lost');
          } else if (roll < 0.3 && opportunity.stage < 4) {
            opportunity.stage += 1;
            later(when, {
              aggregate: 'accounts',
              command: {
                type: 'MoveOpportunity',
                accountId,
                opportunityId: opportunity.opportunityId,
                stage: STAGES[opportunity.stage]!,
                probability: STAGE_PROBABILITY[opportunity.stage]!,
                at: when,
              },
            });
          }
        }
        const satisfactionAt = at(day(), 12);
        if (account.status === 'active' && random.chance(0.06) && liveAt(account, satisfactionAt)) {
          const when = satisfactionAt;
          later(when, {
            aggregate: 'accounts',
            command: {
              type: 'RecordSatisfaction',
              accountId: account.accountId,
              score: random.int(4, 10),
              method: 'business_review',
              at: when,
            },
          });
        }
        const reachedAt = at(day(), 13);
        if (account.contacts.length > 0 && random.chance(0.04) && liveAt(account, reachedAt)) {
          const when = reachedAt;
          later(when, {
            aggregate: 'accounts',
            command: {
              type: 'RecordContactReached',
              accountId: account.accountId,
              contactId: random.pick(account.contacts).contactId,
              channel: random.pick(['meeting', 'call', 'email'] as const),
              at: when,
            },
          });
        }
      }
      // New opportunities, every kind in turn (new logos go to prospects).
      for (let n = 0; n < 4; n++) {
        const kind = (['new_logo', ...KINDS_IN_ACCOUNTS] as const)[kindTurn++ % 6]!;
        const when = at(day(), 10);
        const pool = mine.filter(
          (a) =>
            (kind === 'new_logo' ? a.status === 'prospect' : a.status === 'active') &&
            liveAt(a, when),
        );
        if (pool.length === 0) continue;
        const account = random.pick(pool);
        const line = random.pick(PRODUCT_LINES);
        const opportunity: OpenOpportunity = {
          opportunityId: newId(Date.parse(when) + n),
          accountId: account.accountId,
          name: `${OPPORTUNITY_NAMES[kind]}: ${line}`,
          kind,
          stage: 0,
          euros: random.int(5, 80) * 1000,
          productLine: line,
          sponsor: null,
        };
        later(when, {
          aggregate: 'accounts',
          command: {
            type: 'IdentifyOpportunity',
            accountId: account.accountId,
            opportunityId: opportunity.opportunityId,
            name: opportunity.name,
            kind,
            value: eur(opportunity.euros),
            stage: 'identified',
            probability: 10,
            expectedClose: addDays(`${month}-28`, random.int(60, 200)),
            productLine: line,
            source: random.pick(['referral', 'networking', 'existing_relationship'] as const),
            at: when,
          },
        });
        account.open.push(opportunity);
        recordOpportunity(account.accountId, opportunity.opportunityId, kind, 'open');
      }
    }
  }

  for (const loss of losses) loss.account.status = 'lost';

  // The reviews of the quarter: three monthly reviews per rep and one strategic plan review.
  interface Action {
    actionId: string;
    repId: string;
    reviewId: string;
    due: string;
    completeAt: string | null;
    fate: 'kept' | 'slipped' | 'open';
  }
  const actions: Action[] = [];
  const reviews: DemoScenario['reviews'][number][] = [];
  const concluded = new Map<string, string[]>(); // repId -> concluded review ids (ordered)
  const reviewDays = ['2026-01-19', '2026-02-16', '2026-03-16'];
  const agenda = [
    "Status of last review's actions",
    'Accounts, two minutes each',
    'Prospects and expansion opportunities',
    'The five questions',
    'New actions for the rep and the manager',
  ];
  const held: { repId: string; start: string; run: () => void }[] = [];

  for (const [m, reviewDay] of reviewDays.entries()) {
    for (const [r, rep] of REPS.entries()) {
      const day = addDays(reviewDay, r);
      const scheduledFor = at(day, 9);
      const reviewId = newId(Date.parse(at(addDays(day, -21), 10)) + r);
      reviews.push({ reviewId, repId: rep.repId, kind: 'monthly', scheduledFor, held: true });
      const scope = () =>
        byRep(rep.repId).filter((a) => a.lostAt === null || a.lostAt > scheduledFor);
      // Scheduling and notice come weeks ahead; the scope is the book as it stands then.
      const inScope = scope().filter(
        (a) => a.lostAt === null || a.lostAt > at(addDays(day, -21), 10),
      );
      const rv = (when: string, command: Record<string, unknown>) =>
        later(when, {
          aggregate: 'reviews',
          command: { reviewId, at: when, ...command },
        } as DemoCommand);
      rv(at(addDays(day, -21), 10), {
        type: 'ScheduleReview',
        kind: 'monthly',
        repId: rep.repId,
        managerId: MANAGER.id,
        accountIds: inScope.map((a) => a.accountId),
        scheduledFor,
      });
      rv(at(addDays(day, -14), 9), { type: 'SendReviewNotice', agenda });
      rv(at(addDays(day, -2), 16), { type: 'SubmitPreparation', document: preparationOf(inScope) });
      holdReview({
        reviewId,
        rep,
        day,
        scheduledFor,
        month: m,
        discuss: ranked(inScope.filter((a) => a.lostAt === null || a.lostAt > scheduledFor)).slice(
          0,
          12,
        ),
      });
    }
  }

  // The strategic plan review of Ana's top account (seed 002: every six to nine months).
  const strategic = plans.find((p) => p.repId === REPS[0]!.repId);
  if (strategic) {
    const rep = REPS[0]!;
    const day = '2026-02-25';
    const scheduledFor = at(day, 14);
    const reviewId = newId(Date.parse(at('2026-02-02', 10)));
    reviews.push({ reviewId, repId: rep.repId, kind: 'strategic_plan', scheduledFor, held: true });
    const rv = (when: string, command: Record<string, unknown>) =>
      later(when, {
        aggregate: 'reviews',
        command: { reviewId, at: when, ...command },
      } as DemoCommand);
    rv(at('2026-02-02', 10), {
      type: 'ScheduleReview',
      kind: 'strategic_plan',
      repId: rep.repId,
      managerId: MANAGER.id,
      accountIds: [strategic.accountId],
      planId: strategic.planId,
      scheduledFor,
    });
    rv(at('2026-02-09', 9), {
      type: 'SendReviewNotice',
      agenda: [
        'Account and industry overview',
        'Relationships and competition',
        'Top three opportunities',
        'Revenue plan and risks',
        'Next steps',
      ],
    });
    holdReview({
      reviewId,
      rep,
      day,
      scheduledFor,
      month: 1,
      discuss: accounts.filter((a) => a.accountId === strategic.accountId),
      strategic: true,
    });
    later(at(day, 16), {
      aggregate: 'plans',
      command: {
        type: 'RecordPlanReview',
        planId: strategic.planId,
        kind: 'strategic',
        reviewId,
        reviewedBy: MANAGER.id,
        at: at(day, 16),
      },
    });
  }

  function holdReview(review: {
    reviewId: string;
    rep: DemoRep;
    day: string;
    scheduledFor: string;
    month: number;
    discuss: readonly Account[];
    strategic?: boolean;
  }) {
    const { reviewId, rep, day, scheduledFor } = review;
    const rv = (when: string, command: Record<string, unknown>) =>
      later(when, {
        aggregate: 'reviews',
        command: { reviewId, at: when, ...command },
      } as DemoCommand);
    // Deferred: which actions are open when it starts depends on the reviews held before it.
    held.push({
      repId: rep.repId,
      start: scheduledFor,
      run: () => {
        rv(scheduledFor, { type: 'StartReview' });
        let clock = addMinutes(scheduledFor, 2);
        // seed 001: the review begins with the status of the last review's actions.
        const fromReviews = new Set(concluded.get(rep.repId) ?? []);
        const open = actions.filter(
          (a) =>
            a.repId === rep.repId &&
            fromReviews.has(a.reviewId) &&
            (a.completeAt === null || a.completeAt >= scheduledFor),
        );
        for (const action of open) {
          if (action.fate !== 'open') action.due = addDays(laterOf(action.due, day), 14);
          const outcome =
            action.fate === 'open'
              ? { status: 'open' }
              : { status: 'slipped', newDueOn: action.due };
          rv(clock, {
            type: 'ReviewPreviousAction',
            actionId: action.actionId,
            outcome,
            note: action.fate === 'open' ? 'Still on it.' : 'Waiting on the customer.',
          });
          clock = addMinutes(clock, 1);
        }
        for (const [i, account] of review.discuss.entries()) {
          const minutes = i === 2 ? 4 : 2;
          rv(addMinutes(clock, minutes), {
            type: 'DiscussAccount',
            accountId: account.accountId,
            startedAt: clock,
            notes:
              account.open.length > 0
                ? `${account.open.length} open opportunities; next step agreed.`
                : 'Steady; no open opportunity.',
          });
          clock = addMinutes(clock, minutes);
        }
        const answers = ANSWERS[review.month % ANSWERS.length]!;
        for (const [question, answer] of Object.entries(answers)) {
          rv(clock, { type: 'AnswerReviewQuestion', question, answer });
        }
        for (const account of review.discuss.slice(0, 5)) {
          const basisPoints = random.int(-2, 15) * 100;
          rv(clock, {
            type: 'SetGrowthExpectation',
            accountId: account.accountId,
            expectation: {
              growthBasisPoints: basisPoints,
              additionalRevenue: eur(Math.max(0, (account.revenue2025 * basisPoints) / 10_000)),
            },
          });
        }
        clock = addMinutes(clock, 5);
        const newActions = review.strategic ? 2 : random.int(3, 4);
        for (let n = 0; n < newActions; n++) {
          const account = review.discuss[n % Math.max(1, review.discuss.length)];
          const ownerRole = n % 3 === 1 ? 'manager' : 'rep';
          const ownerId = ownerRole === 'rep' ? rep.repId : MANAGER.id;
          const actionId = newId(Date.parse(clock) + n);
          const due = addDays(day, random.int(7, 21));
          rv(clock, {
            type: 'AssignActionItem',
            actionId,
            ownerRole,
            ownerId,
            title: ACTION_TITLES[(review.month * 4 + n) % ACTION_TITLES.length]!,
            ...(account ? { accountId: account.accountId } : {}),
            dueOn: due,
          });
          const roll = random.next();
          const fate: Action['fate'] = roll < 0.55 ? 'kept' : roll < 0.85 ? 'slipped' : 'open';
          actions.push({ actionId, repId: rep.repId, reviewId, due, completeAt: null, fate });
        }
        rv(addMinutes(clock, 5), {
          type: 'ConcludeReview',
          summary: review.strategic
            ? 'Plan reviewed section by section; next steps agreed.'
            : 'Book reviewed; growth expectations set for the top accounts.',
        });
        concluded.set(rep.repId, [...(concluded.get(rep.repId) ?? []), reviewId]);
        // What becomes of the new actions: kept ones are done before the rep's next review,
        // slipped ones are reported slipped there and done some days after.
        const nextStart = held
          .filter((h) => h.repId === rep.repId && h.start > scheduledFor)
          .map((h) => h.start)
          .sort()
          .concat(at(DEMO_AS_OF, 8))[0]!;
        for (const action of actions.filter((a) => a.reviewId === reviewId)) {
          const kept = at(addDays(day, random.int(1, 6)), 15);
          const slippedDone = at(addDays(nextStart.slice(0, 10), random.int(3, 12)), 15);
          const completeAt =
            action.fate === 'kept'
              ? kept
              : action.fate === 'slipped' && slippedDone < at(DEMO_AS_OF, 8) && random.chance(0.6)
                ? slippedDone
                : null;
          if (completeAt !== null) {
            action.completeAt = completeAt;
            later(completeAt, {
              aggregate: 'actionItems',
              command: { type: 'CompleteActionItem', actionId: action.actionId, at: completeAt },
            });
          }
        }
      },
    });
  }

  // Reviews are held in time order, each knowing what the earlier ones left open.
  for (const review of [...held].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  ))
    review.run();

  // April: the next monthly reviews booked, 2026-Q1's revenue recorded, notice sent today.
  let finalReviewId = '';
  for (const [r, rep] of REPS.entries()) {
    const day = addDays('2026-04-20', r);
    const reviewId = newId(Date.parse(at('2026-03-30', 10)) + r);
    finalReviewId = reviewId;
    reviews.push({
      reviewId,
      repId: rep.repId,
      kind: 'monthly',
      scheduledFor: at(day, 9),
      held: false,
    });
    const inScope = byRep(rep.repId).filter(
      (a) => a.lostAt === null || a.lostAt > at('2026-03-30', 10),
    );
    later(at('2026-03-30', 10), {
      aggregate: 'reviews',
      command: {
        type: 'ScheduleReview',
        reviewId,
        kind: 'monthly',
        repId: rep.repId,
        managerId: MANAGER.id,
        accountIds: inScope.map((a) => a.accountId),
        scheduledFor: at(day, 9),
        at: at('2026-03-30', 10),
      },
    });
    later(at(DEMO_AS_OF, 9, r), {
      aggregate: 'reviews',
      command: { type: 'SendReviewNotice', reviewId, agenda, at: at(DEMO_AS_OF, 9, r) },
    });
  }
  for (const account of accounts) {
    if (account.lostAt !== null || account.status === 'inactive') continue;
    for (const line of account.lines) {
      if (line.from > 12 || line.to < 12) continue;
      const when = at(revenueRecordedOn(12), 7);
      later(when, {
        aggregate: 'accounts',
        command: {
          type: 'RecordRevenue',
          accountId: account.accountId,
          revenueId: newId(Date.parse(when) + accounts.indexOf(account)),
          period: QUARTERS[12]!,
          productLine: line.productLine,
          amount: eur(revenueOf(account, line, 12)),
          at: when,
        },
      });
    }
  }

  const sortedQuarter = quarter
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  const monthStep = (name: string, from: string, to: string): DemoStep => ({
    name,
    lanes: [sortedQuarter.filter((e) => e.at >= from && e.at < to).map((e) => e.cmd)],
  });
  const steps: DemoStep[] = [
    { name: 'Territories and reps', lanes: [setup] },
    { name: `Opening ${accounts.length} accounts`, lanes: topLevel },
    { name: 'Opening the branches', lanes: branchOpenings },
    { name: 'History, 2023 to 2025', lanes: history },
    monthStep('January 2026', '2025', '2026-02'),
    monthStep('February 2026', '2026-02', '2026-03'),
    monthStep('March 2026', '2026-03', '2026-04'),
    monthStep('April 2026: the next reviews booked', '2026-04', '2027'),
  ];

  // The tiers the organisation assigns (seed 003 leaves the criteria to it): each rep's five
  // largest accounts by 2025 revenue are tier A, the next third B, the rest C.
  const tiers: Record<string, 'A' | 'B' | 'C'> = {};
  for (const rep of REPS) {
    const mine = ranked(byRep(rep.repId));
    for (const [i, account] of mine.entries()) {
      tiers[account.accountId] =
        account.revenue2025 === 0 ? 'C' : i < 5 ? 'A' : i < mine.length / 3 ? 'B' : 'C';
    }
  }

  return {
    seed: options.seed,
    tiers,
    accountCount: accounts.length,
    currency: EUR,
    asOf: DEMO_AS_OF,
    generatedAt: GENERATED_AT,
    managerId: MANAGER.id,
    reps: REPS,
    names,
    accounts: accounts.map(
      ({ accountId, name, industry, repId, territoryId, parentAccountId, status }) => ({
        accountId,
        name,
        industry,
        repId,
        territoryId,
        parentAccountId,
        status,
      }),
    ),
    opportunities,
    plans,
    reviews,
    actions: actions.map(({ actionId, fate }) => ({ actionId, fate })),
    finalReviewId,
    steps,
  };

  function preparationOf(inScope: readonly Account[]) {
    const entry = (
      label: string,
      accountId: string,
      opportunityId: string | null,
      euros: number | null,
      note: string | null = null,
    ) => ({
      label,
      accountId,
      opportunityId,
      score: null,
      value: euros === null ? null : eur(euros),
      note,
    });
    const openOf = (kinds: readonly OpportunityKind[]) =>
      inScope
        .flatMap((a) => a.open.filter((o) => kinds.includes(o.kind)).map((o) => ({ a, o })))
        .sort((x, y) => y.o.euros - x.o.euros);
    return {
      currentAccounts: ranked(inScope.filter((a) => a.status === 'active'))
        .slice(0, 10)
        .map((a) => entry(a.name, a.accountId, null, a.revenue2025, '2025 revenue')),
      prospects: openOf(['new_logo'])
        .slice(0, 8)
        .map(({ a, o }) => entry(`${a.name}: ${o.name}`, a.accountId, o.opportunityId, o.euros)),
      expansionOpportunities: openOf(['cross_sell', 'up_sell', 'price_increase'])
        .slice(0, 8)
        .map(({ a, o }) => entry(`${a.name}: ${o.name}`, a.accountId, o.opportunityId, o.euros)),
      prospectsInCurrentAccounts: openOf(['new_buyer'])
        .slice(0, 5)
        .map(({ a, o }) => entry(`${a.name}: ${o.name}`, a.accountId, o.opportunityId, o.euros)),
      networkingContacts: [],
      referrals: [],
    };
  }
}

const TITLES: Record<ContactRole, string> = {
  economic_buyer: 'Chief Financial Officer',
  executive_sponsor: 'Chief Operating Officer',
  champion: 'Head of Operations',
  influencer: 'IT Manager',
  user: 'Team Lead',
  detractor: 'Procurement Manager',
  competition_champion: 'Head of IT',
};

const OPPORTUNITY_NAMES: Record<OpportunityKind, string> = {
  new_logo: 'First order',
  new_buyer: 'New department',
  cross_sell: 'Cross-sell',
  up_sell: 'Up-sell',
  renewal: 'Renewal',
  price_increase: 'Price increase',
};

const ACTION_TITLES = [
  'Send the QBR deck',
  'Introduce our sponsor to the CIO',
  'Approve the renewal discount',
  'Map the buying centre',
  'Prepare the price-increase letter',
  'Book the executive call',
  'Chase the signed order form',
  'Share the case study',
];

const ANSWERS: readonly Record<string, string>[] = [
  {
    key_accomplishments: 'Two renewals signed early; pipeline rebuilt after December.',
    disappointments_concerns_problems: 'A competitor is discounting hard in two accounts.',
    next_month: 'Close the committed deals and book two business reviews.',
    suggestions: 'Share win stories across the territories.',
    needs_from_manager: 'A pricing decision on the largest renewal.',
  },
  {
    key_accomplishments: 'Cross-sell of Analytics to a top account.',
    disappointments_concerns_problems: 'Lost an account after the price review.',
    next_month: 'Executive calls in the top three accounts.',
    suggestions: 'A lighter preparation template.',
    needs_from_manager: 'Join the executive call with our largest customer.',
  },
  {
    key_accomplishments: 'Quarter closed above the growth allocation.',
    disappointments_concerns_problems: 'Two deals slipped into next quarter.',
    next_month: 'Start the price-increase conversations.',
    suggestions: 'Quarterly satisfaction check-ins for tier-A accounts.',
    needs_from_manager: 'Support from services on the pilot.',
  },
];

/** Makes ULIDs whose time part is the business time they are made for and whose rest comes from `random`. */
function ulidFactory(random: Random): (ms: number) => string {
  const taken = new Set<string>();
  return (ms) => {
    for (;;) {
      let time = '';
      for (let i = 0, v = ms; i < 10; i++, v = Math.floor(v / 32)) time = CROCKFORD[v % 32] + time;
      let rest = '';
      for (let i = 0; i < 16; i++) rest += CROCKFORD[random.int(0, 31)];
      const id = time + rest;
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
}

/** The later of two ISO days or instants. */
function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
