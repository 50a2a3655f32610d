import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('runs its scripted session and exits by itself, the server closed', async () => {
  // In a process of its own, as `pnpm start` runs it: a server left listening would hang it.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@account-planning/source', '--import', 'tsx', 'src/main.ts'],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), timeout: 30_000 },
  );
  expect(stdout.split('\n').filter((line) => / -> (4|2)\d\d /.test(line))).toEqual([
    'POST /accounts -> 201 (version 1)',
    'POST /accounts -> 201 (version 1)',
    'POST /reviews -> 201 (version 1)',
    'POST /reviews/{id3}/notice -> 200 (version 2)',
    'POST /reviews/{id3}/discussions -> 400 (validation_failed at /startedAt)',
    'POST /reviews/{id3}/conclusion -> 422 (domain_rule_violated review.not_started)',
    'POST /reviews/{id3}/preparation/submission -> 200 (version 3)',
    'POST /reviews/{id3}/start -> 200 (version 4)',
    'POST /reviews/{id3}/discussions -> 200 (version 5)',
    'PUT  /reviews/{id3}/answers/needs_from_manager -> 200 (version 6)',
    'PUT  /reviews/{id3}/growth-expectations/{id1} -> 200 (version 7)',
    'POST /reviews/{id3}/actions -> 201 (version 8)',
    'POST /reviews/{id3}/actions -> 201 (version 8, replayed)',
    'POST /reviews/{id3}/conclusion -> 412 (concurrency_conflict)',
    'GET  /reviews/{id3} -> 200 (version 8)',
    'POST /reviews/{id3}/conclusion -> 200 (version 9)',
    'GET  /reps/rep-ana/actions -> 200 (ok)',
    'GET  /reviews/{id3}/pack -> 200 (ok)',
  ]);
  expect(stdout).toContain(
    '  review pack: "Monthly account review: rep-ana", At a glance / Agenda',
  );
  expect(stdout).toContain('  open action: Send Acme the ERP proposal, due 2026-03-27');
});
