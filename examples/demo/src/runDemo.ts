import { relative } from 'node:path';
import {
  createAccountPlanning,
  readModelsProjection,
  readProjection,
} from '@account-planning/core';
import type { DemoOptions } from './cli/parseDemoArgs.js';
import { playStep } from './playScenario.js';
import { createProgress, type ProgressOutput } from './progress/createProgress.js';
import { DEMO_REPORTS } from './reports/demoReports.js';
import { type WrittenReports, writeReports } from './reports/writeReports.js';
import { commandCount } from './scenario/demoScenario.js';
import { generateDemo } from './scenario/generateDemo.js';
import { openDemoStore } from './store/openDemoStore.js';

/** What a run did. */
export interface DemoRun extends WrittenReports {
  /** True when the store already held this book, so nothing was written to it. */
  readonly reused: boolean;
  /** Commands run through the application service (0 when reused). */
  readonly commands: number;
}

/**
 * Runs the demo: generates the book from the seed, writes it through the application service
 * (unless the durable store already holds it), reads the read models, and writes the reports.
 * Prints each step and its time to `out`.
 *
 * @throws {DemoUsageError} the store cannot be used (see `openDemoStore`).
 */
export async function runDemo(
  options: DemoOptions,
  io: { readonly out: ProgressOutput; readonly cwd: string },
): Promise<DemoRun> {
  const progress = createProgress(io.out);
  const started = performance.now();
  const shown = (path: string) => {
    const near = relative(io.cwd, path);
    return near === '' ? '.' : near.startsWith('..') ? path : near;
  };

  const scenario = await progress.step(
    `Generating the book (seed ${options.seed}, ${options.accounts} accounts)`,
    1,
    async () => generateDemo({ seed: options.seed, accounts: options.accounts }),
  );
  let opened = await progress.step('Opening the store', 1, () =>
    openDemoStore(options.storage, io.cwd),
  );
  try {
    const planningOn = (store: typeof opened.store) => {
      let made = 0;
      return createAccountPlanning({
        store,
        // Every command carries its own business time: the clock and ids below are never the
        // wall clock or random, in case the service ever needs one.
        clock: () => new Date(scenario.generatedAt),
        ids: () => `01DEMQ${String(++made).padStart(20, '0')}`,
      });
    };
    let planning = planningOn(opened.store);
    let reused = false;
    if (opened.durable) {
      const final = await planning.reviews.load(scenario.finalReviewId);
      const holdsThisBook = final.version > 0 && final.state.notice !== null;
      if (holdsThisBook && !options.fresh) {
        reused = true;
        progress.line(
          `  ${opened.where} already holds this book (seed ${options.seed}, ${options.accounts} accounts): reusing it (--fresh rebuilds it)`,
        );
      } else {
        const empty = (await opened.store.readAll({ limit: 1 })).events.length === 0;
        if (!empty) {
          const why = options.fresh ? '--fresh' : 'it holds another book, or an unfinished one';
          const current = opened;
          opened = await progress.step(`Emptying ${current.where} (${why})`, 1, () =>
            current.wipe(),
          );
          planning = planningOn(opened.store);
        }
      }
    }

    const commands = reused ? 0 : commandCount(scenario.steps);
    if (!reused) {
      progress.line(
        `Writing ${commands.toLocaleString('en-GB')} commands to ${opened.where} through the application service`,
      );
      // One connection (memory, PGlite) gains nothing from running lanes at once; a server does.
      const concurrency = options.storage.kind === 'server' ? 8 : 1;
      for (const step of scenario.steps) {
        await progress.step(step.name, commandCount([step]), (tick) =>
          playStep(planning, step, { concurrency, onCommand: tick }),
        );
      }
    }

    const store = opened.store;
    const models = await progress.step(
      'Reading the read models',
      1,
      async () => (await readProjection(store, readModelsProjection)).state,
    );
    const written = await progress.step(
      'Writing the reports',
      DEMO_REPORTS.length,
      async (tick) => {
        const result = await writeReports(
          DEMO_REPORTS,
          { store, scenario, models },
          options.outDir,
        );
        for (const _ of DEMO_REPORTS) tick();
        return result;
      },
    );

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress.line('');
    progress.line(
      `Done in ${seconds} s. ${written.files.length} files in ${shown(options.outDir)}/:`,
    );
    for (const doc of written.documents)
      progress.line(
        `  ${doc.label}: ${shown(`${options.outDir}/${doc.html}`)} (also .md and csv/)`,
      );
    progress.line(
      `Open first: ${shown(`${options.outDir}/${written.index}`)}, then ${shown(`${options.outDir}/${written.documents[0]?.html ?? written.index}`)}`,
    );
    if (opened.durable)
      progress.line(`The events stay in ${opened.where}; the next run with this seed reuses them.`);
    return { ...written, reused, commands };
  } finally {
    await opened.close();
  }
}
