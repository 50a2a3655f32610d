import { changesBetween, foldProjection, readModelsProjection } from '@account-planning/core';
import { buildReviewPack, type ReviewPackInput, renderHtml } from '@account-planning/reporting';
import { type BenchSuite, wallTimeMs } from '../benchSuite.js';
import { generateDomainLog } from './generateDomainLog.js';

const ACCOUNTS = 500;
// About three years of one rep's book of 500 accounts: monthly revenue per product line,
// opportunities, contacts, satisfaction, monthly reviews and actions.
const EVENTS = 45_000;
// The last month's events are "what changed since the last review".
const SINCE = 0.97;

let prepared: ReviewPackInput | undefined;
/** The read models built and the changes counted once, before any timed run. */
function packInput(): ReviewPackInput {
  if (prepared) return prepared;
  const events = generateDomainLog({ events: EVENTS, accounts: ACCOUNTS, reps: 1 });
  const cut = Math.floor(events.length * SINCE);
  const models = foldProjection(readModelsProjection, events.slice(0, cut));
  const dateOf = (i: number) => String((events[i]!.data as { at: string }).at).slice(0, 10);
  const accountIds = Object.keys(models.book.accounts);
  const changes = changesBetween(models, events.slice(cut), {
    accountIds,
    fromDate: dateOf(cut - 1),
    toDate: dateOf(events.length - 1),
  });
  if (accountIds.length !== ACCOUNTS) throw new Error(`expected ${ACCOUNTS} accounts`);
  prepared = {
    models,
    repId: 'rep-1',
    asOf: dateOf(events.length - 1),
    generatedAt: '2026-01-01T00:00:00.000Z',
    changes,
  };
  return prepared;
}

/** Building and rendering reports from read models already built. */
export const reportingSuite: BenchSuite = {
  name: 'reporting',
  figures: [
    {
      name: 'reporting.review_pack_500_accounts',
      // Wall-clock: the issue asks for the milliseconds a host waits. The work is in-process and
      // single-threaded, but the collector's helper threads would add half again to a CPU-time
      // figure (measured: ~1.5x) that no one waits for.
      unit: 'ms',
      target: { of: 'value', atMost: 250 },
      runs: 15,
      // Packs rendered one after another, as a host renders them. Run after run, the first three
      // or four packs of a process take about twice as long as the rest while V8 optimises code
      // called hundreds of times a pack; and a full collection forced before each run throws
      // compiled code away again (measured: 220-285 ms with it, 150-165 ms without, same code),
      // which a host does not pay between two packs. Each run still pays for collecting the
      // garbage of the one before.
      warmUp: 5,
      collectGarbageFirst: false,
      async measure() {
        const input = packInput();
        let html = '';
        const ms = await wallTimeMs(async () => {
          html = await renderHtml(buildReviewPack(input));
        });
        if (!html.includes('Account 500')) throw new Error('the pack misses accounts');
        return { value: ms };
      },
    },
  ],
};
