// A short scripted session against the review service, as a product's UI would drive it: the
// service starts on a free port, the script makes its requests over HTTP, and both stop.
import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { startReviewService } from './server.js';

// Business time is the service's clock; the script moves it from preparation to the meeting.
let now = new Date('2026-03-02T09:00:00Z');
let lastId = 0;
const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
const server = await startReviewService({
  store,
  clock: () => now,
  // Sequential ids, so that every run prints the same (the default makes ULIDs).
  ids: () => `01KK0000000000000000000${String(++lastId).padStart(3, '0')}`,
});

/** Sends one request, prints what came back, and returns the response's JSON. */
async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: the script reads what it needs from each response.
): Promise<any> {
  const response = await fetch(server.url + path, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-User-Id': 'mgr-kim', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  const json: any = await response.json();
  const shownPath = path.replace(/01KK0+(\d+)/g, (_, n) => `{id${Number(n)}}`);
  let outcome: string;
  if (!response.ok) {
    const pointers = json.errors?.map((e: { pointer: string }) => e.pointer).join(', ');
    outcome = [json.code, json.rule, pointers && `at ${pointers}`].filter(Boolean).join(' ');
  } else {
    const replayed = response.headers.get('idempotent-replayed') ? ', replayed' : '';
    outcome = json.version === undefined ? 'ok' : `version ${json.version}${replayed}`;
  }
  console.log(`${method.padEnd(4)} ${shownPath} -> ${response.status} (${outcome})`);
  return json;
}

try {
  const { accountId: acme } = await call('POST', '/accounts', {
    name: 'Acme',
    ownerRepId: 'rep-ana',
    currency: 'EUR',
    status: 'active',
  });
  const { accountId: globex } = await call('POST', '/accounts', {
    name: 'Globex',
    ownerRepId: 'rep-ana',
    currency: 'EUR',
    status: 'active',
  });

  // Two weeks ahead: schedule, give notice with the agenda, and the rep prepares.
  const scheduled = await call('POST', '/reviews', {
    kind: 'monthly',
    repId: 'rep-ana',
    managerId: 'mgr-kim',
    accountIds: [acme, globex],
    scheduledFor: '2026-03-16T09:00:00Z',
  });
  const review = `/reviews/${scheduled.review.reviewId}`;
  await call('POST', `${review}/notice`, {
    agenda: ["Last review's actions", 'Each account in two minutes', 'The five questions'],
  });
  await call('POST', `${review}/discussions`, { accountId: acme }); // bad input: a 400
  await call('POST', `${review}/conclusion`, {}); // not started yet: a 422
  const entry = (label: string, accountId: string) => ({ label, accountId });
  await call('POST', `${review}/preparation/submission`, {
    document: {
      currentAccounts: [entry('Acme: renewal signed', acme), entry('Globex: new COO', globex)],
      prospects: [],
      expansionOpportunities: [entry('Acme: ERP roll-out to finance', acme)],
      prospectsInCurrentAccounts: [],
      networkingContacts: [],
      referrals: [],
    },
  });

  // The meeting: start, discuss each account, answer a question, agree an action, conclude.
  now = new Date('2026-03-16T09:00:00Z');
  const started = await call('POST', `${review}/start`);
  await call('POST', `${review}/discussions`, {
    accountId: acme,
    notes: 'ERP proposal goes to the CFO this month.',
    startedAt: '2026-03-16T08:58:30Z',
  });
  await call('PUT', `${review}/answers/needs_from_manager`, {
    answer: 'An introduction to the Globex COO.',
  });
  await call('PUT', `${review}/growth-expectations/${acme}`, {
    expectation: {
      growthBasisPoints: 800,
      additionalRevenue: { amountMinor: 9_600_000, currency: 'EUR' },
    },
  });
  const action = {
    ownerRole: 'rep',
    ownerId: 'rep-ana',
    title: 'Send Acme the ERP proposal',
    accountId: acme,
    dueOn: '2026-03-27',
  };
  await call('POST', `${review}/actions`, action, { 'Idempotency-Key': 'assign-erp-proposal' });
  await call('POST', `${review}/actions`, action, { 'Idempotency-Key': 'assign-erp-proposal' });
  // A UI that still shows the review as it was at the start: a 412, reload and try again.
  await call('POST', `${review}/conclusion`, {}, { 'If-Match': `"${started.version}"` });
  const current = await call('GET', review);
  await call(
    'POST',
    `${review}/conclusion`,
    { summary: 'Acme grows; Globex needs a sponsor.' },
    {
      'If-Match': `"${current.version}"`,
    },
  );

  const { actions } = await call('GET', '/reps/rep-ana/actions');
  for (const a of actions) console.log(`  open action: ${a.title}, due ${a.dueOn}`);
  const pack = await call('GET', `${review}/pack`);
  const sections = pack.sections.map((section: { title: string }) => section.title);
  console.log(`  review pack: "${pack.title}", ${sections.join(' / ')}`);
} finally {
  await server.close();
  await store.close();
}
