import {
  type AccountPlanning,
  type CommandResult,
  commitmentsByOwner,
  type EventStore,
  type ExpectedVersion,
  type HandleOptions,
  NotFoundError,
  type ProjectionRunner,
  type ReadModels,
  type ReviewEvent,
  type ReviewState,
  ValidationError,
} from '@account-planning/core';
import {
  buildReviewPack,
  type ReviewPackOptions,
  readReviewPackInput,
  renderHtml,
  renderMarkdown,
} from '@account-planning/reporting';
import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { PROBLEM_JSON, type Problem, problemOf } from './problemDetails.js';
import {
  AnswerQuestionBody,
  AssignActionBody,
  ConcludeReviewBody,
  DiscussAccountBody,
  GrowthExpectationBody,
  OpenAccountBody,
  ReviewPreviousActionBody,
  SavePreparationBody,
  ScheduleReviewBody,
  SendNoticeBody,
  StartReviewBody,
  SubmitPreparationBody,
} from './requestBodies.js';

/** Options of {@link createReviewApp}. */
export interface ReviewAppOptions {
  /** The application service, over the store of the tenant this app serves. */
  readonly planning: AccountPlanning;
  /** The store `planning` runs on: the review pack reads what changed since the last review. */
  readonly store: Pick<EventStore, 'readAll' | 'readStream'>;
  /**
   * The read models, kept current from the same store by a projection runner: the commitment
   * ledger for the reps' open actions, and the book, calendar and ledger for review packs.
   */
  readonly readModels: ProjectionRunner<ReadModels>;
  /** How review packs are laid out and whom ids name (default: ids as they are). */
  readonly packOptions?: ReviewPackOptions;
  /** Today, for what is overdue (default: now); the same clock as the application service's. */
  readonly clock?: () => Date;
  /** Where errors that are not the library's go (default `console.error`); never to the client. */
  readonly logError?: (error: unknown) => void;
}

/**
 * The review workflow as JSON over HTTP, for a product's own UI: schedule a review, send
 * notice, prepare, hold and conclude it, list a rep's open actions, fetch the review pack.
 *
 * Every command route reads three headers: `Idempotency-Key` (a retried request is applied once
 * and answers as the first did, with `Idempotent-Replayed: true`), `If-Match: "<version>"` (the
 * version the user saw: a stale one is a 412) and `X-User-Id` (stored as the events' actor).
 * Responses carry the review's version as an `ETag`. Errors are `application/problem+json`
 * (RFC 9457) with the library's `code`, and `rule` and field pointers where they apply.
 */
export function createReviewApp(options: ReviewAppOptions): Hono {
  const { planning, store, readModels } = options;
  const clock = options.clock ?? (() => new Date());
  const logError = options.logError ?? console.error;
  const app = new Hono();

  app.onError((error, c) => {
    const problem = problemOf(error, c.req.header('if-match') !== undefined);
    if (problem.status >= 500) logError(error);
    return problemResponse(problem);
  });
  app.notFound((c) =>
    problemResponse({
      type: 'urn:account-planning:problem:route_not_found',
      title: 'No such route',
      status: 404,
      detail: `No route for ${c.req.method} ${c.req.path}`,
      code: 'route_not_found',
    }),
  );

  // ---- accounts (so that a review has something to cover) --------------------------------

  app.post('/accounts', async (c) => {
    const body = await readBody(c, OpenAccountBody);
    const result = await planning.accounts.execute(
      { type: 'OpenAccount', ...body },
      handleOptions(c),
    );
    const accountId = result.state.accountId!;
    return c.json({ accountId, version: result.version, account: result.state }, 201, {
      Location: `/accounts/${accountId}`,
      ...resultHeaders(result),
    });
  });

  // ---- the review's life ------------------------------------------------------------------

  app.post('/reviews', async (c) => {
    const body = await readBody(c, ScheduleReviewBody);
    const result = await planning.reviews.execute(
      { type: 'ScheduleReview', ...body },
      handleOptions(c),
    );
    const reviewId = result.state.reviewId!;
    return c.json(reviewBody(result), 201, {
      Location: `/reviews/${reviewId}`,
      ...resultHeaders(result),
    });
  });

  app.get('/reviews/:reviewId', async (c) => {
    const { state, version } = await existingReview(c.req.param('reviewId'));
    return c.json({ version, review: state }, 200, { ETag: etag(version) });
  });

  /** Runs one review command on the review named in the path. */
  const executeOnReview = async (c: Context, command: Record<string, unknown>) => {
    const reviewId = c.req.param('reviewId')!;
    // A review that was never scheduled is a 404, not a broken rule.
    await existingReview(reviewId);
    return planning.reviews.execute(
      { ...command, reviewId } as Parameters<AccountPlanning['reviews']['execute']>[0],
      handleOptions(c),
    );
  };
  /** Runs one review command and answers with the review's state. */
  const reviewCommand = async (c: Context, command: Record<string, unknown>) => {
    const result = await executeOnReview(c, command);
    return c.json(reviewBody(result), 200, resultHeaders(result));
  };

  app.post('/reviews/:reviewId/notice', async (c) =>
    reviewCommand(c, { type: 'SendReviewNotice', ...(await readBody(c, SendNoticeBody)) }),
  );
  app.put('/reviews/:reviewId/preparation', async (c) =>
    reviewCommand(c, {
      type: 'SavePreparationDraft',
      ...(await readBody(c, SavePreparationBody)),
    }),
  );
  app.post('/reviews/:reviewId/preparation/submission', async (c) =>
    reviewCommand(c, {
      type: 'SubmitPreparation',
      ...(await readBody(c, SubmitPreparationBody)),
    }),
  );

  // Holding the review: start it, review the previous review's open actions first, discuss
  // each account, answer the five questions, set growth expectations, agree new actions.
  app.post('/reviews/:reviewId/start', async (c) =>
    reviewCommand(c, { type: 'StartReview', ...(await readBody(c, StartReviewBody)) }),
  );
  app.post('/reviews/:reviewId/previous-actions/:actionId', async (c) =>
    reviewCommand(c, {
      type: 'ReviewPreviousAction',
      actionId: c.req.param('actionId'),
      ...(await readBody(c, ReviewPreviousActionBody)),
    }),
  );
  app.post('/reviews/:reviewId/discussions', async (c) =>
    reviewCommand(c, { type: 'DiscussAccount', ...(await readBody(c, DiscussAccountBody)) }),
  );
  app.put('/reviews/:reviewId/answers/:question', async (c) =>
    reviewCommand(c, {
      type: 'AnswerReviewQuestion',
      question: c.req.param('question'),
      ...(await readBody(c, AnswerQuestionBody)),
    }),
  );
  app.put('/reviews/:reviewId/growth-expectations/:accountId', async (c) =>
    reviewCommand(c, {
      type: 'SetGrowthExpectation',
      accountId: c.req.param('accountId'),
      ...(await readBody(c, GrowthExpectationBody)),
    }),
  );
  app.post('/reviews/:reviewId/actions', async (c) => {
    const body = await readBody(c, AssignActionBody);
    const result = await executeOnReview(c, { type: 'AssignActionItem', ...body });
    // The recorded event names the new action (on a replay too, whatever id the retry made).
    const actionId = result.events.find((e) => e.type === 'ActionItemAssigned')?.data.actionId;
    return c.json({ actionId, ...reviewBody(result) }, 201, {
      Location: `/actions/${actionId}`,
      ...resultHeaders(result),
    });
  });
  app.post('/reviews/:reviewId/conclusion', async (c) =>
    reviewCommand(c, { type: 'ConcludeReview', ...(await readBody(c, ConcludeReviewBody)) }),
  );

  // ---- reading ----------------------------------------------------------------------------

  app.get('/actions/:actionId', async (c) => {
    const actionId = c.req.param('actionId');
    const { state, version } = await planning.actionItems.load(actionId);
    if (version === 0) throw new NotFoundError('action item', actionId);
    return c.json({ version, action: state }, 200, { ETag: etag(version) });
  });

  app.get('/reps/:repId/actions', async (c) => {
    const repId = c.req.param('repId');
    // Read your own writes: the ledger folds every event committed before this request first.
    await readModels.caughtUp();
    const asOf = clock().toISOString().slice(0, 10);
    const ledger = commitmentsByOwner(readModels.state.ledger, { asOf, ownerIds: [repId] });
    // Overdue first (most days first), then by due date.
    const actions = ledger.owners
      .flatMap((owner) => owner.items)
      .filter((item) => item.status === 'open' || item.status === 'slipped');
    return c.json({ repId, asOf, actions, keptOnTimeRate: ledger.total.keptOnTimeRate });
  });

  app.get('/reviews/:reviewId/pack', async (c) => {
    const reviewId = c.req.param('reviewId');
    const { state, version } = await existingReview(reviewId);
    await readModels.caughtUp();
    const now = clock().toISOString();
    // The runner mutates its state as events arrive: the pack reads a copy taken now.
    const input = await readReviewPackInput(store, {
      repId: state.repId!,
      reviewId,
      asOf: now.slice(0, 10),
      generatedAt: now,
      models: structuredClone(readModels.state),
      ...(options.packOptions ? { options: options.packOptions } : {}),
    });
    const pack = buildReviewPack(input);
    const headers = { ETag: etag(version), Vary: 'Accept' };
    switch (packFormat(c.req.header('accept'))) {
      case 'html':
        return c.html(await renderHtml(pack), 200, headers);
      case 'markdown':
        return c.body(renderMarkdown(pack), 200, {
          ...headers,
          'Content-Type': 'text/markdown; charset=utf-8',
        });
      case 'json':
        return c.json(pack, 200, headers);
    }
  });

  /** The review's state. @throws {NotFoundError} when it was never scheduled. */
  async function existingReview(reviewId: string) {
    const loaded = await planning.reviews.load(reviewId);
    if (loaded.version === 0) throw new NotFoundError('review', reviewId);
    return loaded;
  }

  return app;
}

/**
 * The pack's format from the `Accept` header: HTML for a browser, Markdown on request, else the
 * report document as JSON (what a product's own UI renders).
 */
function packFormat(accept: string | undefined): 'html' | 'markdown' | 'json' {
  const wanted = (accept ?? '').split(',').map((part) => part.split(';')[0]!.trim());
  for (const type of wanted) {
    if (type === 'text/html') return 'html';
    if (type === 'text/markdown') return 'markdown';
    if (type === 'application/json') return 'json';
  }
  return 'json';
}

/** Parses the JSON body (an empty body is `{}`). @throws {ValidationError} with field paths. */
async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let json: unknown = {};
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ValidationError('The request body is not JSON', [
        { path: [], message: 'expected a JSON body', code: 'invalid_json' },
      ]);
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'request body');
  return parsed.data;
}

/** The command options the request's headers ask for. @throws {ValidationError} on a bad If-Match. */
function handleOptions(c: Context): HandleOptions {
  const idempotencyKey = c.req.header('idempotency-key');
  const ifMatch = c.req.header('if-match');
  const actor = c.req.header('x-user-id');
  return {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(ifMatch === undefined ? {} : { expectedVersion: expectedVersionOf(ifMatch) }),
    ...(actor === undefined ? {} : { metadata: { actor } }),
  };
}

/** `"3"` (or `W/"3"`) is version 3; `*` is any existing version. */
function expectedVersionOf(ifMatch: string): ExpectedVersion {
  if (ifMatch.trim() === '*') return 'stream_exists';
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(ifMatch);
  if (!match) {
    const message = 'expected an entity tag such as "3" (the version from the ETag)';
    throw new ValidationError(`Invalid If-Match header: ${message}`, [
      { path: ['headers', 'If-Match'], message, code: 'invalid_header' },
    ]);
  }
  return Number(match[1]);
}

function etag(version: number): string {
  return `"${version}"`;
}

function resultHeaders(result: CommandResult<unknown, never>): Record<string, string> {
  return {
    ETag: etag(result.version),
    ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  };
}

function reviewBody(result: CommandResult<ReviewState, ReviewEvent>) {
  return {
    version: result.version,
    events: result.events.map((e) => e.type),
    review: result.state,
  };
}

function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_JSON },
  });
}
