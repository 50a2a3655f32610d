// A separate process for the tests that need real processes (races, concurrent migrations, and
// "close() leaves nothing running"). Bundled from source by workerProcesses.ts; its one argument
// is a JSON task, its stdout a JSON result. It never calls process.exit: it must end by itself.
import { ConcurrencyError } from '@account-planning/core';
import { createPostgresEventStore, migrate } from '../index.js';

type Task =
  | { kind: 'migrate'; connectionString: string; schema: string }
  | {
      kind: 'append';
      connectionString: string;
      schema: string;
      tenant: string;
      stream: string;
      worker: number;
      count: number;
      mode: 'exact' | 'any';
    }
  | { kind: 'subscribeAndClose'; connectionString: string; schema: string; tenant: string };

async function main(task: Task): Promise<unknown> {
  if (task.kind === 'migrate') {
    return migrate({ connectionString: task.connectionString, schema: task.schema });
  }
  const store = createPostgresEventStore({
    connectionString: task.connectionString,
    schema: task.schema,
    tenant: task.tenant,
    maxConnections: 2,
  });
  try {
    if (task.kind === 'append') {
      let version = 0;
      let conflicts = 0;
      for (let index = 0; index < task.count; index++) {
        const event = { type: 'Noted', data: { worker: task.worker, index } };
        const eventId = `w${task.worker}-${index}`;
        for (;;) {
          try {
            const expectedVersion = task.mode === 'any' ? 'any' : version;
            const result = await store.append(task.stream, [{ ...event, eventId }], {
              expectedVersion,
            });
            version = result.nextExpectedVersion;
            break;
          } catch (error) {
            if (!(error instanceof ConcurrencyError)) throw error;
            conflicts++;
            version = error.actual;
          }
        }
      }
      return { conflicts };
    }
    // subscribeAndClose: a live subscription (LISTEN, a lease, a poll timer) and appends, then close.
    const seen: string[] = [];
    const subscription = store.subscribe({
      consumer: 'closer',
      handler: (events) => {
        for (const event of events) seen.push(event.eventId);
      },
    });
    await store.append('s', [{ type: 'Noted', data: {} }], { expectedVersion: 'any' });
    await subscription.caughtUp();
    return { seen: seen.length };
  } finally {
    await store.close();
  }
}

main(JSON.parse(process.argv[2] ?? '{}') as Task).then(
  (result) => {
    process.stdout.write(JSON.stringify(result ?? null));
  },
  (error: unknown) => {
    process.stderr.write(String((error as Error)?.stack ?? error));
    process.exitCode = 1;
  },
);
