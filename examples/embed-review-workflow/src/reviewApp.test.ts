import {
  ConcurrencyError,
  createDomainEventRegistry,
  type EventStore,
  StorageError,
} from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { problemOf } from './problemDetails.js';
import { type RunningReviewService, startReviewService } from './server.js';

const running: RunningReviewService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/**
 * The service on a free port over a fresh memory store, with a clock the test moves. `failOn`
 * makes the store throw when a stream whose id starts with it is read.
 */
async function start(options: { failOn?: { prefix: string; error: Error } } = {}) {
  let now = new Date('2026-03-02T09:00:00Z');
  const memory = createMemoryEventStore({ registry: createDomainEventRegistry() });
  const { failOn } = options;
  const store: EventStore = failOn
    ? new Proxy(memory, {
        get(target, property) {
          if (property !== 'readStream') return Reflect.get(target, property);
          const readStream: EventStore['readStream'] = (streamId, readOptions) => {
            if (streamId.startsWith(failOn.prefix)) return Promise.reject(failOn.error);
            return target.readStream(streamId, readOptions);
          };
          return readStream;
        },
      })
    : memory;
  const logged: unknown[] = [];
  const server = await startReviewService({
    store,
    clock: () => now,
    logError: (e) => logged.push(e),
  });
  running.push(server);

  // biome-ignore lint/suspicious/noExplicitAny: tests read the fields they assert on.
  const call = async (method: string, path: string, body?: unknown, headers = {}): Promise<any> => {
    const response = await fetch(server.url + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, json: await response.json() };
  };
  const openAccount = async (name: string) =>
    (await call('POST', '/accounts', { name, ownerRepId: 'rep-ana', currency: 'EUR' })).json
      .accountId as string;
  /** A monthly review of the accounts, scheduled and noticed two weeks ahead. */
  const noticedReview = async (accountIds: string[], scheduledFor: string) => {
    const scheduled = await call('POST', '/reviews', {
      kind: 'monthly',
      repId: 'rep-ana',
      managerId: 'mgr-kim',
      accountIds,
      scheduledFor,
    });
    const path = `/reviews/${scheduled.json.review.reviewId}`;
    await call('POST', `${path}/notice`, { agenda: ['Actions', 'Accounts', 'Questions'] });
    return path;
  };
  const moveTo = (iso: string) => {
    now = new Date(iso);
  };
  return { call, openAccount, noticedReview, moveTo, logged, server };
}

const emptyDocument = {
  currentAccounts: [],
  prospects: [],
  expansionOpportunities: [],
  prospectsInCurrentAccounts: [],
  networkingContacts: [],
  referrals: [],
};

describe('the review service over HTTP', () => {
  it('takes a review from scheduling to conclusion, and the next one starts with its actions', async () => {
    const { call, openAccount, noticedReview, moveTo } = await start();
    const acme = await openAccount('Acme');
    const review = await noticedReview([acme], '2026-03-16T09:00:00Z');
    const submitted = await call('POST', `${review}/preparation/submission`, {
      document: { ...emptyDocument, currentAccounts: [{ label: 'Acme', accountId: acme }] },
    });
    expect(submitted.json.review.preparation).toMatchObject({ status: 'submitted' });

    moveTo('2026-03-16T09:00:00Z');
    await call('POST', `${review}/start`);
    await call('POST', `${review}/discussions`, {
      accountId: acme,
      startedAt: '2026-03-16T08:58:00Z',
    });
    const assigned = await call('POST', `${review}/actions`, {
      ownerRole: 'rep',
      ownerId: 'rep-ana',
      title: 'Send Acme the ERP proposal',
      accountId: acme,
      dueOn: '2026-03-27',
    });
    expect(assigned.status).toBe(201);
    expect(assigned.headers.get('location')).toBe(`/actions/${assigned.json.actionId}`);
    const concluded = await call('POST', `${review}/conclusion`, { summary: 'Good month.' });
    expect(concluded.json.review.status).toBe('concluded');

    const open = await call('GET', '/reps/rep-ana/actions');
    expect(open.json.actions).toMatchObject([
      { actionId: assigned.json.actionId, title: 'Send Acme the ERP proposal', status: 'open' },
    ]);
    expect((await call('GET', '/reps/rep-bo/actions')).json.actions).toEqual([]);

    // The next month's review starts with that action, reported done before anything else.
    const next = await noticedReview([acme], '2026-04-13T09:00:00Z');
    moveTo('2026-04-13T09:00:00Z');
    const overdue = await call('GET', '/reps/rep-ana/actions');
    expect(overdue.json.actions).toMatchObject([{ overdue: true, daysOverdue: 17 }]);
    const started = await call('POST', `${next}/start`);
    expect(started.json.review.previousReview.openActionIds).toEqual([assigned.json.actionId]);
    const early = await call('PUT', `${next}/answers/key_accomplishments`, { answer: 'Won Acme' });
    expect(early.json.rule).toBe('review.previous_actions_pending');
    await call('POST', `${next}/previous-actions/${assigned.json.actionId}`, {
      outcome: { status: 'done' },
    });
    expect((await call('GET', '/reps/rep-ana/actions')).json.actions).toEqual([]);

    const pack = await call('GET', `${review}/pack`);
    expect(pack.json.title).toBe('Monthly account review: rep-ana');
    const newActions = pack.json.sections.find((s: { id: string }) => s.id === 'new-actions');
    expect(JSON.stringify(newActions)).toContain('Send Acme the ERP proposal');
    expect(pack.headers.get('etag')).toBe(`"${concluded.json.version}"`);
  });

  it('serves the review pack as a report document, or as HTML or Markdown when asked', async () => {
    const { call, openAccount, noticedReview, server } = await start();
    const review = await noticedReview([await openAccount('Acme')], '2026-03-16T09:00:00Z');
    const get = (accept: string) => fetch(`${server.url}${review}/pack`, { headers: { accept } });

    const json = await call('GET', `${review}/pack`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.json.sections.map((s: { id: string }) => s.id)).toContain('accounts');
    expect(JSON.stringify(json.json)).toContain('Acme');

    const html = await get('text/html,application/xhtml+xml;q=0.9');
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('vary')).toBe('Accept');
    const page = await html.text();
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<h1>Monthly account review: rep-ana</h1>');

    const markdown = await get('text/markdown');
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await markdown.text()).toMatch(/^# Monthly account review: rep-ana/);

    expect((await call('GET', '/reviews/01J0000000000000000000NONE/pack')).status).toBe(404);
  });

  it('answers bad input with a 400 problem whose pointers name each field', async () => {
    const { call, openAccount, noticedReview } = await start();
    const review = await noticedReview([await openAccount('Acme')], '2026-03-16T09:00:00Z');

    const missing = await call('POST', '/reviews', { kind: 'weekly', accountIds: [] });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(missing.json).toMatchObject({
      type: 'urn:account-planning:problem:validation_failed',
      status: 400,
      code: 'validation_failed',
    });
    expect(missing.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/kind',
      '/repId',
      '/managerId',
      '/accountIds',
      '/scheduledFor',
    ]);

    const misspelt = await call('POST', `${review}/notice`, { agenda: ['Accounts'], agneda: [] });
    expect(misspelt.json.errors).toEqual([
      { pointer: '/agneda', detail: 'Unrecognized key: "agneda"', code: 'unrecognized_keys' },
    ]);
    const nested = await call('PUT', `${review}/preparation`, {
      document: { ...emptyDocument, prospects: [{ label: '' }] },
    });
    expect(nested.json.errors[0].pointer).toBe('/document/prospects/0/label');
    const notJson = await call('POST', '/reviews', '{"kind": ');
    expect(notJson.json).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '' }] });
    const badIfMatch = await call('POST', `${review}/start`, {}, { 'If-Match': 'yesterday' });
    expect(badIfMatch.json.errors[0].pointer).toBe('/headers/If-Match');
  });

  it('answers a broken business rule with a 422 naming the rule and the ids', async () => {
    const { call, openAccount } = await start();
    const acme = await openAccount('Acme');
    const scheduled = await call('POST', '/reviews', {
      kind: 'monthly',
      repId: 'rep-ana',
      managerId: 'mgr-kim',
      accountIds: [acme],
      scheduledFor: '2026-03-16T09:00:00Z',
    });
    const reviewId = scheduled.json.review.reviewId;
    const refused = await call('POST', `/reviews/${reviewId}/start`);
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      type: 'urn:account-planning:problem:domain_rule_violated',
      code: 'domain_rule_violated',
      rule: 'review.notice_not_sent',
      ids: { reviewId },
    });
    const unknownAccount = await call('POST', '/reviews', {
      kind: 'monthly',
      repId: 'rep-ana',
      managerId: 'mgr-kim',
      accountIds: ['01KK0000000000000000000999'],
      scheduledFor: '2026-03-16T09:00:00Z',
    });
    expect(unknownAccount.json.rule).toBe('review.account_not_found');
  });

  it('refuses a change made on a stale version with a 412, and accepts it on the current one', async () => {
    const { call, openAccount, noticedReview } = await start();
    const review = await noticedReview([await openAccount('Acme')], '2026-03-16T09:00:00Z');
    const seen = await call('GET', review);
    expect(seen.headers.get('etag')).toBe('"2"');
    // Someone else saves a draft first.
    await call('PUT', `${review}/preparation`, { document: emptyDocument });
    const stale = await call('POST', `${review}/preparation/submission`, {}, { 'If-Match': '"2"' });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ code: 'concurrency_conflict', currentVersion: 3 });
    const current = await call(
      'POST',
      `${review}/preparation/submission`,
      {},
      { 'If-Match': '"3"' },
    );
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"4"');
  });

  it('applies a request retried with its Idempotency-Key once, and answers as the first time', async () => {
    const { call, openAccount } = await start();
    const acme = await openAccount('Acme');
    const schedule = {
      kind: 'monthly',
      repId: 'rep-ana',
      managerId: 'mgr-kim',
      accountIds: [acme],
      scheduledFor: '2026-03-16T09:00:00Z',
    };
    const key = { 'Idempotency-Key': 'schedule-march' };
    const first = await call('POST', '/reviews', schedule, key);
    const retried = await call('POST', '/reviews', schedule, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.headers.get('location')).toBe(first.headers.get('location'));
    expect(retried.json.version).toBe(1);

    const review = first.headers.get('location');
    await call('POST', `${review}/notice`, { agenda: ['Accounts'] });
    await call('POST', `${review}/start`);
    const action = {
      ownerRole: 'manager',
      ownerId: 'mgr-kim',
      title: 'Call the CFO',
      dueOn: '2026-03-20',
    };
    const assign = { 'Idempotency-Key': 'assign-call-cfo' };
    const once = await call('POST', `${review}/actions`, action, assign);
    const twice = await call('POST', `${review}/actions`, action, assign);
    expect(twice.json.actionId).toBe(once.json.actionId);
    expect(twice.json.review.actionItems).toHaveLength(1);

    // The same key for another request is refused, not applied.
    const reused = await call(
      'POST',
      '/accounts',
      { name: 'Globex', ownerRepId: 'rep-ana', currency: 'EUR' },
      key,
    );
    expect(reused.status).toBe(422);
    expect(reused.json.code).toBe('idempotency_conflict');
  });

  it('answers what does not exist with a 404', async () => {
    const { call } = await start();
    const review = await call('GET', '/reviews/01KK0000000000000000000999');
    expect(review.status).toBe(404);
    expect(review.json).toMatchObject({ code: 'not_found', title: 'Not found' });
    const notice = await call('POST', '/reviews/01KK0000000000000000000999/notice', {
      agenda: ['Accounts'],
    });
    expect(notice.json.code).toBe('not_found');
    const route = await call('DELETE', '/reviews');
    expect(route.json).toMatchObject({ status: 404, code: 'route_not_found' });
  });

  it('answers a storage failure or a bug with a 500 that gives nothing away, and logs it', async () => {
    const secret = 'connect ECONNREFUSED 10.0.0.7:5432 (db-prod-1)';
    const storage = await start({
      failOn: { prefix: 'review-', error: new StorageError(secret, { cause: new Error(secret) }) },
    });
    const down = await storage.call('GET', '/reviews/01KK0000000000000000000999');
    expect(down.status).toBe(500);
    expect(down.json).toMatchObject({ code: 'storage_failed', status: 500 });
    expect(JSON.stringify(down.json)).not.toContain('10.0.0.7');
    expect(storage.logged).toHaveLength(1);

    const buggy = await start({ failOn: { prefix: 'review-', error: new TypeError(secret) } });
    const bug = await buggy.call('GET', '/reviews/01KK0000000000000000000999');
    expect(bug.json).toEqual({
      type: 'urn:account-planning:problem:internal_error',
      title: 'Something went wrong on our side',
      status: 500,
      detail: 'The request could not be completed.',
      code: 'internal_error',
    });
    expect(buggy.logged).toEqual([expect.any(TypeError)]);
  });
});

describe('problemOf', () => {
  it('makes a conflict 409 when the client pinned no version, 412 when it did', () => {
    const conflict = new ConcurrencyError('review-x', 3, 5);
    expect(problemOf(conflict, false)).toMatchObject({ status: 409, currentVersion: 5 });
    expect(problemOf(conflict, true)).toMatchObject({ status: 412, currentVersion: 5 });
  });
});
